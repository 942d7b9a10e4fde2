"""Disagreements: one proposition asserted and rejected, one count read two ways, and why."""

from __future__ import annotations

import pytest

from chronicle.extract.attribution import Attribution
from chronicle.extract.claims import claim_disagreements, disagreements, stem
from chronicle.extract.figures import Figure


def claim(n: int, source: str, stance: str, content: str, article: str = "a",
          sentence: int | None = None) -> Attribution:
    return Attribution(id=f"{article}:a{n}", article_id=article,
                       sentence_index=n if sentence is None else sentence, cue_start=0,
                       cue_end=1, cue_text="said", content_start=0, content_end=len(content),
                       content_text=content, kind="indirect", stance=stance,
                       source_text=source, source_actor=source, source_kind="named")


def sides(found) -> list[set[str]]:
    return [{d.first.source_actor, d.second.source_actor} for d in found]


def test_words_meet_across_their_endings():
    assert stem("restricting") == stem("restricts") == stem("restricted")
    assert stem("deliveries") == stem("delivered") and stem("fighters") == stem("fighter")


def test_a_denial_and_the_assertion_of_the_same_proposition_disagree_and_say_why():
    (d,) = claim_disagreements([
        claim(0, "aid agencies", "asserts", "the army is blocking fuel convoys to the valley"),
        claim(1, "the army", "denies", "blocking fuel convoys to the valley", article="b")])
    assert d.kind == "denial"
    assert "blocking fuel convoys" in d.reason and "the army denies" in d.reason


def test_a_denial_meets_a_claim_in_other_words_of_one_lexical_field():
    found = claim_disagreements([
        claim(0, "the agency", "asserts", "famine is imminent in the province"),
        claim(1, "the governor", "denies", "restricting food", article="b")])
    assert sides(found) == [{"the agency", "the governor"}]
    assert "≈ “famine”" in found[0].reason


def test_claims_that_share_only_names_are_two_propositions():
    found = claim_disagreements([
        claim(0, "the minister", "asserts", "sanctions against the Ruritanian Government cut "
                                            "its reserves by half"),
        claim(1, "the spokesman", "denies", "Ruritanian Government involvement in the "
                                            "killings", article="b")])
    assert found == []


@pytest.mark.parametrize("other", [
    "who drove the country to descend into civil war",  # a question asserts nothing
    "the plan was the best way to avoid civil war in the country",  # irrealis
    "the country is on the edge of collapse or of civil war",
    "the opposition rejected the claim that the country is in civil war",  # rejects it too
])
def test_what_is_not_asserted_does_not_stand_against_a_denial(other):
    claims = [claim(0, "the envoy", "asserts", other),
              claim(1, "both sides", "denies", "that the country has descended into civil war",
                    article="b")]
    assert claim_disagreements(claims) == []
    claims[0] = claim(0, "the envoy", "asserts", "the country is now in a state of civil war")
    assert sides(claim_disagreements(claims)) == [{"the envoy", "both sides"}]


def test_another_side_doing_it_is_no_answer_to_a_denial():
    denial = claim(1, "the president", "denies", "his forces had any role in the massacre",
                   article="b")
    rebels = claim(0, "a newspaper", "asserts", "rebel forces were responsible for the massacre")
    troops = claim(2, "activists", "asserts", "the president's forces were behind the massacre")
    assert sides(claim_disagreements([rebels, denial, troops])) == [
        {"the president", "activists"}]


def test_a_thing_said_not_to_exist_stands_against_its_article_reporting_it():
    warning = claim(0, "the agency", "asserts", "mass death from famine is imminent in the "
                                                "province")
    none = claim(3, "an official", "asserts", "there is no starvation in the province")
    assert sides(claim_disagreements([warning, none])) == [{"the agency", "an official"}]
    elsewhere = claim(3, "an official", "asserts", "there is no starvation in the province",
                      article="b")
    assert claim_disagreements([warning, elsewhere]) == []
    # "no" inside a phrase ("with no civilian use") says nothing does not exist
    assert claim_disagreements([warning, claim(3, "an official", "asserts",
                                               "the depots held grain with no famine use")]) == []


def test_a_short_denial_answers_the_claim_just_before_it_not_the_one_after():
    claimed = claim(4, "the army", "asserts", "it killed dozens of fighters at the hospital")
    denied = claim(5, "the staff", "denies", "fighters were present there")
    later = claim(7, "the mayor", "asserts", "fighters left the town at dawn")
    assert sides(claim_disagreements([claimed, denied, later])) == [{"the army", "the staff"}]


def test_claims_of_two_articles_meet_only_where_they_are_set_in_one_place():
    claims = [claim(0, "monitors", "asserts", "security forces have killed protesters in "
                                              "the capital"),
              claim(1, "the leader", "denies", "his security forces killed protesters",
                    article="b")]
    assert len(claim_disagreements(claims)) == 1
    settings = {("a", 0): frozenset({"damascus"}), ("b", 1): frozenset({"tripoli"})}
    assert claim_disagreements(claims, settings) == []
    settings[("b", 1)] = frozenset({"damascus", "syrian"})
    assert len(claim_disagreements(claims, settings)) == 1


def count(value: float, bound: str, source: str, unit: str = "people",
          cumulative: bool | None = True, article: str = "a", sentence: int = 0) -> Figure:
    return Figure(start=0, end=1, text=f"{bound} {value:g}", value=value, low=value,
                  high=value, bound=bound, unit=unit, referent="killed",
                  cumulative=cumulative, date="2024-05-25", source_actor=source,
                  article_id=article, sentence_index=sentence)


def test_counts_far_apart_count_different_things():
    town, war = count(40, "~", "activists"), count(9000, "~", "the UN", sentence=1)
    assert disagreements([], [town, war]) == []
    (d,) = disagreements([], [count(40, "~", "activists"), count(25, "=", "the army")])
    assert d.kind == "figures" and "killed (running total)" in d.reason


def test_a_count_of_one_group_is_no_reading_of_a_count_of_everyone():
    assert disagreements([], [count(49, "=", "observers", unit="children"),
                              count(108, "=", "activists", sentence=1)]) == []


def test_a_value_inside_an_open_bound_agrees_with_it():
    assert disagreements([], [count(107, "=", "the observatory"),
                              count(70, ">", "activists", sentence=1)]) == []
    assert len(disagreements([], [count(1200, "=", "the army"),
                                  count(1200, ">", "the ministry", sentence=1)])) == 1


def test_one_wire_story_in_two_articles_is_one_disagreement():
    figures = [count(30, "=", "medics"), count(12, "=", "the army", sentence=1),
               count(30, "=", "medics", article="b"),
               count(12, "=", "the army", article="b", sentence=1)]
    assert len(disagreements([], figures)) == 1


def test_laying_it_on_the_other_camp_agrees_with_a_denial():
    denial = claim(1, "the ministry", "denies", "Ruritanian government involvement in the "
                                                "bombing", article="b")
    blamed = claim(0, "a report", "asserts", "a Ruritanian inquiry into the bombing blamed "
                                            "rebel groups")
    accused = claim(2, "witnesses", "asserts", "Ruritanian government involvement in the "
                                               "bombing was plain")
    assert sides(claim_disagreements([blamed, denial, accused])) == [
        {"the ministry", "witnesses"}]


def test_what_is_no_claim_of_its_own_stands_against_nothing():
    said = claim(0, "the envoy", "asserts", "the idea of sending observers", sentence=3)
    rejected = claim(1, "the council", "denies", "the idea of sending observers", sentence=3)
    assert claim_disagreements([said, rejected]) == []  # the envoy reports the rejection
    called = Attribution(**{**said.__dict__, "cue_text": "called for"})
    assert len(claim_disagreements([called, rejected])) == 1
    # a name called is no proposition denied; one man under two names is one source
    assert claim_disagreements([
        claim(0, "state television", "asserts", "Libyans to fight off the rebel rats"),
        claim(1, "the leader", "denies", "the rebels as rats")]) == []
    assert claim_disagreements([
        claim(0, "Omar Haddad", "asserts", "the port is closed to shipping"),
        claim(1, "Haddad", "denies", "the port is closed to shipping", article="b")]) == []


def test_a_short_denial_answers_only_what_it_names():
    law = claim(0, "deputies", "asserts", "the 1973 War Powers Resolution was violated")
    denial = claim(1, "the leader", "denies", "that he will give up power")
    assert claim_disagreements([law, denial]) == []

"""Disagreements: one proposition asserted and rejected, one count read two ways, and why."""

from __future__ import annotations

import sys

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


def test_a_rejected_proposal_is_a_vote_not_a_denial():
    approved = Attribution(**{**claim(0, "the committee", "asserts", "the measure to end "
                                      "funding for the mission").__dict__, "cue_text": "approved"})
    rejected = claim(1, "the assembly", "denies", "the measure to end funding for the mission",
                     article="b")
    assert claim_disagreements([approved, rejected]) == []
    urged = Attribution(**{**approved.__dict__, "cue_text": "called for"})
    assert len(claim_disagreements([urged, rejected])) == 1


def test_a_denial_that_a_thing_took_place_meets_it_in_other_words():
    found = claim_disagreements([
        claim(0, "residents", "asserts", "troops pursued an offensive in the town of Ruritown"),
        claim(1, "the ministry", "denies", "that any assault on Ruritown took place",
              article="b")])
    assert sides(found) == [{"residents", "the ministry"}]


def test_a_denied_report_is_set_against_what_it_reported():
    found = claim_disagreements([
        claim(0, "the ministry", "denies", "on Tuesday the report that the army was planning a "
                                          "buffer zone to prevent an influx of refugees"),
        claim(1, "newspapers", "asserts", "army chiefs were considering a buffer zone along the "
                                         "border")])
    assert sides(found) == [{"the ministry", "newspapers"}]


def test_shelling_from_the_sea_is_shelling_by_ships_and_unconfirmed_is_no_side():
    denial = claim(2, "state television", "denies", "Portville had been shelled from the sea")
    ships = claim(0, "residents", "asserts", "tanks and navy ships shelled the south of Portville")
    unsure = claim(3, "the embassy", "asserts", "it was unable to confirm that the navy had "
                                               "shelled Portville")
    assert sides(claim_disagreements([ships, denial, unsure])) == [
        {"residents", "state television"}]


def test_a_capital_speaks_for_its_country():
    found = claim_disagreements([
        claim(0, "the envoy", "accuses", "Paris of shipping rifles to Bamako"),
        claim(1, "a spokesman", "denies", "France was selling or delivering rifles to Mali",
              article="b")])
    assert sides(found) == [{"the envoy", "a spokesman"}]


def test_his_forces_are_the_government_forces_of_a_president():
    denial = claim(1, "the president", "denies", "his forces had any role in the massacre",
                   article="b")
    troops = claim(0, "activists", "asserts", "government forces had a role in the massacre")
    rebels = claim(2, "a newspaper", "asserts", "rebel forces had a role in the massacre")
    assert sides(claim_disagreements([troops, denial, rebels])) == [
        {"the president", "activists"}]


def test_a_predicate_denied_of_its_subject_stands_against_its_article_reporting_it():
    shipped = claim(0, "the envoy", "asserts", "a Ruritanian ship delivered rifles to Freedonia")
    denied = claim(1, "the minister", "asserts", "Ruritania was not supplying Freedonia with "
                                                "rifles")
    assert sides(claim_disagreements([shipped, denied])) == [{"the envoy", "the minister"}]
    elsewhere = Attribution(**{**denied.__dict__, "article_id": "b"})
    assert claim_disagreements([shipped, elsewhere]) == []
    supposed = claim(1, "the minister", "asserts", "Ruritania would not keep supplying "
                                                  "Freedonia with rifles")
    assert claim_disagreements([shipped, supposed]) == []


def test_what_is_said_of_many_events_is_no_reading_of_the_one_denied():
    denial = claim(1, "the ministry", "denies", "government involvement in the killings",
                   article="b")
    many = claim(0, "monitors", "asserts", "thirty people were killed across the country on "
                                          "Monday , largely by government forces")
    one = claim(2, "monitors", "asserts", "government forces were involved in the killings")
    assert sides(claim_disagreements([many, denial, one])) == [{"the ministry", "monitors"}]
    assert claim_disagreements([many, denial]) == []
    # a superlative singles one event out: it still answers the denial
    worst = claim(0, "monitors", "asserts", "government forces were involved in the most "
                                           "brutal of the killings")
    assert sides(claim_disagreements([worst, denial])) == [{"the ministry", "monitors"}]


def test_a_refused_course_of_action_answers_only_a_call_for_it():
    refused = Attribution(**{**claim(1, "the union", "denies", "any military intervention",
                                     article="b").__dict__, "cue_text": "rejected"})
    planned = claim(0, "analysts", "asserts", "the strategy for the military intervention")
    assert claim_disagreements([planned, refused]) == []
    urged = Attribution(**{**planned.__dict__, "cue_text": "have been calling for"})
    assert len(claim_disagreements([urged, refused])) == 1
    # a rejected claim is a denial all the same
    charge = Attribution(**{**claim(1, "the union", "denies", "allegations that troops "
                                    "shelled the port", article="b").__dict__,
                            "cue_text": "rejected"})
    assert len(claim_disagreements([claim(0, "residents", "asserts", "troops shelled the port "
                                                                     "at dawn"), charge])) == 1


def test_a_denial_for_one_place_is_not_met_by_a_claim_naming_none():
    denial = claim(1, "the ministry", "denies", "attacking civilians in Ruritown", article="b")
    general = claim(0, "observers", "asserts", "repeated attacks on civilians by the army")
    there = claim(2, "observers", "asserts", "the army was attacking civilians in Ruritown")
    assert sides(claim_disagreements([general, denial, there])) == [
        {"the ministry", "observers"}]
    assert claim_disagreements([general, denial]) == []


def test_neither_nor_denies_no_predicate_of_its_second_subject():
    both = claim(0, "a diplomat", "asserts", "neither Ruritania 's army nor the rebels can win "
                                            "the war")
    armed = claim(1, "an envoy", "asserts", "Ruritania sent the rebels weapons to win the war")
    assert claim_disagreements([both, armed]) == []


def _gold_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "disagreement_gold.py"
    spec = importlib.util.spec_from_file_location("disagreement_gold", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_gold_scorer_meets_sides_by_overlapping_spans_in_either_order(tmp_path):
    gold = _gold_module()
    path = tmp_path / "gold.tsv"
    path.write_text("# a comment\n" + "\t".join(gold.COLUMNS) + "\n"
                    "t\tdenial\td/1.txt\t10\t40\td/2.txt\t0\t20\treal\tone proposition\n"
                    "t\tdenial\td/1.txt\t50\t60\td/3.txt\t5\t9\tfalse\ttwo propositions\n"
                    "t\tdenial\td/4.txt\t0\t9\td/5.txt\t0\t9\treal\tmissed\n"
                    "u\tdenial\td/9.txt\t0\t9\td/9.txt\t20\t29\treal\tanother topic\n")
    rows = gold.read_gold(path, "t")
    side = gold.Side
    listed = [gold.Pair("denial", side("d/2.txt", 5, 15), side("d/1.txt", 30, 45)),  # trimmed
              gold.Pair("denial", side("d/1.txt", 50, 60), side("d/3.txt", 5, 9)),
              gold.Pair("denial", side("d/6.txt", 0, 9), side("d/7.txt", 0, 9))]  # unjudged
    assert gold.score(listed, rows) == {"listed": 3, "judged": 2, "real_listed": 1,
                                        "precision": 0.5, "gold_real": 2, "recalled": 1,
                                        "recall": 0.5}
    assert not side("d/1.txt", 0, 10).meets(side("d/1.txt", 10, 20))  # touching is no overlap


def test_the_gold_files_hold_references_and_labels_only():
    gold = _gold_module()
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "bench"
    for name in ("disagreement_gold.tsv", "disagreement_heldout.tsv"):
        for line in (bench / name).read_text().splitlines()[1:]:
            if line.startswith("#") or line.startswith("topic\t"):
                continue
            cells = line.split("\t")
            assert len(cells) == len(gold.COLUMNS) and cells[8] in {"real", "false"}
            assert all(cell.isdigit() for cell in cells[3:5] + cells[6:8])
            assert len(cells[9]) <= 140  # a judge's reason, no article's sentence


def test_the_gold_window_is_a_seeded_run_of_non_empty_articles(tmp_path):
    gold = _gold_module()
    docs = tmp_path / "InputDocs"
    for day in range(1, 6):
        (docs / f"2020-01-0{day}").mkdir(parents=True)
        (docs / f"2020-01-0{day}" / "1.txt").write_text("An article." if day != 3 else "")
    first = gold.pick(docs, tmp_path / "a", 2, seed=7)
    assert first == gold.pick(docs, tmp_path / "b", 2, seed=7)  # the same seed, the same run
    copied = sorted(p.parent.name for p in (tmp_path / "a").rglob("*.txt"))
    assert len(copied) == 2 and "2020-01-03" not in copied and tuple(copied) == first

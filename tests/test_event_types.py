"""Event types and modality on sentences written for these tests: acts PLOVER codes with a
mode (threats, demands, plans), and clauses that name an act without reporting one."""

from __future__ import annotations

import pytest

from chronicle.extract.events import extract_events, primary
from chronicle.model import Article
from chronicle.read.pipeline import analyse


@pytest.fixture(scope="module")
def code(reader):
    """Code one article's text; returns its event mentions."""

    def run(text: str, published: str = "2024-03-22"):
        article = Article.create(published=published, text=text)
        doc = reader.nlp(text)
        return extract_events(article, doc, analyse(article, doc))

    return run


def kinds(mentions) -> list[str]:
    return [m.event_type for m in mentions]


@pytest.mark.parametrize(("text", "event_type"), [
    ("The army lifted its siege of the northern town on Monday.", "RETREAT"),
    ("The navy ended its blockade of the port after two weeks.", "RETREAT"),
    ("The government lifted the nightly curfew in the capital on Monday.", "CONCEDE"),
])
def test_ending_a_military_restraint_is_a_retreat_a_political_one_a_concession(
        code, text, event_type):
    assert primary(code(text)).event_type == event_type


def test_pressuring_someone_to_act_is_a_request(code):
    event = primary(code("The ministry has been pressuring the teachers' union to call off "
                         "its walkout."))
    assert event.event_type == "REQUEST"


def test_a_welcome_given_to_a_visitor_is_hosting(code):
    event = primary(code("The Kenyan president gave a warm welcome on Friday to the visiting "
                         "Ugandan leader."))
    assert (event.event_type, event.mode) == ("CONSULT", "host")


def test_evacuating_people_is_aid_evacuating_positions_a_retreat(code):
    people = primary(code("Turkish soldiers evacuated hundreds of civilians from the "
                          "border villages on Sunday."))
    assert people.event_type == "AID"
    positions = primary(code("Turkish soldiers evacuated their positions near the border "
                             "on Sunday."))
    assert positions.event_type == "RETREAT"


def test_arson_is_destruction_of_property(code):
    event = primary(code("Armed settlers set fire to the offices of the land registry "
                         "overnight, police said."))
    assert (event.event_type, event.mode) == ("COERCE", "destroy")


@pytest.mark.parametrize("text", [
    "Gunmen are holding four Italian engineers hostage in the mountains, police said.",
    "The militia kept dozens of villagers as human shields near the front line.",
])
def test_holding_people_captive_is_a_detention(code, text):
    assert primary(code(text)).event_type == "COERCE"


def test_an_order_to_do_what_is_no_act_is_a_demand(code):
    event = primary(code("A French judge ordered the former minister to appear for "
                         "questioning next month."))
    assert event.event_type == "REQUEST"
    ordered = code("The general ordered his troops to withdraw from the border on Monday.")
    assert "REQUEST" not in kinds(ordered) and "RETREAT" in kinds(ordered)


def test_a_summons_to_complain_is_the_complaint(code):
    event = primary(code("The Brazilian foreign minister summoned the Argentine ambassador "
                         "to complain about the border incident."))
    assert event.event_type == "ACCUSE"
    assert event.actor.country == "BRA"


def test_a_hostile_act_said_to_be_possible_on_a_condition_is_a_threat(code):
    event = primary(code("The European Union may suspend aid to the government if the "
                         "killings continue, a spokesman said."))
    assert (event.event_type, event.modality) == ("THREATEN", "threatened")
    # without a condition it is only a possibility: no event
    assert not code("The European Union may suspend aid to the government, a spokesman "
                    "said.")


def test_an_obligation_negated_is_no_denial(code):
    said = code('"We must not allow the blockade to continue," the minister told reporters.')
    assert all(m.modality != "denied" for m in said)
    done = primary(code("The army did not allow the convoy to pass on Monday."))
    assert done.modality == "denied"


def test_a_running_toll_over_many_attacks_is_no_event(code):
    toll = code("More than 4,000 people have been killed in the army's air raids, the "
                "health ministry says.")
    assert "ASSAULT" not in kinds(toll)
    one = code("Ten people have been killed in an air strike on a market, officials said.")
    assert "ASSAULT" in kinds(one)


def test_acts_the_speaker_then_calls_crimes_are_an_accusation(code):
    text = ('"The militia is shelling farmers near the river. These are war crimes," the '
            'Nigerian defence minister said.')
    events = code(text)
    assert "ASSAULT" not in kinds(events)
    accusation = next(m for m in events if m.event_type == "ACCUSE")
    assert accusation.actor.country == "NGA"
    assert accusation.trigger == "shelling"
    told = code("The militia shelled farmers near the river. The minister visited the "
                "area on Monday.")
    assert "ASSAULT" in kinds(told)


def test_an_it_that_points_forward_judges_no_act_before_it(code):
    for judgement in ("It is a crime to let children starve.",
                      "It is a crime that they starve children."):
        events = code("The militia shelled farmers near the river. " + judgement)
        assert "ASSAULT" in kinds(events), judgement


def test_force_used_by_police_on_protesters_is_repression(code):
    crowd = primary(code("Kenyan police fired on demonstrators in the capital on Friday."))
    assert crowd.event_type == "COERCE"
    fighters = primary(code("Kenyan police fired on gunmen in the capital on Friday."))
    assert fighters.event_type == "ASSAULT"


def test_stones_thrown_are_a_riot_not_an_armed_attack(code):
    event = primary(code("Masked youths threw stones at soldiers at the checkpoint on "
                         "Friday."))
    assert event.event_type == "PROTEST"


def test_stopping_a_publication_is_censorship(code):
    event = primary(code("The military government ordered the opposition daily to suspend "
                         "publication on Monday."))
    assert (event.event_type, event.mode) == ("COERCE", "censor")


def test_a_passive_whose_subject_is_a_thing_names_no_event(code):
    # things destroyed with no one who did it: no party at all
    assert code("In the attack, many weapons were also destroyed.") == []
    # people killed with no doer named are still the victims of an event
    assert "ASSAULT" in kinds(code("Two soldiers were killed near the border on Monday."))

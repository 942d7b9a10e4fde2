"""Who acts and who is acted on: event parties on sentences written for these tests."""

from __future__ import annotations

import pytest

from chronicle.extract.events import extract_events, primary
from chronicle.model import Article
from chronicle.read.pipeline import analyse


@pytest.fixture(scope="module")
def code(reader):
    """Code one article's text; returns its event mentions."""

    def run(text: str, published: str = "2024-05-02"):
        article = Article.create(published=published, text=text)
        doc = reader.nlp(text)
        return extract_events(article, doc, analyse(article, doc))

    return run


def _of_type(events, event_type):
    return next(e for e in events if e.event_type == event_type)


def test_unnamed_troops_do_not_take_the_country_of_the_armed_group_they_fight(code):
    event = _of_type(code("Soldiers killed five Hezbollah fighters in southern Lebanon."),
                     "ASSAULT")
    assert (event.recipient.name, event.recipient.country) == ("Hezbollah", "LBN")
    assert event.actor.sector == "MIL" and event.actor.country != "LBN"


def test_unnamed_troops_take_the_side_of_the_army_that_tells_of_them(code):
    event = _of_type(code("Soldiers killed five Hezbollah fighters in southern Lebanon, "
                          "according to the Israeli army."), "ASSAULT")
    assert (event.actor.country, event.actor.sector) == ("ISR", "MIL")


def test_an_official_calling_for_sanctions_on_a_state_is_not_of_that_state(code):
    event = primary(code("The foreign minister called for sanctions against Zimbabwe."))
    assert event.recipient.country == "ZWE"
    assert event.actor.sector == "GOV" and event.actor.country != "ZWE"


@pytest.mark.parametrize(("text", "actor"), [
    # insurgents fight their own state
    ("Rebels attacked Syrian army positions near Homs.", ("SYR", "REB")),
    # a place is not the other side: the police of the city arrest its people
    ("Police arrested five Egyptian activists in Cairo.", ("EGY", "COP")),
])
def test_an_unnamed_doer_still_takes_the_country_of_its_own_side(code, text, actor):
    event = primary(code(text))
    assert (event.actor.country, event.actor.sector) == actor


def test_the_two_leaders_are_the_two_people_named_before(code):
    events = code("Maria Lopez spoke with her Chilean counterpart Juan Perez on Monday. "
                  "The two leaders held talks on trade.")
    talks = next(e for e in events if e.trigger == "held")
    assert (talks.actor.name, talks.recipient.name) == ("Maria Lopez", "Juan Perez")


def test_two_subjects_of_a_reciprocal_act_are_its_two_sides(code):
    event = _of_type(code("Maria Lopez and Juan Perez discussed the border dispute."),
                     "CONSULT")
    assert (event.actor.name, event.recipient.name) == ("Maria Lopez", "Juan Perez")
    assert event.co_actors == ()  # the counterpart is not also a second actor


def test_subjects_of_a_reciprocal_act_with_a_counterpart_act_together(code):
    event = _of_type(code("Maria Lopez and Juan Perez met with the Chilean president."),
                     "CONSULT")
    assert event.recipient.sector == "GOV" and event.recipient.country == "CHL"
    assert event.actor.name == "Maria Lopez"


def test_a_thing_is_no_party_but_who_it_was_taken_from_is(code):
    event = _of_type(code("The rebels agreed to return military equipment seized from "
                          "United Nations peacekeepers."), "AGREE")
    assert (event.recipient.country, event.recipient.sector) == ("UNO", "MIL")


@pytest.mark.parametrize("text", [
    "Estonia's parliament eased restrictions on the use of the Russian language in schools.",
    "Austria plans to impose restrictions on its labour market for two more years.",
])
def test_a_language_or_a_market_is_no_party(code, text):
    for event in code(text):
        assert event.recipient is None or event.recipient.sector not in {"LAB"}
        assert event.recipient is None or event.recipient.country != "RUS"


def test_an_act_in_the_course_of_a_protest_is_aimed_where_the_protest_is(code):
    event = primary(code("Bolivian students threw stones during demonstrations against "
                         "abuses by the Chilean police."))
    assert (event.recipient.country, event.recipient.sector) == ("CHL", "COP")


def test_an_object_shifted_after_an_as_complement_is_the_recipient(code):
    event = primary(code("Greece denounced as a grave crime Turkey's crackdown on Kurdish "
                         "protesters."))
    assert event.event_type == "ACCUSE" and event.recipient.country == "TUR"


def test_the_first_half_of_a_hyphenated_compound_is_not_the_party(code):
    event = primary(code("Canada said it would not meet hostage-takers demands to free "
                         "prisoners."))
    assert event.recipient is None or event.recipient.sector != "CVL"


def test_both_countries_named_before_act_together_in_a_one_sided_act(code):
    events = code("France and Germany signed the accord in May. Both countries have backed "
                  "Ukraine's bid to join the union.")
    backing = next(e for e in events if e.trigger == "backed")
    assert backing.actor.country == "FRA"
    assert [a.country for a in backing.co_actors] == ["DEU"]
    assert backing.recipient.country == "UKR"


@pytest.mark.parametrize("text", [
    "Gulf states demanded an end to the fighting in Yemen.",
    "Western governments sent aid to refugees in Chad.",
])
def test_parties_of_several_states_are_no_one_country(code, text):
    event = primary(code(text))
    assert event.actor.sector == "GOV" and event.actor.country == ""  # not Yemen, not Chad


def test_a_common_noun_spelt_like_a_country_code_is_no_country(code):
    for event in code("Soldiers seized cars and trucks at the checkpoint."):
        assert event.recipient is None or event.recipient.country != "CAF"


def test_the_far_side_of_a_border_is_neither_party_nor_place(code):
    event = primary(code("Turkish troops shelled a village on the border with Syria."))
    assert event.recipient.sector == "CVL" and event.recipient.country != "SYR"


def test_the_one_urged_is_the_request_s_own_object(code):
    event = primary(code("Human rights groups urged Western leaders to protect Sudanese "
                         "in the camps."))
    assert event.recipient.sector == "GOV"


def test_joining_forces_acts_on_no_forces(code):
    for event in code("Norway and Sweden joined forces to fight the wildfires."):
        assert event.recipient is None or event.recipient.sector != "MIL"


def test_foreign_forces_are_not_of_the_country_they_are_in(code):
    event = primary(code("Foreign troops shelled villages in Chad."))
    assert event.actor.sector == "MIL" and event.actor.country == ""
    assert event.recipient.country == "TCD"


def test_a_dateline_in_brackets_names_neither_party_nor_their_country(code):
    event = primary(code("(Update 9:40 a.m. in Nairobi) Officials in Uganda said the police "
                         "arrested ten protesters."))
    assert (event.actor.country, event.actor.sector) == ("UGA", "COP")


def test_a_visitor_to_a_country_is_not_of_that_country(code):
    event = primary(code("The mayor flew to Ghana and met with officials there."))
    assert event.recipient.country == "GHA" and event.actor.country != "GHA"


def test_the_police_there_are_of_the_place_named_before(code):
    event = _of_type(code("An envoy flew from Britain to Kenya, and the police there "
                          "arrested him."), "COERCE")
    assert (event.actor.country, event.actor.sector) == ("KEN", "COP")


def test_a_state_named_on_its_weapons_or_strikes_is_its_military(code):
    event = primary(code("Recent US drone attacks have killed at least eight militants "
                         "since July."))
    assert (event.actor.country, event.actor.sector) == ("USA", "MIL")
    event = primary(code("Israeli air strikes killed ten people in the town."))
    assert (event.actor.country, event.actor.sector) == ("ISR", "MIL")


def test_a_dateline_in_brackets_is_not_the_subject(code):
    event = primary(code("(Update 7:42 p.m. in Nairobi, 11:42 ET) Ugandan opposition leader "
                         "Kizza Besigye welcomed the army's decision."))
    assert event.actor.name == "Kizza Besigye"


def test_who_condemns_an_act_is_not_of_the_state_it_is_put_down_to(code):
    event = primary(code("The ministry condemned the air strikes attributed to Israel."))
    assert event.recipient.country == "ISR" and event.actor.country != "ISR"


def test_the_opposition_a_state_funds_is_not_its_own(code):
    event = _of_type(code("Qatar has been arming and funding the opposition in the north."),
                     "AID")
    assert event.recipient.sector == "OPP" and event.recipient.country != "QAT"


def test_government_forces_are_of_the_state_whose_rebels_they_fight(code):
    event = primary(code("Government forces killed ten Libyan rebels near the town."))
    assert (event.actor.country, event.actor.sector) == ("LBY", "MIL")


def test_both_nations_are_the_two_joined_by_and_not_the_last_two_named(code):
    events = code("Spain and Portugal condemned the attack on Morocco. Both nations have "
                  "backed Morocco's call for an inquiry.")
    backing = next(e for e in events if e.trigger == "backed")
    assert backing.actor.country == "ESP"
    assert [a.country for a in backing.co_actors] == ["PRT"]


def test_two_people_without_the_are_new_people_not_the_two_named_before(code):
    events = code("Maria Lopez spoke with Juan Perez on Monday. Two men attacked the "
                  "police station on Tuesday.")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert attack.actor is None or attack.actor.name != "Maria Lopez"


def test_a_country_naming_a_currency_is_no_party_s_country(code):
    event = primary(code("Police arrested the former minister for misusing up to US $50 "
                         "million in public funds."))
    assert event.actor.country != "USA"
    assert event.recipient.country != "USA"

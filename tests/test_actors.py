"""Actor resolution: canonical names, ISO3 countries and sectors, over time."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.extract.actors import build_registry, registry
from chronicle.extract.cameo import code, normalise_type
from chronicle.extract.places import geocode


@pytest.fixture(scope="module")
def actors():
    return registry()


@pytest.mark.parametrize(("text", "name", "country"), [
    ("the British Red Cross", "British Red Cross", "GBR"),
    ("Palestinian Red Crescent", "Palestinian Red Crescent", "PSE"),
    ("the Red Cross", "International Committee of the Red Cross", "NGO"),
])
def test_a_nationality_before_an_international_body_names_its_national_branch(
        actors, text, name, country):
    actor = actors.resolve(text)
    assert (actor.name, actor.country, actor.sectors) == (name, country, ("NGO",))


@pytest.mark.parametrize(("text", "country", "sector"), [
    ("Britain’s Defence Ministry", "GBR", "GOV"),
    ("two Chinese warplanes", "CHN", "MIL"),
    ("Israeli troops", "ISR", "MIL"),
    ("Kyiv police", "UKR", "COP"),
    ("New York police", "USA", "COP"),  # "New" opens a city's name; York is in England
    ("New Orleans police", "USA", "COP"),
    ("Beijing", "CHN", "GOV"),  # a capital standing for its government
    ("Kazakhstan", "KAZ", ""),  # a bare country has no sector
    ("Boko Haram gunmen", "NGA", "REB"),
    ("Canadian Ambassador to the United Nations", "CAN", "GOV"),
    ("UN peacekeepers", "UNO", "MIL"),
    ("a former CIA official", "USA", "ELI"),
    ("Ukrainian farmers", "UKR", "AGR"),
    ("Afghan rebel leaders", "AFG", "REB"),  # leaders take the sector of whom they lead
    ("leaders of the Kurdish opposition coalition", "", "OPP"),
    ("Cairo's security chief", "EGY", "COP"),
    ("Ugandan opposition candidates", "UGA", "OPP"),  # "candidates" is "candidate"
    ("Belarus's rulers", "BLR", "GOV"),
    ("Albanian rebel-held territory", "ALB", "REB"),
    ("property seized by Algerian government forces", "DZA", "MIL"),
    ("the Ivory Coast", "CIV", ""),
])
def test_spans_resolve_to_country_and_sector(actors, text, country, sector):
    actor = actors.resolve(text, "2024-03-10")
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_an_unknown_person_is_no_actor(actors):
    assert actors.resolve("Marcus Beam") is None


def test_offices_resolve_to_their_holder_on_the_date(actors):
    assert actors.resolve("the US Secretary of State", "2024-03-10").name == "Antony Blinken"
    assert actors.resolve("the US Secretary of State", "2019-03-10").name == "Mike Pompeo"


def test_counterpart_takes_the_office_from_context(actors):
    actor = actors.resolve("his UK counterpart", "2024-03-10", counterpart="foreign secretary")
    assert (actor.name, actor.country) == ("David Cameron", "GBR")


def test_roles_change_over_time(actors):
    assert actors.resolve("Taliban", "2020-01-01").sector == "REB"
    assert actors.resolve("Taliban", "2022-01-01").sector == "GOV"


def test_a_user_file_adds_actors_without_code(tmp_path: Path):
    path = tmp_path / "mine.tsv"
    path.write_text("# name\taliases\tcountry\tsectors\tfrom\tuntil\ttitle\n"
                    "Northland Liberation Front\tNLF\tNOR\tREB\n", encoding="utf-8")
    actor = build_registry([path]).resolve("NLF fighters")
    assert (actor.name, actor.country, actor.sector) == ("Northland Liberation Front", "NOR",
                                                          "REB")


def test_gaza_is_in_palestine_not_bhutan():
    assert geocode("Gaza").country == "PSE"
    assert geocode("Rafah", ["PSE"]).country == "PSE"


def test_country_context_breaks_ties():
    assert geocode("Tripoli").country == "LBY"
    assert geocode("Tripoli", ["LBN"]).country == "LBN"


def test_cameo_view_of_plover_types():
    assert normalise_type("INVESTIGATE") == ("ACCUSE", "investigate")
    assert code("ACCUSE", "investigate").root == "09"
    strike = code("ASSAULT")
    assert (strike.root, strike.quad_class, strike.goldstein) == ("18", 4, -9.0)
    assert code("CONSULT", "phone").quad_class == 1


@pytest.mark.parametrize(("text", "name", "country"), [
    ("British Foreign Secretary Jane Roe", "Jane Roe", "GBR"),
    ("French President Jean Dupont", "Jean Dupont", "FRA"),
    ("US Secretary of State John Doe", "John Doe", "USA"),
])
def test_an_appositive_title_names_the_person_with_its_country(actors, text, name, country):
    actor = actors.resolve(text, "2020-01-01")
    assert (actor.name, actor.country, actor.sector) == (name, country, "GOV")


def test_a_day_after_an_agent_noun_is_no_persons_name(actors):
    assert actors.resolve("Kenyan police Tuesday", "2020-01-01").name == ""


@pytest.mark.parametrize("text", ["rebel forces", "opposition troops", "rebel soldiers"])
def test_a_non_state_noun_before_a_military_noun_makes_an_armed_group(actors, text):
    assert actors.resolve(text).sector == "REB"


def test_state_forces_stay_military(actors):
    assert actors.resolve("government forces").sector == "MIL"


@pytest.mark.parametrize(("date", "president"), [
    ("2005-01-01", "Vladimir Putin"), ("2011-01-25", "Dmitry Medvedev"),
    ("2015-01-01", "Vladimir Putin")])
def test_an_office_is_held_by_whoever_held_it_on_the_day(actors, date, president):
    assert actors.resolve("the Russian president", date).name == president

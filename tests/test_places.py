"""Places as identities: a country is the country, a place comes from a place mention, and
each place says how precisely it is known."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle import query
from chronicle.extract.places import gazetteer, geocode, place_precision
from chronicle.store import Store


def test_a_country_is_placed_at_its_capital_not_at_a_town_of_the_capitals_name():
    usa = geocode("United States")
    assert (usa.country, usa.kind, usa.precision) == ("USA", "country", "country")
    # Washington, D.C., not Washington, Utah (which the table lists under the same name)
    assert usa.latitude == pytest.approx(38.9, abs=0.2)
    assert usa.longitude == pytest.approx(-77.0, abs=0.2)
    assert gazetteer().capitals["USA"].population > 500_000


def test_a_country_name_is_the_country_even_where_a_town_shares_it():
    # Lebanon, Pennsylvania is a town in the context's country; the name is the country
    assert geocode("Lebanon", ["USA"]).country == "LBN"
    assert geocode("Jordan", ["USA"]).kind == "country"


def test_an_airport_code_is_no_place_name():
    # "JIM" is Jimma's airport code: "Jim" of a correspondent's name is no place
    assert geocode("Jim") is None
    assert geocode("Jimma").country == "ETH"


def test_each_place_says_how_precisely_it_is_known():
    assert geocode("Syria").precision == "country"
    assert geocode("Gaza").precision == "region"
    assert geocode("Aleppo").precision == "town"
    assert (place_precision("Syria"), place_precision("Gaza Strip"),
            place_precision("Aleppo"), place_precision(None)) == (
        "country", "region", "town", "")


def test_the_map_data_carries_each_places_precision(tmp_path: Path):
    store = Store(tmp_path / "places.db")
    rows = [("e1", "Syria", "SYR", 33.5, 36.3), ("e2", "Aleppo", "SYR", 36.2, 37.2)]
    with store.transaction() as db:
        for event_id, name, country, lat, lon in rows:
            db.execute(
                "INSERT INTO events (id, event_type, date, date_basis, place_name,"
                " place_country, latitude, longitude, modality, confidence, mention_count,"
                " article_count) VALUES (?, 'ASSAULT', '2012-01-01', 'text', ?, ?, ?, ?,"
                " 'asserted', 1.0, 1, 1)", (event_id, name, country, lat, lon))
    places = {p["place_name"]: p["precision"] for p in query.event_places(
        store, query.EventFilter())}
    assert places == {"Syria": "country", "Aleppo": "town"}

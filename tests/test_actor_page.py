"""An actor's page and API (``/actors/NAME``) and ``chronicle actors``, on the explorer's
small store (built here with the spaCy pipeline)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chronicle.cli import main
from chronicle.serve.app import create_app
from tests.explorer_store import build_store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("actor"))


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path, precompute=False))


def test_an_actors_api_gives_its_events_partners_and_words(client: TestClient) -> None:
    response = client.get("/api/actors/Antony Blinken")
    assert response.status_code == 200, response.text
    blinken = response.json()
    assert [e["other"] for e in blinken["events_as_actor"]] == ["Benjamin Netanyahu"]
    assert blinken["partners"] == [{"name": "Benjamin Netanyahu", "events": 1}]
    assert client.get("/api/actors/Nobody At All").status_code == 404


def test_an_actors_page_links_its_partners_and_evidence(client: TestClient) -> None:
    page = client.get("/actors/Antony Blinken")
    assert page.status_code == 200
    assert 'href="/actors/Benjamin%20Netanyahu"' in page.text
    assert "/articles/" in page.text and "evidence" in page.text
    assert client.get("/actors/Nobody At All").status_code == 404


def test_actors_lists_each_actor_once_with_its_aliases(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["actors", "--db", str(store_path), "--json"])
    assert result.exit_code == 0, result.output
    actors = {a["name"]: a for a in json.loads(result.output)}
    assert actors["Antony Blinken"]["kind"] == "person"
    assert actors["Antony Blinken"]["events_as_actor"] == 1
    assert actors["Gaza City"]["kind"] == "place"
    people = CliRunner().invoke(main, ["actors", "--db", str(store_path), "--kind", "person"])
    assert "Benjamin Netanyahu [person" in people.output
    assert "Gaza City" not in people.output


def test_a_corrected_actors_file_renames_stored_events_without_reading(
        store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronicle.extract.actors import registry

    db = tmp_path / "copy.db"
    shutil.copy(store_path, db)
    mine = tmp_path / "mine.tsv"
    mine.write_text("Tsahal\tIsrael Defense Forces|IDF|Israeli army|Israeli military\tISR\tMIL\n",
                    encoding="utf-8")
    monkeypatch.setenv("CHRONICLE_ACTORS", str(mine))
    registry.cache_clear()
    try:
        result = CliRunner().invoke(main, ["actors", "--db", str(db), "--reindex", "--json"])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as con:
            names = {row[0] for row in con.execute("SELECT actor_name FROM events")}
        assert "Tsahal" in names and "Israel Defense Forces" not in names
    finally:
        monkeypatch.delenv("CHRONICLE_ACTORS")
        registry.cache_clear()


def test_each_events_place_says_how_precisely_it_is_known(client: TestClient) -> None:
    events = client.get("/api/events", params={"per_page": 50}).json()["items"]
    placed = {e["place_name"]: e["place_precision"] for e in events if e["place_name"]}
    assert placed and set(placed.values()) <= {"country", "region", "town"}
    assert placed.get("Cairo") == "town"


def test_reindex_gives_stored_sources_the_registrys_names_keeping_their_words(
        store_path: Path, tmp_path: Path) -> None:
    from chronicle.actor_index import reindex
    from chronicle.store import Store

    db = tmp_path / "sources.db"
    shutil.copy(store_path, db)
    with sqlite3.connect(db) as con:  # as a reader without the registry stored them
        con.execute("UPDATE attributions SET source_actor = 'Blinken'"
                    " WHERE source_actor = 'Antony Blinken'")
        con.execute("UPDATE attributions SET source_actor = 'U.S.' WHERE source_actor = 'Israel'")
    with Store(db) as store:
        assert reindex(store) >= 2
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT source_text, source_actor FROM attributions"))
    assert rows["Antony Blinken"] == "Antony Blinken"  # the corpus's full name
    assert rows["Israel"] == "United States"  # the tables' name; the words stay as written


def test_actors_are_found_by_name_or_by_the_words_written_for_them(client: TestClient) -> None:
    def found(q: str) -> list[str]:
        response = client.get("/api/actors", params={"q": q})
        assert response.status_code == 200, response.text
        return [a["name"] for a in response.json()["items"]]

    assert found("Blinken") == ["Antony Blinken"]
    assert found("warplanes") == ["Israel Defense Forces"]  # written "Israeli warplanes"
    assert "Israel Defense Forces" in found("IDF")  # the registry's abbreviation
    assert found("trip") == []  # a word begins with it, or it is no match: not "Gaza Strip"
    assert found("Aid agencies") == ["Aid agencies"]  # a source that only speaks


def test_the_actors_page_searches_and_every_page_links_actor_names(client: TestClient) -> None:
    page = client.get("/actors", params={"q": "Netanyahu"})
    assert page.status_code == 200 and "<h1>Actors" in page.text
    assert 'href="/actors/Benjamin%20Netanyahu"' in page.text
    assert 'href="/actors"' in client.get("/events").text  # in every page's navigation
    claims = client.get("/claims").text
    assert 'href="/actors/Antony%20Blinken"' in claims
    search = client.get("/search", params={"q": "Blinken"}).text
    assert 'href="/actors/Antony%20Blinken"' in search
    talks = next(a for a in client.get("/api/articles").json()["items"]
                 if "talks" in (a["origin"] or ""))
    article = client.get(f"/articles/{talks['id']}").text
    assert 'href="/actors/Benjamin%20Netanyahu"' in article


def test_a_name_with_a_slash_has_its_page(store_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "slash.db"
    shutil.copy(store_path, db)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE events SET actor_name = 'AC/DC' WHERE actor_name = 'Egypt'")
    slash = TestClient(create_app(db, precompute=False))
    assert slash.get("/api/actors/AC%2FDC").json()["name"] == "AC/DC"
    assert slash.get("/actors/AC%2FDC").status_code == 200


def test_a_busy_actors_page_lists_the_first_rows_and_says_where_the_rest_are(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chronicle.serve import pages

    monkeypatch.setattr(pages, "ACTOR_PAGE_ROWS", 1)
    page = TestClient(create_app(store_path, precompute=False)).get("/actors/Israel").text
    did = page.split("What it did")[1].split("What was done to it")[0]
    assert "the first 1" in did and 'href="/events?actor=Israel"' in did
    assert did.count("evidence</a>") == 1


def test_an_actors_api_gives_what_others_said_about_it(client: TestClient) -> None:
    israel = client.get("/api/actors/Israel").json()
    about = israel["claims_about"]
    # the aid agencies' claim names Israel; Israel's own denial is what it said, not this
    assert [(c["content_text"], c["source_label"]) for c in about] == [
        ("Israel is restricting food deliveries into Gaza", "Aid agencies")]
    assert about[0]["article_id"] and about[0]["sentence_index"] == 1
    assert [c["content_text"] for c in israel["claims"]] == [
        "restricting food deliveries into Gaza"]


def test_claims_about_an_actor_find_the_words_written_for_it(client: TestClient) -> None:
    # the strike's reports write "Israeli warplanes", "Israeli aircraft": the army's words
    army = client.get("/api/actors/Israel Defense Forces").json()
    assert sorted(c["content_text"].split()[1] for c in army["claims_about"]) == [
        "aircraft", "warplanes"]
    assert army["profile"]["known_as"][0] == "IDF"


def test_an_actors_api_and_page_say_who_it_is(client: TestClient) -> None:
    blinken = client.get("/api/actors/Antony Blinken").json()["profile"]
    assert (blinken["kind"], blinken["country"], blinken["sectors"]) == ("person", "USA", ["GOV"])
    assert blinken["roles"] == [{"title": "secretary of state", "sectors": ["GOV"],
                                 "from": "2021-01-26", "until": "2025-01-20"}]
    assert client.get("/api/actors/Israel").json()["profile"]["kind"] == "country"
    page = client.get("/actors/Antony Blinken").text
    assert "Who it is" in page and "secretary of state" in page and "2021-01-26" in page
    israel_page = client.get("/actors/Israel").text
    assert "What others said about it" in israel_page
    assert 'href="/actors/Aid%20agencies"' in israel_page


def test_a_short_name_counts_only_in_its_capitals() -> None:
    from chronicle.store.queries import _naming_pattern

    assert _naming_pattern("US").search("the US said") is not None
    assert _naming_pattern("US").search("he told us") is None
    assert _naming_pattern("Rice").search("rice prices rose") is None
    assert _naming_pattern("Blinken").search("BLINKEN arrived") is not None
    assert _naming_pattern("Israel").search("Israeli jets") is None  # a whole word only


def test_what_others_said_leaves_out_what_it_said_itself(client: TestClient) -> None:
    gaza = client.get("/api/actors/Gaza").json()
    assert [c["source_actor"] for c in gaza["claims"]] == ["Gaza"]
    # the health officials' two reports, Israel's denial and the aid agencies name Gaza
    assert [c["source_actor"] for c in gaza["claims_about"]] == [
        None, None, "Israel", "Aid agencies"]

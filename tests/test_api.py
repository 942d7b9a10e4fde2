"""The explorer's JSON API and pages, through FastAPI's test client, on a store built here."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chronicle import query
from chronicle.cli import EXIT_NOT_A_STORE, main
from chronicle.export import EVENT_FORMATS
from chronicle.serve import api
from chronicle.serve.app import create_app
from chronicle.store import Store
from tests.explorer_store import build_store

pytestmark = pytest.mark.slow  # builds its store with the spaCy pipeline


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path, precompute=False))


def get(client: TestClient, url: str, **params: object) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


# -- events -------------------------------------------------------------------------------

def test_one_strike_reported_by_three_outlets_is_one_event_with_its_evidence(
        client: TestClient) -> None:
    page = get(client, "/api/events", type="assault")
    assert page["total"] == 1
    strike = page["items"][0]
    assert (strike["date"], strike["place_name"], strike["article_count"]) == (
        "2024-03-19", "Gaza", 3)
    assert {m["source"] for m in strike["mentions"]} == {"afp", "bbc", "reuters"}
    assert get(client, f"/api/events/{strike['id']}")["mentions"] == strike["mentions"]


def test_events_filter_by_date_actor_recipient_place_and_outlet(client: TestClient) -> None:
    # the denial (REJECT), the claim it denies (COERCE) and the meeting; "to discuss a
    # ceasefire" is the meeting's purpose, no event of its own
    assert get(client, "/api/events", date_from="2024-03-21", date_to="2024-03-21")["total"] == 3
    assert get(client, "/api/events", actor="blinken")["items"][0]["recipient_name"] == (
        "Benjamin Netanyahu")
    assert get(client, "/api/events", actor="EGY", recipient="Israel")["total"] == 1
    assert get(client, "/api/events", place="cairo")["items"][0]["actor_name"] == "Egypt"
    assert get(client, "/api/events", outlet="bbc")["total"] == 1
    assert get(client, "/api/events", actor="nobody at all")["total"] == 0


def test_every_list_is_paginated_the_same_way(client: TestClient) -> None:
    everything = get(client, "/api/events", per_page=500)
    pages = [get(client, "/api/events", per_page=2, page=n) for n in (1, 2, 3)]
    assert [p["pages"] for p in pages] == [3, 3, 3]
    assert [e["id"] for p in pages for e in p["items"]] == [e["id"] for e in everything["items"]]
    disagreements(client)
    for url in ("/api/articles", "/api/actors", "/api/claims", "/api/figures",
                "/api/disagreements"):
        first = get(client, url, per_page=1)
        assert set(first) == {"items", "total", "page", "per_page", "pages"}
        assert len(first["items"]) == min(1, first["total"])


def test_timeline_lanes_places_network_and_actors(client: TestClient) -> None:
    days = get(client, "/api/events/days", group="type")
    assert "ASSAULT" in days["lanes"]
    assert {"date": "2024-03-19", "lane": "ASSAULT", "events": 1, "articles": 3} in days["days"]
    assert get(client, "/api/events/days", group="actor")["lanes"][0] == "Israel"
    places = {p["place_name"]: p for p in get(client, "/api/events/places")}
    assert places["Gaza"]["events"] == 1 and places["Cairo"]["latitude"] > 29
    network = get(client, "/api/network")
    # the denial (REJECT, -4) and the claim it denies (COERCE, -7)
    assert {"source": "Israel", "target": "Gaza Strip", "events": 2, "articles": 2,
            "goldstein": -5.5} in network["links"]
    actors = {a["name"]: a for a in get(client, "/api/actors")["items"]}
    assert (actors["Israel"]["as_actor"], actors["Israel"]["as_recipient"]) == (2, 1)


# -- articles, search, timeline, claims ------------------------------------------------------

def test_an_article_has_sentence_spans_that_locate_each_mention_in_its_text(
        client: TestClient) -> None:
    strike = get(client, "/api/events", type="ASSAULT")["items"][0]
    for mention in strike["mentions"]:
        article = get(client, f"/api/articles/{mention['article_id']}")
        span = next(s for s in article["sentences"] if s["idx"] == mention["sentence_index"])
        assert article["text"][span["start"]:span["end"]] == mention["text"]
        assert any(e["event_id"] == strike["id"] for e in article["events"])
    assert get(client, "/api/articles", outlet="reuters")["total"] == 1
    assert client.get("/api/articles/no-such-article").status_code == 404


def test_an_article_lists_its_page_furniture_apart_from_its_text(tmp_path: Path) -> None:
    from chronicle.ingest.furniture import clean_article
    from chronicle.model import Article

    page = ("By Jane Doe\nRebels took the port of Westhaven on Tuesday, officials said.\n"
            "You are all wrong !\nMay 2 , 2013 at 6:15 am | Report abuse |")
    cleaned = clean_article(Article.create(published="2024-03-20", text=page, origin="a.txt"))
    assert isinstance(cleaned, Article)
    with Store(tmp_path / "f.db") as store:
        store.add_batch([cleaned])
    found = get(TestClient(create_app(tmp_path / "f.db", precompute=False)),
                f"/api/articles/{cleaned.id}")
    assert found["text"] == "Rebels took the port of Westhaven on Tuesday, officials said."
    assert [(f["idx"], f["kind"], f["text"]) for f in found["furniture"]] == [
        (0, "byline", "By Jane Doe"), (1, "comment", "You are all wrong !"),
        (2, "comment", "May 2 , 2013 at 6:15 am | Report abuse |")]
    assert [page[f["start"]:].startswith(f["text"]) for f in found["furniture"]] == [True] * 3


def test_search_finds_sentences_by_stemmed_words_best_first(client: TestClient) -> None:
    found = get(client, "/api/search", q="schools struck")
    assert found["total"] == 1 and "struck a school" in found["items"][0]["text"]
    assert get(client, "/api/search", q="Gaza school")["total"] == 3
    # FTS5 syntax in the query is read as words, never as operators
    assert get(client, "/api/search", q='school" OR * NEAR(')["total"] == 0


def test_search_pages_follow_one_ranking(client: TestClient) -> None:
    everything = get(client, "/api/search", q="Gaza", per_page=50)["items"]
    pages = [get(client, "/api/search", q="gaza", per_page=2, page=n)["items"]
             for n in range(1, len(everything) // 2 + 2)]
    assert len(everything) >= 4
    assert [hit for page in pages for hit in page] == everything


def test_timeline_cites_its_sentences_and_is_computed_once(client: TestClient) -> None:
    first = client.get("/api/timeline", params={"date_from": "2024-03-18"})
    entries = first.json()
    assert first.headers["x-cache"] == "miss" and entries
    assert all(s["article_id"] and s["text"] for e in entries for s in e["summary"])
    again = client.get("/api/timeline", params={"date_from": "2024-03-18"})
    assert again.headers["x-cache"] == "hit" and again.json() == entries


def test_claims_and_the_disagreement_between_a_denial_and_a_claim(client: TestClient) -> None:
    claims = get(client, "/api/claims", about="food")["items"]
    assert {c["stance"] for c in claims} == {"asserts", "denies"}
    conflict = disagreements(client)[0]
    assert {conflict["first"]["who"], conflict["second"]["who"]} >= {"Israel"}
    figures = get(client, "/api/figures", referent="killed")["items"]
    assert sorted(f["value"] for f in figures) == [20, 20, 22]


def disagreements(client: TestClient) -> list[dict]:
    """The disagreements are computed in a background process: 202 until they are ready."""
    deadline = time.monotonic() + 60
    while (response := client.get("/api/disagreements")).status_code == 202:
        assert response.json()["computing"] and time.monotonic() < deadline
        time.sleep(0.2)
    assert response.status_code == 200
    return response.json()["items"]


# -- exports -------------------------------------------------------------------------------

def test_exports_are_downloads_in_each_format(client: TestClient) -> None:
    total = get(client, "/api/events")["total"]
    response = client.get("/api/export/events", params={"format": "csv"})
    assert response.headers["content-disposition"] == (
        'attachment; filename="chronicle-events.csv"')
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == total
    plover = client.get("/api/export/events", params={"format": "plover-jsonl",
                                                      "type": "ASSAULT"}).text
    assert [json.loads(line)["event"] for line in plover.splitlines()] == ["ASSAULT"]
    geo = client.get("/api/export/events", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]
    slides = client.get("/api/export/events", params={"format": "timelinejs"}).json()
    assert len(slides["events"]) == total
    assert slides["events"][0]["start_date"] == {"year": "2024", "month": "3", "day": "19"}
    timeline = client.get("/api/export/timeline").json()
    assert timeline["events"] and "article" in timeline["events"][0]["text"]["text"]


def test_every_declared_format_is_served_documented_and_checked(client: TestClient,
                                                                 store_path: Path) -> None:
    with Store(store_path) as store:
        events = query.events(store)
    for spec in EVENT_FORMATS:
        response = client.get("/api/export/events", params={"format": spec.name})
        assert response.status_code == 200, spec.name
        assert response.headers["content-type"].split(";")[0] == spec.media_type
        assert response.headers["content-disposition"] == (
            f'attachment; filename="chronicle-events.{spec.suffix}"')
        assert response.text == spec.writer(events)
    operation = client.get("/openapi.json").json()["paths"]["/api/export/events"]["get"]
    documented = next(p for p in operation["parameters"] if p["name"] == "format")
    assert documented["schema"]["enum"] == [spec.name for spec in EVENT_FORMATS]
    assert all(spec.label in operation["description"] for spec in EVENT_FORMATS)
    assert client.get("/api/export/events", params={"format": "xlsx"}).status_code == 422


def test_the_readme_lists_every_declared_format() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    listed = re.search(r"export/events\?format=F` \(F: ([^;]+);", readme)
    assert listed is not None
    assert sorted(re.split(r",\s*", listed[1])) == sorted(f.name for f in EVENT_FORMATS)


def test_a_repeated_request_is_answered_from_memory_as_it_was_first(client: TestClient) -> None:
    url = "/api/export/events?format=timelinejs&type=ASSAULT"
    first, again = client.get(url), client.get(url)
    assert (first.headers.get("x-cache"), again.headers["x-cache"]) == (None, "hit")
    assert again.content == first.content
    assert again.headers["content-disposition"] == first.headers["content-disposition"]
    assert client.get("/api/events?type=BOMBING").status_code == 400  # errors are not kept
    assert client.get("/api/events?type=BOMBING").headers.get("x-cache") is None


def test_a_store_that_changes_is_never_answered_from_a_stale_memory(store_path: Path,
                                                                    tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(store_path, copy)
    client = TestClient(create_app(copy, precompute=False))
    assert get(client, "/api/events", actor="blinken")["total"] == 1
    db = sqlite3.connect(copy)  # a second event by a new name that the filter matches
    db.executescript("CREATE TEMP TABLE t AS SELECT * FROM events WHERE actor_name LIKE"
                     " '%blinken%'; UPDATE t SET id = id || '-2', actor_name = 'Blinken aide';"
                     " INSERT INTO events SELECT * FROM t;")
    db.close()
    assert get(client, "/api/events", actor="blinken")["total"] == 2


def test_the_most_frequent_words_are_ranked_before_anyone_searches(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "RANK_AHEAD_SENTENCES", 3)  # "frequent" in a five-article store
    app = create_app(store_path, precompute=True)
    with TestClient(app):
        state = app.state.chronicle
        assert state.warm.wait(60)
        with Store.read_only(store_path) as store:
            words = query.frequent_words(store, min_sentences=3, limit=api.RANK_AHEAD_WORDS)
        assert "gaza" in words  # as written: the index holds stems
        for word in words:
            found, (ranked, total) = state.peek(("search-ranking", word, api.SEARCH_DEPTH))
            assert found and total >= 3 and len(ranked) == min(total, api.SEARCH_DEPTH)


# -- validation ----------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "status", "says"), [
    ("/api/events?date_from=2024-13-01", 422, "date_from"),
    ("/api/events?date_from=yesterday", 422, "date_from"),
    ("/api/events?date_from=2024-03-22&date_to=2024-03-01", 400, "after date_to"),
    ("/api/events?type=BOMBING", 400, "unknown event type 'BOMBING'"),
    ("/api/events?per_page=0", 422, "per_page"),
    ("/api/events?per_page=100000", 422, "per_page"),
    ("/api/events?page=-1", 422, "page"),
    ("/api/events/days?group=colour", 422, "group"),
    ("/api/search?q=", 422, "q"),
    ("/api/search?q=%21%21", 400, "no word"),
    ("/api/export/events?format=xlsx", 422, "format"),
])
def test_a_bad_parameter_gets_a_4xx_that_says_what_is_wrong(
        client: TestClient, url: str, status: int, says: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert says in response.json()["error"]


def test_text_parameters_are_bound_never_pasted_into_sql(client: TestClient,
                                                         store_path: Path) -> None:
    before = get(client, "/api/events")["total"]
    # quotes are data, and so are LIKE's wildcards: "%" is not "any actor"
    for evil in ("' OR 1=1 --", "x'); DROP TABLE events; --", "%", "_"):
        assert get(client, "/api/events", actor=evil)["total"] == 0
    for evil in ("' OR 1=1 --", "x'); DROP TABLE events; --"):
        assert get(client, "/api/search", q=evil)["total"] == 0
    assert get(client, "/api/events")["total"] == before


def test_an_actors_answer_carries_who_it_is_and_what_others_said(client: TestClient) -> None:
    israel = get(client, "/api/actors/Israel")
    assert israel["profile"]["kind"] == "country" and israel["profile"]["country"] == "ISR"
    assert [c["source_actor"] for c in israel["claims_about"]] == ["Aid agencies"]
    assert all(c["source_label"] and c["article_id"] for c in israel["claims_about"])


def test_names_are_never_read_as_full_text_syntax(store_path: Path) -> None:
    from chronicle.store.queries import claims_naming

    store = Store(store_path)
    # FTS5 operators and quotes in an alias are words to find, not a query to run
    for evil in ('Israel" OR *', "NEAR(Gaza Israel)", "Gaza -Israel", '"'):
        assert all("Israel" in c["content_text"] or "Gaza" in c["content_text"]
                   for c in claims_naming(store, [evil], "nobody"))
    assert claims_naming(store, ["*", "--"], "nobody") == []


def test_the_explorer_cannot_write_to_the_store(store_path: Path) -> None:
    store = Store.read_only(store_path)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM events")
    store.close()


# -- pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "heading"), [
    ("/", "Timeline"), ("/events", "Events"), ("/claims", "Claims register"),
    ("/figures", "Figures over time"), ("/network", "Who acts on whom"),
    ("/map", "Where events happened"), ("/search?q=school", "Search sentences"),
    ("/actors", "Actors"), ("/actors/Israel", "Israel"),
    ("/docs", "Chronicle explorer API"),
])
def test_each_page_is_served_with_only_local_assets(client: TestClient, url: str,
                                                    heading: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{heading}" in response.text
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert all(a.startswith(("/", "?", "#")) for a in assets), assets
    for asset in (a for a in assets if a.startswith("/static/")):
        assert client.get(asset).status_code == 200


def test_claims_page_shows_both_sides_of_a_disagreement(client: TestClient) -> None:
    disagreements(client)
    page = client.get("/claims").text
    register = page.split("Who said what")[0]
    assert register.count('class="side"') == 2
    assert "Israel" in register and "restricting food deliveries" in register
    assert '<a href="/actors/Israel">' in register  # each named side links to its actor


def test_actors_list_sources_too_and_take_a_search(client: TestClient) -> None:
    actors = {a["name"]: a for a in get(client, "/api/actors", per_page=100)["items"]}
    assert actors["Aid agencies"]["claims"] == 1 and actors["Aid agencies"]["events"] == 0
    assert [a["name"] for a in get(client, "/api/actors", q="Benjamin")["items"]] == [
        "Benjamin Netanyahu"]


def test_figures_page_draws_each_source_over_time(client: TestClient) -> None:
    page = client.get("/figures", params={"referent": "killed"}).text
    assert "<svg" in page and "<circle" in page


def test_article_page_marks_the_evidence_sentence(client: TestClient) -> None:
    strike = get(client, "/api/events", type="ASSAULT")["items"][0]["mentions"][0]
    page = client.get(f"/articles/{strike['article_id']}",
                      params={"s": strike["sentence_index"]}).text
    marked = re.search(r'class="sentence hl">([^<]+)<', page)
    assert marked and marked.group(1) == strike["text"]


def test_world_outline_is_bundled(client: TestClient) -> None:
    world = client.get("/static/world.json").json()
    assert len(world["features"]) > 150 and "Natural Earth" in world["source"]


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == EXIT_NOT_A_STORE and "no store at" in result.output

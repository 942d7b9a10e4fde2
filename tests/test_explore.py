"""Events, claims and figures from the store, as the CLI lists and exports them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import main
from chronicle.query import source_label
from tests.explorer_store import build_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three outlets report one strike; other articles carry a denial and talks."""
    return build_store(tmp_path_factory.mktemp("explore"))


def cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_one_strike_reported_by_three_outlets_is_one_event_with_three_sources(
        store_path: Path) -> None:
    events = json.loads(cli("events", "--db", str(store_path), "--type", "ASSAULT", "--json"))
    strikes = [e for e in events if e["date"] == "2024-03-19"]
    assert len(strikes) == 1
    assert strikes[0]["article_count"] == 3
    assert sorted(strikes[0]["sources"].split(",")) == ["afp", "bbc", "reuters"]
    assert {m["source"] for m in strikes[0]["mentions"]} == {"afp", "bbc", "reuters"}


def test_a_list_of_events_can_carry_only_each_events_first_reports(store_path: Path) -> None:
    from chronicle import query
    from chronicle.store import Store

    store = Store.read_only(store_path)
    try:
        where = query.EventFilter(event_type="ASSAULT", date_from="2024-03-19",
                                  date_to="2024-03-19")
        [strike] = query.events(store, where, mentions_per_event=1)
        assert strike["mention_count"] >= 3 and len(strike["mentions"]) == 1
        assert strike["mentions"] == query.event(store, strike["id"])["mentions"][:1]
    finally:
        store.close()


def test_exports_carry_every_event_with_its_evidence(store_path: Path) -> None:
    db = str(store_path)
    listed = json.loads(cli("events", "--db", db, "--json"))
    plover = [json.loads(line) for line in
              cli("export", "events", "--db", db, "--format", "plover-jsonl").splitlines()]
    assert [r["id"] for r in plover] == [e["id"] for e in listed]
    assert all(r["mentions"] and r["text"] for r in plover)
    gdelt = list(csv.DictReader(io.StringIO(cli("export", "events", "--db", db, "--format",
                                                "gdelt-tsv")), delimiter="\t"))
    assert len(gdelt) == len(listed) and gdelt[0]["Day"].isdigit()
    rows = list(csv.DictReader(io.StringIO(cli("export", "events", "--db", db, "--format",
                                               "csv"))))
    assert all(row["evidence"] for row in rows)
    geo = json.loads(cli("export", "events", "--db", db, "--format", "geojson"))
    assert geo["type"] == "FeatureCollection"
    for feature in geo["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_claims_show_the_denial_beside_the_assertion(store_path: Path) -> None:
    data = json.loads(cli("claims", "--db", str(store_path), "--about", "food", "--json"))
    stances = {c["stance"] for c in data["claims"]}
    assert "denies" in stances
    assert any(d["kind"] == "denial" for d in data["disagreements"])


def test_figures_list_each_source_and_its_number(store_path: Path) -> None:
    rows = json.loads(cli("figures", "--db", str(store_path), "--json"))
    killed = [r for r in rows if r["referent"] == "killed"]
    assert {r["value"] for r in killed} >= {20.0, 22.0}
    assert all(r["bound"] == ">=" for r in killed)


def test_a_source_reads_as_its_actor_with_the_words_that_say_more() -> None:
    assert source_label("Gaza", "Gaza health authorities") == \
        "Gaza (“Gaza health authorities”)"
    assert source_label("Benjamin Netanyahu", "he") == "Benjamin Netanyahu (“he”)"
    assert source_label("Benjamin Netanyahu", "Netanyahu") == "Benjamin Netanyahu"
    assert source_label("United Nations", "the United Nations") == "United Nations"
    assert source_label("Moshe Tetro", "Colonel Moshe Tetro, head of the liaison office "
                        "for the region") == "Moshe Tetro"
    assert source_label(None, "officials") == "officials"
    assert source_label(None, None, "(unattributed)") == "(unattributed)"


def test_the_report_has_events_claims_and_figures(store_path: Path) -> None:
    report = json.loads((store_path.parent / "report" / "timeline.json").read_text())
    assert report["events"] and report["claims"] and report["figures"]
    html = (store_path.parent / "report" / "timeline.html").read_text()
    assert "Figures by source" in html and "<svg" in html

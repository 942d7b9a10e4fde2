"""The `chronicle` command end to end, as a user runs it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import EXIT_REJECTS, main
from chronicle.store import Store
from tests.conftest import STRIKE, write_seed


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_command_has_help() -> None:
    for command in ([], ["ingest"], ["read"], ["report"], ["run"], ["status"], ["timeline"],
                    ["events"], ["claims"], ["figures"], ["export"], ["export", "events"],
                    ["eval"], ["eval", "timex"], ["eval", "tls"], ["eval", "events"],
                    ["eval", "cameo5"], ["eval", "actors"], ["eval", "attribution"],
                    ["eval", "figures"]):
        result = invoke(*command, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output


def test_run_writes_a_report_whose_lines_cite_their_articles(corpus: Path, tmp_path: Path
                                                             ) -> None:
    out = tmp_path / "report"
    result = invoke("run", str(corpus), "--db", str(tmp_path / "c.db"), "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "timeline.json").read_text())
    days = [entry["date"] for entry in data["entries"]]
    assert "2024-03-21" in days  # "late on Thursday" in a Friday 2024-03-22 article
    assert "2024-03-24" in days  # "yesterday" in a 2024-03-25 article
    cited = {a["id"]: a for a in data["articles"]}
    for entry in data["entries"]:
        for line in entry["lines"]:
            article = cited[line["article_id"]]
            assert line["text"] in Path(article["origin"]).read_text()
    assert data["counts"]["distinct_stories"] == 2  # the edited copy is not counted twice
    html = (out / "timeline.html").read_text()
    assert "<script src" not in html and "http" not in html.split("<body>")[0]
    assert (out / "timeline.md").read_text().startswith("# Timeline of corpus")


def test_bad_input_is_reported_recorded_and_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "undated.txt").write_text("A report with no date anywhere.\n")
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02 binary")
    db = str(tmp_path / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == EXIT_REJECTS
    assert "undated.txt" in result.output and "blob.txt" in result.output
    status = json.loads(invoke("status", "--db", db, "--json").output)
    assert status["counts"]["articles"] == 3
    assert {Path(r["origin"]).name for r in status["rejects"]} == {"undated.txt", "blob.txt"}
    assert "blob.txt" in invoke("status", "--db", db).output


def test_ingesting_twice_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    invoke("ingest", str(corpus), "--db", str(db))
    with Store(db) as store:
        before = store.dump()
    result = invoke("ingest", str(corpus), "--db", str(db))
    assert "0 new" in result.output
    with Store(db) as store:
        assert store.dump() == before


@pytest.mark.slow
def test_a_run_killed_midway_resumes_to_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    for n in range(120):
        write_seed(folder, f"{n:03}.txt", f"2024-03-{1 + n % 28:02}",
                   f"Report number {n}. " + STRIKE)
    command = [sys.executable, "-m", "chronicle.cli", "run", str(folder), "--out",
               str(tmp_path / "out")]
    subprocess.run([*command, "--db", str(tmp_path / "whole.db")], check=True,
                   capture_output=True)

    killed = tmp_path / "killed.db"
    process = subprocess.Popen([*command, "--db", str(killed)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if _read_count(killed) > 0:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert _read_count(killed) < 120, "the run finished before it could be killed"
    subprocess.run([*command, "--db", str(killed)], check=True, capture_output=True)

    with Store(tmp_path / "whole.db") as whole, Store(killed) as resumed:
        assert resumed.dump() == whole.dump()


def _read_count(path: Path) -> int:
    try:
        db = sqlite3.connect(path, timeout=0.1)
        return int(db.execute(
            "SELECT count(*) FROM articles WHERE read_version IS NOT NULL").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_reading_with_two_workers_gives_the_same_store(corpus: Path, tmp_path: Path) -> None:
    stores = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        invoke("ingest", str(corpus), "--db", str(db))
        invoke("read", "--db", str(db), "--workers", workers)
        with Store(db) as store:
            stores[workers] = store.dump()
    assert stores["1"] == stores["2"]
    assert stores["1"]["sentences"]


@pytest.mark.slow
def test_two_sources_counting_one_strike_differently_disagree(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_seed(folder, "a.txt", "2024-03-20", "Gaza health authorities say 30 people were "
               "killed in an air strike on Rafah on Monday.")
    write_seed(folder, "b.txt", "2024-03-20", "The Israeli army said 12 people were killed in "
               "the air strike on Rafah on Monday.")
    write_seed(folder, "c.txt", "2024-03-20", "Police said two people were killed in a "
                                              "shooting in Hebron on Monday.")
    db = str(tmp_path / "d.db")
    invoke("run", str(folder), "--db", db, "--out", str(tmp_path / "out"))
    (conflict,) = json.loads(invoke("claims", "--db", db, "--json").output)["disagreements"]
    assert conflict["kind"] == "figures" and conflict["topic"].startswith("killed")
    assert {conflict["first"]["who"], conflict["second"]["who"]} == {
        "Gaza (“Gaza health authorities”)", "Israeli (“The Israeli army”)"}

"""The `chronicle` command end to end, as a user runs it."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chronicle.cli import (
    EVAL_COMMANDS,
    EXIT_NOT_A_STORE,
    EXIT_PORT_IN_USE,
    EXIT_REJECTS,
    EXIT_UNREADABLE,
    main,
)
from chronicle.export import CLI_EVENT_FORMATS
from chronicle.store import Store
from tests.conftest import STRIKE, write_seed


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group under ``group``, as the words that call it."""
    paths = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


def test_every_command_has_help() -> None:
    paths = command_paths(main)
    assert {("serve",), ("spark-job",), ("import",), ("eval", "tls")} <= set(paths)
    for command in paths:
        result = invoke(*command, "--help")
        assert result.exit_code == 0, command
        assert "Usage:" in result.output
        listed: click.Command = main
        for word in command:
            listed = listed.commands[word]  # type: ignore[attr-defined]
        if isinstance(listed, click.Group):  # a group's help names each of its commands
            assert all(name in result.output for name in listed.commands), command


def test_every_eval_command_of_the_table_calls_its_scorer_by_its_parameters() -> None:
    assert set(main.commands["eval"].commands) == {  # type: ignore[attr-defined]
        spec.name for spec in EVAL_COMMANDS}
    for spec in EVAL_COMMANDS:
        scorer = importlib.import_module(f"chronicle.evaluate.{spec.name}").main
        # every parameter the command takes is one the scorer takes, by name
        inspect.signature(scorer).bind(**{p.name: None for p in spec.params if p.name},
                                       **dict(spec.fixed))
        assert spec.help in invoke("eval", spec.name, "--help").output.replace("\n  ", " ")


def test_export_offers_every_format_of_the_registry() -> None:
    result = invoke("export", "events", "--help")
    for spec in CLI_EVENT_FORMATS:
        assert spec.name in result.output and spec.label in result.output.replace("\n  ", " ")


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
        "Gaza (“Gaza health authorities”)", "Israel (“The Israeli army”)"}


# ---- operational errors: one line, an exit status of their own ---------------------------

def _one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_a_db_that_is_not_a_store_is_one_line_and_exit_4(corpus: Path, tmp_path: Path
                                                         ) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    for command in (["status"], ["ingest", str(corpus)], ["events"], ["serve"]):
        result = CliRunner().invoke(main, [*command, "--db", str(notes)])
        assert result.exit_code == EXIT_NOT_A_STORE, (command, result.output)
        assert "is not a Chronicle store" in _one_line_error(result)
    missing = CliRunner().invoke(main, ["status", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == EXIT_NOT_A_STORE and "no store at" in _one_line_error(missing)


def test_a_store_that_cannot_be_created_is_exit_6(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db",
                                       str(tmp_path / "file" / "c.db")])
    assert result.exit_code == EXIT_UNREADABLE
    assert "cannot open the store" in _one_line_error(result)


def test_an_unreadable_input_path_is_exit_6(corpus: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import chronicle.cli

    real = os.access
    monkeypatch.setattr(chronicle.cli.os, "access",  # as if not root and chmod 000
                        lambda path, mode: str(path) != str(corpus) and real(path, mode))
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == EXIT_UNREADABLE
    assert _one_line_error(result) == f"Error: cannot read {corpus}: permission denied"


def test_serve_on_a_port_in_use_is_exit_5(corpus: Path, tmp_path: Path) -> None:
    import socket

    db = str(tmp_path / "c.db")
    invoke("ingest", str(corpus), "--db", db)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == EXIT_PORT_IN_USE
    assert f"port {port} on 127.0.0.1 is already in use" in _one_line_error(result)


def test_choices_are_validated_with_the_valid_values_listed(corpus: Path, tmp_path: Path
                                                           ) -> None:
    db = str(tmp_path / "c.db")
    invoke("ingest", str(corpus), "--db", db)
    result = CliRunner().invoke(main, ["events", "--db", db, "--type", "FOO"])
    assert result.exit_code == 2
    assert "'FOO' is not a PLOVER type: one of AGREE, CONSULT" in result.output
    assert invoke("events", "--db", db, "--type", "assault").exit_code == 0
    for args in (["events", "--from", "2024-13-01"], ["timeline", "--to", "yesterday"],
                 ["ingest", str(corpus), "--encoding", "klingon"],
                 ["figures", "--referent", "kiled"]):
        result = CliRunner().invoke(main, [*args, "--db", db])
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_status_counts_every_table_and_lists_failed_reads(corpus: Path, tmp_path: Path
                                                         ) -> None:
    db = str(tmp_path / "c.db")
    invoke("ingest", str(corpus), "--db", db)
    with Store(db) as store:
        [first, *_] = [a for batch in store.iter_unread(99) for a in batch]
        store.save_read([], 99, failures=[(first.id, "ValueError: no parse")])
    status = json.loads(invoke("status", "--db", db, "--json").output)
    assert {"articles", "sentences", "events", "event_mentions", "attributions", "figures",
            "rejects", "failed_reads", "duplicate_links", "origins"} <= set(status["counts"])
    assert status["counts"]["failed_reads"] == 1
    assert status["failed_reads"] == [{"article_id": first.id, "origin": first.origin,
                                       "reason": "ValueError: no parse"}]
    text = invoke("status", "--db", db).output
    assert "failed reads (1):" in text and "ValueError: no parse" in text
    assert "event_mentions" in text


def test_the_same_input_by_another_spelling_is_ingested_once(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus / "undated.txt").write_text("A report with no date anywhere.\n")
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "c.db")
    CliRunner().invoke(main, ["ingest", "corpus", "--db", db])
    with Store(db) as store:
        before = store.dump()
    for spelling in ("./corpus/", str(corpus), f"{corpus}/../corpus"):
        result = CliRunner().invoke(main, ["ingest", spelling, "--db", db])
        assert "0 new, 0 exact duplicates" in result.output
    with Store(db) as store:
        assert store.dump() == before
        assert [r.origin for r in store.rejects()] == [str(corpus / "undated.txt")]


def test_encoding_reads_legacy_text(tmp_path: Path) -> None:
    folder = tmp_path / "legacy"
    folder.mkdir()
    (folder / "2024-03-22.txt").write_bytes("Caf\xe9 talks resumed on Friday.".encode("latin-1"))
    db = str(tmp_path / "c.db")
    rejected = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert rejected.exit_code == EXIT_REJECTS and "--encoding" in rejected.output
    read = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--encoding", "latin-1"])
    assert read.exit_code == 0 and "1 new" in read.output
    with Store(db) as store:
        assert [a.text for batch in store.iter_unread(1) for a in batch] == [
            "Café talks resumed on Friday."]
        assert store.rejects() == []  # the file now read: its reject is gone

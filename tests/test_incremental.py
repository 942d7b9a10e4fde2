"""Adding articles to a store equals building it from all the articles at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle.cli import main
from chronicle.store import Store
from tests.scale_corpus import NEW, OLD, write_corpus

pytestmark = pytest.mark.slow


def run(*args: str) -> None:
    result = CliRunner().invoke(main, ["run", *args, "--title", "War"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_incremental_run_equals_a_fresh_run(tmp_path: Path) -> None:
    old = write_corpus(tmp_path / "old", OLD)
    new = write_corpus(tmp_path / "new", NEW)
    fresh, grown = tmp_path / "fresh.db", tmp_path / "grown.db"
    run(str(old), str(new), "--db", str(fresh), "--out", str(tmp_path / "fresh"))
    run(str(old), "--db", str(grown), "--out", str(tmp_path / "before"))
    run(str(new), "--db", str(grown), "--out", str(tmp_path / "grown"))

    with Store(fresh) as a, Store(grown) as b:
        assert a.dump() == b.dump()
        # the new near duplicate is linked to the stored original, and the second report
        # of the arrest joined the stored event
        assert len(b.duplicate_links()) == 1
        assert b.db.execute("SELECT count(*) FROM events WHERE event_type = 'COERCE'"
                            " AND article_count = 2").fetchone()[0] == 1
    # and so is the refreshed timeline
    assert (tmp_path / "fresh" / "timeline.json").read_text() == \
        (tmp_path / "grown" / "timeline.json").read_text()


def test_events_consolidate_block_by_block_as_all_at_once(tmp_path: Path) -> None:
    """Blocks (one type and modality, an unbroken run of dates) are independent: consolidating
    them one by one, as incremental runs and the Spark job do, gives the events of one pass
    over every mention."""
    from chronicle.consolidate import (
        block_starts,
        consolidate,
        consolidate_blocks,
        date_runs,
        mention_from_row,
    )
    from chronicle.extract.acled import code_event
    from chronicle.extract.events.screen import passes
    from chronicle.store.queries import event_mention_rows
    from chronicle.store.rows import event_row

    assert date_runs(["2024-03-05", "2024-03-01", "2024-03-02", "2024-03-04"]) == [
        ("2024-03-01", "2024-03-02"), ("2024-03-04", "2024-03-05")]
    # the Spark job's names of blocks: the first date of each run, per type and modality
    assert block_starts([("ATTACK", "asserted", "2024-03-02"), ("ATTACK", "asserted", "2024-03-01"),
                         ("ATTACK", "asserted", "2024-03-04"), ("PROTEST", "asserted", "2024-03-02")
                         ]) == {("ATTACK", "asserted", "2024-03-01"): "2024-03-01",
                                ("ATTACK", "asserted", "2024-03-02"): "2024-03-01",
                                ("ATTACK", "asserted", "2024-03-04"): "2024-03-04",
                                ("PROTEST", "asserted", "2024-03-02"): "2024-03-02"}
    corpus = write_corpus(tmp_path / "all", OLD + NEW)
    run(str(corpus), "--db", str(tmp_path / "all.db"), "--out", str(tmp_path / "report"))
    with Store(tmp_path / "all.db") as store:
        rows = event_mention_rows(store)
    by_block = sorted(event_row(e) for e in consolidate_blocks(rows))
    at_once = sorted(event_row(code_event(e))
                     for e in consolidate([mention_from_row(r) for r in rows])
                     if passes(e.mentions))  # what the event screen lists
    assert by_block == at_once


def test_a_run_killed_before_consolidating_is_caught_up_by_the_next(tmp_path: Path) -> None:
    from chronicle import jobs
    from chronicle.read.pipeline import READER_VERSION, read_stream

    old = write_corpus(tmp_path / "old", OLD)
    new = write_corpus(tmp_path / "new", NEW)
    run(str(old), str(new), "--db", str(tmp_path / "fresh.db"), "--out", str(tmp_path / "r"))
    run(str(old), "--db", str(tmp_path / "killed.db"), "--out", str(tmp_path / "r"))
    with Store(tmp_path / "killed.db") as store:
        jobs.ingest(store, [new])
        for results in read_stream(store.iter_unread(READER_VERSION)):
            store.save_read(results, READER_VERSION)  # ... and killed here
        assert jobs.read(store) == 0  # nothing left to read, but events to consolidate
        with Store(tmp_path / "fresh.db") as fresh:
            assert store.dump() == fresh.dump()

"""Property-based tests over every reader: random and mutated inputs never crash a reader, and
nothing is lost without a word (every physical line read, or rejected with its number).

Cases come from ``tests/fuzz_inputs.py``; hypothesis drives their random choices and shrinks a
failing one. ``bench/fuzz_readers.py`` runs the same cases by the ten thousand.
"""

from __future__ import annotations

import itertools
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.ingest import read_inputs
from tests.fuzz_inputs import (
    WHOLE_FILES,
    Record,
    check_csv,
    check_jsonl,
    check_whole_file,
    csv_case,
    jsonl_case,
    mutate_bytes,
)

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


# One scratch folder for every case, removed when the test process ends (hypothesis forbids
# function-scoped fixtures such as tmp_path in @given tests).
SCRATCH = tempfile.TemporaryDirectory(prefix="fuzz-")
CASE_NUMBERS = itertools.count()


def read(data: bytes, suffix: str) -> tuple[Path, list]:
    folder = Path(SCRATCH.name) / str(next(CASE_NUMBERS))
    folder.mkdir()
    path = folder / f"case{suffix}"
    path.write_bytes(data)
    return path, list(read_inputs([path]))


@FUZZ
@given(st.randoms(use_true_random=False), st.sampled_from([(".csv", ","), (".tsv", "\t")]))
def test_csv_rows_are_read_or_rejected_never_swallowed(rnd: random.Random,
                                                       kind: tuple[str, str]) -> None:
    data, records = csv_case(rnd, delimiter=kind[1], mutation_rate=0.3)
    path, items = read(data, kind[0])
    tally = check_csv(path, items, records)
    assert tally.losses == [], (data, items)


@FUZZ
@given(st.randoms(use_true_random=False))
def test_jsonl_lines_are_read_or_rejected_one_for_one(rnd: random.Random) -> None:
    data, records = jsonl_case(rnd, mutation_rate=0.3)
    path, items = read(data, ".jsonl")
    assert check_jsonl(path, data, items, records).losses == [], (data, items)


@FUZZ
@given(st.randoms(use_true_random=False), st.sampled_from(sorted(WHOLE_FILES)))
def test_mutated_files_of_every_format_give_items_or_a_reject(rnd: random.Random,
                                                              suffix: str) -> None:
    data = mutate_bytes(rnd, WHOLE_FILES[suffix](rnd))
    path, items = read(data, suffix)
    assert check_whole_file(path, items).losses == [], (data, items)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".txt", ".json", ".jsonl", ".csv", ".tsv",
                                                  ".html", ".rss"]))
def test_random_bytes_never_crash_a_reader(data: bytes, suffix: str) -> None:
    path, items = read(data, suffix)
    assert items, "a file must come out as an article or a reject"
    if suffix == ".jsonl":
        assert check_jsonl(path, data, items).losses == []


def test_the_checks_catch_a_swallowed_row() -> None:
    """The oracle itself: a reader that merged two records would be caught."""
    rnd = random.Random(1)
    data, records = csv_case(rnd, rows=2, mutation_rate=0.0)
    path, items = read(data, ".csv")
    assert check_csv(path, items, records).losses == []
    merged = [items[0].__class__(**{**items[0].__dict__,
                                     "text": items[0].text + " " + records[1].marker})]
    assert check_csv(path, merged, records).losses  # record 2 swallowed: caught
    assert check_csv(path, items[:1], records).losses  # record 2 dropped: caught
    assert isinstance(records[0], Record)

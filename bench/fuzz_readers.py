"""Fuzz every reader: seeded random and mutated inputs, counted for crashes and silent losses.

    python bench/fuzz_readers.py [--cases 12000] [--seed 0]

Cases (``tests/fuzz_inputs.py``): CSV and TSV files of known records, some mutated (a quote
dropped or added, a delimiter, a line break, a NUL, a stray byte, a record cut short); JSONL
likewise; whole text, JSON, RSS and HTML files with bytes inserted, deleted or changed; and
random bytes under every extension. A crash is any exception out of ``read_inputs``; a silent
loss is a line or record that came out neither read nor rejected with its line, a record
inside another's article, or an intact record read changed. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests.fuzz_inputs

from chronicle.ingest import read_inputs
from tests.fuzz_inputs import (
    WHOLE_FILES,
    Tally,
    check_csv,
    check_jsonl,
    check_whole_file,
    csv_case,
    jsonl_case,
    mutate_bytes,
)

# Share of the cases each kind gets (HTML goes through trafilatura: slower, fewer).
MIX = {"csv": 0.25, "tsv": 0.08, "jsonl": 0.25, ".txt": 0.1, ".json": 0.08, ".rss": 0.08,
       ".html": 0.04, "random": 0.12}
RANDOM_SUFFIXES = (".txt", ".json", ".jsonl", ".csv", ".tsv", ".html", ".rss")


def one_case(kind: str, rnd: random.Random, folder: Path) -> Tally:
    if kind in ("csv", "tsv"):
        data, records = csv_case(rnd, delimiter="," if kind == "csv" else "\t")
        path = folder / f"case.{kind}"
        path.write_bytes(data)
        return check_csv(path, list(read_inputs([path])), records)
    if kind == "jsonl":
        data, records = jsonl_case(rnd)
        path = folder / "case.jsonl"
        path.write_bytes(data)
        return check_jsonl(path, data, list(read_inputs([path])), records)
    if kind == "random":
        suffix = rnd.choice(RANDOM_SUFFIXES)
        data = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 600)))
        if rnd.random() < 0.5:  # mostly-text noise gets past the binary sniff
            data = bytes(rnd.choice(b' \n,"{}[]:<>abc0123\t\r\\') for _ in range(len(data)))
        path = folder / f"case{suffix}"
        path.write_bytes(data)
        items = list(read_inputs([path]))
        if suffix == ".jsonl":
            return check_jsonl(path, data, items)
        return check_whole_file(path, items)
    path = folder / f"case{kind}"
    path.write_bytes(mutate_bytes(rnd, WHOLE_FILES[kind](rnd)))
    return check_whole_file(path, list(read_inputs([path])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cases", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    plan = [kind for kind, share in MIX.items() for _ in range(round(share * args.cases))]
    rnd.shuffle(plan)
    total, by_kind = Tally(), Counter()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="chronicle-fuzz-") as scratch:
        for number, kind in enumerate(plan):
            case_rnd = random.Random(f"{args.seed}:{number}")
            try:
                tally = one_case(kind, case_rnd, Path(scratch))
            except Exception:  # a crash: counted, shown, and fuzzing goes on
                tally = Tally(cases=1, crashes=[f"{kind} case {number}: "
                                                f"{traceback.format_exc(limit=3)}"])
            by_kind[kind] += 1
            total.add(tally)
    for problem in (total.crashes + total.losses)[:10]:
        print(problem, file=sys.stderr)
    print(json.dumps({
        "cases": total.cases, "by_kind": dict(sorted(by_kind.items())),
        "items": total.items, "lines_in": total.lines_in, "lines_read": total.lines_read,
        "lines_rejected": total.lines_rejected, "intact_rejected": total.intact_rejected,
        "unaccounted": total.lines_in - total.lines_read - total.lines_rejected,
        "crashes": len(total.crashes), "silent_losses": len(total.losses),
        "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()

"""Regression check of the TLS harness: it must score the published SDF-TLS outputs on Timeline17
as published (AR-1 0.1136, AR-2 0.0331, Date-F1 0.5162 with the official Perl ROUGE, ±0.001).

    .venv/bin/python bench/check_sdf_tls.py ../shared/data/tls [--rouge perl|python|auto]

Prints one row per task, then the means as JSON on the last line; exits 1 when a figure is off.
With the pure-Python ROUGE the expected ROUGE figures are AR-1 0.1099, AR-2 0.0317.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from chronicle.evaluate.tls import (
    Scorer,
    Task,
    format_row,
    load_tasks,
    read_t17_timeline,
    summary_line,
)

EXPECTED = {"perl": {"ar1_f1": 0.1136, "ar2_f1": 0.0331, "date_f1": 0.5162},
            "python": {"ar1_f1": 0.1099, "ar2_f1": 0.0317, "date_f1": 0.5162}}
TOLERANCE = 0.001
OUTPUTS = "sdf_tls/system_output/TL17_bestsumm"


def match_output(path: Path, tasks: list[Task], groups: dict[str, list[str]]) -> Task | None:
    """The task of an output file ``TL17_bestsumm_<group>_<timeline>.txt``.

    SDF-TLS names a task by news-tls topic group (bpoil, syria, ...) and timeline name, where
    the name may be shortened (``mj_bbc`` is MJ_bbc's ``bbc.co.uk``).
    """
    stem = path.stem.removeprefix("TL17_bestsumm_")
    group, _, name = stem.partition("_")
    candidates = [t for t in tasks if t.topic in groups.get(group, [])]
    for matches in (lambda t: t.timeline == name, lambda t: t.timeline.split(".")[0] == name):
        found = [t for t in candidates if matches(t)]
        if len(found) == 1:
            return found[0]
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tls_dir", type=Path, help="shared/data/tls")
    parser.add_argument("--rouge", default="auto", choices=["auto", "perl", "python"])
    args = parser.parse_args(argv)

    tasks = load_tasks(args.tls_dir / "t17")
    groups = json.loads((args.tls_dir / "t17/topics_news_tls_grouping.json").read_text())["topics"]
    scorer = Scorer(args.rouge)
    scores, seen = [], set()
    for path in sorted((args.tls_dir / OUTPUTS).glob("*.txt")):
        task = match_output(path, tasks, groups)
        if task is None:
            print(f"skipped {path.name}: no reference timeline", file=sys.stderr)
            continue
        seen.add(task.name)
        predicted = read_t17_timeline(path.read_text(encoding="utf-8", errors="replace"))
        score = scorer.score(predicted, task.reference, task=task.name)
        scores.append(score)
        print(format_row(score))
    missing = sorted({t.name for t in tasks} - seen)
    result = summary_line(scores, scorer.rouge, missing=missing)
    del result["per_task"]
    expected = EXPECTED[scorer.rouge]
    result["expected"] = expected
    result["ok"] = not missing and all(abs(result[k] - v) <= TOLERANCE
                                       for k, v in expected.items())
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())

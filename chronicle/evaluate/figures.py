"""Figures evaluation on JSONL lines {"text", "figures": [{"value", "unit", "bound"}]}.

Gold and predicted figures of a line are paired one to one on equal value; a pair also
counts for value+unit when the units agree after ``comparable_unit`` (the unit table's
normalised name for measures and currencies, so "km" and "kilometers" agree and so do a
gold "pound-mass" and "lbs"; "people" for "IDPs" and "households" for "families", the
classes displacement data is labelled in; a counted noun's head in the singular otherwise),
and for value+bound when the bounds agree. ``value_unit_written`` is the older, stricter
comparison of written units (``unit_class``). A missing gold bound means "=", and a
predicted range is compared as "up to" its upper end (counts are labelled by the upper end);
where the gold lists a range as its two ends, the lower end pairs too, and the range then
counts as two predictions.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def _bound(bound: str | None) -> str:
    if bound in (None, "", "="):
        return "="
    return "<=" if bound == "range" else bound


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _pair(counts: dict[str, int], errors: list, text: str, match, gold: dict,
          comparable_unit, unit_class, bound: str | None = None) -> None:
    """Count one predicted figure paired with a gold one on value."""
    counts["value"] += 1
    if comparable_unit(match.unit) == comparable_unit(gold.get("unit")):
        counts["value_unit"] += 1
    else:
        errors.append({"text": text[:160], "unit": match.unit, "gold_unit": gold.get("unit")})
    if unit_class(match.unit) == unit_class(gold.get("unit")):
        counts["value_unit_written"] += 1
    if _bound(bound or match.bound) == _bound(gold.get("bound")):
        counts["value_bound"] += 1


def main(path: str | Path, show_errors: int = 0) -> dict:
    """Score ``parse_figures`` on every line of ``path``; the JSON summary is printed last."""
    from chronicle.extract.figures import comparable_unit, parse_figures, unit_class
    from chronicle.read.pipeline import load_nlp

    lines = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines()
             if x.strip()]
    nlp = load_nlp()
    counts = {"gold": 0, "predicted": 0, "value": 0, "value_unit": 0, "value_bound": 0,
              "value_unit_written": 0}
    errors = []
    started = time.perf_counter()
    for line in lines:
        predicted = parse_figures(line["text"], nlp(line["text"]))
        gold = line.get("figures", [])
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        free = list(predicted)
        low_ends = [p for p in predicted if p.bound == "range" and p.low != p.high]
        unmatched = []
        for g in gold:
            match = next((p for p in free if _same(p.value, float(g["value"]))), None)
            if match is None:
                unmatched.append(g)
                continue
            free.remove(match)
            _pair(counts, errors, line["text"], match, g, comparable_unit, unit_class)
        for g in unmatched:  # a range's lower end, where the gold lists both ends
            match = next((p for p in low_ends if _same(p.low, float(g["value"]))), None)
            if match is None:
                errors.append({"text": line["text"][:160], "missed": g,
                               "predicted": [(p.text, p.value) for p in predicted]})
                continue
            low_ends.remove(match)
            counts["predicted"] += 1
            _pair(counts, errors, line["text"], match, g, comparable_unit, unit_class,
                  bound="=")
        for p in free:
            errors.append({"text": line["text"][:160], "spurious": (p.text, p.value, p.unit)})
    seconds = time.perf_counter() - started
    metrics: dict[str, float | int] = {"lines": len(lines), "gold": counts["gold"],
                                       "predicted": counts["predicted"]}
    for key in ("value", "value_unit", "value_bound", "value_unit_written"):
        precision = counts[key] / counts["predicted"] if counts["predicted"] else 0.0
        recall = counts[key] / counts["gold"] if counts["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        metrics[f"{key}_precision"] = round(precision, 4)
        metrics[f"{key}_recall"] = round(recall, 4)
        metrics[f"{key}_f1"] = round(f1, 4)
    metrics["seconds"] = round(seconds, 2)
    print(f"Figures evaluation on {len(lines)} lines of {path}: {counts['gold']} gold, "
          f"{counts['predicted']} predicted")
    for key in ("value", "value_unit", "value_bound", "value_unit_written"):
        print(f"  {key:12s} P/R/F1 {metrics[key + '_precision']:.3f}/"
              f"{metrics[key + '_recall']:.3f}/{metrics[key + '_f1']:.3f}")
    for err in errors[:show_errors]:
        print("  " + json.dumps(err, ensure_ascii=False))
    print(json.dumps(metrics, sort_keys=True))
    return metrics


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)

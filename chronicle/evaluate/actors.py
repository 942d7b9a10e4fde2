"""``chronicle eval actors FILE``: actor resolution against expectation records.

Each JSONL line names a resolver ``method`` with ``args`` (text, country hint, date) and the
expected ``country`` / ``code_1`` (sector) / ``code_2``, and some a Wikipedia ``title``
(``query_wiki``) or ``wiki`` (``agent_to_code``: "" for an actor with no article of its own,
such as "two Chinese warplanes" or a bare country). Canonical-title accuracy compares the
registry's canonical name (:func:`chronicle.extract.identity.canonical_title`) with it, on a
development part and on a held-back part of the cases, split by a hash of each line (the
held-back part's misses are not printed: it is looked at once, for the report). Cases whose
text is missing are skipped and counted. "No actor" (``Is None``) counts as country "" and
sector "".

The merge score reads a bundled fixture of mention pairs that are or are not one actor
(``data/actor_pairs.tsv``, written for this project) and scores the identities
:func:`chronicle.extract.identity.resolve_mentions` gives them.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from chronicle.extract.actors import registry
from chronicle.extract.identity import (
    Mention,
    canonical_title,
    is_proper_name,
    office_title,
    resolve_mentions,
)

RESOLVERS = {"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"}
PAIRS = Path(__file__).parent / "data" / "actor_pairs.tsv"
HELD_BACK_SHARE = 4  # one line in four (by hash) is held back from tuning


def held_back(line: str) -> bool:
    """Whether a case belongs to the held-back part: a stable hash of its line."""
    return hashlib.sha1(line.strip().encode("utf-8")).digest()[0] % HELD_BACK_SHARE == 0


def _expected_title(record: dict) -> str | None:
    for expect in record.get("expect", []):
        if expect.get("op") == "Eq" and expect.get("field") in {"title", "wiki"}:
            value = expect.get("value")
            return value if isinstance(value, str) else None
    return None


def _title(record: dict, reg) -> str:  # type: ignore[no-untyped-def]
    """The canonical title the registry gives a case's text ("" for no article)."""
    args = record.get("args") or []
    text = args[0]
    if record.get("method") == "query_wiki":
        return canonical_title(text, reg)
    date = args[2] if len(args) > 2 and _iso(args[2]) else None
    actor = reg.resolve(text, date, country_hint=args[1] if len(args) > 1 and args[1] else "")
    if actor is not None and actor.kind == "named":
        return actor.name
    if actor is not None and actor.kind in {"capital", "city"}:
        return canonical_title(text, reg)
    if actor is None or actor.kind == "agent":
        office = office_title(text, reg)  # "Canadian Ambassador to the United Nations"
        if office:
            return office
    if actor is not None and actor.kind in {"country", "demonym", "pronoun"}:
        return ""  # a state as a whole, a nationality: no article of an actor of its own
    # a proper name the tables lack is its own title; a description has none
    return canonical_title(text, reg) if is_proper_name(text, reg) else ""


def title_scores(path: str | Path, show_misses: bool = True) -> dict:
    """Canonical-title accuracy on the development and held-back parts."""
    reg = registry()
    counts = {"dev": [0, 0], "held_back": [0, 0]}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        expected = _expected_title(record)
        args = record.get("args") or []
        if expected is None or not args or not args[0]:
            continue
        part = "held_back" if held_back(line) else "dev"
        got = _title(record, reg)
        counts[part][0] += 1
        counts[part][1] += got == expected
        if got != expected and part == "dev" and show_misses:
            print(f"title {args[0]!r}: {got!r} != {expected!r}", file=sys.stderr)
    out: dict = {}
    for part, (n, ok) in counts.items():
        out[f"title_cases_{part}"] = n
        out[f"title_accuracy_{part}"] = round(ok / max(n, 1), 4)
    return out


def merge_scores(path: str | Path = PAIRS) -> dict:
    """Precision and recall of "one actor" over pairs of mentions (one article each pair,
    or two articles where the pair's scope is ``corpus``)."""
    tp = fp = fn = tn = 0
    reg = registry()
    for n, row in enumerate(_pair_rows(path)):
        a, label_a, b, label_b, same, scope = row
        second = f"p{n}b" if scope == "corpus" else f"p{n}"
        mentions = [Mention(f"p{n}", a, label_a), Mention(second, b, label_b)]
        ids = resolve_mentions(mentions, reg)
        merged = ids[mentions[0]].name == ids[mentions[1]].name
        truth = same == "1"
        tp += merged and truth
        fp += merged and not truth
        fn += truth and not merged
        tn += not merged and not truth
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return {"merge_pairs": tp + fp + fn + tn, "merge_precision": round(precision, 4),
            "merge_recall": round(recall, 4),
            "merge_f1": round(2 * precision * recall / max(precision + recall, 1e-9), 4)}


def _pair_rows(path: str | Path) -> list[list[str]]:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = [c.strip() for c in line.split("\t")]
            rows.append([*cells, "article"][:6])
    return rows


def _expected(record: dict) -> tuple[str | None, str | None]:
    country = sector = None
    for expect in record.get("expect", []):
        field, op, value = expect.get("field"), expect.get("op"), expect.get("value")
        if op == "Is" and value is None and field is None:
            return "", ""
        if op != "Eq":
            continue
        if field == "country" or expect.get("var") == "cc":
            country = value or ""
        elif field == "code_1":
            sector = value or ""
    return country, sector


def main(path: str | Path) -> dict:
    """Country and sector accuracy of ``Registry.resolve``; prints the metrics as JSON."""
    reg = registry()
    counts = {"country_n": 0, "country_ok": 0, "sector_n": 0, "sector_ok": 0, "skipped": 0}
    misses: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        args = list(record.get("args") or [])
        if record.get("method") not in RESOLVERS or not args or not args[0]:
            counts["skipped"] += 1
            continue
        text = args[0]
        hint = args[1] if len(args) > 1 and args[1] else ""
        date = args[2] if len(args) > 2 and _iso(args[2]) else None
        actor = reg.resolve(text, date, country_hint=hint)
        got_country = actor.country if actor else ""
        got_sector = actor.sector if actor else ""
        country, sector = _expected(record)
        if country is not None:
            counts["country_n"] += 1
            counts["country_ok"] += got_country == country
            if got_country != country:
                misses.append(f"country {text!r}: {got_country!r} != {country!r}")
        if sector is not None:
            counts["sector_n"] += 1
            counts["sector_ok"] += got_sector == sector
            if got_sector != sector:
                misses.append(f"sector {text!r}: {got_sector!r} != {sector!r}")
    for miss in misses:
        print(miss, file=sys.stderr)
    metrics = {
        "cases_country": counts["country_n"],
        "country_accuracy": round(counts["country_ok"] / max(counts["country_n"], 1), 4),
        "cases_sector": counts["sector_n"],
        "sector_accuracy": round(counts["sector_ok"] / max(counts["sector_n"], 1), 4),
        "skipped": counts["skipped"],
    }
    metrics.update(title_scores(path))
    metrics.update(merge_scores())
    print(json.dumps(metrics))
    return metrics


def _iso(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-"


if __name__ == "__main__":
    main(sys.argv[1])

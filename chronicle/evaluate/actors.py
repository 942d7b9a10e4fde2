"""``chronicle eval actors FILE``: actor resolution against expectation records.

Each JSONL line names a resolver ``method`` with ``args`` (text, country hint, date) and the
expected ``country`` / ``code_1`` (sector) / ``code_2``. Cases whose text is missing, and
Wikipedia-title look-ups (``query_wiki``: no offline encyclopedia here), are skipped and
counted. "No actor" (``Is None``) counts as country "" and sector "".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chronicle.extract.actors import registry

RESOLVERS = {"agent_to_code", "short_text_to_agent", "search_nat", "trf_agent_match"}


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
    print(json.dumps(metrics))
    return metrics


def _iso(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-"


if __name__ == "__main__":
    main(sys.argv[1])

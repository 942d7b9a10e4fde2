"""Build a figures development set from the IDETECT/IDMC displacement excerpts.

    python bench/build_figures_devset.py SHARED/data/numeric/idetect OUT.jsonl

Each output line is {"text", "figures": [{"value", "unit", "bound"}], "origin"}. The shared
labels give one displacement figure per excerpt (value and unit, People or Households) and
are noisy (260,000 labelled 26000), so an excerpt is kept only when its labelled value is
written in it and it holds no other count: every other numeral in it must be a date, a
year, a time, an ordinal or a span of time (labelled too, in its unit: "five days" is 5
day, "a 12-year-old" 12 year of age). The bound is read from the words just before the
number ("about" ~, "more than" >, "at least" >=, "nearly" <, "up to" <=); a range ("25,000 to
30,000") keeps its upper end, as the labels do, with bound "<=". The rules here are written
apart from ``chronicle.extract.figures`` so the set does not simply echo the extractor.
The output belongs outside the repository.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
         "hundreds": 100, "thousand": 1000, "thousands": 1000, "dozen": 12, "dozens": 12,
         "million": 1_000_000, "millions": 1_000_000}
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
NUMERAL = re.compile(
    r"(?<![\w.,/:-])(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(\s*(?:million|thousand|m\b|bn\b))?|\b(" + "|".join(WORDS) + r")\b", re.IGNORECASE)
BOUNDS = [("more than", ">"), ("over", ">"), ("in excess of", ">"), ("at least", ">="),
          ("up to", "<="), ("as many as", "<="), ("nearly", "<"), ("almost", "<"),
          ("less than", "<"), ("fewer than", "<"), ("about", "~"), ("around", "~"),
          ("approximately", "~"), ("roughly", "~"), ("some", "~"), ("an estimated", "~"),
          ("estimated", "~"), ("close to", "~")]
UNITS = {"people": "people", "households": "households"}


def numerals(text: str, spans: list[dict] | None = None) -> list[tuple[int, int, float]]:
    """(start, end, value) of every count in ``text``: dates, years, times, ages excluded.
    Spans of time and ages ("for five days", "a 12-year-old"), quantities too, go to
    ``spans`` as figures in their unit."""
    out = []
    for m in NUMERAL.finditer(text):
        start, end = m.span()
        before, after = text[max(0, start - 12):start].lower(), text[end:end + 14].lower()
        if m.group(3):
            word = m.group(3).lower()
            if word == "one" and not re.match(r"\s+(person|family|household)", after):
                continue
            if re.match(r"\s+(million|thousand|hundred)", after):
                continue  # counted with the scale word that follows
            value = float(WORDS[word])
            prev = re.search(r"(\w+)\s+$", before)
            if prev and prev.group(1) in WORDS and word in {"hundred", "thousand", "million"}:
                continue  # "two hundred": the first word carries it
        else:
            raw = re.sub(r"[, ]", "", m.group(1))
            value = float(raw)
            scale = (m.group(2) or "").strip().lower()
            value *= {"million": 1e6, "m": 1e6, "bn": 1e9, "thousand": 1e3}.get(scale, 1)
            if re.fullmatch(r"(19|20)\d\d", raw) and not scale:
                continue
            if re.match(r"\s*(st|nd|rd|th)?\s*(of\s+)?" + MONTH, after) or re.search(
                    MONTH + r"\.?\s*$", before):
                continue
            if re.match(r"(st|nd|rd|th)\b|:\d|\s*(a\.m|p\.m|am\b|pm\b)", after):
                continue
        span = re.match(r"[\s-]*(years?|months?|weeks?|days?|hours?|minutes?)(-old)?\b", after)
        if span:
            if spans is not None and value:
                unit = span.group(1).removesuffix("s") + (" of age" if span.group(2) else "")
                spans.append({"value": value, "unit": unit, "bound": "="})
            continue
        out.append((start, end, value))
    return out


def bound_before(text: str, start: int) -> str:
    before = text[max(0, start - 20):start].lower().rstrip()
    for phrase, bound in BOUNDS:
        if re.search(r"\b" + phrase + r"$", before):
            return bound
    return "="


def label_rows(folder: Path) -> list[tuple[str, float, str, str]]:
    """(text, labelled value, unit, origin) from both labelled files."""
    rows = []
    with (folder / "IDETECT_test_dataset_NLP.csv").open(encoding="utf-8", errors="replace") as f:
        for r in csv.DictReader(f):
            rows.append((r["excerpt"], r["Quantity"], r["Unit"], f"idetect:{r['excerpt_id']}"))
    with (folder / "IDMC_fully_labelled.csv").open(encoding="utf-8", errors="replace") as f:
        for n, r in enumerate(csv.DictReader(f)):
            rows.append((r["Excerpt"], r["Displacement figure"], r["Reporting unit"] or "",
                         f"idmc:{n}"))
    out = []
    for text, value, unit, origin in rows:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if unit.lower() not in UNITS or not text or "\ufffd" in text:
            continue
        out.append((" ".join(text.split()), number, UNITS[unit.lower()], origin))
    return out


def build(folder: Path) -> list[dict]:
    items = []
    seen = set()
    for text, value, unit, origin in label_rows(folder):
        if text in seen:
            continue
        spans: list[dict] = []
        found = numerals(text, spans)
        if not found:
            continue
        range_m = re.search(r"(\d[\d,]*)\s*(?:to|-|–|and)\s*(\d[\d,]*)", text)
        values = [v for _, _, v in found]
        if len(found) == 2 and range_m and values[1] == value and \
                abs(found[1][0] - range_m.start(2)) < 2:
            bound = "<="
        elif len(found) == 1 and values[0] == value:
            bound = bound_before(text, found[0][0])
        else:
            continue
        seen.add(text)
        items.append({"text": text, "figures": [{"value": value, "unit": unit,
                                                  "bound": bound}, *spans], "origin": origin})
    return items


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    items = build(Path(sys.argv[1]))
    out = Path(sys.argv[2])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(items)} excerpts written to {out}")


if __name__ == "__main__":
    main()

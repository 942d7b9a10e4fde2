"""Inputs for fuzzing the readers, and the checks that nothing is lost: shared by
``tests/test_fuzz_readers.py`` (hypothesis drives the ``random.Random``) and
``bench/fuzz_readers.py`` (10,000+ seeded cases).

A case is a file built from known records, some of them mutated (a quote dropped or added,
a delimiter, a line break, a NUL or a stray byte put in, a record cut short). Each record's
text starts with a marker of its own, so the checks can tell:

* a **silent loss**: a physical line, or a record, that came out neither in an Article nor in
  a Reject naming its line; or two records' markers in one Article (one record swallowed the
  next); or an intact record that came out changed;
* a **crash**: the reader raised (the caller catches that).
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.ingest.readers import clean_text
from chronicle.model import Article, Reject

PROSE = ("the army said on Friday that talks resumed in Geneva after a strike hit the market "
         "and officials denied it while aid agencies warned of shortages near Café Rafah "
         "12 people were hurt")
WORDS = PROSE.split()
MUTATIONS = ("drop_quote", "add_quote", "add_delimiter", "add_newline", "add_cr", "add_nul",
             "truncate", "garbage", "bad_byte")


@dataclass
class Record:
    """One record of a case: where it starts, how many physical lines it takes, its text."""

    start: int  # 1-based physical line
    lines: int
    text: str
    marker: str
    intact: bool
    blank: bool = False
    blank_lines: frozenset[int] = frozenset()  # lines of the record with nothing on them


@dataclass
class Tally:
    """What one or more cases did."""

    cases: int = 0
    items: int = 0
    lines_in: int = 0  # non-blank physical lines (records for JSON arrays and feeds)
    lines_read: int = 0
    lines_rejected: int = 0
    intact_rejected: int = 0  # intact records rejected with a broken neighbour (not lost)
    crashes: list[str] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.items += other.items
        self.lines_in += other.lines_in
        self.lines_read += other.lines_read
        self.lines_rejected += other.lines_rejected
        self.intact_rejected += other.intact_rejected
        self.crashes += other.crashes
        self.losses += other.losses


def sentence(rnd: random.Random) -> str:
    words = [rnd.choice(WORDS) for _ in range(rnd.randint(3, 12))]
    if rnd.random() < 0.2:
        words.insert(rnd.randrange(len(words)), rnd.choice(('"quoted"', "a, b", "it's", "“so”")))
    return " ".join(words).capitalize() + "."


def record_fields(rnd: random.Random, number: int) -> dict[str, str]:
    marker = f"Rec{number}x"
    paragraphs = [f"{marker} {sentence(rnd)}"] + [sentence(rnd) for _ in range(rnd.randint(0, 2))]
    joiner = rnd.choice((" ", " ", "\n\n", "\n"))
    date = f"{rnd.randint(1990, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
    title = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 5)))
    if rnd.random() < 0.2:
        title += rnd.choice((", again", ' "live"', ";"))
    return {"date": date, "title": title, "text": joiner.join(paragraphs)}


def mutate(rnd: random.Random, line: str, delimiter: str = ",") -> str:
    """``line`` (without its end) with one mutation a file can suffer."""
    kind = rnd.choice(MUTATIONS)
    at = rnd.randint(0, len(line))
    if kind == "drop_quote" and '"' in line:
        spots = [i for i, c in enumerate(line) if c == '"']
        at = rnd.choice(spots)
        return line[:at] + line[at + 1:]
    insert = {"add_quote": '"', "drop_quote": '"', "add_delimiter": delimiter,
              "add_newline": "\n", "add_cr": "\r", "add_nul": "\x00",
              "garbage": rnd.choice(("\ufffd", "\u2028", "{", "}", "\\", "\x1b", "é", "\t")),
              "bad_byte": "\udcff"}.get(kind)
    if kind == "truncate":
        return line[:at]
    return line[:at] + (insert or "") + line[at:]


def _encode(text: str) -> bytes:
    """UTF-8, a lone surrogate standing for a byte that is not UTF-8."""
    return text.encode("utf-8", "surrogateescape")


def physical_lines(text: str) -> list[str]:
    """Lines as the csv module sees them (\\n, \\r\\n and \\r end a line)."""
    return list(io.StringIO(text, newline=""))


# ---- CSV --------------------------------------------------------------------------------------

def csv_case(rnd: random.Random, delimiter: str = ",", rows: int | None = None,
             mutation_rate: float = 0.2) -> tuple[bytes, list[Record]]:
    """A CSV file of ``rows`` records (quoted multi-line texts among them), some mutated."""
    header = delimiter.join(("date", "title", "text")) + "\n"
    parts, records, line = [header], [], 2
    for number in range(rows if rows is not None else rnd.randint(1, 8)):
        if rnd.random() < 0.1:
            parts.append("\n")
            line += 1
        fields = record_fields(rnd, number)
        out = io.StringIO()
        csv.writer(out, delimiter=delimiter, lineterminator="\n").writerow(
            [fields["date"], fields["title"], fields["text"]])
        row = out.getvalue()
        intact = rnd.random() >= mutation_rate
        if not intact:
            row = mutate(rnd, row[:-1], delimiter) + "\n"
        own_lines = physical_lines(_encode(row).decode("utf-8", "replace"))
        count = len(own_lines)
        records.append(Record(line, count, fields["text"], f"Rec{number}x", intact,
                              blank=not row.strip(),
                              blank_lines=frozenset(line + i for i, text in enumerate(own_lines)
                                                    if not text.strip())))
        parts.append(row)
        line += count
    return _encode("".join(parts)), records


_SPAN = re.compile(r"\blines? (\d+)(?:-(\d+))?")


def reject_span(reject: Reject) -> tuple[int, int]:
    """The physical lines a CSV/JSONL reject covers: its origin's line, or the lines its
    reason names."""
    start = int(reject.origin.rsplit(":", 1)[1])
    if m := _SPAN.search(reject.reason):
        return int(m[1]), int(m[2] or m[1])
    return start, start


def _line_of(origin: str) -> int | None:
    tail = origin.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else None


def check_csv(path: Path, items: Sequence[Article | Reject], records: list[Record]) -> Tally:
    """Every record read as itself or inside a reject's lines; no record inside another's
    article; the intact ones read unchanged (or rejected with their line, after a broken
    neighbour)."""
    tally = Tally(cases=1, items=len(items))
    tally.lines_in = sum(r.lines for r in records if not r.blank)
    if any(isinstance(i, Reject) and i.origin == str(path) for i in items):
        tally.lines_rejected = tally.lines_in  # the whole file, named
        return tally
    articles = {_line_of(i.origin): i for i in items if isinstance(i, Article)}
    spans = [reject_span(i) for i in items if isinstance(i, Reject)]
    # an article's record runs from its line to the line before the next item's (records
    # come out in order, one after another); blank lines in between belong to no one
    starts = [*sorted({_line_of(i.origin) or 0 for i in items}), 10**9]
    read_spans = [(a, starts[starts.index(a) + 1] - 1) for a in articles if a is not None]
    markers = [r.marker for r in records]
    for article in articles.values():
        inside = [m for m in markers if re.search(rf"\b{m}\b", article.text)]
        if len(inside) > 1:
            tally.losses.append(f"{article.origin}: one article holds records {inside}")
    for record in records:
        if record.blank:
            continue
        article = articles.get(record.start)
        rejected = any(a <= record.start <= b for a, b in spans)
        if article is not None and not rejected:
            if record.intact and article.text != clean_text(record.text):
                tally.losses.append(f"{article.origin}: intact record read changed")
            tally.lines_read += record.lines
        elif rejected and article is None:
            tally.lines_rejected += record.lines
            tally.intact_rejected += record.intact
        elif article is None and record.intact:
            tally.losses.append(f"line {record.start}: intact record neither read nor rejected")
        elif article is None:
            # a mutated record may have become a line break and a fragment: what matters is
            # that each of its lines is in some reject
            lines = [n for n in range(record.start, record.start + record.lines)
                     if n not in record.blank_lines]
            if all(any(a <= n <= b for a, b in spans + read_spans) for n in lines):
                tally.lines_rejected += record.lines
            else:
                tally.losses.append(f"line {record.start}: mutated record neither read nor "
                                    "rejected")
        else:
            tally.losses.append(f"line {record.start}: both read and rejected")
    return tally


# ---- JSONL ------------------------------------------------------------------------------------

def jsonl_case(rnd: random.Random, lines: int | None = None,
               mutation_rate: float = 0.2) -> tuple[bytes, list[Record]]:
    out, records = [], []
    for number in range(lines if lines is not None else rnd.randint(1, 8)):
        if rnd.random() < 0.1:
            out.append(rnd.choice(("", "  ", "\t")))
        fields = record_fields(rnd, number)
        line = json.dumps(fields, ensure_ascii=rnd.random() < 0.5)
        intact = rnd.random() >= mutation_rate
        if not intact:
            line = mutate(rnd, line).replace("\r", "")  # JSONL lines end at \n only
        start = sum(1 + earlier.count("\n") for earlier in out) + 1
        records.append(Record(start, 1, fields["text"], f"Rec{number}x", intact))
        out.append(line)
    data = _encode("\n".join(out) + "\n")
    return data, records


def check_jsonl(path: Path, data: bytes, items: Sequence[Article | Reject],
                records: list[Record] | None = None) -> Tally:
    """Each non-blank physical line is exactly one Article or Reject with its number (or the
    whole file is one Reject); an intact record is read unchanged."""
    tally = Tally(cases=1, items=len(items))
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    wanted = {n for n, raw in enumerate(lines, start=1)
              if raw.decode("utf-8", "replace").removeprefix("\ufeff").strip()}
    tally.lines_in = len(wanted)
    if any(isinstance(i, Reject) and i.origin == str(path) for i in items):
        tally.lines_rejected = tally.lines_in
        return tally
    seen: dict[int, Article | Reject] = {}
    for item in items:
        number = _line_of(item.origin)
        if number is None or number in seen:
            tally.losses.append(f"{item.origin}: not one item a line")
            continue
        seen[number] = item
    missing = wanted - set(seen)
    if missing:
        tally.losses.append(f"lines {sorted(missing)[:5]} neither read nor rejected")
    tally.lines_read = sum(isinstance(i, Article) for i in seen.values())
    tally.lines_rejected = sum(isinstance(i, Reject) for i in seen.values())
    for record in records or []:
        item = seen.get(record.start)
        if record.intact and not (isinstance(item, Article)
                                  and item.text == clean_text(record.text)):
            tally.losses.append(f"line {record.start}: intact record not read as itself")
    return tally


# ---- whole files: text, JSON, HTML, feeds ----------------------------------------------------

def text_file(rnd: random.Random) -> bytes:
    fields = record_fields(rnd, 0)
    return _encode(f" date {fields['date']}\n\n{fields['title']}\n\n{fields['text']}\n")


def json_file(rnd: random.Random) -> bytes:
    return _encode(json.dumps([record_fields(rnd, n) for n in range(rnd.randint(1, 4))]))


def feed_file(rnd: random.Random) -> bytes:
    items = "".join(
        f"<item><title>{f['title']}</title><pubDate>{f['date']}</pubDate>"
        f"<description>{f['text']}</description></item>"
        for f in (record_fields(rnd, n) for n in range(rnd.randint(1, 4))))
    return _encode(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                   f"{items}</channel></rss>")


def html_file(rnd: random.Random) -> bytes:
    fields = record_fields(rnd, 0)
    body = "".join(f"<p>{p}</p>" for p in fields["text"].split("\n") if p)
    return _encode(f'<html><head><meta property="article:published_time" '
                   f'content="{fields["date"]}"><title>{fields["title"]}</title></head>'
                   f"<body><article><h1>{fields['title']}</h1>{body}</article></body></html>")


WHOLE_FILES: dict[str, Callable[[random.Random], bytes]] = {
    ".txt": text_file, ".json": json_file, ".rss": feed_file, ".html": html_file}


def mutate_bytes(rnd: random.Random, data: bytes, count: int = 3) -> bytes:
    """``data`` with a few bytes inserted, deleted or changed."""
    buffer = bytearray(data)
    for _ in range(rnd.randint(1, count)):
        at = rnd.randint(0, len(buffer))
        kind = rnd.randrange(3)
        byte = rnd.choice((0, 0x22, 0x3C, 0x3E, 0x0A, 0x0D, 0xFF, 0xC3, 0x5C, rnd.randrange(256)))
        if kind == 0:
            buffer.insert(at, byte)
        elif kind == 1 and at < len(buffer):
            del buffer[at]
        elif at < len(buffer):
            buffer[at] = byte
    return bytes(buffer)


def check_whole_file(path: Path, items: Sequence[Article | Reject]) -> Tally:
    """A file comes out as at least one item, each item (``#itemN``) once."""
    tally = Tally(cases=1, items=len(items), lines_in=1)
    if not items:
        tally.losses.append(f"{path.name}: nothing came out, not even a reject")
    origins = [i.origin for i in items]
    if len(set(origins)) != len(origins):
        tally.losses.append(f"{path.name}: an item came out twice")
    if any(isinstance(i, Article) for i in items):
        tally.lines_read = 1
    else:
        tally.lines_rejected = 1
    return tally

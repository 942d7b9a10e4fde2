"""Readers for every input format Chronicle accepts, turning files into Articles or Rejects.

Formats, chosen by file extension:

* ``.txt`` - one article a file. The date comes from a header line (the seed format's
  `` date 2024-03-22 Published: Fri 22 Mar 2024, 7:47 PM``, or ``Date:``/``Published:``
  lines, with optional ``Source:``, ``Title:``, ``URL:``), else from a ``YYYY-MM-DD`` in the
  file name or its folder's name (Timeline17: ``InputDocs/2010-01-21/1538.htm.txt``).
* ``.jsonl``/``.ndjson`` - one JSON object a line; ``.json`` - an array of them.
* ``.csv``/``.tsv`` - a header row, then one article a row (quoted multi-line fields allowed).
* ``.html``/``.htm`` - a saved page; main text, title, outlet and date by trafilatura.
* ``.xml``/``.rss``/``.atom`` - RSS 2.0, RSS 1.0 or Atom feeds; one article an item.

Publication dates, in every format, go through :func:`parse_published`: ISO dates and
datetimes, RFC 2822 (feeds) and written-out dates ("Fri 22 Mar 2024, 7:47 PM"). A time zone,
where given, is *not* converted: the publication day is the day on the outlet's own clock,
which is what the article's "yesterday" and "on Friday" are relative to.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import email.utils
import io
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from chronicle.model import Article, Reject

EARLIEST_YEAR = 1800
FUTURE_SLACK_DAYS = 2  # time zones and clock skew; anything later is a data error


class DateError(ValueError):
    """A date string that cannot be a publication date; the message is the reject reason."""


_ISO = re.compile(
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?$",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_TIME = (r"(?:[\s,]+(?:at\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?"
         r"\s*(?P<ap>[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4}|\s*[+-]\d{2}:?\d{2})?)?")
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4})"
_DMY = re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TIME}$")
_MDY = re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$")

DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")


def _make(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        value = dt.date(year, month, day)
    except ValueError as error:
        raise DateError(f"invalid date {raw!r} ({error})") from None
    check_plausible(value)
    return value


def check_plausible(value: dt.date, today: dt.date | None = None) -> None:
    """Refuse dates before 1800 or after tomorrow-ish: they are typos or placeholders."""
    today = today or dt.date.today()
    if value.year < EARLIEST_YEAR or value > today + dt.timedelta(days=FUTURE_SLACK_DAYS):
        raise DateError(f"implausible date {value.isoformat()}")


def _hhmm(hour: int, minute: int, ampm: str | None) -> str | None:
    if ampm:
        pm = ampm.lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_published(raw: str) -> tuple[str, str | None]:
    """``(YYYY-MM-DD, HH:MM or None)`` from an ISO, RFC 2822 or written-out date.

    Raises :class:`DateError` with a reject reason for anything else.
    """
    text = raw.strip()
    if not text:
        raise DateError("empty date")
    if m := _ISO.match(text):
        day = _make(int(m[1]), int(m[2]), int(m[3]), text)
        time = _hhmm(int(m[4]), int(m[5]), None) if m[4] else None
        return day.isoformat(), time
    if m := _COMPACT.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), text).isoformat(), None
    for pattern in (_DMY, _MDY):
        if m := pattern.match(text):
            month = _MONTHS.get(m["mon"].lower())
            if month is None:
                break
            day = _make(int(m["y"]), month, int(m["d"]), text)
            time = _hhmm(int(m["h"]), int(m["mi"]), m["ap"]) if m["h"] else None
            return day.isoformat(), time
    try:  # RFC 2822, as in RSS: "Fri, 22 Mar 2024 19:47:00 +0000"
        stamp = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None:
        check_plausible(stamp.date())
        return stamp.date().isoformat(), f"{stamp.hour:02d}:{stamp.minute:02d}"
    raise DateError(f"unparseable date {text[:60]!r}")


def date_from_name(name: str) -> str | None:
    """The YYYY-MM-DD (or YYYY_MM_DD) date in a file or folder name, validated; else None."""
    m = DATE_IN_NAME.search(name)
    if not m:
        return None
    return _make(int(m[1]), int(m[2]), int(m[3]), m[0]).isoformat()


class _Refused(Exception):
    """Internal: the reason an input cannot be ingested (becomes a ``Reject``)."""


# --------------------------------------------------------------------------------------------
# Limits on what one input may be. Every one is checked at ingest and refused with a reason
# naming the item, so nothing too big to read reaches the reading stage.

MAX_FILE_BYTES = 256 * 1024 * 1024
# About 300,000 words: longer than any news article or report; a longer text is a dump of
# many documents or of data. (Long real articles are read in parts: see read/pipeline.py.)
MAX_ARTICLE_CHARS = 2_000_000
# A line (paragraph) of prose this long without a break is data, not writing: a 10 MB
# one-line file is a log, a base64 blob or a minified page, never an article.
MAX_LINE_CHARS = 100_000
# One JSONL line: room for the longest article with JSON escapes (up to 6 bytes a character).
MAX_RECORD_BYTES = 16 * 2**20
DEFAULT_ENCODING = "utf-8"


def check_article_limits(text: str) -> None:
    """Raise ``_Refused`` when ``text`` is too long to be an article or not prose at all."""
    if len(text) <= min(MAX_LINE_CHARS, MAX_ARTICLE_CHARS):  # neither limit can be reached
        return
    longest = max(map(len, text.split("\n")), default=0)
    if longest > MAX_LINE_CHARS:
        raise _Refused(f"not an article: a line of {longest:,} characters without a break "
                       f"(an article's lines have at most {MAX_LINE_CHARS:,})")
    if len(text) > MAX_ARTICLE_CHARS:
        raise _Refused(f"article too long ({len(text):,} characters; at most "
                       f"{MAX_ARTICLE_CHARS:,} in one article)")


def check_encoding(name: str) -> str:
    """``name`` if Python can decode text in it, else ValueError saying so (for --encoding)."""
    try:
        codecs.lookup(name)
        "\n".encode(name)
        b"x".decode(name)
    except (LookupError, ValueError):
        raise ValueError(f"unknown text encoding {name!r} (e.g. utf-8, cp1252, latin-1, "
                         "utf-16)") from None
    return name


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def _ascii_compatible(encoding: str) -> bool:
    """True when lines can be split on the byte b"\\n" before decoding (not UTF-16/32)."""
    return "\n".encode(encoding) == b"\n"


# --------------------------------------------------------------------------------------------
# Reading bytes: refusing what is not text in the expected encoding, with a reason a person
# can act on.

_SNIFF = 8192
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Refused(f"file too large ({size / 2**20:.0f} MiB > "
                           f"{MAX_FILE_BYTES // 2**20} MiB)")
        return path.read_bytes()
    except PermissionError:
        raise _Refused("unreadable file: permission denied") from None
    except OSError as error:
        raise _Refused(f"unreadable file: {error.strerror or error}") from None


def _check_not_binary(data: bytes) -> None:
    head = data[:_SNIFF]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Refused("binary file (contains NUL bytes)")
    controls = sum(1 for b in head if b in _CONTROL)
    if head and controls / len(head) > 0.05:
        raise _Refused("binary file (mostly non-text bytes)")


def _decode(data: bytes, encoding: str = DEFAULT_ENCODING) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; with another ``encoding`` named
    (``--encoding cp1252``), that one. Anything that does not decode is refused.

    Guessing a legacy encoding (cp1252, latin-1) would silently garble names and quotes, so a
    file that is not UTF-8 is rejected with the offending byte's offset instead.
    """
    if not data.strip():
        raise _Refused("empty file")
    if not _ascii_compatible(encoding):  # UTF-16/32 named: NUL bytes are part of the text
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            raise _Refused(f"not {encoding} text (offset {error.start})") from None
    if _is_utf8(encoding) and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise _Refused(f"not valid UTF-16 text (offset {error.start})") from None
    _check_not_binary(data)
    try:
        return data.decode("utf-8-sig" if _is_utf8(encoding) else encoding)
    except UnicodeDecodeError as error:
        raise _Refused(_not_decodable(encoding, data[error.start], error.start)) from None


def _not_decodable(encoding: str, byte: int, offset: int, where: str = "offset") -> str:
    if _is_utf8(encoding):
        return (f"not UTF-8 text (byte 0x{byte:02x} at {where} {offset}; "
                "name a legacy encoding with --encoding, e.g. cp1252)")
    return f"not {encoding} text (byte 0x{byte:02x} at {where} {offset})"


_MANY_BLANKS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Normalised article text: NFC, "\\n" line ends, no trailing spaces, at most one blank line.

    Paragraph breaks stay "\\n\\n" and single line breaks stay "\\n" (Timeline17 keeps one
    sentence a line), so sentence splitting downstream sees the layout the source had.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    return _MANY_BLANKS.sub("\n\n", text)


# --------------------------------------------------------------------------------------------
# Field names shared by JSON, JSONL and CSV records.

_TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "article_text")
_DATE_FIELDS = ("date", "published", "published_at", "publishedat", "pubdate", "pub_date",
                "publication_date", "date_published", "datepublished", "datetime")
_TITLE_FIELDS = ("title", "headline")
_URL_FIELDS = ("url", "link")
_SOURCE_FIELDS = ("source", "outlet", "publisher", "sitename", "site")


def _pick(record: dict[str, object], names: tuple[str, ...]) -> tuple[str | None, object]:
    """The first of ``names`` present with a non-empty value: (field name, value)."""
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return name, value
    return None, None


def _as_text(name: str, value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):  # {"source": {"name":..}}
        return value["name"]
    raise _Refused(f"field {name!r} is not text (got {type(value).__name__})")


def _record_article(record: dict[str, object], origin: str, source: str | None) -> Article:
    """An article from one JSON object or CSV row (keys matched case-insensitively)."""
    record = {str(k).strip().lower(): v for k, v in record.items()}
    text_name, text_value = _pick(record, _TEXT_FIELDS)
    if text_name is None:
        raise _Refused(f"no text (expected a non-empty {'/'.join(_TEXT_FIELDS[:3])} field)")
    text = clean_text(_as_text(text_name, text_value))
    if not text:
        raise _Refused("empty text")
    check_article_limits(text)
    date_name, date_value = _pick(record, _DATE_FIELDS)
    if date_name is None:
        raise _Refused(f"no date (expected a {'/'.join(_DATE_FIELDS[:5])} field)")
    try:
        published, time = parse_published(_as_text(date_name, date_value))
    except DateError as error:
        raise _Refused(str(error)) from None
    fields = {}
    for key, names in (("title", _TITLE_FIELDS), ("url", _URL_FIELDS),
                       ("source", _SOURCE_FIELDS)):
        name, value = _pick(record, names)
        fields[key] = " ".join(_as_text(name, value).split()) if name else ""
    return Article.create(
        published=published, published_time=time, text=text, title=fields["title"],
        source=fields["source"] or source or "", url=fields["url"] or None, origin=origin,
    )


# --------------------------------------------------------------------------------------------
# Formats. Each reader yields Articles and Rejects for one file and never raises _Refused for
# a single item: only a problem with the whole file escapes to ``_read_file``.

def _open_file(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except PermissionError:
        raise _Refused("unreadable file: permission denied") from None
    except OSError as error:
        raise _Refused(f"unreadable file: {error.strerror or error}") from None


def _jsonl_lines(handle: BinaryIO, head: bytes,
                 encoding: str) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, reject reason) for each physical line; streamed where the encoding
    lets lines be split on bytes, else (UTF-16/32) decoded whole."""
    if not _ascii_compatible(encoding) or (
            _is_utf8(encoding) and head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise _Refused(f"file too large (> {MAX_FILE_BYTES // 2**20} MiB)")
        for number, line in enumerate(_decode(data, encoding).split("\n"), start=1):
            yield number, line, None
        return
    _check_not_binary(head)
    decode = "utf-8-sig" if _is_utf8(encoding) else encoding
    number = 0
    while raw := handle.readline(MAX_RECORD_BYTES):
        number += 1
        if len(raw) == MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while (rest := handle.readline(MAX_RECORD_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of an over-long line: part of the one reject
            yield number, None, (f"line too long (more than {MAX_RECORD_BYTES // 2**20} MiB; "
                                 "one article record is far shorter)")
            continue
        try:
            yield number, raw.decode(decode if number == 1 else encoding), None
        except UnicodeDecodeError as error:
            yield number, None, _not_decodable(encoding, raw[error.start], error.start + 1,
                                               "column")


def _read_jsonl(path: Path, origin: str, source: str | None,
                encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """One JSON object a line, streamed; a bad line is one Reject naming ``path:line``.

    Every non-blank physical line becomes one Article or one Reject. A file in which *every*
    line is valid JSON but not an object (e.g. Timeline17's reference ``timelines.jsonl``,
    one array a line) is one Reject for the whole file, not one a line.
    """
    with _open_file(path) as handle:
        head = handle.read(_SNIFF)
        if not head.strip():
            raise _Refused("empty file")
        handle.seek(0)
        held: list[Reject] = []  # "not an object" rejects, until something else turns up
        kinds: set[str] = set()
        settled = False
        for number, line, problem in _jsonl_lines(handle, head, encoding):
            where = f"{origin}:{number}"
            if problem is not None:
                item: Article | Reject = Reject(where, problem)
            elif not line.strip():
                continue
            else:
                item = _jsonl_item(line, where, source)
                if (not settled and isinstance(item, Reject)
                        and item.reason.startswith("not a JSON object")):
                    held.append(item)
                    kinds.add(item.reason.rsplit(" ", 1)[-1].rstrip(")"))
                    continue
            if not settled:
                settled = True
                yield from held
                held.clear()
            yield item
        if held:
            what = " or ".join(sorted(f"a JSON {k}" for k in kinds))
            raise _Refused(f"no article records: each of its {len(held)} lines is {what}, "
                           "not an object")
        if not settled:
            raise _Refused("empty file")


def _jsonl_item(line: str, where: str, source: str | None) -> Article | Reject:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        return Reject(where, f"malformed JSON: {error.msg} (column {error.colno})")
    except RecursionError:  # "[[[[...": nested deeper than the parser's stack
        return Reject(where, "malformed JSON: nested too deeply")
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return Reject(where, f"not a JSON object (got {kind})")
    try:
        return _record_article(value, where, source)
    except _Refused as error:
        return Reject(where, str(error))


def _json_items(value: object) -> list[object] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in ("articles", "items", "data", "documents", "results"):
            if isinstance(value.get(key), list):
                return value[key]
    return None


def _read_json(path: Path, origin: str, source: str | None,
               encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """A JSON array of article objects (or {"articles": [...]}, or a single article object).

    Items are numbered ``path#itemN``. A JSON file with no article-like item at all (e.g.
    Timeline17's ``STATS.json``) is one Reject, not one per item.
    """
    text = _decode(_read_bytes(path), encoding)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Refused(f"malformed JSON: {error.msg} (line {error.lineno}, "
                       f"column {error.colno})") from None
    except RecursionError:
        raise _Refused("malformed JSON: nested too deeply") from None
    items = _json_items(value)
    if items is None:
        if isinstance(value, dict):
            try:
                yield _record_article(value, origin, source)
            except _Refused as error:
                raise _Refused(f"not an article record: {error}") from None
            return
        raise _Refused(f"no article records (top level is a JSON {type(value).__name__})")
    wanted = set(_TEXT_FIELDS) | set(_DATE_FIELDS)
    if not any(isinstance(item, dict) and wanted & {str(k).lower() for k in item}
               for item in items):
        raise _Refused(f"no article records: none of its {len(items)} items has a text or "
                       "date field")
    for number, item in enumerate(items, start=1):
        where = f"{origin}#item{number}"
        if not isinstance(item, dict):
            yield Reject(where, f"not a JSON object (got {type(item).__name__})")
            continue
        try:
            yield _record_article(item, where, source)
        except _Refused as error:
            yield Reject(where, str(error))


class _LineSource:
    """The physical lines of a CSV text for ``csv.reader``, from a position the caller sets:
    after a broken record, reading starts again at a line of the caller's choosing."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.position = 0

    def __iter__(self) -> _LineSource:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.lines):
            raise StopIteration
        self.position += 1
        return self.lines[self.position - 1]


def _read_csv(path: Path, origin: str, source: str | None, delimiter: str | None,
              encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """A header row, then one article a row; rows are named ``path:line`` (line of row start).

    Every physical line is accounted for: it is the header, blank, part of a row read, or part
    of a row rejected with its line number. Parsing is strict, so a quote in the wrong place
    (``"Title" more``) is a reject, never a mangled field. A quote left open would make the
    csv module run one field over the rows after it; a record that spans lines is therefore
    checked line by line, and where one of its lines is a whole row by itself, the broken
    record ends just before it and reading goes on from there.
    """
    text = _decode(_read_bytes(path), encoding)
    if delimiter is None:  # .csv: the most frequent of , ; | TAB in the header line
        first = text.split("\n", 1)[0]
        delimiter = max(",;\t|", key=first.count)
    _raise_csv_field_limit()
    lines = list(io.StringIO(text, newline=""))  # ends kept: quoted fields keep their breaks
    source_lines = _LineSource(lines)
    reader = csv.reader(source_lines, delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise _Refused(f"no CSV header row ({error})") from None
    names = [h.strip().lower() for h in header]
    if not set(names) & set(_TEXT_FIELDS):
        raise _Refused(f"CSV header has no text column (expected one of "
                       f"{', '.join(_TEXT_FIELDS[:3])}; got {', '.join(names)[:80]})")
    if not set(names) & set(_DATE_FIELDS):
        raise _Refused(f"CSV header has no date column (expected one of "
                       f"{', '.join(_DATE_FIELDS[:5])})")
    date_column = next(i for i, n in enumerate(names) if n in _DATE_FIELDS)

    def whole_row(line: str) -> bool:
        """Whether one physical line is by itself a complete, dated row."""
        try:
            row = next(csv.reader([line], delimiter=delimiter, strict=True))
            parse_published(row[date_column])
        except (csv.Error, StopIteration, IndexError, DateError):
            return False
        return len(row) == len(names)

    rows = 0  # records that were not blank lines
    while source_lines.position < len(lines):
        start = source_lines.position
        error: str | None = None
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as problem:
            row, error = [], str(problem)
        end = source_lines.position  # one past the record's last line
        rows += 1
        where = f"{origin}:{start + 1}"
        span = f" (lines {start + 1}-{end})" if end - start > 1 else ""
        if end - start > 1:
            runs_into = next((i for i in range(start + 1, end) if whole_row(lines[i])), None)
            if runs_into is not None:
                lines_of = (f"lines {start + 1}-{runs_into}" if runs_into - start > 1
                            else f"line {start + 1}")
                yield Reject(where, f"unclosed quote: the record on {lines_of} runs into "
                                    f"line {runs_into + 1}, a row of its own")
                source_lines.position = runs_into
                continue
        if error is not None:
            yield Reject(where, f"malformed CSV: {error}{span}{_csv_hint(error)}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            rows -= 1
            continue
        if len(row) != len(names):
            yield Reject(where, f"expected {len(names)} fields, got {len(row)}{span}")
            continue
        try:
            yield _record_article(dict(zip(names, row, strict=True)), where, source)
        except _Refused as refused:
            yield Reject(where, f"{refused}{span}")
    if not rows:
        raise _Refused("no rows: a CSV header and nothing under it")


def _csv_hint(error: str) -> str:
    if "expected after" in error:
        return ": a quote inside a field that is not quoted as a whole"
    if "end of data" in error:
        return ": a quote opened and never closed"
    return ""


def _raise_csv_field_limit() -> None:
    """Articles are longer than the csv module's default 128 KiB field limit."""
    if csv.field_size_limit() < MAX_FILE_BYTES:
        csv.field_size_limit(MAX_FILE_BYTES)


# ---- plain text -----------------------------------------------------------------------------

_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\b\s*(.*)$", re.IGNORECASE)
_KEY_HEADER = re.compile(r"^\s*(date|published|source|title|url|link)\s*:\s*(.*?)\s*$",
                         re.IGNORECASE)
_PUBLISHED_TAIL = re.compile(r"^published\s*:\s*(.+)$", re.IGNORECASE)
_TITLE_END = tuple(".!?:;,\"'\u201d\u2019)\u2026-")


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading header lines ("date 2024-03-22 Published: ...", "Date:", "Source:", "Title:",
    "URL:") and the body after them. Header lines are removed from the body, otherwise the
    first sentence would start with "date 2024-03-22"."""
    header: dict[str, str] = {}
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if m := _SEED_HEADER.match(line):
            if "date" in header:
                break
            header["date"] = m[1]
            if tail := _PUBLISHED_TAIL.match(m[2].strip()):
                header["published"] = tail[1].strip()
        elif m := _KEY_HEADER.match(line):
            key = {"link": "url"}.get(m[1].lower(), m[1].lower())
            if key in header or not m[2]:
                break
            value = m[2]
            if key == "date" and (parts := re.split(r"\s+published\s*:\s*", value, maxsplit=1,
                                                             flags=re.I)):
                value = parts[0]
                if len(parts) > 1:
                    header["published"] = parts[1]
            header[key] = value
        else:
            break
        index += 1
    if not header:
        return {}, text
    return header, "\n".join(lines[index:])


def _title_from_body(body: str) -> tuple[str, str]:
    """A short first line standing alone as a paragraph, without final punctuation, is a
    headline: (title, rest). Otherwise no title (the seeds and Timeline17 have none) and the
    body is unchanged, so no sentence is ever lost from the text."""
    first, sep, rest = body.partition("\n\n")
    words = first.split()
    if (sep and rest.strip() and "\n" not in first and 2 <= len(words) <= 15
            and not first.rstrip().endswith(_TITLE_END)):
        return " ".join(words), rest
    return "", body


def _path_date(path: Path) -> str | None:
    """Date from the file name, else the parent folder's name (Timeline17's
    ``InputDocs/2010-01-21/1538.htm.txt``), else a ``YYYY/MM/DD/`` folder layout."""
    for name in (path.name, path.parent.name):
        if found := date_from_name(name):
            return found
    parts = path.parent.parts[-3:]
    if len(parts) == 3 and re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", "/".join(parts)):
        return date_from_name("{}-{:0>2}-{:0>2}".format(*parts))
    return None


def _read_text(path: Path, origin: str, source: str | None,
               encoding: str = DEFAULT_ENCODING) -> Iterator[Article]:
    """A text file: date from a header line, else from the file or folder name."""
    text = clean_text(_decode(_read_bytes(path), encoding))
    header, body = _split_header(text)
    published: str | None = None
    time: str | None = None
    try:
        if "date" in header:
            published, _ = parse_published(header["date"])
        if "published" in header:
            day, at = parse_published(header["published"])
            if published is None or day == published:  # a time of another day is no use
                published, time = day, at
        if published is None:
            published = _path_date(path)
    except DateError as error:
        raise _Refused(str(error)) from None
    if published is None:
        raise _Refused("no date (no date header line, no YYYY-MM-DD in file or folder name)")
    body = clean_text(body)
    title = " ".join(header.get("title", "").split())
    if header and not title:
        title, body = _title_from_body(body)
        body = clean_text(body)
    if not body:
        raise _Refused("empty text")
    yield Article.create(
        published=published, published_time=time, text=body, title=title,
        source=header.get("source") or source or "", url=header.get("url") or None,
        origin=origin,
    )


# ---- HTML -----------------------------------------------------------------------------------

_META_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "date", "dc.date.issued",
                   "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date")


def _html_published(data: bytes) -> tuple[str, str | None] | None:
    """The page's own publication timestamp from <meta> tags or JSON-LD, with its time.

    trafilatura (htmldate) gives only the day; the time of day is worth keeping.
    """
    try:
        import lxml.html
        tree = lxml.html.fromstring(data)
    except Exception:  # malformed markup: fall back to trafilatura's date
        return None
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key in _META_DATE_KEYS and content and key not in found:
            found[key] = content
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        match = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script.text or "")
        if match and "datepublished" not in found:
            found["datepublished"] = match[1]
    for time_tag in tree.xpath("//time[@datetime][@pubdate or @itemprop='datePublished']"):
        found.setdefault("datepublished", time_tag.get("datetime"))
        break
    for key in _META_DATE_KEYS:
        if key in found:
            try:
                return parse_published(found[key])
            except DateError:
                continue
    return None


def _read_html(path: Path, origin: str, source: str | None,
               encoding: str = DEFAULT_ENCODING) -> Iterator[Article]:
    """Main text, title, outlet and date of a saved web page, by trafilatura (offline).

    ``encoding`` is not used: a page names its own (``<meta charset>``), which lxml follows."""
    data = _read_bytes(path)
    if not data.strip():
        raise _Refused("empty file")
    _check_not_binary(data)
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except Exception as error:  # a parser crash is one bad file, not a stop
        raise _Refused(f"HTML extraction failed: {type(error).__name__}: {error}") from None
    if document is None:
        raise _Refused("no article text found in page")
    meta = document if isinstance(document, dict) else document.as_dict()
    title = " ".join((meta.get("title") or "").split())
    lines = [line.strip() for line in (meta.get("text") or "").split("\n") if line.strip()]
    if lines and title and lines[0] == title:  # trafilatura repeats the <h1> as line 1
        lines = lines[1:]
    text = clean_text("\n\n".join(lines))
    if not text:
        raise _Refused("no article text found in page")
    stamp = _html_published(data)
    if stamp is None and meta.get("date"):
        try:
            stamp = parse_published(meta["date"])
        except DateError as error:
            raise _Refused(str(error)) from None
    if stamp is None:
        raise _Refused("no publication date found in page")
    return_source = meta.get("sitename") or meta.get("hostname") or source or ""
    yield Article.create(
        published=stamp[0], published_time=stamp[1], text=text, title=title,
        source=" ".join(str(return_source).split()), url=meta.get("url") or None, origin=origin,
    )


# ---- RSS / Atom -----------------------------------------------------------------------------

_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "pre", "table", "tr", "section", "article", "header",
                         "footer", "figure", "figcaption", "hr"})


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML fragment, block elements as paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed descriptions): tags dropped, entities decoded."""
    if "<" not in fragment and "&" not in fragment:
        return clean_text(fragment)
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return clean_text("\n\n".join(p for p in paragraphs if p))


_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_NS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_NS_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: ET.Element, *names: str) -> ET.Element | None:
    """First child whose tag (namespaced as given, or by local name) is one of ``names``."""
    for name in names:
        for child in element:
            if child.tag == name or ("{" not in name and _local(child.tag) == name):
                return child
    return None


def _child_text(element: ET.Element, *names: str) -> str:
    for name in names:
        found = _child(element, name)
        if found is not None and (found.text or "").strip():
            return found.text.strip()
    return ""


def _atom_text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    if element.get("type") == "xhtml":
        return clean_text("\n\n".join(" ".join("".join(c.itertext()).split()) for c in element))
    return html_to_text(element.text or "")


def _feed_item(item: ET.Element, atom: bool) -> tuple[str, str, str, str, str]:
    """(title, link, date, text, item source) of an RSS item or Atom entry."""
    title = html_to_text(_child_text(item, "title")).replace("\n", " ")
    if atom:
        link = ""
        for candidate in item:
            if _local(candidate.tag) == "link" and candidate.get("rel", "alternate") == "alternate":
                link = candidate.get("href", "")
                break
        date = _child_text(item, "published", "updated", _NS_DC_DATE)
        text = _atom_text(_child(item, "content")) or _atom_text(_child(item, "summary"))
        src = _child(item, "source")
        item_source = _child_text(src, "title") if src is not None else ""
    else:
        link = _child_text(item, "link", "guid")
        date = _child_text(item, "pubDate", _NS_DC_DATE, "date", "published", "updated")
        bodies = [html_to_text(_child_text(item, name)) for name in (_NS_CONTENT, "description")]
        text = max(bodies, key=len)
        item_source = _child_text(item, "source")
    return title, link, date, text, item_source


def _read_feed(path: Path, origin: str, source: str | None,
               encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """RSS 2.0 / RSS 1.0 / Atom: one article an item, named ``path#itemN``.

    ``encoding`` is not used: XML declares its own (``<?xml encoding=...?>``)."""
    data = _read_bytes(path)
    if not data.strip():
        raise _Refused("empty file")
    _check_not_binary(data)
    if _DECLARATION.search(data):
        raise _Refused("refused: XML with a DOCTYPE/ENTITY declaration (entity expansion risk)")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise _Refused(f"malformed XML: {error}") from None
    kind = _local(root.tag)
    if kind == "rss":
        channel = _child(root, "channel")
        items = [c for c in channel if _local(c.tag) == "item"] if channel is not None else []
        feed_title = _child_text(channel, "title") if channel is not None else ""
        atom = False
    elif kind == "RDF":
        channel = _child(root, "channel")
        items = [c for c in root if _local(c.tag) == "item"]
        feed_title = _child_text(channel, "title") if channel is not None else ""
        atom = False
    elif kind == "feed":
        items = [c for c in root if _local(c.tag) == "entry"]
        feed_title = _child_text(root, "title")
        atom = True
    else:
        raise _Refused(f"not an RSS or Atom feed (root element <{kind}>)")
    if not items:
        raise _Refused("feed has no items")
    feed_source = " ".join(html_to_text(feed_title).split())
    for number, item in enumerate(items, start=1):
        where = f"{origin}#item{number}"
        title, link, date, text, item_source = _feed_item(item, atom)
        if not text:
            yield Reject(where, "empty text")
            continue
        if not date:
            yield Reject(where, "no date (no pubDate/published/updated)")
            continue
        try:
            published, time = parse_published(date)
        except DateError as error:
            yield Reject(where, str(error))
            continue
        yield Article.create(
            published=published, published_time=time, text=text, title=title,
            source=item_source or feed_source or source or "", url=link or None, origin=where,
        )


# --------------------------------------------------------------------------------------------
# Dispatch and folder walking.

_READERS = {
    ".txt": _read_text, ".text": _read_text,
    ".jsonl": _read_jsonl, ".ndjson": _read_jsonl,
    ".json": _read_json,
    ".csv": lambda p, o, s, e: _read_csv(p, o, s, None, e),
    ".tsv": lambda p, o, s, e: _read_csv(p, o, s, "\t", e),
    ".html": _read_html, ".htm": _read_html, ".xhtml": _read_html,
    ".xml": _read_feed, ".rss": _read_feed, ".atom": _read_feed,
}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS))


def _read_file(path: Path, origin: str, source: str | None,
               encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """Every Article and Reject of one file; a whole-file problem is a single Reject.

    Every article passes the limits of :func:`check_article_limits` here, whatever its
    format, so reading never meets a text it cannot take."""
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        yield Reject(origin, f"unsupported file type {suffix}" if suffix
                     else "unsupported file type (no extension)")
        return
    from chronicle.ingest.furniture import without_furniture  # bylines, comments, share lines

    try:
        yield from without_furniture(_within_limits(reader(path, origin, source, encoding)),
                                     source)
    except _Refused as error:
        yield Reject(origin, str(error))


def _within_limits(items: Iterable[Article | Reject]) -> Iterator[Article | Reject]:
    """Each article that breaks a limit as a Reject, before anything else looks at its text."""
    for item in items:
        if isinstance(item, Article):
            try:
                check_article_limits(item.text)
            except _Refused as error:
                item = Reject(item.origin, str(error))
        yield item


def _walk(folder: Path, shown: str, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str]]:
    """Files under ``folder``, depth first in name order, skipping hidden entries (".git",
    ".DS_Store"): those are tool litter, never articles. Unreadable folders raise _Refused
    for the caller to report; symlink loops are followed once."""
    try:
        stat = folder.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            return
        seen.add((stat.st_dev, stat.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        raise _Refused("unreadable folder: permission denied") from None
    except OSError as error:
        raise _Refused(f"unreadable folder: {error.strerror or error}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = Path(entry.path)
        child_shown = os.path.join(shown, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield child, child_shown + os.sep
        else:
            yield child, child_shown


def _expand(path: Path, shown: str,
            seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str] | Reject]:
    try:
        for child, child_shown in _walk(path, shown, seen):
            if child_shown.endswith(os.sep):
                yield from _expand(child, child_shown.rstrip(os.sep), seen)
            else:
                yield child, child_shown
    except _Refused as error:
        yield Reject(shown, str(error))


def canonical_path(given: str | Path) -> str:
    """The one name of an input however it is spelt (``bad``, ``./bad/``, ``/abs/bad``):
    absolute, symbolic links and ``..`` resolved. Origins and rejects are keyed on it, so
    ingesting the same input by another spelling changes nothing."""
    try:
        return str(Path(given).resolve())
    except (OSError, RuntimeError):  # a symlink loop: keep the absolute spelling
        return os.path.abspath(given)


def read_inputs(paths: Iterable[str | Path], source: str | None = None,
                encoding: str = DEFAULT_ENCODING) -> Iterator[Article | Reject]:
    """Stream articles from files and folders (recursively, sorted for determinism).

    Every input item becomes either an ``Article`` or a ``Reject`` with a short reason; bad
    input never raises, so one broken file cannot stop a run of thousands. ``source`` is the
    outlet for items whose own metadata names none; ``encoding`` that of text, CSV and JSON
    files (HTML and XML name their own). Origins are the input's canonical path (see
    :func:`canonical_path`), plus ``:LINE`` for JSONL/CSV rows and ``#itemN`` for feed items
    and JSON array items.
    """
    for given in paths:
        shown = canonical_path(given)
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as error:
            yield Reject(shown, f"unreadable: {error.strerror or error}")
            continue
        if not exists:
            yield Reject(shown, "no such file or directory")
        elif is_dir:
            for found in _expand(path, shown.rstrip(os.sep) or shown, set()):
                if isinstance(found, Reject):
                    yield found
                else:
                    yield from _read_file(found[0], found[1], source, encoding)
        else:
            yield from _read_file(path, shown, source, encoding)

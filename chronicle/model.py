"""Typed records that flow between Chronicle's stages.

Every stage takes and returns these records; the SQLite schema (``chronicle.store``) mirrors
them column for column, so the single-machine store and a Parquet export can be compared
table by table.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # extraction records live beside the code that makes them
    from chronicle.extract.attribution import Attribution
    from chronicle.extract.events import EventMention
    from chronicle.extract.figures import Figure

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Whitespace-insensitive form of a text: the basis of content hashes."""
    return _SPACE.sub(" ", text).strip()


def content_hash(*parts: str) -> str:
    """A stable 16-hex-digit id from the normalised text of ``parts``."""
    digest = hashlib.sha256("\x1f".join(normalise_text(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One dated news article, as ingested.

    ``id`` is a hash of title and text, so the same story seen twice (another file, another
    run) is one article; each place it was seen is kept as an ``Origin``.
    """

    id: str
    published: str  # ISO date, YYYY-MM-DD
    text: str
    title: str = ""
    source: str = ""  # outlet, e.g. "bbc"; empty when unknown
    published_time: str | None = None  # HH:MM where the input gives it
    url: str | None = None
    origin: str = ""  # where it came from: path, path:line, or URL

    @classmethod
    def create(cls, *, published: str, text: str, title: str = "", **fields: object) -> Article:
        return cls(id=content_hash(title, text), published=published, text=text, title=title,
                   **fields)  # type: ignore[arg-type]

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Reject:
    """An input item that could not be ingested, and why."""

    origin: str  # path, or path:line for one line/row of a JSONL/CSV file
    reason: str


@dataclass(frozen=True)
class DuplicateLink:
    """``article_id`` repeats ``duplicate_of`` (an earlier article) with small edits."""

    article_id: str
    duplicate_of: str
    similarity: float  # estimated Jaccard similarity of word shingles
    kind: str = "near"  # "near"; exact copies share one article id and show as extra origins


@dataclass(frozen=True)
class Mention:
    """A named-entity mention; offsets are characters into the article text."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, ...


@dataclass(frozen=True)
class Timex:
    """A time expression normalised against the article's publication date (TIMEX3)."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2024-03-22, 2024-W12, P6M, XXXX-WXX-5, PRESENT_REF, ...
    granularity: str | None = None  # day, week, month, quarter, year, decade, century, time
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, BEFORE, AFTER, ...
    first_day: str | None = None  # calendar span the value covers, ISO dates, where it has one
    last_day: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with the calendar days its time expressions point to."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    days: tuple[str, ...] = ()  # ISO dates of day-granular DATE/TIME expressions in it

    @property
    def id(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass
class ReadArticle:
    """What reading one article produces, and what extraction then finds in it."""

    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a line of output, and the article it comes from."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    published: str
    source: str = ""
    title: str = ""
    origin: str = ""
    url: str | None = None
    date_basis: str = "text"  # "text": a time expression in it names the day; "published"


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of a timeline: what happened that day, with its evidence."""

    date: str
    summary: list[Evidence]  # the sentences chosen to say what happened
    article_count: int  # distinct stories (near duplicates counted once) reporting that day
    sources: tuple[str, ...] = ()

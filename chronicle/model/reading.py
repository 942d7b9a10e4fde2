"""What reading an article produces: sentences, mentions, time expressions."""

from __future__ import annotations

from dataclasses import dataclass, field

from chronicle.model.claims import Attribution, Figure
from chronicle.model.events import EventMention


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

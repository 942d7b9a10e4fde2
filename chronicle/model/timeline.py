"""Timeline output: dated entries and the sentences that are their evidence."""

from __future__ import annotations

from dataclasses import dataclass


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

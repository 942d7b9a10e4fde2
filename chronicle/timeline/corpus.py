"""The part of a store a timeline is built from, loaded once into memory.

Timeline building looks at every sentence several times (date counts, candidates, similarity),
so it reads the articles published in the requested window, their sentences, the days those
sentences point to and the chronology entries among them in four queries, and works in memory
from then on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from chronicle.model import Evidence, Sentence
from chronicle.store import Store, queries

_WORD = re.compile(r"\w+")
# A chronology entry ("Aug 21 - Rebels enter Tripoli .", "Sept. 7 : U.S. seizes Fannie Mae .")
# opens with its date, allowing for a bullet, and a colon or dash follows the date.
ENTRY_OFFSET = 3  # characters before the date (a bullet and a space)
ENTRY_SEPARATORS = (":", "-", "\u2013", "\u2014")
# An outlet's recurring sentence points to its day once (its first appearance), as the issue
# asks of furniture. Measured on T17 (light reader, pure-Python ROUGE): AR-1 0.1196, AR-2
# 0.0428, Date-F1 0.5743 counting once; 0.1201 / 0.0428 / 0.5754 counting every copy (only a
# line never). Standard background paragraphs ("the rig exploded on 20 April") are the copies.
COUNT_RECURRING_ONCE = True


@dataclass(frozen=True)
class Doc:
    """An article as the timeline sees it: when, who, and whether it repeats another."""

    id: str
    published: str
    source: str = ""
    title: str = ""
    origin: str = ""
    url: str | None = None
    duplicate_of: str | None = None  # an earlier article this one repeats with small edits


@dataclass
class Corpus:
    """Articles and sentences of one timeline request (a window, optionally a query)."""

    docs: dict[str, Doc]
    sentences: list[Sentence]
    by_article: dict[str, list[int]] = field(default_factory=dict)
    # chronology entries: (article id, sentence index) -> the day the entry is dated
    entries: dict[tuple[str, int], str] = field(default_factory=dict)
    # sentences an outlet prints in many articles (see ingest.furniture): never a line
    furniture: set[tuple[str, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.by_article:
            index: dict[str, list[int]] = defaultdict(list)
            for i, s in enumerate(self.sentences):
                index[s.article_id].append(i)
            self.by_article = dict(index)

    @property
    def stories(self) -> int:
        """Distinct stories: articles that do not repeat another."""
        return sum(d.duplicate_of is None for d in self.docs.values())

    def story_of(self, article_id: str) -> str:
        """The earliest article of the story an article belongs to (itself when original)."""
        doc = self.docs[article_id]
        return doc.duplicate_of if doc.duplicate_of in self.docs else article_id

    def evidence(self, sent: Sentence, basis: str) -> Evidence:
        doc = self.docs[sent.article_id]
        return Evidence(article_id=sent.article_id, sentence_index=sent.index, start=sent.start,
                        end=sent.end, text=sent.text, published=doc.published,
                        source=doc.source, title=doc.title, origin=doc.origin, url=doc.url,
                        date_basis=basis)

    @classmethod
    def from_store(cls, store: Store, date_from: str | None = None, date_to: str | None = None,
                   query: str | None = None) -> Corpus:
        """Articles published in ``[date_from, date_to]`` (inclusive) and, with a query, only
        those whose text contains one of its words."""
        duplicates = queries.first_duplicate_of(store)
        terms = {w.lower() for w in _WORD.findall(query or "")}
        docs: dict[str, Doc] = {}
        for row in queries.articles_published_within(store, date_from, date_to):
            if terms and not terms & {w.lower() for w in _WORD.findall(row["text"])}:
                continue
            docs[row["id"]] = Doc(row["id"], row["published"], row["source"] or "",
                                  row["title"] or "", row["origin"] or "", row["url"],
                                  duplicates.get(row["id"]))
        days: dict[tuple[str, int], list[str]] = defaultdict(list)
        for day, aid, idx in queries.sentence_days_within(store, date_from, date_to):
            if aid in docs:
                days[(aid, idx)].append(day)
        sentences = [
            Sentence(aid, idx, start, end, text, tuple(days.get((aid, idx), ())))
            for aid, idx, start, end, text in queries.sentences_within(store, date_from, date_to)
            if aid in docs
        ]
        by_key = {(s.article_id, s.index): s for s in sentences}
        entries = {}
        for aid, idx, start, end, day in queries.day_timexes_within(store, date_from, date_to):
            sent = by_key.get((aid, idx))
            if sent and (aid, idx) not in entries and is_entry(sent, start, end, day):
                entries[(aid, idx)] = day
        # an outlet's recurring sentence (teaser, promo, standard paragraph) is never a line
        # of the timeline, unless it is an entry of a chronology the outlet keeps repeating
        # (written to be one); as a pointer to its day it counts once, where it first appeared
        recurring = queries.outlet_furniture(store)
        if COUNT_RECURRING_ONCE:
            sentences = [s for s in sentences if recurring.get((s.article_id, s.index), True)
                         or (s.article_id, s.index) in entries]
        furniture = {key for key in recurring if key not in entries}
        return cls(docs, sentences, entries=entries, furniture=furniture)


def is_entry(sent: Sentence, start: int, end: int, day: str) -> bool:
    """Whether a day-resolved date at article offsets ``[start, end)`` opens ``sent`` as a
    chronology entry: the date comes first, a colon or a dash right after it."""
    if day not in sent.days or not 0 <= start - sent.start <= ENTRY_OFFSET:
        return False
    rest = sent.text[end - sent.start:].lstrip()
    return rest.startswith(ENTRY_SEPARATORS)


def day_range(first: str, last: str) -> list[str]:
    """Every ISO day from ``first`` to ``last`` inclusive."""
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()

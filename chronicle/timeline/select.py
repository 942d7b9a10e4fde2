"""Date selection and per-date sentence choice for a timeline built from the store.

Dates come from what the articles say (each sentence's resolved days); a lead sentence with no
time expression counts for its article's publication day, flagged as such. A day matters in
proportion to how many distinct stories (near duplicates counted once) point at it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from chronicle.model import Evidence, TimelineEntry
from chronicle.store import Store

LEAD_SENTENCES = 2  # sentences of an article that speak for its publication day
PUBLISHED_WEIGHT = 0.5  # a publication-day lead is weaker evidence than a named date
MIN_WORDS, MAX_WORDS = 6, 60
REDUNDANT_OVERLAP = 0.5
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class _Candidate:
    evidence: Evidence
    words: frozenset[str]


def default_date_count(candidate_dates: int, stories: int) -> int:
    """How many dates a timeline shows when the user does not say.

    About one date per story, at least 10 and at most 40, never more than exist: a dozen
    reports keep nearly all their days, thousands give a page that can still be read.
    """
    return min(candidate_dates, max(10, min(40, stories)))


def build_timeline(store: Store, dates: int | None = None, sentences: int = 3,
                   date_from: str | None = None, date_to: str | None = None
                   ) -> list[TimelineEntry]:
    """The timeline of the whole store (or a date range), most important dates first chosen,
    returned in calendar order."""
    by_day: dict[str, list[_Candidate]] = defaultdict(list)
    for day, evidence in _candidates(store):
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        by_day[day].append(_Candidate(evidence, frozenset(_WORD.findall(evidence.text.lower()))))
    stories = int(store.db.execute(
        "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM duplicate_links)"
    ).fetchone()[0])
    wanted = dates if dates is not None else default_date_count(len(by_day), stories)

    def score(day: str) -> tuple[float, str]:
        weight: dict[str, float] = {}
        for c in by_day[day]:
            w = 1.0 if c.evidence.date_basis == "text" else PUBLISHED_WEIGHT
            weight[c.evidence.article_id] = max(weight.get(c.evidence.article_id, 0.0), w)
        return sum(weight.values()), day

    chosen = sorted(by_day, key=score, reverse=True)[:wanted]
    return [_entry(day, by_day[day], sentences) for day in sorted(chosen)]


def _entry(day: str, candidates: list[_Candidate], k: int) -> TimelineEntry:
    # Prefer sentences that name the day, then those sharing words with other reports of it.
    vocabulary: dict[str, int] = defaultdict(int)
    for c in candidates:
        for word in c.words:
            vocabulary[word] += 1

    def rank(c: _Candidate) -> tuple[int, float, str, int]:
        centrality = sum(vocabulary[w] - 1 for w in c.words) / (len(c.words) or 1)
        return (c.evidence.date_basis == "text", centrality, c.evidence.article_id,
                -c.evidence.sentence_index)

    summary: list[_Candidate] = []
    for c in sorted(candidates, key=rank, reverse=True):
        if len(summary) == k:
            break
        if any(_overlap(c.words, s.words) >= REDUNDANT_OVERLAP for s in summary):
            continue
        summary.append(c)
    articles = {c.evidence.article_id for c in candidates}
    sources = sorted({c.evidence.source for c in candidates if c.evidence.source})
    return TimelineEntry(date=day, summary=[c.evidence for c in summary],
                         article_count=len(articles), sources=tuple(sources))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (min(len(a), len(b)) or 1)


def _candidates(store: Store) -> list[tuple[str, Evidence]]:
    """(day, sentence) pairs from resolved dates and from publication-day leads."""
    rows = store.db.execute(
        """
        SELECT d.day, s.article_id, s.idx, s.start, s.end, s.text, 'text' AS basis
          FROM sentence_days d JOIN sentences s
            ON s.article_id = d.article_id AND s.idx = d.sentence_index
        UNION ALL
        SELECT a.published, s.article_id, s.idx, s.start, s.end, s.text, 'published'
          FROM sentences s JOIN articles a ON a.id = s.article_id
         WHERE s.idx < ? AND NOT EXISTS (SELECT 1 FROM sentence_days d
                WHERE d.article_id = s.article_id AND d.sentence_index = s.idx)
        """,
        (LEAD_SENTENCES,),
    ).fetchall()
    duplicates = {r[0] for r in store.db.execute("SELECT article_id FROM duplicate_links")}
    articles = {
        r["id"]: r for r in store.db.execute(
            "SELECT id, published, source, title, origin, url FROM articles")
    }
    result = []
    for day, aid, idx, start, end, text, basis in rows:
        words = len(text.split())
        if aid in duplicates or not MIN_WORDS <= words <= MAX_WORDS:
            continue
        a = articles[aid]
        result.append((day, Evidence(
            article_id=aid, sentence_index=idx, start=start, end=end, text=text,
            published=a["published"], source=a["source"], title=a["title"],
            origin=a["origin"], url=a["url"], date_basis=basis)))
    return result

"""Timeline summarisation: the dates that matter and, for each, what happened that day.

``summarise`` ranks candidate days (``dates.rank_days``: bursts of publication and the days
the articles' own time expressions point to), keeps the best days that have evidence, and
picks for each the sentences that report it (``sentences.select``), never repeating a
sentence across the timeline. Each entry cites its sentences, their articles and outlets, and
how many distinct stories reported the day.
"""

from __future__ import annotations

from collections import defaultdict

from chronicle.model import TimelineEntry
from chronicle.store import Store
from chronicle.timeline.corpus import Corpus
from chronicle.timeline.dates import DateModel, default_date_count, rank_days
from chronicle.timeline.sentences import SentenceSpace, candidates_by_day, select


def summarise(store: Store, dates: int | None = None, sentences: int = 2,
              date_from: str | None = None, date_to: str | None = None,
              query: str | None = None, model: DateModel | str | None = "all",
              sentence_model: dict[str, float] | str | None = "all") -> list[TimelineEntry]:
    """A timeline of the store's articles published in ``[date_from, date_to]``.

    ``dates``: how many dates (default: ``dates.default_date_count``, spread over the months
    of the story by ``month_quotas``; an explicit count takes the best days wherever they
    fall, as the TLS protocol expects); ``sentences``: at most
    this many per date; ``query``: only articles containing one of its words; ``model``: the
    date-ranking model (see ``dates.rank_days``); ``sentence_model``: the sentence-scoring model
    (see ``sentences.sentence_weights``). Entries come in calendar order.
    """
    corpus = Corpus.from_store(store, date_from, date_to, query)
    return summarise_corpus(corpus, dates, sentences, date_from, date_to, model, sentence_model)


def summarise_corpus(corpus: Corpus, dates: int | None = None, sentences: int = 2,
                     date_from: str | None = None, date_to: str | None = None,
                     model: DateModel | str | None = "all",
                     sentence_model: dict[str, float] | str | None = "all"
                     ) -> list[TimelineEntry]:
    """``summarise`` on a corpus already loaded (tests and benchmarks build their own)."""
    ranked = rank_days(corpus, date_from, date_to, model)
    if not ranked:
        return []
    quotas: dict[str, int] | None = None
    if dates is None:
        wanted = default_date_count(ranked, corpus)
        quotas = month_quotas(corpus, wanted)
        wanted = max(wanted, min(len(quotas), len(ranked)))
    else:
        wanted = dates
    pool = candidates_by_day(corpus, {day for day, _ in ranked})
    space = SentenceSpace(corpus)
    chosen_rows: list[int] = []
    entries: list[TimelineEntry] = []

    def add(day: str) -> bool:
        picked = select(corpus, space, pool.get(day, []), sentences, chosen_rows, day,
                        sentence_model)
        if not picked:
            return False
        reporting = {c.story for c in pool[day]}
        sources = sorted({corpus.docs[corpus.sentences[c.row].article_id].source
                          for c in pool[day]} - {""})
        entries.append(TimelineEntry(
            date=day,
            summary=[corpus.evidence(corpus.sentences[c.row], c.basis) for c in picked],
            article_count=len(reporting), sources=tuple(sources)))
        return True

    # the default timeline first gives each month its share of the dates, best days first;
    # what a month cannot fill (no day with evidence) goes to the best days left anywhere
    taken: dict[str, int] = defaultdict(int)
    deferred: list[str] = []
    for day, _score in ranked:
        if len(entries) == wanted:
            break
        if quotas is not None and taken[day[:7]] >= quotas.get(day[:7], 0):
            deferred.append(day)
        elif add(day):
            taken[day[:7]] += 1
    for day in deferred:
        if len(entries) == wanted:
            break
        add(day)
    return sorted(entries, key=lambda e: e.date)


def month_quotas(corpus: Corpus, wanted: int) -> dict[str, int]:
    """How many of ``wanted`` dates each month of the story gets: every month with articles
    one, the rest in proportion to the distinct stories published in it (what happened, as
    the newsroom measured it), largest remainders first. Months before the first article get
    none here; they may still take dates the story's months leave over."""
    stories: dict[str, set[str]] = defaultdict(set)
    for doc in corpus.docs.values():
        stories[doc.published[:7]].add(corpus.story_of(doc.id))
    if not stories:
        return {}
    months = sorted(stories, key=lambda m: (-len(stories[m]), m))
    if wanted <= len(months):
        return {m: 1 for m in months[:wanted]}
    total = sum(len(v) for v in stories.values())
    spare = wanted - len(months)
    shares = {m: spare * len(stories[m]) / total for m in months}
    quotas = {m: 1 + int(shares[m]) for m in months}
    left = wanted - sum(quotas.values())
    for m in sorted(months, key=lambda m: (-(shares[m] - int(shares[m])), m))[:left]:
        quotas[m] += 1
    return quotas

"""Timeline summarisation: the dates that matter and, for each, what happened that day.

``summarise`` ranks candidate days (``dates.rank_days``: bursts of publication and the days
the articles' own time expressions point to), keeps the best days that have evidence, and
picks for each the sentences that report it (``sentences.select``), never repeating a
sentence across the timeline. Each entry cites its sentences, their articles and outlets, and
how many distinct stories reported the day.
"""

from __future__ import annotations

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

    ``dates``: how many dates (default: ``dates.default_date_count``); ``sentences``: at most
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
    wanted = dates if dates is not None else default_date_count(ranked, corpus)
    pool = candidates_by_day(corpus, {day for day, _ in ranked})
    space = SentenceSpace(corpus)
    chosen_rows: list[int] = []
    entries: list[TimelineEntry] = []
    for day, _score in ranked:
        if len(entries) == wanted:
            break
        picked = select(corpus, space, pool.get(day, []), sentences, chosen_rows, day,
                        sentence_model)
        if not picked:
            continue
        reporting = {c.story for c in pool[day]}
        sources = sorted({corpus.docs[corpus.sentences[c.row].article_id].source
                          for c in pool[day]} - {""})
        entries.append(TimelineEntry(
            date=day,
            summary=[corpus.evidence(corpus.sentences[c.row], c.basis) for c in picked],
            article_count=len(reporting), sources=tuple(sources)))
    return sorted(entries, key=lambda e: e.date)

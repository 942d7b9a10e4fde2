"""The extraction stage: events, attributions and figures from one parsed article.

It runs right after the parse, in the same process, because every extractor needs the
spaCy ``Doc`` (dependency parse) and re-parsing would double the cost of reading.
"""

from __future__ import annotations

import time
from collections import Counter

from spacy.tokens import Doc

from chronicle.extract.acled import code_mentions
from chronicle.extract.attribution import extract_attributions
from chronicle.extract.events import extract_events
from chronicle.extract.figures import extract_figures
from chronicle.model import Article, ReadArticle

EXTRACTORS = ("events", "attributions", "figures")


def extract(article: Article, doc: Doc, read: ReadArticle,
            seconds: Counter[str] | None = None) -> None:
    """Fill ``read`` with what the article reports: events, who said what, figures.

    ``seconds``, when given, accumulates the time each extractor took (for benchmarks).
    """
    clock = time.perf_counter
    started = clock()
    read.events = extract_events(article, doc, read)
    events_done = clock()
    read.attributions = extract_attributions(article, doc, read)
    attributions_done = clock()
    read.figures = extract_figures(article, doc, read, read.attributions)
    # ACLED coding last: an event's fatalities are its sentence's count of the killed
    read.events = code_mentions(read.events, read.figures)
    if seconds is not None:
        seconds["events"] += events_done - started
        seconds["attributions"] += attributions_done - events_done
        seconds["figures"] += clock() - attributions_done  # ACLED coding included

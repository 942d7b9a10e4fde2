"""The extraction stage: events, attributions and figures from one parsed article.

It runs right after the parse, in the same process, because every extractor needs the
spaCy ``Doc`` (dependency parse) and re-parsing would double the cost of reading.
"""

from __future__ import annotations

from spacy.tokens import Doc

from chronicle.extract.attribution import extract_attributions
from chronicle.extract.events import extract_events
from chronicle.extract.figures import extract_figures
from chronicle.model import Article, ReadArticle


def extract(article: Article, doc: Doc, read: ReadArticle) -> None:
    """Fill ``read`` with what the article reports: events, who said what, figures."""
    read.events = extract_events(article, doc, read)
    read.attributions = extract_attributions(article, doc, read)
    read.figures = extract_figures(article, doc, read, read.attributions)

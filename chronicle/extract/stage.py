"""The extraction stage: registered extractors run on one parsed article.

Each extractor is a component with a declared contract, as spaCy's
``Language.factory(requires=..., assigns=...)`` declares one: its name, what it requires (the
parse, or another extractor's records), the field of ``ReadArticle`` it assigns, the record it
produces, the table its records fill, and a version. The stage runs them in dependency order;
the store's read tables, the Spark job's tables and ``READER_VERSION`` are derived from the
registry. Adding an extractor is one module, its :func:`register` call below, its tests and a
migration for its table.

They run right after the parse, in the same process, because every extractor needs the spaCy
``Doc`` (dependency parse) and re-parsing would double the cost of reading. The extractors'
code is imported on first use, so the store can read the registry without loading spaCy.
"""

from __future__ import annotations

import importlib
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from chronicle.model import Attribution, EventMention, Figure, ReadArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from chronicle.model import Article

TEXT_KEY = "chronicle_text"  # where ``doc_text`` keeps a document's text
PARSE = "parse"  # the requirement every extractor may name: the spaCy Doc and ReadArticle's
# sentences, mentions and time expressions


@dataclass(frozen=True)
class Extractor:
    """One registered extractor and its contract."""

    name: str
    run: str  # "module:function", called as function(article, doc, read) -> list of records
    requires: tuple[str, ...]  # PARSE and/or names of extractors whose records it reads
    assigns: str  # the field of ReadArticle its records go to
    record: type  # the record it produces
    table: str | None  # the store table its records fill; None: it revises another's records
    version: int  # bump when what it produces changes: articles are then read again

    def function(self) -> Callable[[Article, Doc, ReadArticle], list[Any]]:
        return _resolve(self.run)


@cache
def _resolve(path: str) -> Callable[[Article, Doc, ReadArticle], list[Any]]:
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


REGISTRY: dict[str, Extractor] = {}


@cache
def in_order() -> tuple[Extractor, ...]:
    """The registered extractors, each after what it requires (else in registration order)."""
    done: list[Extractor] = []
    waiting = list(REGISTRY.values())
    while waiting:
        ready = next(e for e in waiting
                     if all(r == PARSE or r in {d.name for d in done} for r in e.requires))
        waiting.remove(ready)
        done.append(ready)
    return tuple(done)


def register(extractor: Extractor) -> Extractor:
    """Add ``extractor`` to the registry; its requirements must be registered already."""
    if extractor.name in REGISTRY or extractor.name == PARSE:
        raise ValueError(f"extractor {extractor.name!r} is registered already")
    unknown = [r for r in extractor.requires if r != PARSE and r not in REGISTRY]
    if unknown:
        raise ValueError(f"extractor {extractor.name!r} requires unregistered {unknown}")
    if extractor.assigns not in ReadArticle.__dataclass_fields__:
        raise ValueError(f"ReadArticle has no field {extractor.assigns!r} to assign")
    REGISTRY[extractor.name] = extractor
    in_order.cache_clear()
    return extractor


def figures_of(article: Article, doc: Doc, read: ReadArticle) -> list[Figure]:
    from chronicle.extract.figures import extract_figures

    return extract_figures(article, doc, read, read.attributions)


def acled_coding(article: Article, doc: Doc, read: ReadArticle) -> list[EventMention]:
    from chronicle.extract.acled import code_mentions

    return code_mentions(read.events, read.figures)


register(Extractor("events", "chronicle.extract.events:extract_events", (PARSE,), "events",
                   EventMention, "event_mentions", 11))
register(Extractor("attributions", "chronicle.extract.attribution:extract_attributions",
                   (PARSE,), "attributions", Attribution, "attributions", 3))
register(Extractor("figures", "chronicle.extract.stage:figures_of", (PARSE, "attributions"),
                   "figures", Figure, "figures", 1))
# ACLED coding last: an event's fatalities are its sentence's count of the killed
register(Extractor("acled", "chronicle.extract.stage:acled_coding", ("events", "figures"),
                   "events", EventMention, None, 5))


def extractor_names() -> tuple[str, ...]:
    return tuple(e.name for e in in_order())


def extracted_tables() -> tuple[str, ...]:
    """The tables the extractors fill, in the order they run."""
    return tuple(e.table for e in in_order() if e.table)


def extractors_version() -> int:
    """The sum of the extractors' versions: it grows whenever one of them is bumped or added.
    (Retiring an extractor: add its version to the reader's base version, so no number
    comes back.)"""
    return sum(e.version for e in REGISTRY.values())


EXTRACTORS = extractor_names()  # the keys of ``seconds``, one per extractor


def doc_text(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds ``doc.text`` token by token on every
    access. ``extract`` stores the article's own text here, which is the same string."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def extract(article: Article, doc: Doc, read: ReadArticle,
            seconds: Counter[str] | None = None,
            extractors: Sequence[Extractor] | None = None) -> None:
    """Fill ``read`` with what the article reports: events, who said what, figures.

    ``seconds``, when given, accumulates the time each extractor took (for benchmarks).
    """
    doc.user_data[TEXT_KEY] = article.text
    clock = time.perf_counter
    for extractor in extractors if extractors is not None else in_order():
        started = clock()
        setattr(read, extractor.assigns, extractor.function()(article, doc, read))
        if seconds is not None:
            seconds[extractor.name] += clock() - started

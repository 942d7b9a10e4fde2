"""The register of claims and figures across the store, and where sources disagree."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from chronicle.extract.claims import disagreements as find_disagreements
from chronicle.model import Attribution, Disagreement, Figure
from chronicle.query import source_label
from chronicle.store import Store
from chronicle.store import queries as sql

_ATTRIBUTION_FIELDS = [f.name for f in fields(Attribution)]
_FIGURE_FIELDS = [f.name for f in fields(Figure)]
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "NORP"}  # what a recogniser may call a place it misread
LOCATIVE = re.compile(r"\b(?:in|at|on|near|outside|around|into|from)\s+(?:the\s+)?$",
                      re.IGNORECASE)


def load_attributions(store: Store) -> list[Attribution]:
    return [Attribution(**{k: row[k] for k in _ATTRIBUTION_FIELDS})
            for row in sql.attribution_rows(store)]


def load_figures(store: Store) -> list[Figure]:
    result = []
    for row in sql.figure_rows(store):
        values = {k: row[k] for k in _FIGURE_FIELDS}
        if values["cumulative"] is not None:
            values["cumulative"] = bool(values["cumulative"])
        result.append(Figure(**values))
    return result


def disagreements(store: Store) -> list[dict[str, Any]]:
    """Each disagreement as plain data: the two sides, with their evidence, side by side."""
    published = sql.publication_days(store)
    claims = load_attributions(store)
    sources = {a.id: a.source_text for a in claims}  # a figure's source in the article's words
    return [_as_dict(d, published, sources) for d in find_disagreements(
        claims, load_figures(store), load_places(store), load_settings(store))]


def load_places(store: Store) -> dict[tuple[str, int], frozenset[str]]:
    """The places named in each sentence that holds a figure, by (article, sentence): the
    recogniser's places, and a name it took for a person or a group after "in", "at",
    "on" ("a strike on Rafah", where it read a person)."""
    places: dict[tuple[str, int], set[str]] = {}
    for (article_id, index, start, text, label, sentence_start,
         sentence) in sql.entities_in_figure_sentences(store):
        if label in PLACE_LABELS or (label in NAME_LABELS
                                     and LOCATIVE.search(sentence[:start - sentence_start])):
            places.setdefault((article_id, index), set()).add(text.lower())
    return {key: frozenset(names) for key, names in places.items()}


def load_settings(store: Store, per_article: int = 3) -> dict[tuple[str, int], frozenset[str]]:
    """Where each claim is set, by (article, sentence): the places and peoples its sentence
    names, else the ``per_article`` places its article names most."""
    named: dict[tuple[str, int], set[str]] = {}
    for article_id, index, text in sql.places_in_claim_sentences(store):
        named.setdefault((article_id, index), set()).add(text.lower())
    counts: dict[str, list[tuple[int, str]]] = {}
    for article_id, text, n in sql.place_counts_by_article(store):
        counts.setdefault(article_id, []).append((n, text))
    main = {article: frozenset(text for _, text in sorted(items, reverse=True)[:per_article])
            for article, items in counts.items()}
    settings: dict[tuple[str, int], frozenset[str]] = {}
    for article_id, index in sql.claim_sentences(store):
        key = (article_id, index)
        settings[key] = frozenset(named.get(key, ())) or main.get(article_id, frozenset())
    return settings


def _side(record: Attribution | Figure, published: dict[str, str],
          sources: dict[str, str]) -> dict[str, Any]:
    if isinstance(record, Attribution):
        return {"who": source_label(record.source_actor, record.source_text),
                "actor": record.source_actor,
                "says": record.content_text, "stance": record.stance, "cue": record.cue_text,
                "article_id": record.article_id, "sentence_index": record.sentence_index,
                "published": published.get(record.article_id, "")}
    words = sources.get(record.attribution or "")
    return {"who": source_label(record.source_actor, words, "(unattributed)"),
            "actor": record.source_actor, "says": record.text,
            "value": record.value, "bound": record.bound, "referent": record.referent,
            "date": record.date, "article_id": record.article_id,
            "sentence_index": record.sentence_index,
            "published": published.get(record.article_id, "")}


def _as_dict(d: Disagreement, published: dict[str, str], sources: dict[str, str],
             ) -> dict[str, Any]:
    first, second = _side(d.first, published, sources), _side(d.second, published, sources)
    summary = (f"{first['who']} — {first['says']!r} vs {second['who']} — {second['says']!r}"
               f" (why: {d.reason or d.topic})")
    return {"kind": d.kind, "topic": d.topic, "reason": d.reason, "first": first,
            "second": second, "summary": summary}

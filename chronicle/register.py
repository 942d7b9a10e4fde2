"""The register of claims and figures across the store, and where sources disagree."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from chronicle.extract.attribution import Attribution
from chronicle.extract.claims import Disagreement
from chronicle.extract.claims import disagreements as find_disagreements
from chronicle.extract.figures import Figure
from chronicle.query import source_label
from chronicle.store import Store

_ATTRIBUTION_FIELDS = [f.name for f in fields(Attribution)]
_FIGURE_FIELDS = [f.name for f in fields(Figure)]
PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"PERSON", "ORG", "NORP"}  # what a recogniser may call a place it misread
LOCATIVE = re.compile(r"\b(?:in|at|on|near|outside|around|into|from)\s+(?:the\s+)?$",
                      re.IGNORECASE)


def load_attributions(store: Store) -> list[Attribution]:
    return [Attribution(**{k: row[k] for k in _ATTRIBUTION_FIELDS})
            for row in store.db.execute("SELECT * FROM attributions ORDER BY id")]


def load_figures(store: Store) -> list[Figure]:
    result = []
    for row in store.db.execute("SELECT * FROM figures ORDER BY article_id, start"):
        values = {k: row[k] for k in _FIGURE_FIELDS}
        if values["cumulative"] is not None:
            values["cumulative"] = bool(values["cumulative"])
        result.append(Figure(**values))
    return result


def disagreements(store: Store) -> list[dict[str, Any]]:
    """Each disagreement as plain data: the two sides, with their evidence, side by side."""
    published = dict(store.db.execute("SELECT id, published FROM articles").fetchall())
    claims = load_attributions(store)
    sources = {a.id: a.source_text for a in claims}  # a figure's source in the article's words
    return [_as_dict(d, published, sources) for d in find_disagreements(
        claims, load_figures(store), load_places(store))]


def load_places(store: Store) -> dict[tuple[str, int], frozenset[str]]:
    """The places named in each sentence that holds a figure, by (article, sentence): the
    recogniser's places, and a name it took for a person or a group after "in", "at",
    "on" ("a strike on Rafah", where it read a person)."""
    places: dict[tuple[str, int], set[str]] = {}
    for article_id, index, start, text, label, sentence_start, sentence in store.db.execute(
            "SELECT DISTINCT m.article_id, m.sentence_index, m.start, m.text, m.label, s.start,"
            " s.text FROM figures f"
            " JOIN mentions m ON m.article_id = f.article_id"
            " AND m.sentence_index = f.sentence_index"
            " JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence_index"):
        if label in PLACE_LABELS or (label in NAME_LABELS
                                     and LOCATIVE.search(sentence[:start - sentence_start])):
            places.setdefault((article_id, index), set()).add(text.lower())
    return {key: frozenset(names) for key, names in places.items()}


def _side(record: Attribution | Figure, published: dict[str, str],
          sources: dict[str, str]) -> dict[str, Any]:
    if isinstance(record, Attribution):
        return {"who": source_label(record.source_actor, record.source_text),
                "says": record.content_text, "stance": record.stance, "cue": record.cue_text,
                "article_id": record.article_id, "sentence_index": record.sentence_index,
                "published": published.get(record.article_id, "")}
    words = sources.get(record.attribution or "")
    return {"who": source_label(record.source_actor, words, "(unattributed)"), "says": record.text,
            "value": record.value, "bound": record.bound, "referent": record.referent,
            "date": record.date, "article_id": record.article_id,
            "sentence_index": record.sentence_index,
            "published": published.get(record.article_id, "")}


def _as_dict(d: Disagreement, published: dict[str, str], sources: dict[str, str],
             ) -> dict[str, Any]:
    first, second = _side(d.first, published, sources), _side(d.second, published, sources)
    summary = (f"{first['who']} — {first['says']!r} vs {second['who']} — {second['says']!r}"
               f" (topic: {d.topic})")
    return {"kind": d.kind, "topic": d.topic, "first": first, "second": second,
            "summary": summary}

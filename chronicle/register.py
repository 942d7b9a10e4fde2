"""The register of claims and figures across the store, and where sources disagree."""

from __future__ import annotations

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
PLACE_LABELS = ("GPE", "LOC", "FAC")


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
    return [_as_dict(d, published) for d in find_disagreements(
        load_attributions(store), load_figures(store), load_places(store))]


def load_places(store: Store) -> dict[tuple[str, int], frozenset[str]]:
    """The places each sentence names, by (article, sentence)."""
    places: dict[tuple[str, int], set[str]] = {}
    for article_id, index, text in store.db.execute(
            "SELECT article_id, sentence_index, text FROM mentions WHERE label IN (?, ?, ?)",
            PLACE_LABELS):
        places.setdefault((article_id, index), set()).add(text.lower())
    return {key: frozenset(names) for key, names in places.items()}


def _side(record: Attribution | Figure, published: dict[str, str]) -> dict[str, Any]:
    if isinstance(record, Attribution):
        return {"who": source_label(record.source_actor, record.source_text),
                "says": record.content_text, "stance": record.stance, "cue": record.cue_text,
                "article_id": record.article_id, "sentence_index": record.sentence_index,
                "published": published.get(record.article_id, "")}
    return {"who": source_label(record.source_actor, None, "(unattributed)"), "says": record.text,
            "value": record.value, "bound": record.bound, "referent": record.referent,
            "date": record.date, "article_id": record.article_id,
            "sentence_index": record.sentence_index,
            "published": published.get(record.article_id, "")}


def _as_dict(d: Disagreement, published: dict[str, str]) -> dict[str, Any]:
    first, second = _side(d.first, published), _side(d.second, published)
    summary = (f"{first['who']} — {first['says']!r} vs {second['who']} — {second['says']!r}"
               f" (topic: {d.topic})")
    return {"kind": d.kind, "topic": d.topic, "first": first, "second": second,
            "summary": summary}

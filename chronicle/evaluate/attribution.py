"""Attribution evaluation on PolNeAR's layout: ``text/*.txt`` and ``attributions/*.ann``.

Each ``.ann`` file (``<article>_<annotator>.ann``) is one annotation of ``text/<article>.txt``;
doubly annotated articles count once per annotation, as in the published PolNeAR splits.
Source, cue and content spans are scored as sets of labelled character spans per
annotation (what a span tagger is scored on): exact match after trimming whitespace, and
overlap match (a one-to-one pairing of overlapping spans). Discontinuous brat spans whose
gap is only whitespace are joined; otherwise each fragment is a span of its own.

``part`` scores one side of a stable hash split of the article names (``part_of``): one article
in ten is "held-back", the rest "train-rest"; the learned tagger trains on train-rest of the
training split only, so held-back scores it on articles it never saw.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("Source", "Cue", "Content")
PARTS = ("all", "train-rest", "held-back")
HELD_BACK_SHARE = 10  # one article in this many is held back


def part_of(article_name: str) -> str:
    """"held-back" for one article in ten by a hash of its name, else "train-rest": by article,
    so that every annotation of a doubly annotated article falls on one side."""
    digest = hashlib.sha1(article_name.encode("utf-8")).hexdigest()
    return "held-back" if int(digest, 16) % HELD_BACK_SHARE == 0 else "train-rest"


@dataclass
class Annotated:
    """One annotation of one article: the text and its labelled spans."""

    name: str  # annotation file stem
    text_name: str  # article file stem
    text: str
    spans: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


def read_brat(ann: Path, text: str) -> dict[str, set[tuple[int, int]]]:
    """Labelled spans (Source, Cue, Content) of a brat ``.ann`` file."""
    spans: dict[str, set[tuple[int, int]]] = {label: set() for label in LABELS}
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, _, offsets = parts[1].partition(" ")
        if label not in spans:
            continue
        fragments = []
        for piece in offsets.split(";"):
            start, end = (int(x) for x in piece.split())
            if fragments and not text[fragments[-1][1]:start].strip():
                fragments[-1] = (fragments[-1][0], end)
            else:
                fragments.append((start, end))
        for start, end in fragments:
            trimmed = trim(text, start, end)
            if trimmed:
                spans[label].add(trimmed)
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without surrounding whitespace; ``None`` if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def load_split(directory: str | Path, part: str = "all") -> list[Annotated]:
    """Every annotation under a PolNeAR split folder, with its article text; with ``part``
    other than "all", those of one side of ``part_of``."""
    root = Path(directory)
    texts = {p.stem: p for p in (root / "text").glob("*.txt")}
    items = []
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem, _, _ = ann.stem.rpartition("_")
        path = texts.get(stem) or texts.get(ann.stem)
        if path is None or part not in ("all", part_of(path.stem)):
            continue
        text = path.read_text(encoding="utf-8")
        items.append(Annotated(ann.stem, path.stem, text, read_brat(ann, text)))
    return items


def score(gold: Iterable[set[tuple[int, int]]], predicted: Iterable[set[tuple[int, int]]],
          ) -> dict[str, float]:
    """Exact and overlap precision, recall and F1 over paired documents."""
    tp_exact = tp_p = tp_g = n_gold = n_pred = 0
    for g, p in zip(gold, predicted, strict=True):
        n_gold += len(g)
        n_pred += len(p)
        tp_exact += len(g & p)
        matched = _overlap_matches(sorted(g), sorted(p))
        tp_p += matched
        tp_g += matched
    out = {}
    for name, tp_pred, tp_gold in (("exact", tp_exact, tp_exact), ("overlap", tp_p, tp_g)):
        precision = tp_pred / n_pred if n_pred else 0.0
        recall = tp_gold / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[f"{name}_precision"] = round(precision, 4)
        out[f"{name}_recall"] = round(recall, 4)
        out[f"{name}_f1"] = round(f1, 4)
    out["gold"] = n_gold
    out["predicted"] = n_pred
    return out


def _overlap_matches(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> int:
    """Greedy one-to-one pairing of overlapping spans, exact matches first."""
    used: set[int] = set()
    matched = 0
    exact = set(gold) & set(pred)
    remaining = [g for g in gold if g not in exact]
    free = [i for i, p in enumerate(pred) if p not in exact]
    matched += len(exact)
    for g in remaining:
        best, best_len = None, 0
        for i in free:
            if i in used:
                continue
            p = pred[i]
            length = min(g[1], p[1]) - max(g[0], p[0])
            if length > best_len:
                best, best_len = i, length
        if best is not None:
            used.add(best)
            matched += 1
    return matched


def predicted_spans(attributions: Iterable) -> dict[str, set[tuple[int, int]]]:
    """The labelled spans a list of ``Attribution`` records claims."""
    spans: dict[str, set[tuple[int, int]]] = {label: set() for label in LABELS}
    for a in attributions:
        spans["Cue"].add((a.cue_start, a.cue_end))
        spans["Content"].add((a.content_start, a.content_end))
        if a.source_start is not None:
            spans["Source"].add((a.source_start, a.source_end))
    return spans


def main(directory: str | Path, limit: int | None = None, part: str = "all") -> dict:
    """Extract attributions from every article under ``directory`` (of one ``part``) and score
    them."""
    from chronicle.extract.attribution import extract_attributions
    from chronicle.model import Article
    from chronicle.read.pipeline import Reader

    if part not in PARTS:
        raise ValueError(f"part {part!r} is not one of {PARTS}")
    items = load_split(directory, part)
    if limit:
        items = items[:limit]
    reader = Reader()
    unique = {item.text_name: item.text for item in items}
    names = list(unique)
    articles = [Article.create(published="2016-01-01", text=unique[n]) for n in names]
    started = time.perf_counter()
    docs = list(reader.nlp.pipe((a.text for a in articles), batch_size=reader.batch_size))
    read_seconds = time.perf_counter() - started
    from chronicle.read.pipeline import analyse

    reads = [analyse(a, d) for a, d in zip(articles, docs, strict=True)]
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    predicted = {n: predicted_spans(extract_attributions(a, d, r))
                 for n, a, d, r in zip(names, articles, docs, reads, strict=True)}
    extract_seconds = time.perf_counter() - started
    metrics: dict[str, object] = {"annotations": len(items), "articles": len(names)}
    for label in LABELS:
        result = score((i.spans[label] for i in items),
                       (predicted[i.text_name][label] for i in items))
        for key, value in result.items():
            metrics[f"{label.lower()}_{key}"] = value
    metrics["read_seconds"] = round(read_seconds, 2)
    metrics["extract_seconds"] = round(extract_seconds, 2)
    metrics["extract_overhead"] = round(extract_seconds / read_seconds, 3) if read_seconds else 0
    print(f"Attribution evaluation on {len(items)} annotations of {len(names)} articles "
          f"under {directory} (part: {part})")
    for label in LABELS:
        k = label.lower()
        print(f"  {label:8s} exact P/R/F1 {metrics[k + '_exact_precision']:.3f}/"
              f"{metrics[k + '_exact_recall']:.3f}/{metrics[k + '_exact_f1']:.3f}   overlap "
              f"{metrics[k + '_overlap_precision']:.3f}/{metrics[k + '_overlap_recall']:.3f}/"
              f"{metrics[k + '_overlap_f1']:.3f}")
    print(f"  extraction {extract_seconds:.1f}s vs reading {read_seconds:.1f}s")
    print(json.dumps(metrics, sort_keys=True))
    return metrics


if __name__ == "__main__":
    main(sys.argv[1])

"""Train the event screen (``chronicle/extract/events/screen.py``) on hand-judged mentions.

Labels (``bench/event_screen_labels.tsv``: topic, article id, mention id, and 0/1 for
event, type, actor, recipient, date) were made by reading each mention's sentence against
the guide in ``bench/event_screen_guide.md``; they hold no text. The mentions were drawn
at random from stores of 25 random articles of four Timeline17 topics (development topics:
SyrianCrisis_bbc, EgyptianProtest_cnn, LibyaWar_cnn, IraqWar_guardian), built with the rules
alone. Each ``--store`` is such a store: the script re-reads its articles, codes them with
the screen off, and matches the labels to the mentions by id (a label whose mention the
rules no longer propose is counted and skipped).

The screen is a logistic regression on the features of ``mention_features``. Its strength
is chosen by leaving one topic out (what a new story looks like), and so is the threshold:
the one that maximises F0.5 of "reports an act" on the out-of-topic probabilities (precision
counts twice what recall does: an analyst acts on what is listed). By default the screen
learns "a report of an act of the type coded" (``type_ok``); ``--target event`` learns "a
report of an act" whatever its type. ``--hold-back TOPIC``
keeps one topic out of everything and scores it at the end.

    python bench/train_event_screen.py bench/event_screen_labels.tsv \
        --store SYR.db --store EGY.db --store LBY.db --store IRQ.db \
        [--hold-back TOPIC] [--out chronicle/extract/data/event_screen.npz]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from chronicle.extract.events import extract_events
from chronicle.extract.events.screen import MODEL_PATH, Screen, features_of
from chronicle.read.pipeline import Reader, analyse
from chronicle.store.database import Store

STRENGTHS = (0.001, 0.003, 0.01, 0.03, 0.1)
BETA = 0.5


def read_labels(path: str | Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return {row["mention_id"]: row for row in csv.DictReader(handle, delimiter="\t")}


def featurise(stores: list[str], labels: dict[str, dict[str, str]], reader: Reader,
              target: str = "event") -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, label (the ``target`` column) and topic of every labelled mention the rules
    still propose."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for row in labels.values():
        wanted[row["article_id"]].add(row["mention_id"])
    rows, ys, topics = [], [], []
    for path in stores:
        with Store(path) as store:
            found = [a for a in (store.article(i) for i in sorted(wanted)) if a is not None]
        for article in found:
            ids = wanted.pop(article.id)  # an article two stores hold is read once
            doc = reader.nlp(article.text)
            read = analyse(article, doc)
            mentions = [m for m in extract_events(article, doc, read, screen=False)
                        if m.id in ids]
            if not mentions:
                continue
            for mention, row in zip(mentions, features_of(mentions, doc, len(read.sentences)),
                                    strict=True):
                rows.append(row)
                ys.append(int(labels[mention.id][target]))
                topics.append(labels[mention.id]["topic"])
    return np.vstack(rows), np.array(ys), topics


def fit(x: np.ndarray, y: np.ndarray, strength: float) -> Screen:
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    model = LogisticRegression(C=strength, max_iter=2000, class_weight="balanced")
    model.fit((x - mean) / scale, y)
    return Screen(model.coef_[0].astype(np.float32), float(model.intercept_[0]),
                  mean.astype(np.float32), scale.astype(np.float32), 0.5)


def out_of_topic(x: np.ndarray, y: np.ndarray, topics: list[str], strength: float
                 ) -> np.ndarray:
    probabilities = np.zeros(len(y))
    names = np.array(topics)
    for topic in sorted(set(topics)):
        inside = names == topic
        probabilities[inside] = fit(x[~inside], y[~inside], strength).probabilities(x[inside])
    return probabilities


def f_beta(y: np.ndarray, keep: np.ndarray) -> tuple[float, float, float]:
    tp = float((keep & (y == 1)).sum())
    precision = tp / max(keep.sum(), 1)
    recall = tp / max((y == 1).sum(), 1)
    b2 = BETA ** 2
    score = (1 + b2) * precision * recall / max(b2 * precision + recall, 1e-9)
    return score, precision, recall


def best_threshold(y: np.ndarray, probabilities: np.ndarray) -> tuple[float, float]:
    grid = np.round(np.arange(0.2, 0.81, 0.02), 2)
    scores = [f_beta(y, probabilities >= t)[0] for t in grid]
    return float(grid[int(np.argmax(scores))]), float(max(scores))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels")
    parser.add_argument("--store", action="append", required=True)
    parser.add_argument("--target", default="type_ok", choices=("event", "type_ok"),
                        help="what the screen learns: a report of an act, or one of the "
                             "type coded (default)")
    parser.add_argument("--hold-back", default="")
    parser.add_argument("--out", default="")
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    x, y, topics = featurise(args.store, labels, Reader(), args.target)
    print(f"labels {len(labels)}, matched {len(y)}, reports {int(y.sum())} "
          f"({y.mean():.2f} of the rules' mentions)")
    names = np.array(topics)
    held = names == args.hold_back
    train_x, train_y = x[~held], y[~held]
    train_topics = [t for t, h in zip(topics, held, strict=True) if not h]
    results = {}
    for strength in STRENGTHS:
        probabilities = out_of_topic(train_x, train_y, train_topics, strength)
        threshold, score = best_threshold(train_y, probabilities)
        results[strength] = (score, threshold, probabilities)
        print(f"C={strength}: out-of-topic F0.5 {score:.3f} at threshold {threshold}")
    strength = max(results, key=lambda c: results[c][0])
    score, threshold, probabilities = results[strength]
    keep = probabilities >= threshold
    _, precision, recall = f_beta(train_y, keep)
    print(f"chosen C={strength}, threshold {threshold}: out-of-topic precision "
          f"{precision:.3f} (rules alone {train_y.mean():.3f}), recall {recall:.3f}, "
          f"kept {keep.mean():.2f} of mentions")
    for topic in sorted(set(train_topics)):
        inside = np.array(train_topics) == topic
        _, p, r = f_beta(train_y[inside], keep[inside])
        print(f"  {topic}: precision {p:.3f} (rules {train_y[inside].mean():.3f}), "
              f"recall {r:.3f}, n={int(inside.sum())}")
    screen = fit(train_x, train_y, strength)
    screen = Screen(screen.weights, screen.bias, screen.mean, screen.scale, threshold)
    if held.any():
        kept = screen.probabilities(x[held]) >= threshold
        _, p, r = f_beta(y[held], kept)
        print(f"held-back {args.hold_back}: precision {p:.3f} (rules {y[held].mean():.3f}), "
              f"recall {r:.3f}, n={int(held.sum())}")
    out = args.out or ("" if args.hold_back else str(MODEL_PATH))
    if out:
        screen.save(out)
        print(f"wrote {out}")


if __name__ == "__main__":
    main()

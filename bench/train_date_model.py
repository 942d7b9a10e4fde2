"""Train the date-ranking model of ``chronicle/timeline/dates.py`` on Timeline17.

    .venv/bin/python bench/train_date_model.py ../shared/data/tls/t17 --stores /work/stores/t17

For every reference timeline (a task, under the standard protocol: articles clipped to the
reference's span) each candidate day is one example, labelled 1 when the reference has it.
A logistic regression (scikit-learn, needed only here) is trained on all tasks ("all", used at
run time) and once per held-out story ("loto" models: every task of that story left out, so
the evaluation never scores a topic with a model that saw it). The stores are the ones
``chronicle eval tls`` builds (one per topic folder). Writes ``chronicle/timeline/
date_model.json`` with the data, the settings and the leave-one-story-out Date-F1 (top-N days,
N = the reference's dates, only days with candidate sentences).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.linear_model import LogisticRegression, Ridge

from chronicle.evaluate.tls import load_tasks, story_of_topic
from chronicle.store import Store
from chronicle.timeline.corpus import Corpus
from chronicle.timeline.dates import (
    FEATURES,
    MODEL_PATH,
    DateModel,
    DayCounts,
    candidate_days,
    features,
)
from chronicle.timeline.sentences import (
    SENTENCE_FEATURES,
    SentenceSpace,
    candidates_by_day,
    distinct,
    sentence_features,
)

C = 0.3  # inverse regularisation; chosen among 0.1/0.3/1/3 by leave-one-story-out Date-F1
SENTENCE_MODEL_PATH = Path(__file__).resolve().parents[1] / "chronicle/timeline/sentence_model.py"
RIDGE_ALPHA = 1.0  # standardised features, thousands of examples: barely matters; not tuned
_TOKEN = re.compile(r"[a-z0-9]+")


def content_words(text: str) -> Counter:
    return Counter(w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS)


def overlap_f1(sentence: Counter, reference: Counter) -> float:
    """Unigram F1 of content words: a cheap stand-in for the sentence's ROUGE-1 on the day."""
    shared = sum((sentence & reference).values())
    if not shared:
        return 0.0
    p, r = shared / sum(sentence.values()), shared / sum(reference.values())
    return 2 * p * r / (p + r)


def sentence_examples(dataset: Path, stores: Path, only: list[str], suffix: str) -> list[dict]:
    """Per task, the candidates of each reference day with their features and their best
    content-word overlap with one sentence of that day's reference summary (the summary is
    scored sentence for sentence against one of k; against the whole summary, length alone
    would win), centred per day: only the ranking inside a day matters."""
    rows = []
    for task in load_tasks(dataset, only):
        with Store(stores / f"{task.topic}{suffix}") as store:
            corpus = Corpus.from_store(store, task.first.isoformat(), task.last.isoformat())
        space = SentenceSpace(corpus)
        reference = {d.isoformat(): [content_words(x) for x in s]
                     for d, s in task.reference.items()}
        pools = candidates_by_day(corpus, set(reference))
        xs, ys = [], []
        for day, candidates in sorted(pools.items()):
            pool = distinct(corpus, candidates)
            if len(pool) < 2:
                continue
            y = np.array([max(overlap_f1(content_words(corpus.sentences[c.row].text), ref)
                                  for ref in reference[day]) for c in pool])
            xs.append(sentence_features(corpus, space, pool, day))
            ys.append(y - y.mean())
        rows.append({"task": task.name, "story": story_of_topic(task.topic),
                     "x": np.vstack(xs), "y": np.concatenate(ys)})
        print(f"{task.name}: {len(rows[-1]['y'])} candidates", file=sys.stderr)
    return rows


def fit_sentences(rows: list[dict]) -> dict[str, float]:
    """Ridge regression on standardised features, returned as weights on the raw features."""
    x = np.vstack([r["x"] for r in rows])
    y = np.concatenate([r["y"] for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    ridge = Ridge(alpha=RIDGE_ALPHA).fit((x - mean) / scale, y)
    return {name: round(float(w / s), 6)
            for name, w, s in zip(SENTENCE_FEATURES, ridge.coef_, scale, strict=True)}


def train_sentences(args: argparse.Namespace) -> int:
    rows = sentence_examples(args.dataset, args.stores, args.only,
                             ".db" if args.reader == "full" else ".light.db")
    stories = sorted({r["story"] for r in rows})
    models = {"all": fit_sentences(rows)}
    for story in stories:
        models[story] = fit_sentences([r for r in rows if r["story"] != story])
    lines = [
        '"""Linear sentence-scoring models for ``chronicle.timeline.sentences``.',
        "",
        f"Generated by ``bench/train_date_model.py --sentences`` on {dt.date.today()}: do not",
        "edit.",
        "",
        f"Data: Timeline17, {len(rows)} reference timelines of {len(stories)} stories, articles",
        "clipped to each reference's span, stores read by Chronicle's "
        f"{args.reader} reader; {sum(len(r['y']) for r in rows)}",
        "candidates of reference days. Target: a candidate's best content-word F1 against one",
        "sentence of its day's reference summary, centred per day. Ridge regression on",
        f"standardised features (alpha {RIDGE_ALPHA}), written as weights on the raw features.",
        "\"all\" is used at run time;",
        "each other model leaves one story out, for evaluation on that story.",
        '"""',
        "",
        f"FEATURES = {tuple(SENTENCE_FEATURES)!r}",
        "",
        "MODELS = {",
    ]
    for name, weights in models.items():
        lines.append(f"    {name!r}: {{")
        lines += [f"        {k!r}: {v!r}," for k, v in weights.items()]
        lines.append("    },")
    lines.append("}")
    args.out_sentences.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps(models["all"]), file=sys.stderr)
    return 0


def task_examples(dataset: Path, stores: Path, only: list[str], suffix: str = ".db"
                  ) -> list[dict]:
    rows = []
    for task in load_tasks(dataset, only):
        with Store(stores / f"{task.topic}{suffix}") as store:
            corpus = Corpus.from_store(store, task.first.isoformat(), task.last.isoformat())
        counts = DayCounts.of(corpus)
        days = candidate_days(corpus, counts, task.first.isoformat(), task.last.isoformat())
        reference = {d.isoformat() for d in task.reference}
        rows.append({"task": task.name, "story": story_of_topic(task.topic), "days": days,
                     "x": features(days, counts),
                     "y": np.array([d in reference for d in days], dtype=int),
                     "n": task.dates, "reference": reference})
    return rows


def fit(rows: list[dict], c: float = C) -> DateModel:
    x = np.vstack([r["x"] for r in rows])
    y = np.concatenate([r["y"] for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return DateModel(tuple(mean.tolist()), tuple(scale.tolist()),
                     tuple(clf.coef_[0].tolist()), float(clf.intercept_[0]))


def date_f1(row: dict, model: DateModel) -> tuple[float, float]:
    scores = model.score(row["x"])
    order = sorted(range(len(row["days"])), key=lambda i: (-scores[i], row["days"][i]))
    chosen = {row["days"][i] for i in order[:row["n"]]}
    shared = len(chosen & row["reference"])
    return shared / (len(chosen) or 1), shared / len(row["reference"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--stores", type=Path, required=True)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--reader", choices=["full", "light"], default="full",
                        help="which stores of `chronicle eval tls --reader` to learn from")
    parser.add_argument("--sentences", action="store_true",
                        help="train the sentence-scoring models instead (sentence_model.py)")
    parser.add_argument("--out-sentences", type=Path, default=SENTENCE_MODEL_PATH)
    args = parser.parse_args(argv)
    if args.sentences:
        return train_sentences(args)

    rows = task_examples(args.dataset, args.stores, args.only,
                         ".db" if args.reader == "full" else ".light.db")
    stories = sorted({r["story"] for r in rows})
    models = {"all": fit(rows, args.c)}
    per_task = {}
    for story in stories:
        models[story] = fit([r for r in rows if r["story"] != story], args.c)
        for r in rows:
            if r["story"] == story:
                p, rec = date_f1(r, models[story])
                per_task[r["task"]] = {"precision": round(p, 4), "recall": round(rec, 4)}
    p = float(np.mean([v["precision"] for v in per_task.values()]))
    rec = float(np.mean([v["recall"] for v in per_task.values()]))
    record = {
        "what": "logistic date-ranking model for chronicle.timeline.dates (see bench/"
                "train_date_model.py); 'all' is used at run time, one model per held-out "
                "story for leave-one-story-out evaluation",
        "trained": dt.date.today().isoformat(),
        "data": f"Timeline17 ({len(rows)} reference timelines, {len(stories)} stories), "
                "articles clipped to each reference's span; stores read by Chronicle",
        "examples": int(sum(len(r["days"]) for r in rows)),
        "positives": int(sum(r["y"].sum() for r in rows)),
        "settings": {"C": args.c, "solver": "lbfgs", "standardised": True,
                     "reader": args.reader},
        "metrics": {"loto_date_f1_top_n": round(2 * p * rec / ((p + rec) or 1), 4),
                    "loto_date_precision": round(p, 4), "loto_date_recall": round(rec, 4),
                    "per_task": per_task},
        "features": list(FEATURES),
        "stories": stories,
        "models": {name: m.as_dict() for name, m in models.items()},
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(record["metrics"] | {"per_task": None}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

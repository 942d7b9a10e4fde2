"""Train a PLOVER event-type classifier over the rule coder's output (experiment).

    python bench/train_event_types.py NGEC_DIR OUT_PREFIX [GOLD.jsonl]

Training data: the machine-labelled synthetic stories in ``NGEC_DIR``
(``gpt_synthetic_events_*.csv``: ``text``, ``label``; ``synthetic_headlines.csv``: ``title``,
``event``). Each example is the story's lead sentence (or the headline, placeholders such as
``{country_1}`` filled with a neutral name). Features: the rule coder's guess for the sentence's
main event, its trigger lemma, the lemmas of the root verb and its object, and the sentence's
content-word lemmas. For comparison it also fits the same model with static vectors
(chronicle.extract.vectors) beside those features: the vector of the sentence's act (the trigger
and its complement), and the sentence's nearness to each type's centroid as
``chronicle eval cameo5`` uses it. Model: multinomial logistic regression (scikit-learn).

Writes ``OUT_PREFIX.joblib`` (the fitted vectoriser and model) and ``OUT_PREFIX.json``
(data, settings, metrics; the comparison models' figures under ``with_act_vectors`` and
``with_centroids``). With
``GOLD.jsonl`` (PLOVER gold records) it also reports the
classifier's and the rules' type accuracy there, for the decision whether to use it; the
gold records are never trained on.
"""

from __future__ import annotations

import csv
import glob
import json
import re
import sys
import time
from pathlib import Path

PLACEHOLDER = re.compile(r"\{([a-z_]+)\d*\}")
FILL = {"country_": "Norway", "city": "Bergen", "country": "Norway"}


def _fill(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: FILL.get(m.group(1), "Norway"), text)


def load_training(ngec: Path, limit: int) -> list[tuple[str, str]]:
    csv.field_size_limit(10**8)
    out: list[tuple[str, str]] = []
    for path in sorted(glob.glob(str(ngec / "gpt_synthetic_events_*.csv"))):
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = (row.get("text") or "").strip()
                lead = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
                if lead and row.get("label"):
                    out.append((lead, row["label"].strip().upper()))
    headlines = ngec / "synthetic_headlines.csv"
    if headlines.exists():
        with open(headlines, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("title") and row.get("event"):
                    out.append((_fill(row["title"]), row["event"].strip().upper()))
    return out[:limit] if limit else out


def featurise(texts: list[str]) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """Feature dicts, the rule coder's guess and the act's words for each text (one parse
    each)."""
    from chronicle.evaluate.cameo5 import _act_words
    from chronicle.extract.events import extract_events, primary
    from chronicle.model import Article
    from chronicle.read.pipeline import analyse, load_nlp

    nlp = load_nlp()
    feats: list[dict[str, float]] = []
    guesses: list[str] = []
    acts: list[str] = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True):
        article = Article.create(published="2000-01-01", text=text)
        event = primary(extract_events(article, doc, analyse(article, doc)))
        guess = event.event_type if event else "NONE"
        f: dict[str, float] = {f"rule={guess}": 1.0}
        if event is not None:
            f[f"trigger={event.trigger.lower()}"] = 1.0
            f[f"rule={guess}|modality={event.modality}"] = 1.0
        for token in doc:
            if token.dep_ == "ROOT":
                f[f"root={token.lemma_.lower()}"] = 1.0
                for child in token.children:
                    if child.dep_ in {"dobj", "xcomp", "ccomp"}:
                        f[f"root_{child.dep_}={child.lemma_.lower()}"] = 1.0
            if token.is_alpha and not token.is_stop and token.pos_ in {"VERB", "NOUN"}:
                f[f"w={token.lemma_.lower()}"] = 0.5
        feats.append(f)
        guesses.append(guess)
        acts.append(_act_words(doc, event))
    return feats, guesses, acts


def with_vectors(matrix, block):
    """The sparse features with a dense block of vector features beside them."""
    from scipy.sparse import csr_matrix, hstack

    return hstack([matrix, csr_matrix(block)]).tocsr()


def _accuracy(pred, gold) -> float:
    return round(sum(p == y for p, y in zip(pred, gold, strict=True)) / max(len(gold), 1), 4)


def main(argv: list[str]) -> None:
    if len(argv) < 3:
        raise SystemExit(__doc__)
    from joblib import dump
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    ngec, prefix = Path(argv[1]), argv[2]
    gold_path = argv[3] if len(argv) > 3 else ""
    started = time.time()
    data = load_training(ngec, 0)
    texts = [t for t, _ in data]
    labels = [y for _, y in data]
    feats, guesses, acts = featurise(texts)
    x_train, x_test, y_train, y_test, _, g_test, a_train, a_test, t_train, t_test = (
        train_test_split(feats, labels, guesses, acts, texts, test_size=0.2, random_state=13,
                         stratify=labels))
    vec = DictVectorizer()
    settings = {"C": 1.0, "max_iter": 2000, "class_weight": "balanced"}
    model = LogisticRegression(**settings)
    model.fit(vec.fit_transform(x_train), y_train)
    held = model.predict(vec.transform(x_test))
    # the same model with vector features beside the sparse ones, for the comparison
    from chronicle.evaluate.cameo5 import CENTROID_WEIGHT, centroid_similarities
    from chronicle.extract.vectors import load_static_vectors

    static = load_static_vectors()
    s_train = static.sentence_vectors(t_train)

    def act_block(acts, _texts):
        return static.sentence_vectors(acts)

    def centroid_block(_acts, some_texts):
        return CENTROID_WEIGHT * centroid_similarities(
            s_train, y_train, static.sentence_vectors(some_texts))

    compared: dict[str, tuple] = {}
    for name, block, train_block in (
            ("with_act_vectors", act_block, static.sentence_vectors(a_train)),
            ("with_centroids", centroid_block,
             CENTROID_WEIGHT * centroid_similarities(s_train, y_train))):
        other = LogisticRegression(**settings)
        other.fit(with_vectors(vec.transform(x_train), train_block), y_train)
        compared[name] = (other, block, {"heldout_accuracy": _accuracy(other.predict(
            with_vectors(vec.transform(x_test), block(a_test, t_test))), y_test)})
    metrics = {"train": len(x_train), "heldout": len(x_test),
               "heldout_accuracy": _accuracy(held, y_test),
               "heldout_rule_accuracy": _accuracy(g_test, y_test)}
    if gold_path:
        from chronicle.extract.cameo import normalise_type

        records = [json.loads(line) for line in Path(gold_path).read_text().splitlines()
                   if line.strip()]
        gold = [normalise_type(r["event"], r.get("mode") or "")[0] for r in records]
        gfeats, gguess, gacts = featurise([r["text"] for r in records])
        pred = model.predict(vec.transform(gfeats))
        metrics["gold_accuracy"] = _accuracy(pred, gold)
        gold_texts = [r["text"] for r in records]
        for other, block, other_metrics in compared.values():
            other_metrics["gold_accuracy"] = _accuracy(other.predict(
                with_vectors(vec.transform(gfeats), block(gacts, gold_texts))), gold)
        metrics["gold_rule_accuracy"] = _accuracy(gguess, gold)
    metrics |= {name: other_metrics for name, (_, _, other_metrics) in compared.items()}
    metrics["seconds"] = round(time.time() - started, 1)
    dump({"vectorizer": vec, "model": model}, f"{prefix}.joblib")
    Path(f"{prefix}.json").write_text(json.dumps({
        "data": {"ngec_dir": str(ngec), "examples": len(data),
                 "unit": "lead sentence of each synthetic story; synthetic headlines"},
        "settings": {"model": "LogisticRegression", **settings,
                     "features": "rule guess, trigger, root verb and complements, lemmas"},
        "metrics": metrics}, indent=2))
    print(json.dumps(metrics))


if __name__ == "__main__":
    main(sys.argv)

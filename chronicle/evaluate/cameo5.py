"""``chronicle eval cameo5 FILE.tsv``: CAMEO PentaClass on ConfliBERT's format.

Each line is ``sentence<TAB>label`` with labels 0-4 (0 = CAMEO 01-02, 1 = 03-05, 2 = 06-08,
3 = 09-13 and 16, 4 = 14, 15, 17-20). Two figures: the rule coder (no training; a sentence
with no event is class 0), and a word/character n-gram logistic regression with the rule
coder's type as a feature, scored by stratified 5-fold cross-validation on FILE itself —
every sentence is predicted by a model that never saw it, so no test data leaks in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from chronicle.evaluate.events import macro_f1
from chronicle.extract.cameo import penta_class
from chronicle.extract.events import extract_events, primary
from chronicle.model import Article
from chronicle.read.pipeline import analyse, load_nlp

FOLDS = 5
SEED = 13


def read_tsv(path: str | Path) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        text, label = line.rsplit("\t", 1)
        if label.strip().isdigit():
            texts.append(text.strip())
            labels.append(int(label))
    return texts, labels


def rule_types(texts: list[str]) -> list[str]:
    """The rule coder's main PLOVER type (or NONE) for each sentence."""
    nlp = load_nlp()
    out = []
    articles = [Article.create(published="2000-01-01", text=t) for t in texts]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=32), strict=True):
        event = primary(extract_events(article, doc, analyse(article, doc)))
        out.append(event.event_type if event else "NONE")
    return out


def rule_class(event_type: str) -> int:
    from chronicle.extract.cameo import cameo_root

    return 0 if event_type == "NONE" else penta_class(cameo_root(event_type))


def cross_validated(texts: list[str], types: list[str], labels: list[int]) -> list[int]:
    """Out-of-fold predictions of the n-gram model (needs scikit-learn)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import OneHotEncoder

    predictions = [0] * len(texts)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(texts, labels):
        words = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                sublinear_tf=True)
        onehot = OneHotEncoder(handle_unknown="ignore")

        def features(index, fit=False, words=words, chars=chars, onehot=onehot):
            sub = [texts[i] for i in index]
            typ = [[types[i]] for i in index]
            if fit:
                return hstack([words.fit_transform(sub), chars.fit_transform(sub),
                               2.0 * onehot.fit_transform(typ)]).tocsr()
            return hstack([words.transform(sub), chars.transform(sub),
                           2.0 * onehot.transform(typ)]).tocsr()

        model = LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced")
        model.fit(features(train, fit=True), [labels[i] for i in train])
        for i, label in zip(test, model.predict(features(test)), strict=True):
            predictions[i] = int(label)
    return predictions


def main(path: str | Path) -> dict:
    texts, labels = read_tsv(path)
    types = rule_types(texts)
    rules = [rule_class(t) for t in types]
    metrics: dict[str, object] = {
        "sentences": len(texts),
        "rules_accuracy": round(sum(p == g for p, g in zip(rules, labels, strict=True))
                                / max(len(texts), 1), 4),
        "rules_macro_f1": round(macro_f1([(str(g), str(p)) for g, p in
                                          zip(labels, rules, strict=True)]), 4),
    }
    try:
        cv = cross_validated(texts, types, labels)
    except ImportError:
        cv = None
    if cv is not None:
        metrics["cv_folds"] = FOLDS
        metrics["cv_accuracy"] = round(sum(p == g for p, g in zip(cv, labels, strict=True))
                                       / max(len(texts), 1), 4)
        metrics["cv_macro_f1"] = round(macro_f1([(str(g), str(p)) for g, p in
                                                 zip(labels, cv, strict=True)]), 4)
    print(json.dumps(metrics))
    return metrics


if __name__ == "__main__":
    main(sys.argv[1])

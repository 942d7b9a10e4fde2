"""Train the ACLED coder's fallback model: a linear classifier on static sentence vectors.

Training data is never the CASE 2021 file the coder is scored on:

- ``--seed``: sentences written for this project from ACLED's sub-event definitions (a TSV
  ``label<TAB>sentence``; ``bench/acled_seed.tsv``), several per label;
- ``--plover`` (optional): PLOVER gold records (the flat JSONL), weakly labelled through
  ``PLOVER_TO_ACLED`` where a PLOVER event and mode name one ACLED sub-event type.

Features are the shipped MiniLM static vectors' sentence means (``chronicle.extract.vectors``), so
words no training sentence held still land near the ones it did, beside TF-IDF weights of the
training sentences' words and word pairs. The regularisation strength
is chosen by stratified cross-validation on the training sentences alone. Usage::

    python bench/train_acled.py --seed bench/acled_seed.tsv \
        [--plover PLOVER_GSR_CAMEO.flat.jsonl] [--out chronicle/extract/data/acled_model.npz]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from chronicle.extract.acled import LABELS, MODEL_PATH, AcledModel, fit_term_weights

# (PLOVER event, mode) -> ACLED label, only where the pair names one sub-event type;
# "" matches a record with no mode. Each line gives the reason it is unambiguous.
PLOVER_TO_ACLED: dict[tuple[str, str], str] = {
    ("AGREE", ""): "AGREEMENT",  # an agreement reached is ACLED's "Agreement"
    ("ASSAULT", "suicide-attack"): "SUIC_BOMB",  # the mode is the sub-type's definition
    ("ASSAULT", "explosives"): "REM_EXPLOS",  # planted or remote explosives
    ("ASSAULT", "sexual"): "SEX_VIOL",  # sexual assault is sexual violence
    ("FIGHT", "heavy-weapons"): "ART_MISS_ATTACK",  # artillery, missiles, shelling
    ("PROTEST", "demo-org"): "PEACE_PROTEST",  # a demonstration with no force reported
    ("PROTEST", "demo-spon"): "PEACE_PROTEST",
    ("PROTEST", "strike-gen"): "PEACE_PROTEST",  # strikes are peaceful protests in ACLED
    ("PROTEST", "strike-hun"): "PEACE_PROTEST",
    ("PROTEST", "riot"): "VIOL_DEMONSTR",  # rioting demonstrators
    ("PROTEST", "riot-spon"): "VIOL_DEMONSTR",
    ("COERCE", "arrest"): "ARREST",
    ("COERCE", "detain"): "ARREST",
    ("CONSULT", ""): "DIPLO",  # meetings and talks between governments
    ("CONSULT", "visit"): "DIPLO",
    ("CONSULT", "host"): "DIPLO",
    ("CONSULT", "phone"): "DIPLO",
    ("CONSULT", "multilateral"): "DIPLO",
    ("CONSULT", "third-party"): "DIPLO",
    ("SANCTION", ""): "DIPLO",  # sanctions and severed ties are diplomatic acts
}
PER_LABEL_CAP = 12  # weak labels per label: enough to add wording, not to outvote the seed
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 4


def read_seed(path: str | Path) -> list[tuple[str, str]]:
    """(label, sentence) rows of a seed TSV; an unknown label is an error, not a new class."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = [(row["label"].strip(), row["sentence"].strip())
                for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    unknown = {label for label, _ in rows} - LABELS.keys()
    if unknown:
        raise ValueError(f"labels not in the taxonomy: {sorted(unknown)}")
    return rows


def plover_weak_labels(path: str | Path, cap: int = PER_LABEL_CAP) -> list[tuple[str, str]]:
    """(label, text) of PLOVER records whose event and mode map to one ACLED label, at most
    ``cap`` per label in file order."""
    kept: list[tuple[str, str]] = []
    counts: Counter[str] = Counter()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        label = PLOVER_TO_ACLED.get((record.get("event", ""), record.get("mode", "") or ""))
        if label and counts[label] < cap and record.get("text"):
            counts[label] += 1
            kept.append((label, record["text"]))
    return kept


def featuriser(texts: Sequence[str]) -> AcledModel:
    """A weightless model holding the terms of ``texts``: its ``features`` are the inputs."""
    vocabulary, idf = fit_term_weights(texts)
    return AcledModel(labels=(), weights=np.zeros((0, 0), dtype=np.float32),
                      bias=np.zeros(0, dtype=np.float32), vocabulary=vocabulary, idf=idf)


def feature_matrix(model: AcledModel, texts: Sequence[str]) -> np.ndarray:
    return np.vstack([model.features(text) for text in texts])


def _fit(features: np.ndarray, labels: Sequence[str], strength: float):
    from sklearn.linear_model import LogisticRegression

    # balanced: the seed has a handful per label; weak labels must not tilt the priors
    return LogisticRegression(C=strength, max_iter=3000, class_weight="balanced").fit(
        features, list(labels))


def folds_of(labels: Sequence[str], folds: int = FOLDS) -> np.ndarray:
    """Each example's fold: round-robin within its label, so every fold has every label."""
    fold_of = np.zeros(len(labels), dtype=int)
    seen: Counter[str] = Counter()
    for i, label in enumerate(labels):
        fold_of[i] = seen[label] % folds
        seen[label] += 1
    return fold_of


def out_of_fold_guesses(examples: Sequence[tuple[str, str]], strength: float,
                        folds: int = FOLDS) -> list[tuple[str, float]]:
    """Each example's (label, probability) from a model fitted without its fold (terms too)."""
    labels = [label for label, _ in examples]
    texts = [text for _, text in examples]
    fold_of = folds_of(labels, folds)
    guesses: list[tuple[str, float]] = [("", 0.0)] * len(examples)
    for fold in range(folds):
        train_ids, test_ids = np.flatnonzero(fold_of != fold), np.flatnonzero(fold_of == fold)
        terms_model = featuriser([texts[i] for i in train_ids])
        fitted = _fit(feature_matrix(terms_model, [texts[i] for i in train_ids]),
                      [labels[i] for i in train_ids], strength)
        probabilities = fitted.predict_proba(
            feature_matrix(terms_model, [texts[i] for i in test_ids]))
        for row, i in zip(probabilities, test_ids, strict=True):
            best = int(np.argmax(row))
            guesses[i] = (str(fitted.classes_[best]), float(row[best]))
    return guesses


def train(examples: Sequence[tuple[str, str]], grid: Sequence[float] = C_GRID,
          folds: int = FOLDS) -> tuple[AcledModel, dict]:
    """The model fitted on every example with the strength cross-validation liked best, and
    the cross-validated accuracy of each strength."""
    labels = [label for label, _ in examples]
    texts = [text for _, text in examples]
    accuracy = {}
    for strength in grid:
        guesses = out_of_fold_guesses(examples, strength, folds)
        accuracy[strength] = sum(g == label for (g, _), label in zip(guesses, labels,
                                                                     strict=True)) / len(labels)
    best = max(grid, key=lambda c: (accuracy[c], -c))  # ties: the stronger regulariser
    terms_model = featuriser(texts)
    fitted = _fit(feature_matrix(terms_model, texts), labels, best)
    weights, bias = fitted.coef_, fitted.intercept_
    if weights.shape[0] == 1:
        # two classes: scikit-learn keeps one row for the second class; the softmax of
        # (-z/2, z/2) is its sigmoid
        weights, bias = np.vstack([-weights / 2, weights / 2]), np.array([-bias[0], bias[0]]) / 2
    model = AcledModel(labels=tuple(str(c) for c in fitted.classes_),
                       weights=weights.astype(np.float32), bias=bias.astype(np.float32),
                       vocabulary=terms_model.vocabulary, idf=terms_model.idf)
    return model, {"examples": len(examples), "labels": len(set(labels)), "C": best,
                   "terms": len(model.vocabulary),
                   "cv_accuracy": {str(c): round(a, 4) for c, a in accuracy.items()}}


def main(argv: Sequence[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", required=True)
    parser.add_argument("--plover", default="")
    parser.add_argument("--out", default=str(MODEL_PATH))
    parser.add_argument("--strength", type=float, action="append",
                        help="regularisation strength C to try (repeatable; default: a grid)")
    args = parser.parse_args(argv)
    examples = read_seed(args.seed)
    if args.plover:
        examples += plover_weak_labels(args.plover)
    model, report = train(examples, grid=tuple(args.strength or C_GRID))
    model.save(args.out)
    report["out"] = args.out
    print(json.dumps(report))
    return report


if __name__ == "__main__":
    main()

"""The CAMEO PentaClass evaluator: rule coder figures, and the n-gram model trained on a
training file when one is given (the held-out protocol) or cross-validated otherwise."""

import json

from chronicle.evaluate import cameo5

COOPERATION = [
    "The two ministers met in Cairo to discuss the ceasefire.",
    "The president spoke by phone with his counterpart about trade.",
    "Leaders held talks on the border dispute.",
    "The envoy met the prime minister on Monday.",
    "Officials discussed the new aid package in Geneva.",
]
FORCE = [
    "Troops fired on protesters in the capital, killing three.",
    "An air strike killed twelve people in the town.",
    "Rebels attacked an army post near the border.",
    "Soldiers shelled the village overnight.",
    "Militants bombed a market, killing five people.",
]


def write_tsv(path, rows):
    path.write_text("".join(f"{text}\t{label}\n" for text, label in rows), encoding="utf-8")
    return path


def test_trained_model_scores_a_held_out_file(tmp_path, capsys):
    train = write_tsv(tmp_path / "train.tsv",
                      [(t, 0) for t in COOPERATION[:4]] + [(t, 4) for t in FORCE[:4]])
    test = write_tsv(tmp_path / "test.tsv", [(COOPERATION[4], 0), (FORCE[4], 4)])
    metrics = cameo5.main(test, train_path=train)
    assert metrics["sentences"] == 2
    assert metrics["trained_on"] == str(train)
    assert {"rules_accuracy", "model_accuracy", "model_macro_f1"} <= set(metrics)
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == metrics


def test_without_training_file_the_model_is_cross_validated(tmp_path):
    rows = [(t, 0) for t in COOPERATION] + [(t, 4) for t in FORCE]
    metrics = cameo5.main(write_tsv(tmp_path / "all.tsv", rows))
    assert metrics["cv_folds"] == cameo5.FOLDS
    assert 0.0 <= metrics["cv_macro_f1"] <= 1.0
    assert "trained_on" not in metrics

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
    assert metrics["cv_folds"] == cameo5.FOLDS and metrics["vectors"]
    assert 0.0 <= metrics["cv_macro_f1"] <= 1.0
    assert "trained_on" not in metrics


def test_the_held_back_fifth_is_fixed_by_each_sentence_alone():
    texts = [f"Sentence number {i} about talks." for i in range(200)]
    held = [t for t in texts if cameo5.held_back(t)]
    assert 20 <= len(held) <= 60  # about one in five
    # the same sentences whatever the order of the file or surrounding whitespace
    assert [t for t in reversed(texts) if cameo5.held_back(t)] == held[::-1]
    assert all(cameo5.held_back(f"  {t} ") for t in held)
    dev, _ = cameo5.select_part(texts, [0] * 200, "dev")
    back, _ = cameo5.select_part(texts, [0] * 200, "held-back")
    assert sorted(dev + back) == sorted(texts) and set(back) == set(held)


def test_the_act_is_the_trigger_and_its_complement():
    readings = cameo5.rule_readings(["Rebels launched an assault on the army post.",
                                     "The weather was mild."])
    assert readings[0].act == "launch assault"
    assert readings[1].event_type == "NONE" and readings[1].act.startswith("be")


def test_vectors_carry_a_class_to_words_no_training_sentence_used():
    # training and test sentences share no word: the n-grams alone cannot tell them apart
    train_texts = ["Militants shelled a market.", "Gunmen attacked a checkpoint.",
                   "Troops bombed a bridge.", "Insurgents killed guards.",
                   "Diplomats discussed a treaty.", "Ministers met counterparts.",
                   "Envoys consulted allies.", "Leaders negotiated terms."]
    labels = [4, 4, 4, 4, 0, 0, 0, 0]
    test_texts = ["Artillery bombarded Homs.", "Presidents conferred by telephone."]

    def predict(vectors):
        none = cameo5.Reading("NONE", "")
        return cameo5.fit_predict((train_texts, [none] * 8, labels),
                                  (test_texts, [none] * 2), vectors=vectors)

    assert predict(True) == [4, 0]
    assert predict(False) != [4, 0]


def test_training_sentences_are_scored_against_centroids_without_themselves():
    import numpy as np

    vectors = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    own = cameo5.centroid_similarities(vectors, [0, 1, 1])
    # sentence 0 is class 0's only member: left out, class 0 has no centroid to be near
    assert own[0, 0] == 0.0 and own[0, 1] == 0.0
    assert np.allclose(own[1], [0.0, 1.0])  # the other class-1 sentence is its centroid
    unseen = cameo5.centroid_similarities(vectors, [0, 1, 1], np.array([[1.0, 1.0]]))
    assert np.allclose(unseen, [[1.0, 1.0]])


def test_a_training_file_too_small_to_choose_c_on_still_trains(tmp_path):
    # two sentences of one class: no three-fold search is possible, the default C serves
    train = write_tsv(tmp_path / "train.tsv",
                      [(t, 0) for t in COOPERATION[:2]] + [(FORCE[0], 4)])
    test = write_tsv(tmp_path / "test.tsv", [(COOPERATION[4], 0), (FORCE[4], 4)])
    metrics = cameo5.main(test, train_path=train)
    assert 0.0 <= metrics["model_macro_f1"] <= 1.0

"""The learned attribution tagger: numpy inference on toy weights, and its training script on a
tiny brat corpus of our own (tests/fixtures/attribution_brat)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from chronicle.evaluate.attribution import load_split, part_of
from chronicle.extract import attribution_tagger as tagger
from chronicle.extract.attribution import paragraphs, tag_spans, token_features

BRAT = Path(__file__).parent / "fixtures" / "attribution_brat"
HIDDEN, FEATURE_DIMS, BUCKETS = 4, 3, 64


def toy_weights(seed: int = 0, layers: int = 1) -> tagger.TaggerWeights:
    """Random weights of the shape the exporter writes."""
    rng = np.random.default_rng(seed)
    dims = tagger.load_static_vectors().dims
    n_out = len(tagger.LABELS) * len(tagger.TAGS)
    arrays = {"feature_table": rng.normal(size=(BUCKETS, FEATURE_DIMS)),
              "emission_w": rng.normal(size=(n_out, 2 * HIDDEN)),
              "emission_b": rng.normal(size=n_out),
              "transitions": rng.normal(size=(3, 5, 5)), "start": rng.normal(size=(3, 5)),
              "end": rng.normal(size=(3, 5))}
    for layer in range(layers):
        inputs = dims + FEATURE_DIMS if layer == 0 else 2 * HIDDEN
        for direction in ("forward", "backward"):
            arrays[f"lstm{layer}_{direction}_w_ih"] = rng.normal(size=(4 * HIDDEN, inputs))
            arrays[f"lstm{layer}_{direction}_w_hh"] = rng.normal(size=(4 * HIDDEN, HIDDEN))
            arrays[f"lstm{layer}_{direction}_bias"] = rng.normal(size=4 * HIDDEN)
    return tagger.TaggerWeights({k: v.astype(np.float32) for k, v in arrays.items()},
                                {"layers": layers})


def well_formed(tags: list[str]) -> bool:
    """BIOES: I and E only inside a span opened by B, every B closed by E."""
    open_span = False
    for tag in tags:
        if tag in "IE" and not open_span:
            return False
        if tag in "OBS" and open_span:
            return False
        open_span = tag in "BI"
    return not open_span


def test_viterbi_keeps_to_bioes_even_when_the_scores_say_otherwise():
    rng = np.random.default_rng(1)
    for _ in range(200):
        steps = int(rng.integers(1, 12))
        emissions = rng.normal(size=(steps, 5)).astype(np.float32)
        emissions[:, 2] += 3.0  # I scores best everywhere: unconstrained, I would follow O
        path = tagger.viterbi(emissions, rng.normal(size=(5, 5)), np.zeros(5), np.zeros(5))
        tags = [tagger.TAGS[i] for i in path]
        assert len(tags) == steps
        assert well_formed(tags), tags


def test_viterbi_finds_the_best_path():
    emissions = np.full((3, 5), -5.0, dtype=np.float32)
    emissions[0, 1] = emissions[1, 2] = emissions[2, 3] = 5.0  # B I E
    path = tagger.viterbi(emissions, np.zeros((5, 5)), np.zeros(5), np.zeros(5))
    assert [tagger.TAGS[i] for i in path] == ["B", "I", "E"]
    assert tagger.viterbi(np.zeros((0, 5)), np.zeros((5, 5)), np.zeros(5), np.zeros(5)) == []


def test_feature_ids_are_stable_and_in_range():
    ids, offsets = tagger.feature_ids([["w=said", "t=VBD"], [], ["w=said"]], BUCKETS)
    assert offsets.tolist() == [0, 2, 2]
    assert ids[0] == ids[2] and all(0 <= i < BUCKETS for i in ids)


@pytest.mark.parametrize("layers", [1, 2])
def test_emissions_have_one_row_per_token_and_head(reader, layers):
    doc = reader.nlp("The mayor said the bridge was safe.\n\nRain fell.\n\n\"Nothing moved,\" "
                     "he added on Tuesday evening.")
    paras = list(paragraphs(doc))
    words = [[t.text for t in tokens] for tokens in paras]
    features = [token_features(tokens) for tokens in paras]
    weights = toy_weights(layers=layers)
    scores = tagger.emissions(weights, words, features)
    assert [s.shape for s in scores] == [(len(w), 3, 5) for w in words]
    # a paragraph scores the same alone as in a batch with longer ones (padding is inert)
    alone = tagger.emissions(weights, words[1:2], features[1:2])[0]
    assert np.allclose(alone, scores[1], atol=1e-5)
    for tags in tagger.tag_paragraphs(words, features, weights):
        assert set(tags) == set(tagger.LABELS)
        assert all(well_formed(t) for t in tags.values())


def test_numpy_lstm_matches_torch():
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    net = torch.nn.LSTM(6, HIDDEN, batch_first=True, bidirectional=True)
    lengths = torch.tensor([5, 2, 3])
    x = torch.randn(3, 5, 6)
    packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                     enforce_sorted=False)
    expected, _ = torch.nn.utils.rnn.pad_packed_sequence(net(packed)[0], batch_first=True)
    arrays = {}
    for direction, suffix in (("forward", ""), ("backward", "_reverse")):
        for name, weight in (("w_ih", "weight_ih_l0"), ("w_hh", "weight_hh_l0")):
            arrays[f"lstm0_{direction}_{name}"] = getattr(net, weight + suffix).detach().numpy()
        arrays[f"lstm0_{direction}_bias"] = (getattr(net, "bias_ih_l0" + suffix)
                                             + getattr(net, "bias_hh_l0" + suffix)).detach().numpy()
    laid_end_to_end = np.concatenate([x[b, :n].numpy() for b, n in enumerate(lengths.tolist())])
    out = tagger.bilstm(laid_end_to_end, lengths.numpy(), *tagger.recurrent_weights(arrays, 0))
    wanted = np.concatenate([expected[b, :n].detach().numpy()
                             for b, n in enumerate(lengths.tolist())])
    assert np.allclose(out, wanted, atol=1e-5)


def _one_direction(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray,
                   ) -> np.ndarray:
    """A textbook LSTM over one sequence, torch's gate order (input, forget, cell, output)."""
    def sigmoid(v: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-v))

    h = c = np.zeros(w_hh.shape[1])
    states = []
    for row in x:
        i, f, g, o = np.split(w_ih @ row + w_hh @ h + bias, 4)
        c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
        h = sigmoid(o) * np.tanh(c)
        states.append(h)
    return np.array(states)


def test_packed_lstm_matches_a_textbook_lstm_run_on_each_sequence():
    rng = np.random.default_rng(3)
    arrays = {f"lstm0_{d}_{name}": rng.normal(size=shape).astype(np.float32)
              for d in ("forward", "backward")
              for name, shape in (("w_ih", (4 * HIDDEN, 6)), ("w_hh", (4 * HIDDEN, HIDDEN)),
                                  ("bias", (4 * HIDDEN,)))}
    lengths = np.array([3, 7, 1, 7, 4])  # ties and a sequence of one
    x = rng.normal(size=(int(lengths.sum()), 6)).astype(np.float32)
    out = tagger.bilstm(x, lengths, *tagger.recurrent_weights(arrays, 0))
    start = 0
    for n in lengths:
        seq = x[start:start + n]
        forward = _one_direction(seq, *(arrays[f"lstm0_forward_{k}"]
                                        for k in ("w_ih", "w_hh", "bias")))
        backward = _one_direction(seq[::-1], *(arrays[f"lstm0_backward_{k}"]
                                               for k in ("w_ih", "w_hh", "bias")))[::-1]
        assert np.allclose(out[start:start + n, :HIDDEN], forward, atol=1e-5)
        assert np.allclose(out[start:start + n, HIDDEN:], backward, atol=1e-5)
        start += n


def test_a_weights_file_loads_and_tag_spans_runs_the_network(reader, tmp_path, monkeypatch):
    weights = toy_weights()
    path = tmp_path / "toy.npz"
    np.savez(path, settings=np.asarray(json.dumps(weights.settings)),
             **{k: v.astype(np.float16) for k, v in weights.arrays.items()})
    loaded = tagger.TaggerWeights.load(path)
    assert loaded.buckets == BUCKETS and loaded.settings == {"layers": 1}
    monkeypatch.setattr(tagger, "load_weights", lambda: loaded)
    doc = reader.nlp("The mayor said the bridge was safe.")
    spans = tag_spans(doc, {"Source": "network", "Cue": "network", "Content": "network"})
    assert set(spans) == set(tagger.LABELS)
    for found in spans.values():
        assert all(0 <= start < end <= len(doc.text) for start, end in found)


def test_held_back_articles_are_a_stable_tenth_by_name():
    names = [f"article-{i}" for i in range(2000)]
    held = [n for n in names if part_of(n) == "held-back"]
    assert 150 < len(held) < 250
    assert held == [n for n in names if part_of(n) == "held-back"]
    every = {i.name for i in load_split(BRAT)}
    sides = {i.name for part in ("train-rest", "held-back") for i in load_split(BRAT, part)}
    assert sides == every


def test_training_script_runs_end_to_end(tmp_path):
    pytest.importorskip("torch")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import train_attribution_tagger

    out = tmp_path / "tagger.npz"
    record = train_attribution_tagger.main([
        str(BRAT), "--dev", str(BRAT), "--part", "all", "--out", str(out), "--epochs", "2",
        "--hidden", "8", "--buckets", "256", "--feature-dims", "4", "--batch", "2"])
    assert record["annotations"] == 3 and len(record["history"]) == 2
    weights = tagger.TaggerWeights.load(out)
    assert weights.buckets == 256 and weights.settings["best_epoch"] in (1, 2)
    assert weights.arrays["lstm0_forward_w_hh"].shape == (32, 8)


def test_best_paths_of_a_batch_are_each_paragraphs_own():
    rng = np.random.default_rng(2)
    scores = [rng.normal(size=(n, 3, 5)).astype(np.float32) for n in (7, 1, 4)]
    transitions, start, end = rng.normal(size=(3, 5, 5)), rng.normal(size=(3, 5)), np.zeros((3, 5))
    for para, paths in zip(scores, tagger.best_paths(scores, transitions, start, end),
                           strict=True):
        for k in range(3):
            assert paths[k].tolist() == tagger.viterbi(para[:, k], transitions[k], start[k],
                                                       end[k])

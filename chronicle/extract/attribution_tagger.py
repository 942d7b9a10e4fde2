"""A learned attribution span tagger, run with numpy alone.

Per token the network reads the static MiniLM vector of the word (``vectors.py``: the mean of
its WordPiece rows) and the mean of hashed embeddings of the parse features the CRF taggers
use (``attribution.token_features``: tag, dependency, clause head, quotation state, frame...);
a bidirectional LSTM runs over each paragraph, and one linear-chain CRF head per label
(source, cue, content) scores BIOES tags. Three independent heads, because spans nest: a token
may be content of one report and source of another.

The weights (``data/attribution_tagger.npz``, float16) are trained by
``bench/train_attribution_tagger.py`` with torch; the runtime never imports torch. The LSTM
runs over all paragraphs of an article at once (a few matrix products per position), and the
best path of each head is found by Viterbi restricted to well-formed BIOES sequences, so a
span never starts with I or E and never stays open.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from chronicle.extract.vectors import StaticVectors, load_static_vectors

if TYPE_CHECKING:
    from threadpoolctl import ThreadpoolController

WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "attribution_tagger.npz"
LABELS = ("Source", "Cue", "Content")
TAGS = ("O", "B", "I", "E", "S")
OPENS_OR_OUTSIDE = (0, 1, 4)  # O, B, S: what may follow O, E or S, and start a paragraph
CLOSES_OR_OUTSIDE = (0, 3, 4)  # O, E, S: what may end a paragraph


def allowed_transitions() -> np.ndarray:
    """``[from, to]`` True where BIOES allows tag ``to`` right after tag ``from``."""
    allowed = np.zeros((len(TAGS), len(TAGS)), dtype=bool)
    for before in (0, 3, 4):  # after O, E, S: a span is closed
        allowed[before, list(OPENS_OR_OUTSIDE)] = True
    for before in (1, 2):  # after B, I: the span goes on (I) or ends (E)
        allowed[before, [2, 3]] = True
    return allowed


ALLOWED = allowed_transitions()


_BUCKET_OF: dict[int, _Buckets] = {}


def feature_ids(features: Sequence[Sequence[str]], buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """Each token's feature strings as bucket ids (a stable hash: Python's ``hash`` changes
    from run to run), flattened, with the offset where each token's ids begin."""
    known = _BUCKET_OF.get(buckets)
    if known is None or len(known) > 500_000:
        known = _BUCKET_OF[buckets] = _Buckets(buckets)
    ids: list[int] = []
    offsets: list[int] = []
    for strings in features:
        offsets.append(len(ids))
        ids.extend(map(known.__getitem__, strings))
    return np.asarray(ids, dtype=np.int64), np.asarray(offsets, dtype=np.int64)


class _Buckets(dict):
    """Bucket ids of feature strings, hashed on first sight: strings repeat ("t=NN" on every
    noun), and a dictionary look-up is cheaper than hashing again."""

    def __init__(self, buckets: int) -> None:
        super().__init__()
        self.buckets = buckets

    def __missing__(self, key: str) -> int:
        bucket = self[key] = zlib.crc32(key.encode("utf-8")) % self.buckets
        return bucket


@functools.lru_cache(maxsize=100_000)
def _word_vector(text: str, vectors: StaticVectors) -> np.ndarray:
    ids = vectors.token_ids(text)
    if not ids:
        return np.zeros(vectors.dims, dtype=np.float32)
    return vectors.matrix[ids].mean(axis=0)


def word_vectors(words: Sequence[str], vectors: StaticVectors | None = None) -> np.ndarray:
    """``[n, dims]``: each word's static vector, the mean of its WordPiece rows (zeros for a
    word with none)."""
    vectors = vectors or load_static_vectors()
    if not words:
        return np.zeros((0, vectors.dims), dtype=np.float32)
    return np.vstack([_word_vector(w, vectors) for w in words])


@dataclass
class TaggerWeights:
    """The exported network: arrays by name (see ``bench/train_attribution_tagger.py``)."""

    arrays: dict[str, np.ndarray]
    settings: dict

    @classmethod
    def load(cls, path: str | Path = WEIGHTS_PATH) -> TaggerWeights:
        with np.load(path) as data:
            arrays = {k: data[k].astype(np.float32) for k in data.files if k != "settings"}
            settings = json.loads(str(data["settings"]))
        return cls(arrays, settings)

    def recurrent(self, layer: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``recurrent_weights`` of ``layer``, built once."""
        cache = self.__dict__.setdefault("_recurrent", {})
        if layer not in cache:
            cache[layer] = recurrent_weights(self.arrays, layer)
        return cache[layer]

    @property
    def buckets(self) -> int:
        return int(self.arrays["feature_table"].shape[0])


@functools.cache
def load_weights(path: str = str(WEIGHTS_PATH)) -> TaggerWeights:
    """The shipped weights, read once per process."""
    return TaggerWeights.load(path)


@functools.cache
def _blas_threads() -> ThreadpoolController:  # imported on first use
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _gate_order(hidden: int) -> np.ndarray:
    """Rows of torch's gates (input, forget, cell, output) as input, forget, output, cell: the
    three sigmoid gates side by side."""
    i, f, g, o = (np.arange(k * hidden, (k + 1) * hidden) for k in range(4))
    return np.concatenate([i, f, o, g])


def recurrent_weights(arrays: dict[str, np.ndarray], layer: int,
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Layer ``layer``'s two directions stacked, ``[2, in, 4H]``, ``[2, H, 4H]`` and
    ``[2, 4H]``, gates reordered by ``_gate_order`` and the sigmoid gates' rows halved:
    sigmoid(x) = (tanh(x / 2) + 1) / 2, so one tanh over all gates does for both kinds."""
    hidden = arrays[f"lstm{layer}_forward_w_hh"].shape[1]
    order = _gate_order(hidden)
    scale = np.ones(4 * hidden, dtype=np.float32)
    scale[:3 * hidden] = 0.5
    w_ih, w_hh, bias = (np.stack([arrays[f"lstm{layer}_{d}_{name}"][order]
                                  for d in ("forward", "backward")])
                        for name in ("w_ih", "w_hh", "bias"))
    return (np.ascontiguousarray((w_ih * scale[:, None]).transpose(0, 2, 1), dtype=np.float32),
            np.ascontiguousarray((w_hh * scale[:, None]).transpose(0, 2, 1), dtype=np.float32),
            (bias * scale).astype(np.float32))


def bilstm(tokens: np.ndarray, lengths: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray,
           bias: np.ndarray) -> np.ndarray:
    """A bidirectional LSTM layer over sequences laid end to end, ``tokens`` ``[n, in]`` with
    the ``lengths`` of the sequences (weights from ``recurrent_weights``): ``[n, 2H]``, forward
    states then backward ones. The backward direction starts at each sequence's own last
    token, as torch's packed sequences do. Both directions run in one loop over positions,
    and at each position only the sequences still running are computed (longest first).
    The inputs are packed by position, as torch packs sequences: the rows of position t are
    contiguous, so each step reads a view, and no padded copy is made (one long paragraph
    would pad all the others)."""
    hidden = w_hh.shape[1]
    out = np.zeros((tokens.shape[0], 2 * hidden), dtype=np.float32)
    if not len(lengths):
        return out
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    order = np.argsort(-lengths, kind="stable")
    starts, lengths = starts[order], lengths[order]
    running = (lengths[None, :] > np.arange(int(lengths[0]))[:, None]).sum(axis=1).tolist()
    # row of each (position, running sequence) pair, position by position
    step = np.concatenate([np.full(n, t) for t, n in enumerate(running)])
    sequence = np.concatenate([np.arange(n) for n in running])
    forward = starts[sequence] + step
    backward = starts[sequence] + lengths[sequence] - 1 - step
    packed = np.stack([tokens[forward] @ w_ih[0], tokens[backward] @ w_ih[1]])
    packed += bias[:, None, :]  # [2, rows, 4H]
    states = np.empty((2, len(step), hidden), dtype=np.float32)
    h = np.zeros((2, len(lengths), hidden), dtype=np.float32)
    c = np.zeros((2, len(lengths), hidden), dtype=np.float32)
    offset = 0
    for n in running:
        gates = np.matmul(h[:, :n], w_hh)
        gates += packed[:, offset:offset + n]
        np.tanh(gates, out=gates)
        sig = gates[..., :3 * hidden] * 0.5 + 0.5
        cell = c[:, :n]
        cell *= sig[..., hidden:2 * hidden]
        cell += sig[..., :hidden] * gates[..., 3 * hidden:]
        h[:, :n] = sig[..., 2 * hidden:] * np.tanh(cell)
        states[:, offset:offset + n] = h[:, :n]
        offset += n
    out[forward, :hidden] = states[0]
    out[backward, hidden:] = states[1]
    return out


def viterbi(emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> list[int]:
    """The best BIOES path for ``emissions`` ``[time, tags]``: transitions BIOES forbids are
    never taken, whatever the learnt scores."""
    steps = emissions.shape[0]
    if steps == 0:
        return []
    blocked = -1e9
    trans = np.where(ALLOWED, transitions, blocked)
    first = np.full(len(TAGS), blocked, dtype=np.float32)
    first[list(OPENS_OR_OUTSIDE)] = 0.0
    last = np.full(len(TAGS), blocked, dtype=np.float32)
    last[list(CLOSES_OR_OUTSIDE)] = 0.0
    score = start + first + emissions[0]
    back = np.zeros((steps, len(TAGS)), dtype=np.int64)
    for t in range(1, steps):
        candidates = score[:, None] + trans  # [from, to]
        back[t] = candidates.argmax(axis=0)
        score = candidates.max(axis=0) + emissions[t]
    score = score + end + last
    path = [int(score.argmax())]
    for t in range(steps - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


def emissions(weights: TaggerWeights, words: Sequence[Sequence[str]],
              features: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
    """Per paragraph, ``[tokens, labels, tags]`` emission scores of the heads."""
    a = weights.arrays
    table = a["feature_table"]
    lengths = np.asarray([len(w) for w in words], dtype=np.int64)
    if not len(lengths) or lengths.max() == 0:
        return [np.zeros((0, len(LABELS), len(TAGS)), dtype=np.float32) for _ in words]
    ids, offsets = feature_ids([f for para in features for f in para], weights.buckets)
    counts = np.diff(np.append(offsets, len(ids)))
    embedded = np.zeros((len(offsets), table.shape[1]), dtype=np.float32)
    if len(ids):
        nonempty = counts > 0
        embedded[nonempty] = (np.add.reduceat(table[ids], offsets[nonempty], axis=0)
                              / counts[nonempty, None])
    x = np.hstack([word_vectors([w for para in words for w in para]), embedded])
    # one BLAS thread: the products are small, and threads that wait on each other on a busy
    # machine made the LSTM 30 times slower
    with _blas_threads().limit(limits=1, user_api="blas"):
        for layer in range(int(weights.settings["layers"])):
            x = bilstm(x, lengths, *weights.recurrent(layer))
        scores = x @ a["emission_w"].T + a["emission_b"]
    scores = scores.reshape(len(x), len(LABELS), len(TAGS))
    return np.split(scores, np.cumsum(lengths)[:-1])


def best_paths(scores: Sequence[np.ndarray], transitions: np.ndarray, start: np.ndarray,
               end: np.ndarray) -> list[np.ndarray]:
    """``viterbi`` for every paragraph and head at once: ``scores`` holds each paragraph's
    ``[tokens, heads, tags]`` emissions, ``transitions`` ``[heads, tags, tags]``; returns
    each paragraph's ``[heads, tokens]`` tag indices. One loop over positions serves all."""
    if not scores:
        return []
    lengths = np.asarray([len(s) for s in scores])
    steps, heads, n_tags = int(lengths.max()), transitions.shape[0], len(TAGS)
    em = np.zeros((len(scores), steps, heads, n_tags), dtype=np.float32)
    for p, s in enumerate(scores):
        em[p, :len(s)] = s
    blocked = -1e9
    trans = np.where(ALLOWED[None], transitions, blocked)[None]  # [1, heads, from, to]
    first = np.full(n_tags, blocked, dtype=np.float32)
    first[list(OPENS_OR_OUTSIDE)] = 0.0
    last = np.full(n_tags, blocked, dtype=np.float32)
    last[list(CLOSES_OR_OUTSIDE)] = 0.0
    score = start[None] + first + em[:, 0]  # [paragraphs, heads, tags]
    back = np.zeros((steps, len(scores), heads, n_tags), dtype=np.int64)
    stay = np.broadcast_to(np.arange(n_tags), (len(scores), heads, n_tags))
    for t in range(1, steps):
        candidates = score[..., :, None] + trans  # [paragraphs, heads, from, to]
        running = (lengths > t)[:, None, None]
        back[t] = np.where(running, candidates.argmax(axis=2), stay)  # ended: keep the tag
        score = np.where(running, candidates.max(axis=2) + em[:, t], score)
    tag = (score + end[None] + last).argmax(axis=2)  # [paragraphs, heads]
    paths = np.zeros((len(scores), heads, steps), dtype=np.int64)
    p_index, h_index = np.arange(len(scores))[:, None], np.arange(heads)[None, :]
    for t in range(steps - 1, -1, -1):
        paths[:, :, t] = tag
        tag = back[t, p_index, h_index, tag]
    return [paths[p, :, :n] for p, n in enumerate(lengths)]


def tag_paragraphs(words: Sequence[Sequence[str]], features: Sequence[Sequence[Sequence[str]]],
                   weights: TaggerWeights | None = None) -> list[dict[str, list[str]]]:
    """BIOES tags by label for each paragraph (its words and their ``token_features``)."""
    weights = weights or load_weights()
    a = weights.arrays
    paths = best_paths(emissions(weights, words, features), a["transitions"], a["start"],
                       a["end"])
    return [{label: [TAGS[i] for i in path[k]] for k, label in enumerate(LABELS)}
            for path in paths]

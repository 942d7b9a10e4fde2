"""Timeline summarisation on Timeline17-style data, scored with the standard protocol.

The protocol is the one of news-tls (Gholipour Ghalandari & Ifrim, ACL 2020), which every later
paper follows, so that our figures compare with the published ones:

- each reference timeline is one task; the input articles are those of the timeline's topic
  folder published between the reference's first and last date (inclusive);
- the system returns as many dates as the reference has, each with ``k`` sentences, ``k`` the
  reference's mean sentences per date, rounded (Python's ``round``, as news-tls);
- scores: alignment-based ROUGE-1 and ROUGE-2 ("align+ m:1", Martschat & Markert 2017, as
  implemented by ``tilse``) and Date-F1 (exact day);
- precision and recall are averaged over the tasks, and F1 is taken of the means.

Official figures use tilse's bundled ROUGE-1.5.5 Perl script (Debian packages
``libxml-parser-perl`` and ``libwww-perl``); where Perl or tilse cannot run it, tilse's
pure-Python reimplementation is used and the output says so. Reference timelines come from
``<topic>/timelines.jsonl`` (one timeline a line), named after ``<topic>/timelines/*.txt``.
A reference that gives one date twice keeps the last summary, as tilse and news-tls do.
A date listed without any sentence is not an entry (``entries_only``), on either side.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Summaries = Mapping[dt.date, Sequence[str]]
# A system: (task, store of the task's topic folder) -> {date: sentences}
System = Callable[["Task", Any], dict[dt.date, list[str]]]

METRIC = "align_date_content_costs_many_to_one"  # tilse's name for "align+ m:1"
SEPARATOR = "-" * 32


@dataclass(frozen=True)
class Task:
    """One reference timeline and the input it is built from."""

    topic: str  # topic folder name, e.g. "bpoil_bbc"
    timeline: str  # timeline name, e.g. "bbc" (the stem of timelines/bbc.txt)
    folder: Path  # the topic folder: InputDocs/<YYYY-MM-DD>/*.txt
    reference: dict[dt.date, list[str]]

    @property
    def name(self) -> str:
        return f"{self.topic}/{self.timeline}"

    @property
    def first(self) -> dt.date:
        return min(self.reference)

    @property
    def last(self) -> dt.date:
        return max(self.reference)

    @property
    def dates(self) -> int:
        """How many dates the system must return: as many as the reference has."""
        return len(self.reference)

    @property
    def sentences_per_date(self) -> int:
        """The reference's mean sentences per date, rounded (at least one)."""
        total = sum(len(s) for s in self.reference.values())
        return max(1, round(total / len(self.reference)))


@dataclass
class PRF:
    precision: float = 0.0
    recall: float = 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, float]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class TaskScore:
    """The scores of one task; ``seconds`` is the system's time, not the scorer's."""

    task: str
    rouge_1: PRF
    rouge_2: PRF
    date: PRF
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def f1(precision: float, recall: float) -> float:
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def average(scores: Sequence[TaskScore]) -> dict[str, dict[str, float]]:
    """Precision and recall averaged over tasks, then F1 of the means (news-tls)."""
    result: dict[str, dict[str, float]] = {}
    n = len(scores) or 1
    for metric in ("rouge_1", "rouge_2", "date"):
        p = sum(getattr(s, metric).precision for s in scores) / n
        r = sum(getattr(s, metric).recall for s in scores) / n
        result[metric] = PRF(p, r).as_dict()
    return result


# -- data ---------------------------------------------------------------------------------------

def parse_day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def read_t17_timeline(text: str) -> dict[dt.date, list[str]]:
    """A timeline in the original T17 format: a date line, sentences, a line of 32 dashes.

    Blocks whose date line is not a valid day are dropped; a repeated date keeps the last block.
    """
    result: dict[dt.date, list[str]] = {}
    day: dt.date | None = None
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line == SEPARATOR:
            if day is not None:
                result[day] = sentences
            day, sentences = None, []
            continue
        if day is None and not sentences:
            try:
                day = dt.date.fromisoformat(line)
                continue
            except ValueError:
                pass
        if line:
            sentences.append(line)
    if day is not None and sentences:
        result[day] = sentences
    return result


def write_t17_timeline(timeline: Summaries) -> str:
    return "".join(f"{day.isoformat()}\n" + "".join(s + "\n" for s in timeline[day])
                   + SEPARATOR + "\n" for day in sorted(timeline))


def load_tasks(dataset_dir: str | Path, only: Iterable[str] = ()) -> list[Task]:
    """Every reference timeline under ``dataset_dir`` (T17 layout), in a stable order.

    ``only`` keeps the tasks whose name (``topic/timeline``) or topic is listed.
    """
    wanted = set(only)
    tasks = []
    for folder in sorted(p for p in Path(dataset_dir).iterdir() if p.is_dir()):
        jsonl = folder / "timelines.jsonl"
        if not jsonl.exists():
            continue
        lines = [line for line in jsonl.read_text(encoding="utf-8").splitlines() if line.strip()]
        names = sorted(p.stem for p in (folder / "timelines").glob("*.txt"))
        if len(names) != len(lines):
            names = [f"tl{i + 1}" for i in range(len(lines))]
        for name, line in zip(names, lines, strict=True):
            reference = {parse_day(day): list(sentences) for day, sentences in json.loads(line)}
            task = Task(topic=folder.name, timeline=name, folder=folder, reference=reference)
            if not wanted or task.name in wanted or task.topic in wanted:
                tasks.append(task)
    return tasks


# -- scoring ------------------------------------------------------------------------------------

def perl_rouge_available() -> bool:
    """Whether tilse's ROUGE-1.5.5 Perl script and the Perl modules it needs can run."""
    try:
        from pyrouge.base import ROUGE_EVAL_HOME  # tilse's bundled copy
    except ImportError:
        return False
    script = Path(ROUGE_EVAL_HOME) / "ROUGE-1.5.5.pl"
    perl = shutil.which("perl")
    if not perl or not script.exists():
        return False
    import subprocess

    probe = subprocess.run([perl, "-MXML::Parser", "-MLWP", "-e", "1"], capture_output=True,
                           check=False)
    return probe.returncode == 0


class _CachedRouge:
    """Memoises ROUGE counts: align+ m:1 scores many (summary, reference) pairs twice, and each
    Perl call costs a process start."""

    def __init__(self, rouge: Any) -> None:
        self.rouge = rouge
        self.cache: dict[Any, dict[str, int]] = {}

    def score_summary(self, summary: list[list[str]], references: dict[str, list[list[str]]]
                      ) -> dict[str, int]:
        key = (tuple(tuple(s) for s in summary),
               tuple((k, tuple(tuple(s) for s in v)) for k, v in sorted(references.items())))
        if key not in self.cache:
            self.cache[key] = self.rouge.score_summary(summary, references)
        return self.cache[key]


class Scorer:
    """Scores a predicted timeline against one reference, as news-tls does.

    ``rouge``: "perl" (official), "python" (tilse's reimplementation) or "auto" (Perl where it
    runs). ``self.rouge`` says which one is used.
    """

    def __init__(self, rouge: str = "auto") -> None:
        from tilse.evaluation import rouge as tilse_rouge

        if rouge == "auto":
            rouge = "perl" if perl_rouge_available() else "python"
        self.rouge = rouge
        self.evaluator = tilse_rouge.TimelineRougeEvaluator(
            measures={"rouge_1", "rouge_2"},
            rouge_computation="original" if rouge == "perl" else "reimpl")
        self.evaluator.rouge = _CachedRouge(self.evaluator.rouge)

    def score(self, predicted: Summaries, reference: Summaries, task: str = "",
              seconds: float = 0.0) -> TaskScore:
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline

        predicted, reference = entries_only(predicted), entries_only(reference)
        pred = TilseTimeline({d: list(s) for d, s in predicted.items()})
        truth = GroundTruth([TilseTimeline({d: list(s) for d, s in reference.items()})])
        date = date_scores(set(predicted), set(reference))
        if not predicted:
            return TaskScore(task, PRF(), PRF(), date, seconds)
        rouge = self.evaluator.evaluate_align_date_content_costs_many_to_one(pred, truth)
        return TaskScore(
            task,
            PRF(rouge["rouge_1"]["precision"], rouge["rouge_1"]["recall"]),
            PRF(rouge["rouge_2"]["precision"], rouge["rouge_2"]["recall"]),
            date, seconds)


def entries_only(timeline: Summaries) -> dict[dt.date, list[str]]:
    """The dates that have a summary: a date listed with no (non-blank) sentence is not a
    timeline entry and counts for neither Date-F1 nor ROUGE.

    Published system outputs list such dates (SDF-TLS: 48 of its 692 dates on T17, a date
    line followed directly by the dashes). Its published Date-F1, 0.5162, is reproduced
    exactly when they are left out; counted as predicted dates they give 0.5097
    (``bench/check_sdf_tls.py``). ROUGE hardly moves (SDF-TLS AR-1 0.1134 -> 0.1135, Perl).
    """
    kept = {}
    for day, sentences in timeline.items():
        texts = [s for s in sentences if s.strip()]
        if texts:
            kept[day] = texts
    return kept


def date_scores(predicted: set[dt.date], reference: set[dt.date]) -> PRF:
    """Exact-day precision and recall of the predicted dates."""
    shared = len(predicted & reference)
    return PRF(shared / len(predicted) if predicted else 0.0,
               shared / len(reference) if reference else 0.0)


# -- running a system over the tasks ------------------------------------------------------------

def format_row(score: TaskScore) -> str:
    return (f"{score.task:48} AR-1 {score.rouge_1.f1:.4f}  AR-2 {score.rouge_2.f1:.4f}  "
            f"Date-F1 {score.date.f1:.4f} (P {score.date.precision:.3f} "
            f"R {score.date.recall:.3f})  {score.seconds:6.1f}s")


def summary_line(scores: Sequence[TaskScore], rouge: str, **extra: Any) -> dict[str, Any]:
    """The figures of a run as one JSON-able object: means first, then per-task rows."""
    means = average(scores)
    return {
        "tasks": len(scores),
        "rouge": rouge,
        "ar1_f1": round(means["rouge_1"]["f1"], 4),
        "ar2_f1": round(means["rouge_2"]["f1"], 4),
        "date_f1": round(means["date"]["f1"], 4),
        "means": {k: {m: round(v, 4) for m, v in d.items()} for k, d in means.items()},
        "seconds_per_task": round(sum(s.seconds for s in scores) / (len(scores) or 1), 2),
        **extra,
        "per_task": [
            {"task": s.task, "ar1_f1": round(s.rouge_1.f1, 4), "ar2_f1": round(s.rouge_2.f1, 4),
             "date_f1": round(s.date.f1, 4), "date_p": round(s.date.precision, 4),
             "date_r": round(s.date.recall, 4), "seconds": round(s.seconds, 2), **s.extra}
            for s in scores],
    }


def store_for(task: Task, cache_dir: Path, log: Callable[[str], None],
              reader: str = "full") -> Path:
    """The Chronicle store of a task's topic folder, ingested and read on first use.

    ``reader``: "full" reads with Chronicle's pipeline (spaCy sentences and entities, time
    expressions), as ``chronicle read`` does; "light" takes each line of the T17 files as a
    sentence (they are tokenised one sentence a line) and tags only time expressions, which is
    all a timeline needs and about 20 times faster. Stores of the two live in separate files.
    """
    from chronicle import jobs
    from chronicle.store import Store

    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / (f"{task.topic}.db" if reader == "full" else f"{task.topic}.light.db")
    with Store(path) as store:
        fresh = store.counts()["articles"] == 0
        if fresh:
            log(f"building store {path} from {task.folder / 'InputDocs'}")
            jobs.ingest(store, [task.folder / "InputDocs"], source=outlet_of(task.topic))
        started = time.perf_counter()
        done = jobs.read(store, workers=1) if reader == "full" else light_read(store)
        if done:
            log(f"  read {done} articles in {time.perf_counter() - started:.0f}s")
    return path


LIGHT_READ_VERSION = 0  # below the pipeline's version: `chronicle read` reads them properly


def light_read(store: Any) -> int:
    """Sentences = non-empty lines, days = Chronicle's resolved time expressions; no entities.

    Articles read this way are marked with version 0, so ``chronicle read`` still reads them
    in full later.
    """
    from chronicle.model import ReadArticle, Sentence, Timex
    from chronicle.read.pipeline import publication_anchor, sentence_days, tag_timexes

    done = 0
    for batch in store.iter_unread(LIGHT_READ_VERSION + 1, batch_size=200):
        pending = [a for a in batch if a.id not in _light_read_ids(store, batch)]
        results = []
        for article in pending:
            spans, offset = [], 0
            for line in article.text.split("\n"):
                stripped = line.strip()
                if stripped:
                    start = offset + line.index(stripped)
                    spans.append((start, start + len(stripped)))
                offset += len(line) + 1
            starts = [start for start, _ in spans]
            result = ReadArticle(article.id)
            for t in tag_timexes(article.text, publication_anchor(article)):
                index = max(bisect.bisect_right(starts, t.start) - 1, 0)
                result.timexes.append(Timex(article.id, index, t.start, t.end, t.text, t.type,
                                            t.value, t.granularity, t.mod, t.first_day,
                                            t.last_day))
            days = sentence_days(article.text, result.timexes)
            result.sentences = [
                Sentence(article.id, i, start, end, article.text[start:end],
                         tuple(days.get(i, ())))
                for i, (start, end) in enumerate(spans)]
            results.append(result)
        if results:
            store.save_read(results, LIGHT_READ_VERSION)
            done += len(results)
    return done


def _light_read_ids(store: Any, batch: Sequence[Any]) -> set[str]:
    from chronicle.store.queries import ids_read_at

    return ids_read_at(store, [a.id for a in batch], LIGHT_READ_VERSION)


def outlet_of(topic: str) -> str:
    """T17 topic folders are named ``<story>_<outlet>``."""
    return topic.rsplit("_", 1)[-1].lower() if "_" in topic else ""


def story_of_topic(topic: str) -> str:
    """The story a topic folder covers (``bpoil_bbc`` -> ``bpoil``): the unit held out when
    training, so that no outlet's timeline of a story is scored by a model that saw another."""
    return topic.rsplit("_", 1)[0].lower() if "_" in topic else topic.lower()


def held_out_model(task: Task) -> str:
    """The shipped models (date ranking, sentence scoring) that never saw this task's story:
    the story's name where a model was trained without it, "all" for stories no model saw,
    "" where none is shipped."""
    from chronicle.timeline.dates import load_models
    from chronicle.timeline.sentences import load_sentence_models

    story = story_of_topic(task.topic)
    names = set(load_models()) | set(load_sentence_models())
    if story in names:
        return story
    if names:
        return "all"
    return ""


def chronicle_system(task: Task, store: Any, **options: Any) -> dict[dt.date, list[str]]:
    """Chronicle's summariser under the protocol's constraints, its date model held out."""
    from chronicle.timeline.summarise import summarise

    held_out = held_out_model(task) or None
    options.setdefault("model", held_out)
    options.setdefault("sentence_model", held_out)
    entries = summarise(store, dates=task.dates, sentences=task.sentences_per_date,
                        date_from=task.first.isoformat(), date_to=task.last.isoformat(),
                        **options)
    return {parse_day(e.date): [ev.text for ev in e.summary] for e in entries}


def main(dataset_dir: str | Path, cache_dir: str | Path | None = None, rouge: str = "auto",
         only: Iterable[str] = (), system: System | None = None, out_dir: str | Path | None = None,
         reader: str = "full", echo: Callable[[str], None] = print) -> dict[str, Any]:
    """Run a system on every task of a T17-layout dataset and print the standard figures.

    Prints one row per task, then (last line) one JSON object with the means. ``cache_dir``
    holds one store per topic folder (built from the raw articles when missing);
    ``out_dir`` receives each predicted timeline in T17 format.
    """
    from chronicle.store import Store

    tasks = load_tasks(dataset_dir, only)
    if not tasks:
        raise ValueError(f"no reference timelines under {dataset_dir}")
    cache = Path(cache_dir) if cache_dir else Path("out/tls-stores")
    scorer = Scorer(rouge)
    if scorer.rouge != "perl":
        echo(("note: pure-Python ROUGE requested" if rouge == "python" else "note: Perl ROUGE "
              "unavailable") + " (tilse's ROUGE-1.5.5 needs perl with "
             "libxml-parser-perl and libwww-perl): using tilse's pure-Python ROUGE, "
             "which is not the official figure")
    run = system or chronicle_system
    scores = []
    started = time.perf_counter()
    for task in tasks:
        db = store_for(task, cache, log=lambda m: print(m, file=sys.stderr), reader=reader)
        with Store(db) as store:
            begin = time.perf_counter()
            predicted = run(task, store)
            seconds = time.perf_counter() - begin
        if out_dir:
            target = Path(out_dir) / f"{task.topic}__{task.timeline}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(write_t17_timeline(predicted), encoding="utf-8")
        score = scorer.score(predicted, task.reference, task=task.name, seconds=seconds)
        scores.append(score)
        echo(format_row(score))
    result = summary_line(scores, scorer.rouge, reader=reader,
                          total_seconds=round(time.perf_counter() - started, 1))
    echo(json.dumps(result))
    return result


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1], *(sys.argv[2:3] or [None]), rouge=os.environ.get("TLS_ROUGE", "auto"))

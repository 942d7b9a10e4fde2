"""The ``chronicle`` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from chronicle import __version__, jobs
from chronicle.model import Reject
from chronicle.store import DEFAULT_DB, Store

# Exit status of a job that finished but rejected some input (1 stays for errors, 2 for usage).
EXIT_REJECTS = 3

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite store file.")
workers_option = click.option("--workers", default=1, show_default=True,
                              type=click.IntRange(1, 64),
                              help="Processes reading articles in parallel.")
source_option = click.option("--source", default=None,
                             help="Outlet to record for inputs that do not name one.")
inputs_argument = click.argument("paths", nargs=-1, required=True,
                                 type=click.Path(exists=True))


def _report_reject(reject: Reject) -> None:
    click.echo(f"rejected: {reject.origin}: {reject.reason}", err=True)


def _ingest(store: Store, paths: tuple[str, ...], source: str | None) -> int:
    counts = jobs.ingest(store, paths, source=source, on_reject=_report_reject)
    click.echo(
        f"ingested: {counts.new} new, {counts.exact_duplicates} exact duplicates, "
        f"{counts.near_duplicates} near duplicates, {counts.unchanged} unchanged, "
        f"{counts.rejected} rejected", err=True)
    return counts.rejected


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chronicle")
def main() -> None:
    """Chronicle: turn dated news articles into an evidence-linked record of a story.

    Typical use: `chronicle run ARTICLES/ --out report/` (ingest, read and report in one go),
    or the stages one by one: `ingest`, `read`, `report`.
    """


@main.command()
@inputs_argument
@db_option
@source_option
def ingest(paths: tuple[str, ...], db_path: str, source: str | None) -> None:
    """Add articles from files and folders to the store.

    Formats: seed text (` date YYYY-MM-DD` header), folders of .txt dated by header, folder or
    file name, JSONL, CSV/TSV, HTML pages and RSS/Atom feeds. Exact and near duplicates are
    linked, re-ingesting changes nothing, and bad items are reported and recorded as rejects
    (exit status 3 when any were rejected).
    """
    with Store(db_path) as store:
        rejected = _ingest(store, paths, source)
    sys.exit(EXIT_REJECTS if rejected else 0)


@main.command()
@db_option
@workers_option
def read(db_path: str, workers: int) -> None:
    """Read the articles not yet read: sentences, entities, resolved time expressions."""
    with Store(db_path) as store:
        count = jobs.read(store, workers=workers)
    click.echo(f"read: {count} articles", err=True)


@main.command()
@db_option
@click.option("--out", "out_dir", default="report", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the report files.")
@click.option("--title", default="Chronicle timeline", show_default=True)
@click.option("--dates", type=click.IntRange(1), default=None,
              help="Number of dates (default: chosen from the corpus size).")
@click.option("--sentences", type=click.IntRange(1), default=3, show_default=True,
              help="Sentences per date.")
def report(db_path: str, out_dir: str, title: str, dates: int | None, sentences: int) -> None:
    """Write timeline.md, timeline.html and timeline.json from the store."""
    with Store(db_path) as store:
        paths = jobs.report(store, out_dir, title=title, dates=dates, sentences=sentences)
    click.echo(f"report: {paths[1]}")


@main.command()
@inputs_argument
@db_option
@source_option
@workers_option
@click.option("--out", "out_dir", default="report", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the report files.")
@click.option("--title", default=None, help="Report title (default: from the input names).")
def run(paths: tuple[str, ...], db_path: str, source: str | None, workers: int, out_dir: str,
        title: str | None) -> None:
    """Ingest, read and report in one go; run it again to resume or to add articles."""
    with Store(db_path) as store:
        rejected = _ingest(store, paths, source)
        count = jobs.read(store, workers=workers)
        click.echo(f"read: {count} articles", err=True)
        heading = title or "Timeline of " + ", ".join(Path(p).name for p in paths)
        written = jobs.report(store, out_dir, title=heading)
    for path in written:
        click.echo(f"report: {path}")
    sys.exit(EXIT_REJECTS if rejected else 0)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print counts and rejects as JSON.")
def status(db_path: str, as_json: bool) -> None:
    """Show what the store holds and list rejected inputs with their reasons."""
    if not Path(db_path).exists():
        raise click.ClickException(f"no store at {db_path}")
    with Store(db_path) as store:
        counts = store.counts()
        rejects = store.rejects()
        version = store.schema_version
    if as_json:
        click.echo(json.dumps({"schema_version": version, "counts": counts,
                               "rejects": [r.__dict__ for r in rejects]}, indent=2))
        return
    click.echo(f"store: {db_path} (schema version {version})")
    for name, value in counts.items():
        click.echo(f"  {name:17} {value}")
    if rejects:
        click.echo(f"rejects ({len(rejects)}):")
        for r in rejects:
            click.echo(f"  {r.origin}: {r.reason}")


@main.group(name="eval")
def evaluate() -> None:
    """Score Chronicle against benchmark data; the last line printed is a JSON object."""


@evaluate.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--errors", default=0, show_default=True, help="Show this many error examples.")
def eval_timex(directory: str, errors: int) -> None:
    """Time expressions on TimeML .tml files: span F1, type accuracy, value F1."""
    from chronicle.evaluate.timex import main as evaluate_timex

    evaluate_timex(directory, show_errors=errors)


if __name__ == "__main__":
    main()

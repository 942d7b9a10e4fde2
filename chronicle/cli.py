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


def _open_existing(db_path: str) -> Store:
    if not Path(db_path).exists():
        raise click.ClickException(f"no store at {db_path}: run `chronicle run` first")
    return Store(db_path)


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
    """Read the articles not yet read: sentences, entities, time expressions, events, claims."""
    with _open_existing(db_path) as store:
        count = jobs.read(store, workers=workers)
    click.echo(f"read: {count} articles", err=True)


@main.command()
@db_option
@click.option("--out", "out_dir", default="report", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the report files.")
@click.option("--title", default="Chronicle timeline", show_default=True)
@click.option("--dates", type=click.IntRange(1), default=None,
              help="Number of dates (default: chosen from the corpus size).")
@click.option("--sentences", type=click.IntRange(1), default=2, show_default=True,
              help="Sentences per date.")
def report(db_path: str, out_dir: str, title: str, dates: int | None, sentences: int) -> None:
    """Write timeline.md, timeline.html and timeline.json from the store."""
    with _open_existing(db_path) as store:
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


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@main.command()
@db_option
@click.option("--query", default=None, help="Only articles containing one of these words.")
@click.option("--from", "date_from", default=None, help="First publication date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Last publication date (YYYY-MM-DD).")
@click.option("--dates", type=click.IntRange(1), default=None,
              help="Number of dates (default: one per ten distinct stories, 10 to 60).")
@click.option("--sentences", type=click.IntRange(1), default=2, show_default=True,
              help="Sentences per date.")
@click.option("--json", "as_json", is_flag=True, help="Print the entries as JSON.")
def timeline(db_path: str, query: str | None, date_from: str | None, date_to: str | None,
             dates: int | None, sentences: int, as_json: bool) -> None:
    """Summarise the store as a dated timeline, every line with its sources."""
    from dataclasses import asdict

    from chronicle.timeline.summarise import summarise

    with _open_existing(db_path) as store:
        entries = summarise(store, dates=dates, sentences=sentences, date_from=date_from,
                            date_to=date_to, query=query)
    if as_json:
        _echo_json([asdict(e) for e in entries])
        return
    for entry in entries:
        outlets = f": {', '.join(entry.sources)}" if entry.sources else ""
        click.echo(f"{entry.date}  ({entry.article_count} stories{outlets})")
        for e in entry.summary:
            click.echo(f"  - {e.text}  [{e.article_id}:{e.sentence_index}]")


@main.command()
@db_option
@click.option("--from", "date_from", default=None, help="First event date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Last event date (YYYY-MM-DD).")
@click.option("--type", "event_type", default=None, help="PLOVER type, e.g. ASSAULT.")
@click.option("--actor", default=None, help="Actor name or ISO3 country.")
@click.option("--recipient", default=None, help="Recipient name or ISO3 country.")
@click.option("--place", default=None, help="Place name.")
@click.option("--source", default=None, help="Outlet reporting it.")
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print events with evidence as JSON.")
def events(db_path: str, date_from: str | None, date_to: str | None, event_type: str | None,
           actor: str | None, recipient: str | None, place: str | None, source: str | None,
           limit: int | None, as_json: bool) -> None:
    """List consolidated events (who did what to whom, when, where) with source counts."""
    from chronicle import query

    where = query.EventFilter(date_from, date_to, event_type, actor, recipient, place, source,
                              limit)
    with _open_existing(db_path) as store:
        rows = query.events(store, where)
    if as_json:
        _echo_json(rows)
        return
    for e in rows:
        who = e["actor_name"] or "?"
        whom = f" → {e['recipient_name']}" if e["recipient_name"] else ""
        where_ = f" @ {e['place_name']}" if e["place_name"] else ""
        flag = "" if e["modality"] == "asserted" else f" [{e['modality']}]"
        dated = "" if e["date_basis"] == "text" else " (publication date)"
        click.echo(f"{e['date']}{dated}  {e['event_type']}{'/' + e['mode'] if e['mode'] else ''}"
                   f"{flag}: {who}{whom}{where_}  — {e['article_count']} article(s),"
                   f" {e['mention_count']} mention(s)")


@main.command()
@db_option
@click.option("--about", default=None, help="Words the claim's content must contain.")
@click.option("--source", default=None, help="Who made the claim (actor name).")
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True)
def claims(db_path: str, about: str | None, source: str | None, limit: int | None,
           as_json: bool) -> None:
    """Who said what: attributed claims with source, cue and stance; disagreements last."""
    from chronicle import query
    from chronicle.register import disagreements

    with _open_existing(db_path) as store:
        rows = query.claims(store, about, source, limit)
        conflicts = disagreements(store)
    if as_json:
        _echo_json({"claims": rows, "disagreements": conflicts})
        return
    for c in rows:
        click.echo(f"{c['published']}  {c['source_label']} [{c['stance']}, {c['kind']}] "
                   f"{c['cue_text']}: {c['content_text']}")
    if conflicts:
        click.echo(f"\ndisagreements ({len(conflicts)}):")
        for d in conflicts:
            click.echo(f"  {d['kind']}: {d['summary']}")


@main.command()
@db_option
@click.option("--referent", default=None, help="What is counted: killed, injured, hostages...")
@click.option("--json", "as_json", is_flag=True)
def figures(db_path: str, referent: str | None, as_json: bool) -> None:
    """Reported figures over time, source by source, side by side."""
    from chronicle import query

    with _open_existing(db_path) as store:
        rows = query.figures(store, referent)
    if as_json:
        _echo_json(rows)
        return
    for f in rows:
        click.echo(f"{f['date'] or f['published']}  {f['source_label']:28} {f['bound']} "
                   f"{f['value']:g} {f['unit'] or ''} ({f['referent'] or '?'})  — {f['text']!r}")


@main.group(name="export")
def export() -> None:
    """Export the store for other tools."""


@export.command(name="events")
@db_option
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "gdelt-tsv", "csv",
                                                    "geojson"]),
              default="plover-jsonl", show_default=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output).")
def export_events(db_path: str, fmt: str, out_path: str | None) -> None:
    """Events as PLOVER JSONL, GDELT-style TSV, CSV or GeoJSON."""
    from chronicle import query
    from chronicle.export.events import WRITERS

    with _open_existing(db_path) as store:
        text = WRITERS[fmt](query.events(store))
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8")
        click.echo(f"exported: {out_path}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print counts and rejects as JSON.")
def status(db_path: str, as_json: bool) -> None:
    """Show what the store holds and list rejected inputs with their reasons."""
    with _open_existing(db_path) as store:
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


@main.command(name="spark-job")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--master", default=None,
              help="Spark master URL (local[4], spark://host:7077, yarn); default: from "
                   "spark-submit, else local[*].")
@source_option
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="Partitions of articles to read (default: 4 per core).")
def spark_job(input_path: str, output: str, master: str | None, source: str | None,
              partitions: int | None) -> None:
    """Run ingest, read, events, claims and figures on Spark; write Parquet tables.

    INPUT is a file or folder (text, JSONL, CSV, HTML, feeds, or Parquet with date and text
    columns) on any Hadoop-compatible file system; OUTPUT gets one Parquet folder per store
    table. Load it into a store with `chronicle import OUTPUT --db FILE`.
    """
    from chronicle.spark import run_job, session

    spark = session(master)
    try:
        written = run_job(spark, input_path, output, source=source, partitions=partitions)
    finally:
        spark.stop()
    for folder in written:
        click.echo(f"wrote: {folder}")


@main.command(name="import")
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
@db_option
def import_(parquet_dir: str, db_path: str) -> None:
    """Load the Parquet tables of `chronicle spark-job` into a new store."""
    from chronicle.store import StoreError
    from chronicle.store.parquet import import_parquet

    with Store(db_path) as store:
        try:
            counts = import_parquet(store, parquet_dir)
        except StoreError as error:
            raise click.ClickException(str(error)) from None
    click.echo(f"imported: {counts['articles']} articles, {counts['events']} events into "
               f"{db_path}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db_path: str, host: str, port: int) -> None:
    """Explore the store in a browser: timeline, events, claims, figures, network, map.

    Read-only; the JSON API is documented at /docs.
    """
    from chronicle.serve.app import serve as run_server
    from chronicle.store import StoreError

    if not Path(db_path).exists():
        raise click.ClickException(f"no store at {db_path}: run `chronicle run` first")
    click.echo(f"Chronicle explorer on http://{host}:{port}/ (API docs at /docs); "
               "Ctrl-C stops it", err=True)
    try:
        run_server(db_path, host=host, port=port)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


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


@evaluate.command(name="tls")
@click.argument("dataset_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Folder of per-topic stores (built from the articles when missing).")
@click.option("--rouge", type=click.Choice(["auto", "perl", "python"]), default="auto",
              show_default=True, help="auto: tilse's Perl ROUGE when installed.")
@click.option("--reader", type=click.Choice(["full", "light"]), default="full",
              show_default=True, help="light: sentences and dates only, much faster.")
@click.option("--only", multiple=True, help="Only these topic folders.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write each predicted timeline here.")
def eval_tls(dataset_dir: str, cache_dir: str | None, rouge: str, reader: str,
             only: tuple[str, ...], out_dir: str | None) -> None:
    """Timeline summarisation on a Timeline17-layout dataset: AR-1, AR-2, Date-F1."""
    from chronicle.evaluate.tls import main as evaluate_tls

    evaluate_tls(dataset_dir, cache_dir=cache_dir, rouge=rouge, only=only, out_dir=out_dir,
                 reader=reader, echo=click.echo)


@evaluate.command(name="events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def eval_events(path: str) -> None:
    """PLOVER gold JSONL: event type accuracy and macro-F1, actor/recipient P/R/F1, mode."""
    from chronicle.evaluate.events import main as evaluate_events

    evaluate_events(path)


@evaluate.command(name="cameo5")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--train", "train_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="Train the model on this file and score PATH (else: 5-fold "
              "cross-validation on PATH).")
def eval_cameo5(path: str, train_path: str | None) -> None:
    """ConfliBERT PentaClass TSV (sentence, class 0-4): accuracy and macro-F1."""
    from chronicle.evaluate.cameo5 import main as evaluate_cameo5

    evaluate_cameo5(path, train_path)


@evaluate.command(name="actors")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def eval_actors(path: str) -> None:
    """Actor-resolution cases (JSONL): country and sector accuracy."""
    from chronicle.evaluate.actors import main as evaluate_actors

    evaluate_actors(path)


@evaluate.command(name="attribution")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
def eval_attribution(directory: str) -> None:
    """PolNeAR layout (text/*.txt, attributions/*.ann): source, cue, content span F1."""
    from chronicle.evaluate.attribution import main as evaluate_attribution

    evaluate_attribution(directory)


@evaluate.command(name="figures")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--errors", default=0, show_default=True, help="Show this many error examples.")
def eval_figures(path: str, errors: int) -> None:
    """Figures JSONL ({"text", "figures": [{value, unit, bound}]}): P/R/F1."""
    from chronicle.evaluate.figures import main as evaluate_figures

    evaluate_figures(path, show_errors=errors)


if __name__ == "__main__":
    main()

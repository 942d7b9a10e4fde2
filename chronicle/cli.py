"""The ``chronicle`` command."""

from __future__ import annotations

import datetime as dt
import errno
import importlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from chronicle import __version__, jobs
from chronicle.export import CLI_EVENT_FORMATS, EVENT_FORMAT, format_labels
from chronicle.extract.cameo import PLOVER_TYPES
from chronicle.model import DATE_NOTES, Reject
from chronicle.store import DEFAULT_DB, Store
from chronicle.store.database import StoreAccessError, StoreError
from chronicle.store.queries import figure_referents

# Exit statuses (README, "Exit status"): 1 stays for other errors, 2 for usage (click's).
EXIT_REJECTS = 3  # the job finished, but some input was rejected or failed to read
EXIT_NOT_A_STORE = 4  # --db is no Chronicle store: not SQLite, another program's, newer, none
EXIT_PORT_IN_USE = 5  # `serve`: the port is taken (or may not be listened on)
EXIT_UNREADABLE = 6  # a path cannot be read or written: an input, the store, the report folder


class OperationalError(click.ClickException):
    """An error of the machine or the files, not of Chronicle: one line, its own exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Chronicle(click.Group):
    """The command group, turning the operational errors of every command into one line and
    an exit status instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as error:
            code = EXIT_UNREADABLE if isinstance(error, StoreAccessError) else EXIT_NOT_A_STORE
            raise OperationalError(str(error), code) from None
        except BrokenPipeError:  # output piped into `head`: nothing to report
            raise
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise OperationalError(f"address in use: {error.strerror}",
                                       EXIT_PORT_IN_USE) from None
            where = f"{error.filename}: " if error.filename else ""
            raise OperationalError(f"cannot read or write {where}{error.strerror or error}",
                                   EXIT_UNREADABLE) from None


def _valid_encoding(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from chronicle.ingest.readers import check_encoding

    try:
        return check_encoding(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _valid_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None or value.upper() in PLOVER_TYPES:
        return value and value.upper()
    raise click.BadParameter(f"{value!r} is not a PLOVER type: one of {', '.join(PLOVER_TYPES)}")


def _valid_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
                         type=click.Path(dir_okay=False), help="SQLite store file.")
workers_option = click.option("--workers", default=1, show_default=True,
                              type=click.IntRange(1, 64),
                              help="Processes reading articles in parallel.")
source_option = click.option("--source", default=None,
                             help="Outlet to record for inputs that do not name one.")
# readable=False: an unreadable input is an operational error (exit 6), see _check_readable
inputs_argument = click.argument("paths", nargs=-1, required=True,
                                 type=click.Path(exists=True, readable=False))
encoding_option = click.option(
    "--encoding", default="utf-8", show_default=True, callback=_valid_encoding,
    help="Encoding of text, CSV and JSON inputs (e.g. cp1252 or latin-1 for legacy text); "
         "HTML pages and feeds name their own.")


def _report_reject(reject: Reject) -> None:
    click.echo(f"rejected: {reject.origin}: {reject.reason}", err=True)


def _check_readable(paths: tuple[str, ...]) -> None:
    """A path given on the command line that cannot be read stops the command before it
    starts (a file deep in a folder that cannot be read is one reject among the rest)."""
    for given in paths:
        wanted = os.R_OK | (os.X_OK if os.path.isdir(given) else 0)
        if not os.access(given, wanted):
            raise OperationalError(f"cannot read {given}: permission denied", EXIT_UNREADABLE)


def _report_failure(origin: str, reason: str) -> None:
    click.echo(f"failed to read: {origin}: {reason}", err=True)


def _read(store: Store, workers: int) -> bool:
    """Read what is unread; True when some article failed to read (now or before)."""
    count = jobs.read(store, workers=workers, on_failure=_report_failure)
    failed = len(store.failed_reads())
    click.echo(f"read: {count} articles" + (f", {failed} failed (`chronicle status` lists "
                                            "them)" if failed else ""), err=True)
    return failed > 0


def _ingest(store: Store, paths: tuple[str, ...], source: str | None,
            encoding: str = "utf-8") -> int:
    _check_readable(paths)
    counts = jobs.ingest(store, paths, source=source, on_reject=_report_reject,
                         encoding=encoding)
    click.echo(
        f"ingested: {counts.new} new, {counts.exact_duplicates} exact duplicates, "
        f"{counts.near_duplicates} near duplicates, {counts.unchanged} unchanged, "
        f"{counts.rejected} rejected", err=True)
    return counts.rejected


def _open_existing(db_path: str) -> Store:
    if not Path(db_path).exists():
        raise OperationalError(f"no store at {db_path}: run `chronicle run` first",
                               EXIT_NOT_A_STORE)
    return Store(db_path)


@click.group(cls=_Chronicle, context_settings={"help_option_names": ["-h", "--help"]})
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
@encoding_option
def ingest(paths: tuple[str, ...], db_path: str, source: str | None, encoding: str) -> None:
    """Add articles from files and folders to the store.

    Formats: seed text (` date YYYY-MM-DD` header), folders of .txt dated by header, folder or
    file name, JSONL, CSV/TSV, HTML pages and RSS/Atom feeds. Exact and near duplicates are
    linked, re-ingesting changes nothing, and bad items are reported and recorded as rejects
    (exit status 3 when any were rejected).
    """
    with Store(db_path) as store:
        rejected = _ingest(store, paths, source, encoding)
    sys.exit(EXIT_REJECTS if rejected else 0)


@main.command()
@db_option
@workers_option
def read(db_path: str, workers: int) -> None:
    """Read the articles not yet read: sentences, entities, time expressions, events, claims.

    An article that fails to read is recorded with its reason and the others are read all
    the same (exit status 3 while any article has failed; `chronicle status` lists them)."""
    with _open_existing(db_path) as store:
        failed = _read(store, workers)
    sys.exit(EXIT_REJECTS if failed else 0)


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
@encoding_option
@click.option("--out", "out_dir", default="report", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the report files.")
@click.option("--title", default=None, help="Report title (default: from the input names).")
def run(paths: tuple[str, ...], db_path: str, source: str | None, workers: int,
        encoding: str, out_dir: str, title: str | None) -> None:
    """Ingest, read and report in one go; run it again to resume or to add articles.

    Exit status 3 when some input was rejected or failed to read (the rest is all read)."""
    with Store(db_path) as store:
        rejected = _ingest(store, paths, source, encoding)
        failed = _read(store, workers)
        heading = title or "Timeline of " + ", ".join(Path(p).name for p in paths)
        written = jobs.report(store, out_dir, title=heading)
    for path in written:
        click.echo(f"report: {path}")
    sys.exit(EXIT_REJECTS if rejected or failed else 0)


def _echo_json(value: object) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


@main.command()
@db_option
@click.option("--query", default=None, help="Only articles containing one of these words.")
@click.option("--from", "date_from", default=None, callback=_valid_date,
              help="First publication date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, callback=_valid_date,
              help="Last publication date (YYYY-MM-DD).")
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
@click.option("--from", "date_from", default=None, callback=_valid_date,
              help="First event date (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, callback=_valid_date,
              help="Last event date (YYYY-MM-DD).")
@click.option("--type", "event_type", default=None, metavar="TYPE", callback=_valid_type,
              help="PLOVER type, e.g. ASSAULT.")
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
        dated = f" ({DATE_NOTES[e['date_basis']]})" if e["date_basis"] in DATE_NOTES else ""
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
        if referent and not rows:  # a misspelt referent is an error, not "no figures"
            known = figure_referents(store)
            raise click.BadParameter(
                f"no figures counting {referent!r}; this store's referents: "
                f"{', '.join(known) or 'none'}", param_hint="'--referent'")
    if as_json:
        _echo_json(rows)
        return
    for f in rows:
        click.echo(f"{f['date'] or f['published']}  {f['source_label']:28} {f['bound']} "
                   f"{f['value']:g} {f['unit'] or ''} ({f['referent'] or '?'})  — {f['text']!r}")


@main.command()
@db_option
@click.option("--kind", type=click.Choice(["person", "organisation", "armed group",
                                           "state or government", "place", "facility"]),
              default=None, help="Only actors of this kind.")
@click.option("--limit", type=click.IntRange(1), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option("--reindex", is_flag=True,
              help="First rename the stored events' actors by the current actors tables.")
def actors(db_path: str, kind: str | None, limit: int | None, as_json: bool,
           reindex: bool) -> None:
    """Actors under one name each, with their aliases and counts (mentions, events done
    and suffered, claims, figures); resolved anew from the stored mentions, so a corrected
    actors file (CHRONICLE_ACTORS) applies without reading again."""
    from chronicle.actor_index import actor_records
    from chronicle.actor_index import reindex as rename_stored

    with _open_existing(db_path) as store:
        if reindex:
            click.echo(f"reindexed: {rename_stored(store)} name(s) changed", err=True)
        records = actor_records(store, kind)[:limit]
    if as_json:
        _echo_json([r.as_json() for r in records])
        return
    for r in records:
        aliases = ", ".join(a for a, _ in r.aliases.most_common(6) if a != r.name)
        click.echo(f"{r.name} [{r.kind}{', ' + r.country if r.country else ''}] "
                   f"mentions {r.mentions}, events {r.as_actor}/{r.as_recipient}, "
                   f"claims {r.claims}, figures {r.figures}"
                   + (f"  — also: {aliases}" if aliases else ""))


@main.group(name="export")
def export() -> None:
    """Export the store for other tools."""


@export.command(name="events", help=f"Events as {format_labels(CLI_EVENT_FORMATS)}.")
@db_option
@click.option("--format", "fmt", type=click.Choice([f.name for f in CLI_EVENT_FORMATS]),
              default=CLI_EVENT_FORMATS[0].name, show_default=True)
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output).")
def export_events(db_path: str, fmt: str, out_path: str | None) -> None:
    # help: from chronicle.export.EVENT_FORMATS, which declares the formats once
    from chronicle import query

    with _open_existing(db_path) as store:
        text = EVENT_FORMAT[fmt].writer(query.events(store))
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8")
        click.echo(f"exported: {out_path}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print counts and rejects as JSON.")
def status(db_path: str, as_json: bool) -> None:
    """Show what the store holds (rows in every table), and list rejected inputs and articles
    that failed to read, with their reasons."""
    with _open_existing(db_path) as store:
        counts = store.counts() | store.table_counts()
        rejects = store.rejects()
        failed = store.failed_reads()
        version = store.schema_version
    if as_json:
        click.echo(json.dumps({
            "schema_version": version, "counts": counts,
            "rejects": [r.__dict__ for r in rejects],
            "failed_reads": [{"article_id": a, "origin": o, "reason": r} for a, o, r in failed],
        }, indent=2))
        return
    click.echo(f"store: {db_path} (schema version {version})")
    for name, value in counts.items():
        click.echo(f"  {name:17} {value}")
    if rejects:
        click.echo(f"rejects ({len(rejects)}):")
        for r in rejects:
            click.echo(f"  {r.origin}: {r.reason}")
    if failed:
        click.echo(f"failed reads ({len(failed)}):")
        for article_id, origin, reason in failed:
            click.echo(f"  {origin} [{article_id}]: {reason}")


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

    if not Path(db_path).exists():
        raise OperationalError(f"no store at {db_path}: run `chronicle run` first",
                               EXIT_NOT_A_STORE)
    Store.read_only(db_path).close()  # not a store, or a newer one: say so before serving
    _check_port_free(host, port)
    click.echo(f"Chronicle explorer on http://{host}:{port}/ (API docs at /docs); "
               "Ctrl-C stops it", err=True)
    run_server(db_path, host=host, port=port)


def _check_port_free(host: str, port: int) -> None:
    """Bind the address once before the server does: uvicorn reports a taken port as a log
    line and exit status 1, indistinguishable from other failures."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise click.BadParameter(f"cannot listen on {host!r}: {error.strerror}",
                                 param_hint="'--host'") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise OperationalError(f"port {port} on {host} is already in use: stop what "
                                       "listens there or pick another with --port",
                                       EXIT_PORT_IN_USE) from None
            raise OperationalError(f"cannot listen on {host}:{port}: {error.strerror}",
                                   EXIT_PORT_IN_USE) from None


@main.group(name="eval")
def evaluate() -> None:
    """Score Chronicle against benchmark data; the last line printed is a JSON object."""


@dataclass(frozen=True)
class EvalCommand:
    """One ``chronicle eval`` command: ``chronicle.evaluate.<name>.main`` called with the
    command's parameters by name (and ``fixed``)."""

    name: str
    help: str
    params: tuple[click.Parameter, ...] = ()
    fixed: tuple[tuple[str, object], ...] = ()


def _errors_shown() -> click.Option:
    return click.Option(["--errors", "show_errors"], default=0, show_default=True,
                        help="Show this many error examples.")


def _gold_file() -> click.Argument:
    return click.Argument(["path"], type=click.Path(exists=True, dir_okay=False))


def _folder(name: str) -> click.Argument:
    return click.Argument([name], type=click.Path(exists=True, file_okay=False))


# the eval commands, declared once: the CLI is built from this table below
EVAL_COMMANDS: tuple[EvalCommand, ...] = (
    EvalCommand("timex",
                "Time expressions on TimeML .tml files: span F1, type accuracy, value F1.",
                (_folder("directory"), _errors_shown(),
                 click.Option(["--part"], type=click.Choice(["all", "dev", "held"]),
                              default="all", show_default=True,
                              help="Documents of one hash split of the file names: dev (3/4) "
                              "or held (1/4)."))),
    EvalCommand("tls",
                "Timeline summarisation on a Timeline17-layout dataset: AR-1, AR-2, Date-F1.",
                (_folder("dataset_dir"),
                 click.Option(["--cache", "cache_dir"], type=click.Path(file_okay=False),
                              default=None, help="Folder of per-topic stores (built from the "
                              "articles when missing)."),
                 click.Option(["--rouge"], type=click.Choice(["auto", "perl", "python"]),
                              default="auto", show_default=True,
                              help="auto: tilse's Perl ROUGE when installed."),
                 click.Option(["--reader"], type=click.Choice(["full", "light"]),
                              default="full", show_default=True,
                              help="light: sentences and dates only, much faster."),
                 click.Option(["--only"], multiple=True, help="Only these topic folders."),
                 click.Option(["--out", "out_dir"], type=click.Path(file_okay=False),
                              default=None, help="Write each predicted timeline here.")),
                fixed=(("echo", click.echo),)),
    EvalCommand("events", "PLOVER gold JSONL: event type accuracy and macro-F1, "
                "actor/recipient P/R/F1, mode.",
                (_gold_file(),
                 click.Option(["--part"], type=click.Choice(["all", "dev", "held"]),
                              default="all", show_default=True,
                              help="Records of one hash split: dev (4/5) or held (1/5)."))),
    EvalCommand("cameo5",
                "ConfliBERT PentaClass TSV (sentence, class 0-4): accuracy and macro-F1.",
                (_gold_file(),
                 click.Option(["--train", "train_path"],
                              type=click.Path(exists=True, dir_okay=False), default=None,
                              help="Train the model on this file and score PATH (else: 5-fold "
                              "cross-validation on PATH)."),
                 click.Option(["--part"], type=click.Choice(["all", "dev", "held-back"]),
                              default="all", show_default=True,
                              help="dev: cross-validate on a fixed 80% of PATH (by hash); "
                              "held-back: train on that 80% and score the other 20%."),
                 click.Option(["--vectors/--no-vectors"], default=True, show_default=True,
                              help="Give the model each sentence's nearness to each class in "
                              "static vectors."))),
    EvalCommand("acled",
                "CASE 2021 task 2 TSV (id, EventSnippet, SubType): micro, macro, weighted F1.",
                (_gold_file(),
                 click.Option(["--part"], type=click.Choice(["all", "a", "b"]), default="all",
                              show_default=True, help="A deterministic split of PATH: a (60% "
                              "of each label) or b (the rest)."),
                 click.Option(["--errors"], is_flag=True,
                              help="List the snippets coded wrong."))),
    EvalCommand("actors",
                "Actor-resolution cases (JSONL): country and sector accuracy.", (_gold_file(),)),
    EvalCommand("attribution", "PolNeAR layout (text/*.txt, "
                "attributions/*.ann): source, cue, content span F1.",
                (_folder("directory"),
                 click.Option(["--part"], type=click.Choice(["all", "train-rest", "held-back"]),
                              default="all", show_default=True,
                              help="Articles of one hash split of the names: train-rest (9/10) "
                              "or held-back (1/10)."))),
    EvalCommand("figures", 'Figures JSONL ({"text", "figures": [{value, unit, '
                'bound}]}): P/R/F1.', (_gold_file(), _errors_shown())),
)


def _eval_callback(spec: EvalCommand) -> Callable[..., None]:
    def run_evaluation(**params: object) -> None:
        # imported when run: each scorer loads its own models and data
        scorer = importlib.import_module(f"chronicle.evaluate.{spec.name}")
        scorer.main(**params, **dict(spec.fixed))
    return run_evaluation


for _spec in EVAL_COMMANDS:
    evaluate.add_command(click.Command(_spec.name, help=_spec.help, params=list(_spec.params),
                                       callback=_eval_callback(_spec)))


if __name__ == "__main__":
    main()

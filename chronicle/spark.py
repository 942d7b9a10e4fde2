"""The Spark job: the same stages as ``chronicle run``, spread over a cluster, into Parquet.

ingest (one task per input file) → MinHash, read and extract in one pass (``mapPartitions``,
one spaCy pipeline per executor process; one row an article, cached in the JVM) → near
duplicates (LSH band keys joined with each other) → events (mentions blocked by type,
modality and runs of dates, consolidated per block).

Every per-article function is the single-machine one (``ingest.readers``, ``Reader.read``,
``chronicle.consolidate``), and every output row is built by ``store.rows``, so the
Parquet tables hold exactly what ``chronicle run`` would store, column for column:
``chronicle import`` loads them into a store.

Two definitions differ from the sequential store where its answer depends on the order of
input: an article seen at several origins keeps the first origin in path order (the order
``chronicle run`` reads a folder in), and a near duplicate is linked to the earliest
(by date, then id) similar article. Both agree with ``chronicle run`` on input that comes in
date order, as dated folders do.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from chronicle.model import Article, Furniture, ReadArticle, Reject, content_hash
from chronicle.store.rows import (
    CONTENT_TABLES,
    READ_TABLES,
    Row,
    article_row,
    event_link_rows,
    event_row,
    furniture_rows,
    origin_row,
    read_rows,
    table_columns,
)

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType

JAVA_17 = "/usr/lib/jvm/java-17-openjdk-amd64"
READ_BATCH = 32  # articles per Reader.read call inside a partition
LOCAL_DEFAULTS = {
    "spark.ui.showConsoleProgress": "false",
    # Spark runs one task per core: a reader that also spread its matrix products over
    # every core would fight the other tasks for them
    "spark.executorEnv.OMP_NUM_THREADS": "1",
    "spark.executorEnv.OPENBLAS_NUM_THREADS": "1",
    # The JVM only moves rows here (the reading runs in Python): the JIT's optimising tier
    # would spend more CPU compiling Spark's code (a third of the JVM's time in a local
    # job of 100 articles) than the optimised code ever saves.
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1",
}
PATH_TAIL = 4  # folders kept above an input file: dates live in names like YYYY/MM/DD/x.txt
WRITERS = 4  # tables written at once
TEXT_FIELDS = ("id", "published", "source", "text")  # what the cross-article joins need

# One item of ingest: an article or a reject, with the key that orders items as
# `chronicle run` meets them (path parts, then position in the file).
ITEM_FIELDS = ("order_key", "kind", "origin", "reason", "id", "published", "published_time",
               "title", "text", "source", "url", "furniture")


# -- session ----------------------------------------------------------------------------------

def session(master: str | None = None, conf: dict[str, str] | None = None,
            app_name: str = "chronicle") -> SparkSession:
    """A SparkSession; under ``spark-submit`` the master and settings come from there."""
    if "JAVA_HOME" not in os.environ and Path(JAVA_17).exists():
        os.environ["JAVA_HOME"] = JAVA_17  # PySpark 4 needs Java 17; Debian keeps it here
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master and master.startswith("local"):
        # local workers must run this interpreter (the one with Chronicle and its models),
        # not whatever `python3` is first on PATH
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    settings = dict(conf or {})
    if master:
        builder = builder.master(master)
        if master.startswith("local"):  # spark-submit's settings are the user's to choose
            settings = LOCAL_DEFAULTS | settings
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("CHRONICLE_SPARK_LOG", "ERROR"))
    return spark


def spark_schema(table: str) -> StructType:
    """The Parquet schema of a store table, read off the SQLite schema."""
    from pyspark.sql.types import (
        BinaryType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    types = {"TEXT": StringType(), "INTEGER": LongType(), "REAL": DoubleType(),
             "BLOB": BinaryType()}
    return StructType([StructField(name, types[kind], True)
                       for name, kind in table_columns(table)])


def _coerce(table: str) -> Callable[[Row], Row]:
    """Row → row with Python values of the column types (bool → int, int → float)."""
    casts = [int if kind == "INTEGER" else float if kind == "REAL" else None
             for _, kind in table_columns(table)]

    def coerce(row: Row) -> Row:
        return tuple(v if v is None or cast is None else cast(v)
                     for v, cast in zip(row, casts, strict=True))
    return coerce


def _frame(spark: SparkSession, rows: RDD, table: str) -> DataFrame:
    return spark.createDataFrame(rows.map(_coerce(table)), spark_schema(table))


def nested_schema(one: str, many: Iterable[str]) -> StructType:
    """Rows holding one row of table ``one`` and the list of rows of each table in ``many``
    that came with it, one column a table: several tables pass from Python to the JVM in
    one frame, and are cached and taken apart there (:func:`rows_of`)."""
    from pyspark.sql.types import ArrayType, StructField, StructType

    return StructType([StructField(one, spark_schema(one), False),
                       *(StructField(table, ArrayType(spark_schema(table), False), False)
                         for table in many)])


def rows_of(frame: DataFrame, table: str) -> DataFrame:
    """The rows of ``table`` held in a frame of :func:`nested_schema` rows."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructType

    if isinstance(frame.schema[table].dataType, StructType):
        return frame.select(f"{table}.*")
    return frame.select(F.explode(table).alias("row")).select("row.*")


# -- ingest -----------------------------------------------------------------------------------

def _qualified(spark: SparkSession, path: str) -> tuple[str, bool]:
    """The fully qualified form of ``path`` (file:/..., hdfs://..., s3a://...) and whether
    it is a folder, asked of Hadoop so any Hadoop-compatible file system works."""
    jvm = spark._jvm  # type: ignore[attr-defined]
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark._jsc.hadoopConfiguration())  # type: ignore[attr-defined]
    return str(fs.makeQualified(hadoop_path).toString()), bool(
        fs.getFileStatus(hadoop_path).isDirectory())


def _is_parquet(spark: SparkSession, path: str) -> bool:
    if path.rstrip("/").endswith(".parquet"):
        return True
    jvm = spark._jvm  # type: ignore[attr-defined]
    pattern = jvm.org.apache.hadoop.fs.Path(path.rstrip("/") + "/*.parquet")
    fs = pattern.getFileSystem(spark._jsc.hadoopConfiguration())  # type: ignore[attr-defined]
    found = fs.globStatus(pattern)
    return found is not None and len(found) > 0


def _item(order_key: str, item: Article | Reject) -> Row:
    if isinstance(item, Reject):
        return (order_key, "reject", item.origin, item.reason, *([None] * 8))
    # furniture as plain tuples: items are compared (the least is an article's first)
    return (order_key, "article", item.origin, None, item.id, item.published,
            item.published_time, item.title, item.text, item.source, item.url,
            tuple(astuple(piece) for piece in item.furniture))


PartitionFunction = Callable[[Iterable[Any]], Iterator[Row]]


def _ingest_files(root: str, shown: str, is_dir: bool, source: str | None
                  ) -> PartitionFunction:
    """Partition function: (path, bytes) of input files → items, through the very readers
    `chronicle ingest` uses (they take a file, so each input is written to a scratch copy
    that keeps the last folders of its path, where dates are found)."""
    from chronicle.ingest.readers import _read_file

    def ingest(files: Iterable[Any]) -> Iterator[Row]:
        with tempfile.TemporaryDirectory(prefix="chronicle-ingest-") as scratch:
            for number, (path, content) in enumerate(files):
                relative = path[len(root):].lstrip("/") if is_dir else ""
                origin = os.path.join(shown, *relative.split("/")) if relative else shown
                tail = [part for part in PurePosixPath(path.split(":", 1)[-1]).parts
                        if part.strip("/")][-PATH_TAIL:]
                local = Path(scratch, str(number), *tail)
                local.parent.mkdir(parents=True, exist_ok=True)
                local.write_bytes(bytes(content))
                parts = "\x00".join(relative.split("/"))
                for index, item in enumerate(_read_file(local, origin, source)):
                    yield _item(f"{parts}\x00{index:012d}", item)
                local.unlink()
    return ingest


def _ingest_records(source: str | None) -> PartitionFunction:
    """Partition function: rows of Parquet input (a date, a text, ...) → items."""
    from chronicle.ingest.furniture import clean_article
    from chronicle.ingest.readers import _record_article, _Refused

    def ingest(rows: Iterable[Any]) -> Iterator[Row]:
        for row in rows:
            record = row.asDict()
            where = record.pop("_chronicle_file")
            key = content_hash(repr(sorted(record.items(), key=lambda kv: kv[0])))
            try:
                article = _record_article(record, where, source)  # checks the limits too
            except _Refused as error:
                yield _item(f"{where}\x00{key}", Reject(f"{where}#{key}", str(error)))
                continue
            # the same limits and cleaning as every reader's output (ingest/readers.py)
            cleaned = clean_article(article, source)
            if isinstance(cleaned, Reject):
                yield _item(f"{where}\x00{key}", Reject(f"{where}#{key}", cleaned.reason))
                continue
            article = cleaned
            yield _item(f"{where}\x00{article.id}",
                        replace(article, origin=f"{where}#{article.id}"))
    return ingest


def ingest(spark: SparkSession, path: str, source: str | None = None) -> RDD:
    """Items (``ITEM_FIELDS`` tuples: articles and rejects) of every input under ``path``."""
    from pyspark.sql import functions as F

    shown = path.rstrip("/") or path
    if _is_parquet(spark, path):
        return (spark.read.parquet(path).withColumn("_chronicle_file", F.input_file_name())
                .rdd.mapPartitions(_ingest_records(source)))
    root, is_dir = _qualified(spark, path)
    files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
             .load(path).select("path", "content").rdd)
    return files.mapPartitions(_ingest_files(root.rstrip("/"), shown, is_dir, source))


def articles_of(items: RDD, partitions: int) -> RDD:
    """One item per article id (the first in input order: items are tuples led by their
    order key, so the least is the first), dealt over ``partitions`` by length.

    Reading time grows with the text, and a few long articles in one partition would keep
    every other core waiting at the end of the stage: longest first, the articles are dealt
    round the partitions like cards, so each partition gets about the same amount of text.
    """
    key, text = ITEM_FIELDS.index("id"), ITEM_FIELDS.index("text")
    unique = (items.filter(lambda item: item[1] == "article")
              .map(lambda item: (item[key], item))
              .reduceByKey(min)
              .values())
    return (unique.sortBy(lambda item: (-len(item[text]), item[key]))
            .zipWithIndex()
            .map(lambda pair: (pair[1] % partitions, pair[0]))
            .partitionBy(partitions, lambda card: card)
            .values())


def _article(item: Row) -> Article:
    fields = dict(zip(ITEM_FIELDS, item, strict=True))
    return Article(id=fields["id"], published=fields["published"], text=fields["text"],
                   title=fields["title"] or "", source=fields["source"] or "",
                   published_time=fields["published_time"], url=fields["url"],
                   origin=fields["origin"],
                   furniture=tuple(Furniture(*piece) for piece in fields["furniture"] or ()))


# -- near duplicates --------------------------------------------------------------------------

def _similar(pairs: Iterable[Any]) -> Iterator[Row]:
    """Partition function: candidate pairs confirmed by exact shingle overlap."""
    from chronicle.ingest import dedup

    for pair in pairs:
        score = dedup.near_duplicate_score(pair.text, pair.earlier_text)
        if score is not None:
            yield (pair.article_id, pair.earlier_published, pair.duplicate_of, score)


def duplicate_links(spark: SparkSession, articles: DataFrame, bands: DataFrame) -> DataFrame:
    """Each near duplicate linked to the earliest (date, id) earlier article like it.

    Candidates are the pairs sharing an LSH band key (a join on the key, so only articles
    that may be alike meet); the exact shingle overlap decides, as in the store.
    """
    from pyspark.sql import functions as F

    a, b = bands.alias("a"), bands.alias("b")
    dated = articles.select("id", "published", "text")
    pairs = (a.join(b, F.col("a.key") == F.col("b.key"))
             .where(F.col("a.article_id") != F.col("b.article_id"))
             .select(F.col("a.article_id").alias("article_id"),
                     F.col("b.article_id").alias("duplicate_of")).distinct()
             .join(dated.withColumnRenamed("id", "article_id"), "article_id")
             .join(dated.select(F.col("id").alias("duplicate_of"),
                                F.col("published").alias("earlier_published"),
                                F.col("text").alias("earlier_text")), "duplicate_of")
             .where(F.struct("earlier_published", "duplicate_of")
                    < F.struct("published", "article_id")))
    confirmed = spark.createDataFrame(
        pairs.rdd.mapPartitions(_similar),
        "article_id string, earlier_published string, duplicate_of string, similarity double")
    best = F.min(F.struct("earlier_published", "duplicate_of", "similarity")).alias("best")
    return (confirmed.groupBy("article_id").agg(best)
            .select("article_id", F.col("best.duplicate_of").alias("duplicate_of"),
                    F.round(F.col("best.similarity"), 4).alias("similarity"),
                    F.lit("near").alias("kind")))


# -- read and extract -------------------------------------------------------------------------

_reader = None  # one spaCy pipeline per executor Python process, kept between tasks
# tables with a list of rows for each article
PER_ARTICLE = ("lsh_bands", "furniture", *READ_TABLES)


def _read(items: Iterable[Row]) -> Iterator[Row]:
    """Partition function: articles → ``nested_schema("articles", PER_ARTICLE)`` rows:
    MinHash signature, LSH band keys, reading and extraction, in one pass."""
    global _reader
    from chronicle.ingest import dedup
    from chronicle.jobs import batched
    from chronicle.read.pipeline import READER_VERSION, Reader

    if _reader is None:
        _reader = Reader()
    coerce = {table: _coerce(table) for table in ("articles", *PER_ARTICLE)}
    for batch in batched((_article(item) for item in items), READ_BATCH):
        results: list[ReadArticle] = _reader.read(batch)
        for article, result in zip(batch, results, strict=True):
            signature = dedup.signature(article.text)
            rows = read_rows(result)
            rows["lsh_bands"] = [(key, article.id) for key in dedup.band_keys(signature)]
            rows["furniture"] = furniture_rows(article)  # the first page's, as in the store
            yield (coerce["articles"](article_row(article, dedup.to_bytes(signature),
                                                  READER_VERSION)),
                   *([coerce[table](row) for row in rows[table]] for table in PER_ARTICLE))


# -- events -----------------------------------------------------------------------------------

def _consolidate(group: tuple[Any, Iterable[dict[str, Any]]]) -> Iterator[Row]:
    """A block of mentions → ``nested_schema("events", ["event_links"])`` rows."""
    from chronicle.consolidate import consolidate_block, mention_from_row

    event, link = _coerce("events"), _coerce("event_links")
    for found in consolidate_block([mention_from_row(row) for row in group[1]]):
        yield event(event_row(found)), [link(row) for row in event_link_rows(found)]


def consolidate_events(event_mentions: DataFrame, articles: DataFrame) -> RDD:
    """Every event with its links (``nested_schema("events", ["event_links"])`` rows), as
    ``chronicle.consolidate`` makes them.

    The blocks (one type and modality, an unbroken run of dates) are the independent parts
    of the single-machine computation, and are found by its own ``block_starts``: the
    distinct (type, modality, date) of the mentions are few (kinds times days), so the
    driver names each one's block and the mentions are grouped by it.
    """
    from pyspark.sql import functions as F

    from chronicle.consolidate import block_starts

    keys = ["event_type", "modality", "date"]
    starts = block_starts(tuple(row) for row in event_mentions.select(*keys).distinct()
                          .collect())
    blocks = event_mentions.sparkSession.createDataFrame(
        [(*day, first) for day, first in sorted(starts.items())],
        "event_type string, modality string, date string, block string")
    mentions = (event_mentions
                .join(articles.select(F.col("id").alias("article_id"), "published", "source"),
                      "article_id")
                .join(blocks, keys))
    return (mentions.rdd
            .map(lambda row: ((row.event_type, row.modality, row.block), row.asDict()))
            .groupByKey()
            .flatMap(_consolidate))


# -- the job ----------------------------------------------------------------------------------

def run_job(spark: SparkSession, input_path: str, output: str, source: str | None = None,
            partitions: int | None = None) -> list[str]:
    """Write every content table of a store, as Parquet, under ``output``/TABLE.

    Returns the folders written, one a table.
    """
    from pyspark import StorageLevel

    keep = StorageLevel.MEMORY_AND_DISK
    items = ingest(spark, input_path, source).persist(keep)
    parts = partitions or max(2, spark.sparkContext.defaultParallelism * 4)
    # Reading is the costly stage: it runs once, into a frame cached in the JVM, and each
    # table is taken out of that frame there, not passed through Python again per table.
    read = spark.createDataFrame(articles_of(items, parts).mapPartitions(_read),
                                 nested_schema("articles", PER_ARTICLE)).persist(keep)
    read.count()
    texts = rows_of(read, "articles").select(*TEXT_FIELDS)
    bands = rows_of(read, "lsh_bands")
    tables: dict[str, DataFrame] = {
        "articles": rows_of(read, "articles"),
        "origins": _frame(spark, items.filter(lambda item: item[1] == "article")
                          .map(lambda item: origin_row(_article(item))), "origins")
        .dropDuplicates(["origin", "article_id"]),
        "rejects": _frame(spark, items.filter(lambda item: item[1] == "reject")
                          .map(lambda item: (item[2], item[3])), "rejects").distinct(),
        "lsh_bands": bands.distinct(),
        "furniture": rows_of(read, "furniture"),
        "duplicate_links": duplicate_links(spark, texts, bands),
    }
    # a table's rows are few next to the articles that made them: fewer, larger files
    files = max(1, parts // 4)
    for table in READ_TABLES:
        tables[table] = rows_of(read, table).coalesce(files)
    # consolidated once, like the reading, for the two tables made of it
    events = spark.createDataFrame(consolidate_events(tables["event_mentions"], texts),
                                   nested_schema("events", ["event_links"])).persist(keep)
    events.count()
    tables["events"] = rows_of(events, "events")
    tables["event_links"] = rows_of(events, "event_links")

    def write(table: str) -> str:
        folder = f"{output.rstrip('/')}/{table}"
        frame = tables[table].select(*(name for name, _ in table_columns(table)))
        frame.write.mode("overwrite").parquet(folder)
        return folder

    # each write is a small job whose fixed cost (planning, scheduling, committing) would
    # add up table after table: they run side by side
    with ThreadPoolExecutor(WRITERS) as pool:
        written = list(pool.map(write, CONTENT_TABLES))
    for cached in (items, read, events):
        cached.unpersist()
    return written


if __name__ == "__main__":  # spark-submit .../chronicle/spark.py INPUT OUTPUT
    from chronicle.cli import main

    main(["spark-job", *sys.argv[1:]], prog_name="chronicle")

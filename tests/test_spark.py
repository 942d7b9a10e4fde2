"""The Spark job gives the same store as `chronicle run`, table for table.

One SparkSession in ``local[2]`` serves the whole module (starting one takes seconds).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chronicle import jobs
from chronicle.cli import main
from chronicle.store import Store
from chronicle.store.parquet import import_parquet
from chronicle.store.rows import CONTENT_TABLES, table_columns
from tests.scale_corpus import NEW, OLD, write_corpus

pytestmark = [pytest.mark.spark, pytest.mark.slow]
# the feed's page has furniture (a byline, a share line), kept in a table of its own
FEED = ('{"date": "2024-03-08", "title": "Border", "text": "By Jane Doe\\nTroops closed the border'
        ' crossing on Friday.\\nShare this", "source": "wire"}\n'
        '{"date": "someday", "text": "No usable date."}\n')

pytest.importorskip("pyspark", reason="the Spark job needs the `spark` extra")
if shutil.which("java") is None and not Path("/usr/lib/jvm/java-17-openjdk-amd64").exists():
    pytest.skip("the Spark job needs Java 17", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from chronicle.spark import session

    spark = session("local[2]", {"spark.sql.shuffle.partitions": "2",
                                 "spark.ui.enabled": "false"})
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight reports in two dated folders, one a near duplicate, one event told twice, and a
    JSON-lines feed with one good and one undated record."""
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    write_corpus(folder / "1-old", OLD)
    write_corpus(folder / "2-new", NEW)
    (folder / "3-feed.jsonl").write_text(FEED, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single_machine(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("single") / "chronicle.db")
    jobs.ingest(store, [corpus])
    jobs.read(store)
    return store


@pytest.fixture(scope="module")
def spark_output(spark, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from chronicle.spark import run_job

    out = tmp_path_factory.mktemp("spark") / "tables"
    run_job(spark, str(corpus), str(out), partitions=2)
    return out


def test_spark_tables_equal_the_single_machine_store(spark_output: Path,
                                                     single_machine: Store,
                                                     tmp_path: Path) -> None:
    with Store(tmp_path / "imported.db") as imported:
        import_parquet(imported, spark_output)
        spark_rows, single_rows = imported.dump(), single_machine.dump()
    assert set(spark_rows) == set(single_rows)
    for table in single_rows:
        assert spark_rows[table] == single_rows[table], table
    # the corpus does exercise the cross-article work
    assert len(single_rows["duplicate_links"]) == 1
    assert [row[2:4] for row in single_rows["furniture"]] == [
        ("byline", "By Jane Doe"), ("share", "Share this")]
    arrests = [e for e in single_machine.db.execute(
        "SELECT * FROM events WHERE event_type = 'COERCE' AND article_count = 2")]
    assert arrests, "the arrest reported twice is one event"


def test_parquet_tables_have_the_store_columns(spark, spark_output: Path) -> None:
    for table in CONTENT_TABLES:
        frame = spark.read.parquet(str(spark_output / table))
        assert frame.columns == [name for name, _ in table_columns(table)], table


def test_imported_store_answers_the_timeline_command(spark_output: Path,
                                                     tmp_path: Path) -> None:
    db = str(tmp_path / "imported.db")
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(spark_output), "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["timeline", "--db", db, "--dates", "3"])
    assert result.exit_code == 0, result.output
    assert "stories" in result.output
    again = runner.invoke(main, ["import", str(spark_output), "--db", db])
    assert again.exit_code == 1 and "already holds articles" in again.output


def test_rejects_and_origins_name_the_file_and_line(spark_output: Path, corpus: Path,
                                                    spark) -> None:
    rejects = spark.read.parquet(str(spark_output / "rejects")).collect()
    assert [(r.origin, r.reason[:7]) for r in rejects] == [
        (f"{corpus}/3-feed.jsonl:2", "unparse")]
    origins = {r.origin for r in spark.read.parquet(str(spark_output / "origins")).collect()}
    assert f"{corpus}/3-feed.jsonl:1" in origins
    assert f"{corpus}/1-old/001_strike.txt" in origins


def test_parquet_input(spark, spark_output: Path, tmp_path: Path) -> None:
    """Rows with a date and a text column (title, url, source too) are articles."""
    from chronicle.spark import run_job

    articles = spark.read.parquet(str(spark_output / "articles")).where("source = 'wire'")
    articles.select("published", "title", "text", "source").write.parquet(
        str(tmp_path / "records.parquet"))
    run_job(spark, str(tmp_path / "records.parquet"), str(tmp_path / "tables"))
    again = spark.read.parquet(str(tmp_path / "tables" / "articles")).collect()
    assert [a.id for a in again] == [a.id for a in articles.collect()]


def test_spark_commands_have_help() -> None:
    for command in (["spark-job"], ["import"]):
        result = CliRunner().invoke(main, [*command, "--help"])
        assert result.exit_code == 0
        assert "Usage:" in result.output

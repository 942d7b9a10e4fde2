"""The store: migrations, idempotent batches, rejects, duplicate links."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from chronicle import query
from chronicle.model import Article, Furniture, Reject
from chronicle.store import Store, StoreError
from chronicle.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import STRIKE, TALKS
from tests.explorer_store import build_store

# Undo migration 9 (ACLED's columns), so that a store taken back to an older version can
# replay it; an indexed column cannot be dropped, so its index goes first.
UNDO_ACLED = ["DROP INDEX events_acled", "ALTER TABLE events DROP COLUMN fatalities_note", *(
    f"ALTER TABLE {table} DROP COLUMN {column}" for table in ("event_mentions", "events")
    for column in ("acled_event_type", "acled_sub_event_type", "disorder_type", "inter1",
                   "inter2", "interaction", "civilian_targeting", "fatalities",
                   "fatalities_bound", "fatalities_source"))]

UNDO_FAILED_READS = ["DROP TABLE failed_reads"]  # undo migration 8
UNDO_FIGURE_KINDS = ["ALTER TABLE figures DROP COLUMN change",  # undo migration 10
                     "ALTER TABLE figures DROP COLUMN dimension"]
UNDO_FIGURES_SOURCE = ["DROP INDEX figures_source"]  # undo migration 11
UNDO_FURNITURE = ["DROP TABLE furniture"]  # undo migration 12


def article(text: str, date: str = "2024-03-22", origin: str = "a.txt") -> Article:
    return Article.create(published=date, text=text, origin=origin)


def test_a_new_store_has_the_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "origins", "rejects", "duplicate_links", "sentences", "mentions",
            "timexes", "sentence_days", "sentences_fts"} <= tables


def test_an_older_store_is_migrated_forward(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")  # a store from version 1
    db.execute("INSERT INTO articles(id, published, text, origin, word_count)"
               " VALUES ('a1', '2024-03-22', 'Kept.', 'a.txt', 1)")
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute("SELECT count(*) FROM sentences_fts").fetchone()[0] == 0
        assert store.article("a1") is not None


def test_events_consolidated_before_the_name_index_are_found_after_it(tmp_path: Path) -> None:
    db_path = build_store(tmp_path)
    db = sqlite3.connect(db_path)  # undo migration 5, as in a store it has never met
    db.executescript(";".join([
        "DROP TABLE event_names", "DROP TRIGGER events_names_insert",
        *(f"DROP INDEX {index}" for index in (
            "events_actor_name", "events_actor_country", "events_recipient_name",
            "events_recipient_country", "events_place_name", "articles_source",
            "event_links_mention", "event_links_earliest")),
        "ALTER TABLE event_links DROP COLUMN published",  # and migration 6
        *UNDO_FURNITURE, *UNDO_FIGURES_SOURCE, *UNDO_FIGURE_KINDS, *UNDO_ACLED,
        *UNDO_FAILED_READS, "PRAGMA user_version = 4"]))
    db.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        found = query.events(store, query.EventFilter(actor="blinken", place="jerusalem"))
        assert query.count_events(store, query.EventFilter(source="BBC")) == 1
    assert [e["recipient_name"] for e in found] == ["Benjamin Netanyahu"]


def test_links_made_before_they_carried_dates_give_the_earliest_reports_first(
        tmp_path: Path) -> None:
    db_path = build_store(tmp_path)
    with Store(db_path) as store:
        expected = {e["id"]: e["mentions"] for e in query.events(store)}
    db = sqlite3.connect(db_path)  # undo migration 6, as in a store it has never met
    db.executescript("DROP INDEX event_links_earliest;"
                     "ALTER TABLE event_links DROP COLUMN published;"
                     + "".join(f"{statement};" for statement in UNDO_FURNITURE
                             + UNDO_FIGURES_SOURCE + UNDO_FIGURE_KINDS + UNDO_ACLED
                             + UNDO_FAILED_READS)
                     + "PRAGMA user_version = 5")
    db.close()
    with Store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.db.execute(
            "SELECT count(*) FROM event_links WHERE published = ''").fetchone()[0] == 0
        found = {e["id"]: e["mentions"] for e in query.events(store)}
        first = {e["id"]: e["mentions"] for e in query.events(store, mentions_per_event=1)}
    assert found == expected
    several = [mentions for mentions in found.values() if len(mentions) > 1]
    assert several, "the fixture store should hold an event reported more than once"
    for mentions in several:
        dates = [m["published"] for m in mentions]
        assert dates == sorted(dates)
    assert all(first[event_id] == mentions[:1] for event_id, mentions in found.items())


def test_a_store_from_a_newer_chronicle_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_an_articles_furniture_is_stored_once_whatever_the_origins(tmp_path: Path) -> None:
    pieces = (Furniture("byline", "By Jane Doe", 0),
              Furniture("comment", "You are all wrong !", 40))
    first = replace(article(STRIKE), furniture=pieces)
    # the same story saved again elsewhere, its page with other comments: one article, and
    # the furniture of the page first seen
    again = replace(article(STRIKE, origin="b.txt"),
                    furniture=(Furniture("comment", "Nonsense .", 12),))
    assert first.id == again.id == article(STRIKE).id  # furniture is no part of the id
    with Store(tmp_path / "c.db") as store:
        store.add_batch([first])
        store.add_batch([first, again])
        rows = [tuple(r) for r in store.db.execute("SELECT * FROM furniture ORDER BY idx")]
        assert store.table_counts()["furniture"] == 2
    assert rows == [(first.id, 0, "byline", "By Jane Doe", 0),
                    (first.id, 1, "comment", "You are all wrong !", 40)]


def test_adding_the_same_batch_twice_changes_nothing(tmp_path: Path) -> None:
    batch = [article(STRIKE), article(TALKS, origin="b.txt"), Reject("c.txt", "no date")]
    with Store(tmp_path / "c.db") as store:
        first = store.add_batch(batch)
        before = store.dump()
        second = store.add_batch(batch)
        assert store.dump() == before
    assert (first.new, first.rejected) == (2, 1)
    assert (second.new, second.unchanged) == (0, 2)


def test_an_exact_copy_elsewhere_is_one_article_with_two_origins(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.add_batch([article(STRIKE, origin="outlet-a/1.txt")])
        counts = store.add_batch([article(STRIKE, origin="outlet-b/9.txt")])
        assert counts.exact_duplicates == 1
        assert store.counts()["articles"] == 1
        assert store.counts()["origins"] == 2


def test_a_lightly_edited_copy_is_linked_to_the_earlier_article(tmp_path: Path) -> None:
    original = article(STRIKE, date="2024-03-22")
    edited = article(STRIKE.replace("at least 12", "at least twelve") + " Work continued.",
                     date="2024-03-23", origin="b.txt")
    with Store(tmp_path / "c.db") as store:
        store.add_batch([edited])  # the later copy arrives first: the link still points back
        counts = store.add_batch([original])
        links = store.duplicate_links()
        assert store.counts()["distinct_stories"] == 1
    assert counts.near_duplicates == 1
    assert [(link.article_id, link.duplicate_of) for link in links] == [(edited.id, original.id)]
    assert links[0].similarity >= 0.8


def test_unrelated_articles_are_not_linked(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.add_batch([article(STRIKE), article(TALKS, origin="b.txt")])
        assert store.duplicate_links() == []


def test_a_file_that_is_not_sqlite_is_refused_as_not_a_store(tmp_path: Path) -> None:
    from chronicle.store.database import NotAStoreError

    text = tmp_path / "notes.txt"
    text.write_text("Meeting notes, not a database.\n" * 200)
    with pytest.raises(NotAStoreError, match="is not a Chronicle store"):
        Store(text)
    with pytest.raises(NotAStoreError, match="is not a Chronicle store"):
        Store.read_only(text)
    assert text.read_text().startswith("Meeting notes")  # left as it was


def test_another_programs_sqlite_database_is_not_migrated(tmp_path: Path) -> None:
    from chronicle.store.database import NotAStoreError

    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE invoices (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(NotAStoreError, match="other tables: invoices"):
        Store(path)
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


def test_a_store_that_cannot_be_created_is_an_access_error(tmp_path: Path) -> None:
    from chronicle.store.database import StoreAccessError

    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreAccessError, match="cannot open the store"):
        Store(tmp_path / "file" / "c.db")


def test_a_reject_keeps_only_its_latest_reason_and_goes_once_read(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.add_batch([Reject("a.txt", "no date"), Reject("b.txt", "empty file")])
        store.add_batch([Reject("a.txt", "no date (reworded)")])
        assert store.rejects() == [Reject("a.txt", "no date (reworded)"),
                                   Reject("b.txt", "empty file")]
        store.add_batch([article(STRIKE, origin="a.txt")])  # the file was fixed
        assert store.rejects() == [Reject("b.txt", "empty file")]


def test_failed_reads_are_skipped_until_a_newer_reader(tmp_path: Path) -> None:
    a, b = article(STRIKE, origin="a.txt"), article(TALKS, origin="b.txt")
    with Store(tmp_path / "c.db") as store:
        store.add_batch([a, b])
        store.save_read([], 2, failures=[(b.id, "ValueError: bad")])
        assert [x.id for batch in store.iter_unread(2) for x in batch] == [a.id]
        assert store.unread_count(2) == 1 and store.unread_count(3) == 2
        assert store.failed_reads() == [(b.id, "b.txt", "ValueError: bad")]
        counts = store.table_counts()
        assert counts["failed_reads"] == 1 and counts["articles"] == 2
        assert {"events", "event_mentions", "attributions", "figures", "rejects",
                "duplicate_links", "sentences"} <= set(counts)

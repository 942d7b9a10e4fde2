"""Reading never stops on one article: long texts are read in parts, a failure is one
article's, recorded with its reason, and the rest is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle import jobs
from chronicle.model import Article
from chronicle.read import pipeline
from chronicle.read.pipeline import READER_VERSION, Reader, reading_parts
from chronicle.store import Store
from tests.conftest import STRIKE, TALKS


def test_reading_parts_cut_at_paragraph_breaks_and_join_back() -> None:
    text = "\n\n".join([STRIKE, TALKS, STRIKE])
    parts = reading_parts(text, 600)
    assert "".join(parts) == text
    assert all(len(p) <= 600 for p in parts) and len(parts) == 3
    assert parts[0] == STRIKE + "\n\n"  # the whole first paragraph, not a cut mid-sentence


def test_reading_parts_fall_back_to_sentences_spaces_and_hard_cuts() -> None:
    for text, limit in ((STRIKE, 100), ("x" * 250, 100), ("a b " * 40, 7)):
        parts = reading_parts(text, limit)
        assert "".join(parts) == text and all(len(p) <= limit for p in parts)
    assert reading_parts(STRIKE, 200)[0].endswith(". ")
    assert reading_parts("short", 100) == ["short"]


@pytest.mark.slow
def test_a_long_article_read_in_parts_reads_as_the_whole(reader: Reader) -> None:
    text = "\n\n".join([STRIKE, TALKS, STRIKE.replace("Friday", "Monday")])
    article = Article.create(published="2024-03-22", text=text, origin="long.txt")
    [whole] = Reader(nlp=reader.nlp).read([article])
    [parted] = Reader(nlp=reader.nlp, part_chars=600).read([article])
    assert [s.text for s in parted.sentences] == [s.text for s in whole.sentences]
    assert all(text[s.start:s.end] == s.text for s in parted.sentences)
    assert [(m.start, m.end, m.label) for m in parted.mentions] == [
        (m.start, m.end, m.label) for m in whole.mentions]
    assert [t.value for t in parted.timexes] == [t.value for t in whole.timexes]


@pytest.mark.slow
def test_a_text_over_spacys_max_length_is_read_not_refused(reader: Reader) -> None:
    text = "\n\n".join([STRIKE] * 6)
    article = Article.create(published="2024-03-22", text=text, origin="long.txt")
    [one] = Reader(nlp=reader.nlp).read([Article.create(published="2024-03-22", text=STRIKE)])
    limit = reader.nlp.max_length
    reader.nlp.max_length = 1000  # as if the article were 10 MB: spaCy's E088 without parts
    try:
        with pytest.raises(ValueError, match="E088"):
            reader.nlp(text)
        [result] = Reader(nlp=reader.nlp).read([article])
    finally:
        reader.nlp.max_length = limit
    assert len(result.sentences) == 6 * len(one.sentences)


@pytest.mark.slow
def test_one_article_failing_is_recorded_and_the_others_are_read(
        reader: Reader, monkeypatch: pytest.MonkeyPatch) -> None:
    good = Article.create(published="2024-03-22", text=STRIKE, origin="a.txt")
    bad = Article.create(published="2024-03-22", text="POISON " + TALKS, origin="b.txt")
    real = pipeline.analyse

    def analyse(article: Article, doc):  # type: ignore[no-untyped-def]
        if article.text.startswith("POISON"):
            raise MemoryError("out of memory\nsecond line")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    results, failures = Reader(nlp=reader.nlp).read_each([good, bad])
    assert [r.article_id for r in results] == [good.id]
    assert failures == [pipeline.ReadFailure(bad.id, "MemoryError: out of memory")]


@pytest.mark.slow
def test_a_failed_article_is_stored_shown_and_not_retried_until_the_reader_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = Article.create(published="2024-03-22", text=STRIKE, origin="a.txt")
    bad = Article.create(published="2024-03-23", text="POISON " + TALKS, origin="b.txt")
    real, tried = pipeline.analyse, []

    def analyse(article: Article, doc):  # type: ignore[no-untyped-def]
        tried.append(article.origin)
        if article.text.startswith("POISON"):
            raise RuntimeError("the parser gave up")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    reported: list[tuple[str, str]] = []
    with Store(tmp_path / "c.db") as store:
        store.add_batch([good, bad])
        assert jobs.read(store, on_failure=lambda o, r: reported.append((o, r))) == 1
        assert reported == [("b.txt", "RuntimeError: the parser gave up")]
        assert store.failed_reads() == [(bad.id, "b.txt", "RuntimeError: the parser gave up")]
        assert store.article(good.id) is not None and store.unread_count(READER_VERSION) == 0
        tried.clear()
        assert jobs.read(store) == 0 and tried == []  # a rerun does not loop on it
        # a newer reader tries it again; once read, it is no longer failed
        monkeypatch.setattr(pipeline, "analyse", real)
        assert store.unread_count(READER_VERSION + 1) == 2
        store.save_read(Reader().read([bad]), READER_VERSION + 1)
        assert store.failed_reads() == []


@pytest.mark.slow
def test_a_failure_in_a_worker_process_is_recorded_and_the_pool_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [Article.create(published="2024-03-22", text=f"Report {n}. {TALKS}",
                               origin=f"{n}.txt") for n in range(4)]
    poison = Article.create(published="2024-03-22", text="POISON " + TALKS, origin="p.txt")
    real = pipeline.analyse

    def analyse(article: Article, doc):  # type: ignore[no-untyped-def]
        if article.text.startswith("POISON"):
            raise RuntimeError("the parser gave up")
        return real(article, doc)

    monkeypatch.setattr(pipeline, "analyse", analyse)  # the forked workers inherit it
    monkeypatch.setattr(jobs, "READ_BATCH", 2)
    with Store(tmp_path / "c.db") as store:
        store.add_batch([*articles, poison])
        assert jobs.read(store, workers=2) == 4
        assert store.failed_reads() == [(poison.id, "p.txt", "RuntimeError: the parser gave up")]

"""The package's layering: records at the ground, registered extractors, rows by field name."""

from __future__ import annotations

import ast
import dataclasses
from collections import defaultdict
from pathlib import Path

import pytest
import spacy

import chronicle.model as model
from chronicle.extract import stage
from chronicle.model import Article, Figure, ReadArticle, Sentence
from chronicle.read.pipeline import READ_BASE_VERSION, READER_VERSION
from chronicle.store import rows

PACKAGE = Path(model.__file__).resolve().parent.parent
# Package cycles that exist today, each waiting for its fix; the test fails on a new one and
# when one is gone, so the list only shrinks. Empty: the packages form no cycle.
KNOWN_CYCLES: set[frozenset[str]] = set()


def imports_of(path: Path) -> set[str]:
    """Every chronicle module ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.add("<relative>")
    return {name for name in found if name.startswith("chronicle") or name == "<relative>"}


def package_of(path: Path) -> str:
    """The subpackage a module belongs to; top-level modules are their own unit."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:2])


def package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        if path.parent == PACKAGE:  # chronicle.cli, chronicle.spark...: applications
            continue
        for name in imports_of(path):
            parts = name.split(".")
            target = ".".join(parts[:2])
            if len(parts) > 1 and target != package_of(path) and (PACKAGE / parts[1]).is_dir():
                graph[package_of(path)].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected groups of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                found.add(frozenset(group))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}
    assert cycles({"a": {"b"}, "b": set()}) == set()


def test_model_imports_nothing_else_of_chronicle() -> None:
    for path in (PACKAGE / "model").glob("*.py"):
        outside = {name for name in imports_of(path)
                   if name == "<relative>" or not name.startswith("chronicle.model")}
        assert not outside, f"{path.name} imports {outside}"


def test_no_new_import_cycle_between_packages() -> None:
    found = cycles(package_graph())
    assert found <= KNOWN_CYCLES, f"new package cycles: {found - KNOWN_CYCLES}"
    assert found >= KNOWN_CYCLES, f"fixed, drop from KNOWN_CYCLES: {KNOWN_CYCLES - found}"
    assert "chronicle.model" not in {p for group in found for p in group}


def test_every_record_is_a_dataclass_of_the_model() -> None:
    for name in model.__all__:
        value = getattr(model, name)
        if isinstance(value, type):
            assert dataclasses.is_dataclass(value), name
            assert value.__module__.startswith("chronicle.model."), name


def test_extractors_run_after_what_they_require() -> None:
    order = [e.name for e in stage.in_order()]
    for position, extractor in enumerate(stage.in_order()):
        for required in extractor.requires:
            assert required == stage.PARSE or order.index(required) < position
    assert order.index("acled") > order.index("figures") > order.index("attributions")


def test_tables_and_version_derive_from_the_registry() -> None:
    tables = [e.table for e in stage.in_order() if e.table]
    assert list(rows.READ_TABLES[-len(tables):]) == tables
    assert READ_BASE_VERSION + sum(e.version for e in stage.REGISTRY.values()) == READER_VERSION
    assert READER_VERSION == 22  # the version the stored articles were read with


def test_register_refuses_an_unknown_requirement_and_a_second_name() -> None:
    lone = stage.Extractor("lone", "x:y", ("nothing",), "figures", Figure, None, 1)
    with pytest.raises(ValueError, match="unregistered"):
        stage.register(lone)
    with pytest.raises(ValueError, match="already"):
        stage.register(dataclasses.replace(lone, name="events", requires=()))
    with pytest.raises(ValueError, match="no field"):
        stage.register(dataclasses.replace(lone, requires=(), assigns="nowhere"))


def test_a_registered_extractor_runs_and_is_timed(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article.create(published="2024-01-02", text="Two. Three.")
    read = ReadArticle(article.id)
    # a toy extractor: one figure per sentence, resolved from this module by its dotted name
    toy = stage.Extractor("toy", f"{__name__}:one_figure_a_sentence", (stage.PARSE,),
                          "figures", Figure, "figures", 1)
    read.sentences = [Sentence(article.id, 0, 0, 4, "Two."), Sentence(article.id, 1, 5, 11,
                                                                       "Three.")]
    seconds: dict[str, float] = defaultdict(float)
    doc = spacy.blank("en")(article.text)
    stage.extract(article, doc, read, seconds, extractors=[toy])
    assert stage.doc_text(doc) is article.text  # the extractors read the article's own text
    assert [f.text for f in read.figures] == ["Two.", "Three."]
    assert set(seconds) == {"toy"}


def one_figure_a_sentence(article: Article, doc: object, read: ReadArticle) -> list[Figure]:
    return [Figure(s.start, s.end, s.text, 1.0, 1.0, 1.0, article_id=article.id,
                   sentence_index=s.index) for s in read.sentences]


def test_rows_are_filled_by_field_name() -> None:
    article = Article.create(published="2024-01-02", text="Some text here.", title="T",
                             source="bbc", origin="a.txt")
    row = dict(zip([c for c, _ in rows.table_columns("articles")],
                   rows.article_row(article, b"m", 3), strict=True))
    assert row["word_count"] == 3 and row["minhash"] == b"m" and row["read_version"] == 3
    assert row["origin"] == "a.txt" and row["published"] == "2024-01-02"
    origin = dict(zip([c for c, _ in rows.table_columns("origins")], rows.origin_row(article),
                      strict=True))
    assert origin["article_id"] == article.id  # a column named apart from its field


def test_read_rows_keep_one_row_per_primary_key() -> None:
    result = ReadArticle("a1", figures=[
        Figure(0, 3, "ten", 10, 10, 10, article_id="a1"),
        Figure(0, 3, "ten", 11, 11, 11, article_id="a1"),  # same span: replaces the first
        Figure(5, 9, "nine", 9, 9, 9, article_id="a1"),
    ])
    values = [row[5] for row in rows.read_rows(result)["figures"]]
    assert values == [11, 9]
    assert rows.primary_key("figures") == ("article_id", "start", "end")

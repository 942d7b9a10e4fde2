"""Shared fixtures: small corpora written by the tests themselves."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

STRIKE = (
    "Officials said on Friday that an air strike hit a market in the north of the city late on "
    "Thursday, killing at least 12 people. The army said it had targeted a weapons depot used "
    "by armed groups, and denied that civilians had been in the area. Witnesses told reporters "
    "that the market had been crowded with families buying food before the weekend. Hospital "
    "staff said dozens of wounded were brought in overnight and that supplies were running low. "
    "The United Nations called for an independent investigation into the strike."
)
TALKS = (
    "The foreign ministers of the two countries spoke by phone yesterday about a ceasefire. "
    "They agreed to meet again next week."
)


def bench_script(name: str) -> ModuleType:
    """A script of ``bench/`` (not a package) loaded as a module: its functions under test."""
    path = Path(__file__).resolve().parent.parent / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_seed(folder: Path, name: str, date: str, text: str, published: str = "") -> Path:
    """An article in the seed format: ` date YYYY-MM-DD [Published: ...]`, blank lines, text."""
    folder.mkdir(parents=True, exist_ok=True)
    header = f" date {date}" + (f" Published: {published}" if published else "")
    path = folder / name
    path.write_text(f"{header}\n\n\n\n{text}\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three dated reports: a strike, a phone call, and a lightly edited copy of the strike."""
    folder = tmp_path / "corpus"
    write_seed(folder, "001_strike.txt", "2024-03-22", STRIKE,
               published="Fri 22 Mar 2024, 7:47 PM")
    write_seed(folder, "002_talks.txt", "2024-03-25", TALKS)
    write_seed(folder, "003_strike_copy.txt", "2024-03-23",
               STRIKE.replace("at least 12", "at least twelve") + " Rescue work continued.")
    return folder


@pytest.fixture(scope="session")
def reader():
    """One spaCy pipeline for the whole test session (loading it takes a second or two)."""
    from chronicle.read.pipeline import Reader

    return Reader()

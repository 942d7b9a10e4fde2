"""A small store for the explorer's tests, built by Chronicle itself from articles written here.

Three outlets report one air strike on a school in Gaza City (one consolidated event with
three sources, geocoded); a fourth article carries a denial and the opposite claim (a
disagreement); a fifth reports talks between two named actors (an edge of the network).
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from chronicle.cli import main
from tests.conftest import write_seed

STRIKE_REPORTS = {
    "reuters": "Israeli aircraft struck a school in Gaza City on Tuesday, killing at least 20 "
               "people, health officials said.",
    "bbc": "An Israeli air strike hit a school in Gaza City on Tuesday, killing at least 22 "
           "people, according to local health officials.",
    "afp": "Israeli warplanes bombed a school in Gaza City on Tuesday and killed at least 20 "
           "people, Gaza health officials said.",
}
DENIAL = ("Israel denies restricting food deliveries into Gaza. Aid agencies say Israel is "
          "restricting food deliveries into Gaza.")
TALKS = ("Antony Blinken met Benjamin Netanyahu in Jerusalem on Thursday to discuss a "
         "ceasefire. Egypt hosted talks between Israel and Hamas in Cairo on Friday. Antony "
         "Blinken said the talks had been useful.")


def build_store(root: Path) -> Path:
    """Write the articles under ``root`` and run Chronicle on them; returns the store path."""
    for outlet, text in STRIKE_REPORTS.items():
        write_seed(root / "in", f"{outlet}.txt", "2024-03-20", f"Source: {outlet}\n{text}")
    write_seed(root / "in", "denial.txt", "2024-03-21", DENIAL)
    write_seed(root / "in", "talks.txt", "2024-03-23", TALKS)
    db = root / "explorer.db"
    result = CliRunner().invoke(main, ["run", str(root / "in"), "--db", str(db), "--out",
                                       str(root / "report")])
    assert result.exit_code == 0, result.output
    return db

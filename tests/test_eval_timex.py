"""TempEval-3 scoring in ``chronicle.evaluate.timex`` on a hand-checked tiny document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.evaluate.timex import evaluate, main, parse_tml, split_of

# DCT 2024-03-22 (a Friday).  Gold has four TIMEX3s:
#   "Friday"            DATE 2024-03-22   -> tagger: exact span, right value
#   "the third quarter" DATE 2023-Q3      -> tagger: exact span, right value
#   "last week"         DATE 2024-W10     -> tagger: exact span, value 2024-W11 (wrong on purpose)
#   "two"               DURATION P2D      -> tagger: "two days" (overlap only), value P2D
# and the tagger finds one extra expression the gold lacks: "yesterday".
TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-22" temporalFunction="false" \
functionInDocument="CREATION_TIME">20240322</TIMEX3></DCT>
<TEXT>
Profits &amp; losses were <EVENT eid="e1">reported</EVENT> on \
<TIMEX3 tid="t1" type="DATE" value="2024-03-22">Friday</TIMEX3> for \
<TIMEX3 tid="t2" type="DATE" value="2023-Q3">the third quarter</TIMEX3>. Talks began \
<TIMEX3 tid="t3" type="DATE" value="2024-W10">last week</TIMEX3> and lasted \
<TIMEX3 tid="t4" type="DURATION" value="P2D">two</TIMEX3> days; more came yesterday.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tml_dir(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "doc.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_parse_tml_strips_tags_and_decodes_entities(tml_dir: Path) -> None:
    doc = parse_tml(tml_dir / "sub" / "doc.tml")
    assert str(doc.dct) == "2024-03-22"
    assert doc.text.startswith("\nProfits & losses were reported on Friday")
    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Friday", "DATE", "2024-03-22"), ("the third quarter", "DATE", "2023-Q3"),
        ("last week", "DATE", "2024-W10"), ("two", "DURATION", "P2D")]
    for g in doc.gold:
        assert doc.text[g.start:g.end] == g.text


def test_scores_by_hand(tml_dir: Path) -> None:
    m = evaluate([tml_dir / "sub" / "doc.tml"])
    assert (m["documents"], m["gold"], m["predicted"]) == (1, 4, 5)
    # strict: Friday, the third quarter, last week -> 3 of 5 predicted, 3 of 4 gold
    assert m["strict_precision"] == pytest.approx(3 / 5, abs=1e-4)
    assert m["strict_recall"] == pytest.approx(3 / 4, abs=1e-4)
    assert m["strict_f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35, abs=1e-4)  # 0.6667
    # relaxed: "two days" overlaps "two" -> 4 of 5 predicted, 4 of 4 gold
    assert m["relaxed_precision"] == pytest.approx(0.8, abs=1e-4)
    assert m["relaxed_recall"] == pytest.approx(1.0, abs=1e-4)
    relaxed_f1 = 2 * 0.8 * 1.0 / 1.8  # 0.8889
    assert m["relaxed_f1"] == pytest.approx(relaxed_f1, abs=1e-4)
    # all four matched types agree; three of four values agree (last week is wrong)
    assert m["type_accuracy"] == pytest.approx(1.0)
    assert m["type_f1"] == pytest.approx(relaxed_f1, abs=1e-4)
    assert m["value_accuracy"] == pytest.approx(0.75)
    assert m["value_f1"] == pytest.approx(0.75 * relaxed_f1, abs=1e-4)  # 0.6667


def test_main_prints_json_metrics_on_the_last_line(tml_dir: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    result = main(tml_dir, show_errors=2)
    lines = capsys.readouterr().out.strip().splitlines()
    assert json.loads(lines[-1]) == json.loads(json.dumps(result))
    assert result["gold"] == 4


def test_the_split_is_by_file_name_about_one_in_four_held() -> None:
    names = [f"doc_{i:03d}.tml" for i in range(400)]
    held = [n for n in names if split_of(n) == "held"]
    assert 0.18 < len(held) / len(names) < 0.32
    # the folder does not matter, only the name: a document keeps its part wherever it lies
    assert all(split_of(Path("a") / n) == split_of(Path("b/c") / n) for n in names[:20])


def test_main_scores_one_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [f"doc_{i:02d}.tml" for i in range(12)]
    for name in names:
        (tmp_path / name).write_text(TML, encoding="utf-8")
    held = sum(split_of(n) == "held" for n in names)
    assert 0 < held < len(names)
    assert main(tmp_path, part="held")["documents"] == held
    assert main(tmp_path, part="dev")["documents"] == len(names) - held
    assert main(tmp_path)["documents"] == len(names)

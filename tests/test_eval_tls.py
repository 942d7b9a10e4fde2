"""The timeline-summarisation harness follows the standard (news-tls) protocol to the letter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from chronicle.evaluate.tls import (
    PRF,
    Scorer,
    Task,
    TaskScore,
    average,
    date_scores,
    load_tasks,
    read_t17_timeline,
    story_of_topic,
    summary_line,
    write_t17_timeline,
)

D = dt.date


def task(reference: dict[dt.date, list[str]]) -> Task:
    return Task("story_outlet", "tl", Path("."), reference)


def test_a_task_asks_for_as_many_dates_as_the_reference_and_its_mean_sentences_rounded() -> None:
    t = task({D(2011, 1, 1): ["a", "b"], D(2011, 1, 3): ["c"], D(2011, 1, 9): ["d", "e", "f"]})
    assert t.dates == 3
    assert t.sentences_per_date == 2  # 6 / 3
    assert (t.first, t.last) == (D(2011, 1, 1), D(2011, 1, 9))
    # Python's round, as news-tls: 1.5 -> 2, 2.5 -> 2
    assert task({D(2011, 1, 1): ["a"], D(2011, 1, 2): ["b", "c"]}).sentences_per_date == 2
    assert task({D(2011, 1, 1): ["a", "b"], D(2011, 1, 2): ["c", "d", "e"]}
                ).sentences_per_date == 2


def test_precision_and_recall_are_averaged_over_tasks_before_f1() -> None:
    scores = [TaskScore("a", PRF(1.0, 0.0), PRF(), PRF(1.0, 0.0)),
              TaskScore("b", PRF(0.0, 1.0), PRF(), PRF(0.0, 1.0))]
    means = average(scores)
    # each task alone has F1 0; the protocol's mean is F1(0.5, 0.5) = 0.5
    assert means["rouge_1"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert means["date"]["f1"] == 0.5
    assert means["rouge_2"]["f1"] == 0.0


def test_date_f1_counts_exact_days_only() -> None:
    score = date_scores({D(2011, 1, 1), D(2011, 1, 2)},
                        {D(2011, 1, 1), D(2011, 1, 3), D(2011, 1, 4), D(2011, 1, 5)})
    assert (score.precision, score.recall) == (0.5, 0.25)
    assert score.f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert date_scores(set(), {D(2011, 1, 1)}).f1 == 0.0


def test_the_t17_timeline_format_round_trips_and_bad_date_blocks_are_dropped() -> None:
    text = ("2010-04-20\nThe rig explodes .\nEleven workers die .\n" + "-" * 32 + "\n"
            "2010-04-0\nA block with a broken date .\n" + "-" * 32 + "\n"
            "2010-04-22\nThe rig sinks .\n" + "-" * 32 + "\n")
    timeline = read_t17_timeline(text)
    assert timeline == {D(2010, 4, 20): ["The rig explodes .", "Eleven workers die ."],
                        D(2010, 4, 22): ["The rig sinks ."]}
    assert read_t17_timeline(write_t17_timeline(timeline)) == timeline


def test_tasks_are_read_from_timelines_jsonl_named_after_the_txt_files(tmp_path: Path) -> None:
    folder = tmp_path / "spill_bbc"
    (folder / "timelines").mkdir(parents=True)
    (folder / "timelines" / "bbc.txt").write_text("")
    (folder / "timelines" / "other.txt").write_text("")
    lines = [[["2010-04-20T00:00:00", ["The rig explodes ."]],
              ["2010-04-21T00:00:00", ["First version ."]],
              ["2010-04-21T00:00:00", ["A repeated date keeps the last summary ."]]],
             [["2010-05-01T00:00:00", ["Oil reaches the coast ."]]]]
    (folder / "timelines.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    tasks = load_tasks(tmp_path)
    assert [t.name for t in tasks] == ["spill_bbc/bbc", "spill_bbc/other"]
    assert tasks[0].reference[D(2010, 4, 21)] == ["A repeated date keeps the last summary ."]
    assert tasks[0].dates == 2
    assert [t.name for t in load_tasks(tmp_path, only=["spill_bbc/other"])] == ["spill_bbc/other"]


def test_stories_are_held_out_whole_across_outlets() -> None:
    assert story_of_topic("bpoil_bbc") == story_of_topic("bpoil_reuters") == "bpoil"
    assert story_of_topic("SyrianCrisis_reuters") == "syriancrisis"


def test_align_m1_rouge_rewards_the_right_words_on_the_right_day() -> None:
    scorer = Scorer("python")
    reference = {D(2010, 4, 20): ["the oil rig exploded in the gulf of mexico"],
                 D(2010, 5, 2): ["president obama visited the louisiana coast"]}
    perfect = scorer.score(reference, reference)
    assert perfect.rouge_1.f1 == pytest.approx(1.0)
    assert perfect.rouge_2.f1 == pytest.approx(1.0)
    assert perfect.date.f1 == 1.0
    # the same words one day late: aligned, but weighted by 1 / (1 + days apart)
    late = {d + dt.timedelta(days=1): s for d, s in reference.items()}
    shifted = scorer.score(late, reference)
    assert shifted.rouge_1.f1 == pytest.approx(0.5)
    assert shifted.date.f1 == 0.0
    unrelated = scorer.score({D(2010, 4, 20): ["football scores from the weekend"]}, reference)
    assert unrelated.rouge_1.f1 == 0.0


def test_the_summary_line_carries_the_means_and_the_rows() -> None:
    scores = [TaskScore("a/tl", PRF(0.2, 0.1), PRF(0.05, 0.02), PRF(0.5, 0.5), seconds=2.0)]
    line = summary_line(scores, "python")
    assert (line["ar1_f1"], line["date_f1"], line["rouge"]) == (round(PRF(0.2, 0.1).f1, 4),
                                                                0.5, "python")
    assert line["per_task"][0]["task"] == "a/tl"
    assert line["seconds_per_task"] == 2.0
    json.dumps(line)


def test_a_date_listed_without_sentences_is_not_a_predicted_date() -> None:
    # Published outputs (SDF-TLS) list dates with no sentence; their Date-F1 counts only dates
    # with a summary (bench/check_sdf_tls.py reproduces the published 0.5162 only so).
    scorer = Scorer("python")
    reference = {D(2010, 4, 20): ["the oil rig exploded in the gulf of mexico"]}
    padded = {D(2010, 4, 20): ["the oil rig exploded in the gulf of mexico"],
              D(2010, 4, 21): [], D(2010, 4, 22): ["  "]}
    score = scorer.score(padded, reference)
    assert (score.date.precision, score.date.recall) == (1.0, 1.0)
    assert score.rouge_1.f1 == pytest.approx(1.0)

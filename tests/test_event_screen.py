"""The event screen: features of a mention, the keep-or-drop decision, and its trainer."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from chronicle import jobs
from chronicle.extract.events import extract_events
from chronicle.extract.events.screen import Screen, features_of, passes, scored
from chronicle.model import Article
from chronicle.read.pipeline import analyse
from chronicle.store.database import Store
from tests.conftest import bench_script, write_seed

NEWS = ("Rebels attacked an army post near the border on Monday, killing four soldiers. "
        "The defence ministry condemned the attack and vowed to respond.")


def _mentions(reader, text: str, published: str = "2024-03-22"):
    article = Article.create(published=published, text=text)
    doc = reader.nlp(text)
    read = analyse(article, doc)
    return article, doc, read, extract_events(article, doc, read, screen=False)


def test_every_mention_gets_a_row_of_the_same_width(reader):
    widths = set()
    for text in (NEWS, "The senator fought hard for a seat on the committee."):
        _, doc, read, mentions = _mentions(reader, text)
        rows = features_of(mentions, doc, len(read.sentences))
        assert mentions and rows.shape[0] == len(mentions)
        widths.add(rows.shape[1])
    assert len(widths) == 1


def test_the_screen_s_probability_is_the_confidence_an_event_must_reach(reader):
    _, doc, read, mentions = _mentions(reader, NEWS)
    width = features_of(mentions, doc, len(read.sentences)).shape[1]
    flat = (np.zeros(width, np.float32), np.zeros(width, np.float32), np.ones(width, np.float32))
    keeps_all = Screen(flat[0], 5.0, flat[1], flat[2], 0.5)
    drops_all = Screen(flat[0], -5.0, flat[1], flat[2], 0.5)
    sure = scored(mentions, doc, len(read.sentences), keeps_all)
    assert [m.id for m in sure] == [m.id for m in mentions]
    assert {m.confidence for m in sure} == {0.99} and passes(sure, keeps_all)
    unsure = scored(mentions, doc, len(read.sentences), drops_all)
    assert {m.confidence for m in unsure} == {0.01} and not passes(unsure, drops_all)


# two small "topics" of our own: reports of acts beside figures of speech the rules take
# for fighting ("fought for a seat")
FIGURES = ["The senator fought hard for a seat on the committee.",
           "The mayor fought for a place on the ballot.",
           "The minister fought for a seat in parliament.",
           "The governor fought for a bigger budget."]
TOPICS = {
    "north": [f"{NEWS} {FIGURES[0]}",
              f"Police arrested twelve protesters in the capital on Tuesday. {FIGURES[1]}"],
    "south": [f"Troops shelled the rebel town on Sunday, killing three civilians. {FIGURES[2]}",
              f"The president met the envoy in the capital on Friday. {FIGURES[3]}"],
}


def test_the_trainer_learns_from_judged_mentions_and_writes_a_screen(tmp_path, reader):
    store_path = tmp_path / "judged.db"
    rows = []
    for topic, texts in TOPICS.items():
        for n, text in enumerate(texts):
            write_seed(tmp_path / topic, f"{n}.txt", "2024-03-22", text)
            article, _, read, mentions = _mentions(reader, text)
            for m in mentions:
                rows.append({"topic": topic, "article_id": article.id, "mention_id": m.id,
                             "event": int(m.text not in FIGURES),
                             "type_ok": int(m.text not in FIGURES)})
    with Store(store_path) as store:
        jobs.ingest(store, [tmp_path / "north", tmp_path / "south"])
    labels = tmp_path / "labels.tsv"
    with labels.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    assert {r["event"] for r in rows} == {0, 1}
    out = tmp_path / "screen.npz"
    bench_script("train_event_screen").main([str(labels), "--store", str(store_path),
                                             "--out", str(out)])
    screen = Screen.load(out)
    _, doc, read, mentions = _mentions(reader, NEWS)
    assert screen.weights.shape[0] == features_of(mentions, doc, len(read.sentences)).shape[1]
    assert 0.2 <= screen.threshold <= 0.8


@pytest.mark.parametrize("strength", [0.1])
def test_out_of_topic_scores_never_see_their_own_topic(strength):
    trainer = bench_script("train_event_screen")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 3)).astype(np.float32)
    y = (x[:, 0] > 0).astype(int)
    topics = ["a"] * 20 + ["b"] * 20
    probabilities = trainer.out_of_topic(x, y, topics, strength)
    assert probabilities.shape == (40,)
    assert ((probabilities > 0.5) == (y == 1)).mean() > 0.8  # the sign of x0 carries over

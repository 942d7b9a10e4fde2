"""Reading an article: sentences with offsets, entity mentions, dated sentences."""

from __future__ import annotations

import datetime as dt

from chronicle.model import Article
from chronicle.read.pipeline import tag_timexes


def read_one(reader, text: str, date: str = "2024-03-22", time: str | None = None):
    article = Article.create(published=date, text=text, published_time=time)
    return article, reader.read([article])[0]


def test_sentences_carry_offsets_into_the_article_text(reader) -> None:
    text = "Talks resumed in Cairo on Friday.\n\nThe envoy said progress was slow. More later."
    article, result = read_one(reader, text)
    assert [s.text for s in result.sentences] == [
        "Talks resumed in Cairo on Friday.", "The envoy said progress was slow.", "More later."]
    for s in result.sentences:
        assert article.text[s.start:s.end] == s.text


def test_a_line_break_after_a_headline_ends_a_sentence(reader) -> None:
    _, result = read_one(reader, "Ceasefire talks stall\nNegotiators left Doha on Sunday .")
    assert [s.text for s in result.sentences] == [
        "Ceasefire talks stall", "Negotiators left Doha on Sunday ."]


def test_each_sentence_knows_the_days_it_is_about(reader) -> None:
    text = ("Prime Minister Jane Doe met the envoy on Friday. The war began on October 7. "
            "Aid had stopped two days ago.")
    _, result = read_one(reader, text, date="2024-03-22")
    assert [s.days for s in result.sentences] == [
        ("2024-03-22",), ("2023-10-07",), ("2024-03-20",)]


def test_entity_mentions_point_at_their_sentence(reader) -> None:
    article, result = read_one(reader, "Nothing happened. Antony Blinken flew to Cairo on Friday.")
    people = [m for m in result.mentions if m.label == "PERSON"]
    assert [(m.text, m.sentence_index) for m in people] == [("Antony Blinken", 1)]
    assert article.text[people[0].start:people[0].end] == "Antony Blinken"
    assert all(m.label not in {"DATE", "TIME", "CARDINAL"} for m in result.mentions)


def test_yesterday_in_a_quotation_counts_from_the_day_it_was_said() -> None:
    text = ('In a statement shared on Sunday, the spokesman said, "The minister spoke '
            'yesterday with his counterpart."')
    spans = tag_timexes(text, dt.datetime(2023, 10, 30, 12, 0))  # a Monday
    values = {s.text.lower(): s.value for s in spans}
    assert values["sunday"] == "2023-10-29"
    assert values["yesterday"] == "2023-10-28"


def test_yesterday_outside_quotations_counts_from_publication() -> None:
    spans = tag_timexes("On Sunday officials met. The minister spoke yesterday.",
                        dt.datetime(2023, 10, 30, 12, 0))
    assert [s.value for s in spans] == ["2023-10-29", "2023-10-29"]

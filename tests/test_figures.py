"""Figures: values in digits and words, bounds, ranges, referents, periods, dates, sources."""

from __future__ import annotations

import pytest

from chronicle.extract.attribution import Attribution
from chronicle.extract.claims import disagreements
from chronicle.extract.figures import Figure, extract_figures, parse_figures
from chronicle.model import Article


def values(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.bound) for f in parse_figures(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("1,200 people were killed", 1200),
    ("14 000 people remained evacuated", 14000),
    ("3.5 million people need food", 3_500_000),
    ("a million people have fled", 1_000_000),
    ("two dozen aid trucks crossed", 24),
    ("sixty-five soldiers were wounded", 65),
    ("hundreds of families fled", 100),
    ("tens of thousands marched", 10_000),
    ("half a million were displaced", 500_000),
    ("$2bn in aid was pledged", 2_000_000_000),
])
def test_values_in_digits_and_words(text, value):
    assert [f.value for f in parse_figures(text)] == [value]


@pytest.mark.parametrize(("text", "bound"), [
    ("more than 32,000 Palestinians", ">"),
    ("at least 12 people", ">="),
    ("nearly 1,200 people", "<"),
    ("up to 500 people", "<="),
    ("about 2,000 households", "~"),
    ("an estimated 3,000 people", "~"),
    ("300 or more trucks", ">="),
    ("1,200 people", "="),
])
def test_bounds(text, bound):
    assert [f.bound for f in parse_figures(text)] == [bound]


def test_vague_plurals_are_lower_bounds():
    assert values("hundreds of people") == [(100, ">=")]


def test_ranges_keep_both_ends():
    (f,) = parse_figures("Between 18,000 and 25,000 people were displaced.")
    assert (f.low, f.high, f.value, f.bound) == (18_000, 25_000, 25_000, "range")
    (g,) = parse_figures("An estimated 25,000 to 30,000 IDPs lack shelter.")
    assert (g.low, g.high) == (25_000, 30_000)


def test_dates_years_times_and_identifiers_are_not_figures():
    text = ("On 7 October 2023 at 6:30, F-16 jets struck; COVID-19 and Resolution 2334 "
            "were cited on March 3rd. One of them left at 2 pm.")
    assert parse_figures(text) == []


def test_spans_of_time_and_ages_are_quantities():
    text = "The 12-year-old boy was held for 3 days in a five-day operation."
    assert [(f.text, f.value, f.unit, f.dimension) for f in parse_figures(text)] == [
        ("12-year-old", 12, "year of age", "age"), ("3 days", 3, "day", "time"),
        ("five-day", 5, "day", "time")]


def test_a_set_already_named_is_not_counted_again():
    text = ("Two leaders met on Monday. The two leaders held talks, and relations between "
            "its two allies were tense; the three suicide bombers died. Three were hurt.")
    assert [(f.value, f.unit) for f in parse_figures(text)] == [(2, "leaders"), (3, None)]


def test_a_score_is_no_range():
    assert [(f.value, f.bound) for f in parse_figures("She won 6-2 and 25-30 people came.")
            ] == [(30, "range")]


@pytest.mark.slow
def test_who_speaks_is_no_count_but_the_dead_are(reader):
    text = ("One resident said 14 people were killed. Two officials said one person was "
            "killed. Thousands said they would march. One example is the bridge.")
    found = parse_figures(text, reader.nlp(text))
    assert [(f.value, f.referent) for f in found] == [(14, "killed"), (1, "killed"),
                                                      (1000, None)]


def test_unit_is_read_from_the_following_words():
    assert [f.unit for f in parse_figures("45% of homes and 310 households")] == [
        "percentage", "households"]


@pytest.mark.slow
def test_article_figures_have_referent_period_date_and_source(reader):
    text = ("The health ministry said on Tuesday that more than 32,000 Palestinians have been "
            "killed since the war began. By Israeli tallies, 1,200 people were killed and 253 "
            "were taken hostage. Overnight, two dozen aid trucks entered the territory.")
    article = Article.create(published="2024-03-22", text=text)
    doc = reader.nlp(text)
    from chronicle.extract.attribution import extract_attributions
    from chronicle.read.pipeline import analyse

    read = analyse(article, doc)
    claims = extract_attributions(article, doc, read)
    figures = {f.value: f for f in extract_figures(article, doc, read, claims)}
    killed = figures[32_000]
    assert (killed.bound, killed.referent, killed.cumulative) == (">", "killed", True)
    assert killed.date == "2024-03-19" and killed.date_basis == "text"
    assert killed.attribution is not None
    assert "health ministry" in (killed.source_actor or "").lower()
    assert figures[1_200].referent == "killed"
    assert figures[1_200].source_actor == "Israel"  # the actor registry's name for "Israeli"
    assert figures[253].referent == "hostages"
    trucks = figures[24]
    assert trucks.referent == "aid trucks"
    assert trucks.cumulative is False
    assert trucks.date == "2024-03-22"  # "overnight": the night before publication


@pytest.mark.slow
def test_a_spelt_out_bracket_is_no_unit(reader):
    text = ("There were more than 10,000 volunteers in the town , about 800 km -LRB- 500 "
            "miles -RRB- from the capital .")
    doc = reader.nlp(text)
    assert [(f.value, f.unit) for f in parse_figures(text, doc)] == [
        (10_000, "volunteers"), (800, "kilometre"), (500, "mile")]


def _claim(n: int, source: str, stance: str, content: str) -> Attribution:
    return Attribution(id=f"x:a{n}", article_id="x", sentence_index=n, cue_start=0, cue_end=1,
                       cue_text="said", content_start=0, content_end=len(content),
                       content_text=content, kind="indirect", stance=stance,
                       source_text=source, source_actor=source, source_kind="named")


def _figure(value: float, bound: str, source: str, referent: str = "killed",
            cumulative: bool | None = True, sentence: int = 0) -> Figure:
    return Figure(start=0, end=1, text=str(value), value=value, low=value, high=value,
                  bound=bound, unit="people", referent=referent, cumulative=cumulative,
                  date="2024-03-22", source_actor=source, article_id="x",
                  sentence_index=sentence)


@pytest.mark.parametrize("claims, sides", [
    ([_claim(0, "aid agencies", "asserts", "Israel is restricting food deliveries to Gaza"),
      _claim(1, "Israel", "denies", "restricting food deliveries to Gaza"),
      _claim(2, "the mayor", "asserts", "the bridge reopened on Monday")],
     {"aid agencies", "Israel"}),
    ([_claim(0, "the mayor", "asserts", "the fighters left the city on Monday"),
      _claim(4, "the army", "asserts", "it killed dozens of fighters at the hospital"),
      _claim(5, "the hospital staff", "denies", "fighters were present there")],
     {"the army", "the hospital staff"}),
], ids=["the-same-words", "the-claim-just-before-it-in-its-article"])
def test_a_denial_and_the_claim_it_answers_disagree(claims, sides):
    (d,) = disagreements(claims, [])
    assert d.kind == "denial"
    assert {d.first.source_actor, d.second.source_actor} == sides


def test_different_figures_for_the_same_referent_and_day_disagree():
    figures = [_figure(1200, "=", "Israel"), _figure(1400, ">", "the ministry"),
               _figure(1250, "~", "the UN"), _figure(900, "=", "Israel", "injured")]
    found = disagreements([], figures)
    pairs = {frozenset((d.first.source_actor, d.second.source_actor)) for d in found}
    assert frozenset(("Israel", "the ministry")) in pairs
    assert frozenset(("Israel", "the UN")) not in pairs  # 1,200 is about 1,250
    assert all(d.kind == "figures" for d in found)


def test_counts_for_a_day_disagree_only_where_they_name_the_same_place():
    figures = [_figure(14, "=", "residents", cumulative=None, sentence=0),
               _figure(8, "=", "the army", cumulative=None, sentence=1),
               _figure(2, "=", "a witness", cumulative=None, sentence=2),
               _figure(4, "=", "the ministry", "tonnes", cumulative=None, sentence=3),
               _figure(9, "=", "traders", "tonnes", cumulative=None, sentence=4)]
    places = {("x", 0): frozenset({"deraa"}), ("x", 1): frozenset({"deraa", "syria"}),
              ("x", 2): frozenset({"homs"}), ("x", 3): frozenset({"deraa"}),
              ("x", 4): frozenset({"deraa"})}
    found = disagreements([], figures, places)
    assert [{d.first.source_actor, d.second.source_actor} for d in found] == [
        {"residents", "the army"}]  # Homs is another incident; tonnes name no referent
    assert disagreements([], figures) == []  # no place in common, no running total


# Number forms written for these tests: abbreviated and compound scales, mixed numbers, minus.
@pytest.mark.parametrize(("text", "value"), [
    ("It cost $1.2bln.", 1_200_000_000),
    ("a 5 mln euros loan", 5_000_000),
    ("It cost £2tn.", 2_000_000_000_000),
    ("a Rs 5 cr project", 50_000_000),
    ("a ₹1.2 lakh crore budget", 1_200_000_000_000),
    ("one and a half miles away", 1.5),
    ("1 1/2 miles away", 1.5),
    ("three and a half million dollars", 3_500_000),
    ("2 and a half million people", 2_500_000),
    ("minus 5 degrees", -5),
])
def test_scales_mixed_numbers_and_minus(text, value):
    assert [f.value for f in parse_figures(text)] == [value]


def test_a_vague_number_of_a_unit_takes_the_unit():
    [fig] = parse_figures("They walked hundreds of kilometres.")
    assert (fig.value, fig.unit, fig.bound) == (100, "kilometre", ">=")

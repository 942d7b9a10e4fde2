"""Behaviour of the rule-based TIMEX3 tagger (``chronicle.read.timex``).

Anchors: 2024-03-22 is a Friday; 2023-10-30 is a Monday.  Each test documents one pattern
family with the TimeML value we expect for it.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from chronicle.read.timex import TimexSpan, tag

FRI = dt.date(2024, 3, 22)
MON = dt.date(2023, 10, 30)


def only(text: str, anchor: dt.date | dt.datetime = FRI) -> TimexSpan:
    """The single expression tagged in ``text``."""
    spans = tag(text, anchor)
    assert len(spans) == 1, spans
    return spans[0]


def find(text: str, phrase: str, anchor: dt.date | dt.datetime = FRI) -> TimexSpan:
    """The tagged expression whose text is ``phrase``."""
    spans = tag(text, anchor)
    hits = [s for s in spans if s.text == phrase]
    assert hits, spans
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The minister resigned on Friday.", "Friday", "2024-03-22"),
        ("Troops crossed the border late on Thursday.", "late on Thursday", "2024-03-21"),
        ("Protests continued on Sunday.", "Sunday", "2024-03-17"),
        ("The talks collapsed last Monday.", "last Monday", "2024-03-18"),
        ("The vote will take place next Tuesday.", "next Tuesday", "2024-03-26"),
        ("Parliament will meet on Tuesday to vote.", "Tuesday", "2024-03-26"),
        ("The summit is due to open on Wednesday.", "Wednesday", "2024-03-27"),
    ],
)
def test_weekdays_resolve_against_the_anchor_and_tense(text: str, phrase: str,
                                                        value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value, span.granularity) == ("DATE", value, "day")


def test_weekday_with_part_of_day_is_a_date_keeping_the_part() -> None:
    # TBAQ (what TempEval-3 follows) annotates 18 of 25 "Friday night"-style expressions as
    # DATE; the part of day stays in the value (15 of 24 values keep it)
    span = only("Rockets were fired on Friday night.")
    assert (span.text, span.type, span.value, span.granularity) == (
        "Friday night", "DATE", "2024-03-22TNI", "time")


@pytest.mark.parametrize(
    ("phrase", "type_", "value", "granularity"),
    [
        ("today", "DATE", "2024-03-22", "day"),
        ("yesterday", "DATE", "2024-03-21", "day"),
        ("tomorrow", "DATE", "2024-03-23", "day"),
        ("the day before yesterday", "DATE", "2024-03-20", "day"),
        ("last week", "DATE", "2024-W11", "week"),
        ("this week", "DATE", "2024-W12", "week"),
        ("next month", "DATE", "2024-04", "month"),
        ("last year", "DATE", "2023", "year"),
        ("this year", "DATE", "2024", "year"),
        ("two days ago", "DATE", "2024-03-20", "day"),
        ("three weeks ago", "DATE", "2024-W09", "week"),
        ("a year ago", "DATE", "2023", "year"),
        ("this morning", "TIME", "2024-03-22TMO", "time"),
        ("last night", "TIME", "2024-03-21TNI", "time"),
        ("this spring", "DATE", "2024-SP", "season"),
        ("the 1990s", "DATE", "199", "decade"),
        ("the 20th century", "DATE", "19", "century"),
        ("the fourth quarter of 1997", "DATE", "1997-Q4", "quarter"),
        ("fiscal 2023", "DATE", "2023", "year"),
    ],
)
def test_relative_and_calendar_units(phrase: str, type_: str, value: str,
                                     granularity: str) -> None:
    span = only(f"Officials spoke about it {phrase}.")
    assert span.text == phrase
    assert (span.type, span.value, span.granularity) == (type_, value, granularity)


def test_earlier_this_month_is_the_current_month() -> None:
    span = only("The ceasefire collapsed earlier this month.")
    assert (span.text, span.value, span.granularity) == ("earlier this month", "2024-03",
                                                          "month")


def test_the_third_quarter_is_the_latest_such_quarter_in_past_context() -> None:
    span = only("Profit fell in the third quarter.", MON)
    assert span.value == "2023-Q3"


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("formerly", "PAST_REF"),
        ("the future", "FUTURE_REF"),
    ],
)
def test_vague_references(phrase: str, value: str) -> None:
    span = only(f"They said so {phrase}.")
    assert (span.type, span.value, span.granularity) == ("DATE", value, None)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "granularity"),
    [
        ("Hamas attacked on October 7, 2023.", "October 7, 2023", "2023-10-07", "day"),
        ("It happened on Oct. 7, 2023.", "Oct. 7, 2023", "2023-10-07", "day"),
        ("It happened on 7 October.", "7 October", "2023-10-07", "day"),
        ("It happened on 7 Oct 2023.", "7 Oct 2023", "2023-10-07", "day"),
        ("It happened in October 2023.", "October 2023", "2023-10", "month"),
        ("It happened in 2023.", "2023", "2023", "year"),
        ("Filed 2023-10-07.", "2023-10-07", "2023-10-07", "day"),
        ("Filed 10/07/2023.", "10/07/2023", "2023-10-07", "day"),
        ("Tokenised: Oct. 7 , 2023 .", "Oct. 7 , 2023", "2023-10-07", "day"),
        ("Elections were held on March 3.", "March 3", "2024-03-03", "day"),
    ],
)
def test_absolute_dates(text: str, phrase: str, value: str, granularity: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value, span.granularity) == ("DATE", value, granularity)


def test_month_day_without_year_takes_the_past_year_in_past_context() -> None:
    span = find("Fighting has raged since the war began on October 7.", "October 7")
    assert span.value == "2023-10-07"


def test_december_in_a_january_article_is_last_year() -> None:
    span = only("The deal was signed on December 28.", dt.date(2024, 1, 10))
    assert span.value == "2023-12-28"


def test_month_modifiers() -> None:
    assert (only("Talks resume in mid-October.").value, only("Talks resume in mid-October.")
            .mod) == ("2023-10", "MID")
    early = only("Elections are expected in early 2024.")
    assert (early.value, early.mod, early.granularity) == ("2024", "START", "year")
    end = only("The mandate expires at the end of March.")
    assert (end.text, end.value, end.mod) == ("the end of March", "2024-03", "END")


def test_first_and_last_day_cover_the_value() -> None:
    span = only("It happened in March 2024.")
    assert (span.first_day, span.last_day) == ("2024-03-01", "2024-03-31")
    week = only("It happened last week.")
    assert (week.first_day, week.last_day) == ("2024-03-11", "2024-03-17")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The six-month-old baby survived.", "six-month-old", "P6M"),
        ("The strike lasted for three days.", "three days", "P3D"),
        ("He served two years in prison.", "two years", "P2Y"),
        ("Power was cut for 24 hours.", "24 hours", "PT24H"),
        ("The conflict has lasted decades.", "decades", "PXDE"),
        ("Aid will take several weeks to arrive.", "several weeks", "PXW"),
        ("It was a five-day operation.", "five-day", "P5D"),
        ("Inflation rose over the last two years.", "the last two years", "P2Y"),
    ],
)
def test_durations(text: str, phrase: str, value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value, span.granularity, span.first_day) == (
        "DURATION", value, None, None)


def test_clock_times_take_the_anchor_date() -> None:
    span = only("The quake struck at 7:47 PM local time.")
    assert (span.text, span.type, span.value) == ("7:47 PM", "TIME", "2024-03-22T19:47")
    noon = only("The deadline passed at noon.")
    assert (noon.type, noon.value) == ("TIME", "2024-03-22T12:00")
    assert only("Curfew begins at midnight.").value == "2024-03-22T24:00"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Protesters gather every Friday.", "every Friday", "XXXX-WXX-5"),
        ("The paper publishes figures daily.", "daily", "P1D"),
        ("The council meets weekly.", "weekly", "P1W"),
        ("The festival is held each year.", "each year", "P1Y"),
        ("The report is published annually.", "annually", "P1Y"),
    ],
)
def test_sets(text: str, phrase: str, value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value) == ("SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "Prices may be higher next time.",
        "Thousands plan to march on the capital.",
        "The Sun reported the story.",
        "About 2,000 people fled and 1,200 were killed.",
        "Police counted 2000 protesters.",
        "He came second in the race.",
        "A quarter of the population fled.",
    ],
)
def test_false_positives_are_avoided(text: str) -> None:
    assert tag(text, FRI) == []


def test_output_is_sorted_non_overlapping_and_offsets_match_text() -> None:
    text = ("On Friday, two days after the October 7 anniversary, officials said 1,200 "
            "people had fled since 2019 and talks would resume next week.")
    spans = tag(text, FRI)
    assert [s.text for s in spans] == ["Friday", "two days", "October 7", "2019", "next week"]
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for s in spans:
        assert text[s.start:s.end] == s.text


def test_datetime_anchor_is_accepted() -> None:
    span = only("It happened yesterday.", dt.datetime(2024, 3, 22, 15, 30))
    assert span.value == "2024-03-21"


def test_speed() -> None:
    """The tagger runs on every article: ~1 MB of ordinary news text per second.

    The bound is loose (shared CI machines); the paragraph is denser in time expressions than
    real news (one every ~40 characters), which is the slow case."""
    import time

    filler = ("The ministry said aid convoys had reached the northern districts, where "
              "officials described shortages of water, fuel and medicine across the region. ")
    para = ("On Friday, the minister said the ceasefire agreed on October 7 would hold for "
            "three days. Officials expect talks next week, 2,000 people have fled since 2019. ")
    text = (filler * 3 + para) * 1000  # ~0.6 MB
    t0 = time.perf_counter()
    spans = tag(text, FRI)
    assert len(spans) == 5000  # Friday, October 7, three days, next week, 2019
    assert time.perf_counter() - t0 < 4.0


def test_ages_are_durations_unless_switched_off() -> None:
    text = "A six-month-old baby and Mr. Smith, 52 years old, were found."
    assert [(s.text, s.type, s.value) for s in tag(text, FRI)] == [
        ("six-month-old", "DURATION", "P6M"), ("52 years", "DURATION", "P52Y")]
    assert tag(text, FRI, ages=False) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The talks lasted 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", "PT5H30M"),
        ("It took a minute and a half.", "a minute and a half", "PT1M30S"),
        ("He waited a year and a half.", "a year and a half", "P1Y6M"),
        ("The feud lasted two decades.", "two decades", "P20Y"),
    ],
)
def test_fractional_and_decade_durations(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


def test_anaphoric_units_follow_the_story_not_the_anchor() -> None:
    spans = tag("On May 22, 1995, he was promoted, and the following year he retired. "
                "He fell ill in June 1998 and died later that year.", FRI)
    got = {s.text: s.value for s in spans}
    assert got["the following year"] == "1996"
    assert got["later that year"] == "1998"
    day = find("He appeared in court on Feb. 22 and left the next day.", "the next day")
    assert day.value == "2024-02-23"
    assert find("Prices will fall over the next year or so.", "the next year").type == "DURATION"


def test_quarter_year_and_end_date() -> None:
    # results for the quarter that just ended are still "to come" in October
    assert find("It will report third-quarter results next week.", "third-quarter",
                MON).value == "2023-Q3"
    assert find("Sales rose in the quarter ended Sept. 30.", "the quarter",
                MON).value == "2023-Q3"
    assert find("Net fell in the quarter ended July 31.", "the quarter", MON).value == "2023-Q2"


def test_year_ago_in_an_earnings_story_is_the_year_earlier_quarter() -> None:
    text = ("Acme said third-quarter net rose to $5 million, or 10 cents a share, from "
            "$4 million a year earlier.")
    assert find(text, "a year earlier", MON).value == "2022-Q3"
    assert find("The town had 500 people a year earlier.", "a year earlier",
                MON).value == "2022"


def test_bare_month_next_to_the_anchor_month() -> None:
    # November, said on Oct. 30, is the coming one even in a past-tense sentence
    assert find("Dealers placed orders for November delivery.", "November",
                MON).value == "2023-11"
    assert find("The company agreed to buy the unit in February.", "February",
                MON).value == "2024-02"


@pytest.mark.parametrize(
    "text",
    ["Jan Kavan of the Czech Republic signed.", "Unemployment is at a quarter-century low.",
     "It was like the film High Noon."],
)
def test_names_and_idioms_are_not_times(text: str) -> None:
    assert tag(text, FRI) == []


@pytest.mark.parametrize(("text", "phrase", "value"), [
    # a plan seen from after it: the day it named is past (MON is a Monday)
    ("The offer had been due to expire Friday evening.", "Friday evening", "2023-10-27TEV"),
    ("It had previously been scheduled to expire at midnight Friday.", "midnight Friday",
     "2023-10-27T24:00"),
    ("The offensive began as previously planned Saturday night.", "Saturday night",
     "2023-10-28TNI"),
    ("The offer is scheduled to expire Friday.", "Friday", "2023-11-03"),  # still ahead
])
def test_a_plan_told_in_the_past_perfect_names_a_past_day(text, phrase, value) -> None:
    assert find(text, phrase, MON).value == value


@pytest.mark.parametrize("text", [
    "Qantas plans four flights a week to Bombay.",
    "Rooms cost between $35 and $55 a night.",
    "Iraq imports about three-quarters of its food.",
])
def test_rates_and_fractions_are_no_spans_of_time(text: str) -> None:
    assert [s for s in tag(text, FRI) if s.type == "DURATION"] == []


def test_a_rate_after_a_sum_is_a_set_and_a_verb_is_no_modifier() -> None:
    rate = only("It pays a dividend of $1.76 a year.")
    assert (rate.text, rate.type, rate.value) == ("a year", "SET", "P1Y")
    lasting = only("The talks will last a week.")
    assert (lasting.text, lasting.type, lasting.value) == ("a week", "DURATION", "P1W")
    losses = only("It returned to profit after several quarters of losses.")
    assert (losses.text, losses.value) == ("several quarters", "PXQ")


# A history told in its own dates (written long after): the reference time of a month, a
# season or "the end of the year" is the story's last date, not the writing date.
HISTORY = (
    "The canal company was founded in 1851 and dug its first lock in 1853. Floods in 1855 and "
    "1856 ruined it; the works were sold in 1858. In March the new owners reopened the "
    "locks, and by the end of the year barges ran again. The winter was hard. In January "
    "the ice closed the canal; on 3 February it reopened. The following year a second "
    "basin was dug."
)


@pytest.mark.parametrize(("phrase", "value"), [
    ("March", "1858-03"),                 # the story's year, not the anchor's
    ("the end of the year", "1858"),
    ("The winter", "1858-WI"),           # the winter after March 1858
    ("January", "1859-01"),              # a story moving on from the winter enters 1859
    ("3 February", "1859-02-03"),
    ("The following year", "1860"),
])
def test_a_history_anchors_to_its_last_date(phrase: str, value: str) -> None:
    assert find(HISTORY, phrase).value == value


def test_news_keeps_the_publication_date_after_background_years() -> None:
    # a news report naming a few past years and counting from its own date ("on Tuesday")
    news = ("The firm, founded in 1985, was sold in 1992 and again in 1999. It said on "
            "Tuesday that sales rose in February and would rise again in April.")
    assert find(news, "February").value == "2024-02"
    assert find(news, "April").value == "2024-04"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("Athens fell in 404 BC after a long siege.", "404 BC", "BC0404"),
    ("Carthage was destroyed in 146 B.C. by Rome.", "146 B.C.", "BC0146"),
    ("The city flourished in the 4th century BC.", "the 4th century BC", "BC03"),
    ("Its walls date from the 460s BC.", "the 460s BC", "BC046"),
])
def test_years_before_the_common_era(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


def test_a_year_before_1900_needs_a_word_that_governs_years() -> None:
    assert find("The treaty was signed in 1783 at Paris.", "1783").value == "1783"
    assert [s.value for s in tag("War in the north, 1775-1780", FRI)] == ["1775", "1780"]
    assert tag("The army had 1783 men and 40 guns.", FRI) == []
    assert tag("The raid began at 1830 GMT.", FRI) == []  # a clock time


@pytest.mark.parametrize(("text", "value", "mod"), [
    ("Crime fell through the nineties.", "199", None),
    ("They met in the late sixties.", "196", "END"),
    ("Rents have risen in the twenties.", "202", None),  # the 2020s have begun by 2024
])
def test_decades_in_words(text: str, value: str, mod: str | None) -> None:
    span = only(text)
    assert (span.value, span.mod) == (value, mod)
    assert tag("Both are in their forties.", FRI) == []  # an age


# Another history: the story's time is the last date it named, with a few exceptions.
CAMPAIGN = (
    "The revolt broke out in 1820 and spread in 1821; the army marched in 1822 and 1823, "
    "and peace came in 1825. The city had been a free port since 1790. The following year "
    "the port was closed. By the end of 1827 the blockade held; in February the fleet "
    "sailed. The previous year had been quiet. In May the fleet returned. On 9 June 1828 "
    "the envoys met; at 11 a.m. they signed, and that afternoon they left. In July of that "
    "year a storm struck. The fleet was soon repaired."
)


@pytest.mark.parametrize(("phrase", "value"), [
    ("The following year", "1826"),      # after 1825: "since 1790" is background
    ("February", "1828-02"),             # the end of 1827, then just across the new year
    ("The previous year", "1827"),
    ("May", "1828-05"),                  # the look back does not move the story
    ("11 a.m.", "1828-06-09T11:00"),     # a time of day in the story's day
    ("that afternoon", "1828-06-09TAF"),
    ("July of that year", "1828-07"),
])
def test_a_history_counts_from_its_main_line(phrase: str, value: str) -> None:
    assert find(CAMPAIGN, phrase).value == value


def test_soon_told_in_the_past_is_no_time_expression() -> None:
    assert "soon" not in [s.text for s in tag(CAMPAIGN, FRI)]
    assert not [s for s in tag("The rebels soon overran the town.", FRI) if s.text == "soon"]
    assert find("Prices will soon rise.", "soon").value == "FUTURE_REF"


def test_a_story_day_it_does_not_give_is_unknown() -> None:
    text = ("The siege began in 1640, went on in 1641 and 1642, and ended in 1643 and 1644. "
            "In June 1645 the town rose; that day the gates were opened.")
    assert find(text, "that day").value == "1645-06-XX"


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("The fleet sailed in April 480 BC.", "April 480 BC", "BC0480-04"),
    ("The army wintered there until the spring of 479 BC.", "the spring of 479 BC",
     "BC0479-SP"),
])
def test_months_and_seasons_before_the_common_era(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


def test_a_deadline_weekday_without_tense_is_ahead() -> None:
    # MON is a Monday: "until 9 a.m. Friday" with no verb of tense is the coming Friday
    text = "The agency has given the family until 9 a.m. Friday to sign."
    assert find(text, "9 a.m. Friday", MON).value == "2023-11-03T09:00"
    assert find("The strike lasted until Friday.", "Friday", MON).value == "2023-10-27"


@pytest.mark.parametrize(("text", "phrase", "value", "mod"), [
    ("Sales fell earlier in the year.", "earlier in the year", "2024", "START"),
    ("The plant will reopen later in the year.", "later in the year", "2024", None),
])
def test_early_or_late_in_the_year(text: str, phrase: str, value: str, mod: str | None) -> None:
    span = find(text, phrase)
    assert (span.type, span.value, span.mod) == ("DATE", value, mod)


def test_the_following_month_name_counts_from_the_last_date_told() -> None:
    text = "The dam broke on 3 October 2019. The following March it was rebuilt."
    assert find(text, "The following March").value == "2020-03"
    text = "The dam broke on 3 October 2019, two years after the previous April's floods."
    assert find(text, "the previous April").value == "2019-04"


def test_a_holiday_in_a_history_is_the_story_year() -> None:
    text = HISTORY + " At Christmas the first barge reached the sea."
    assert find(text, "Christmas").value == "1860-12-25"


def test_the_previous_winter_from_a_january_in_a_history() -> None:
    # the story stands in January 1941, in the winter of 1940: the one before is 1939's
    text = ("The city was walled in 1936, besieged in 1937 and 1938, and bombed in 1939 and "
            "1940. In January 1941 the city fell. The previous winter had been hard.")
    assert find(text, "The previous winter").value == "1939-WI"


@pytest.mark.parametrize(("text", "value"), [
    ("In 2015 BC Hydro raised its rates.", "2015"),      # a name, not the era
    ("Rates rose in 2015 B.C. after the vote.", "2015"),  # no other year before the era
])
def test_bc_that_is_no_era_leaves_a_plain_year(text: str, value: str) -> None:
    assert [s.value for s in tag(text, FRI)] == [value]


def test_bc_before_a_capitalised_word_is_the_era_in_a_history_of_antiquity() -> None:
    text = "In 490 BC Athens beat the Persians; Sparta took the city in 404 BC."
    assert [s.value for s in tag(text, FRI)] == ["BC0490", "BC0404"]
    assert "700 BC" not in [s.text for s in tag("About 700 BC Liberals met on Monday.", FRI)]


def test_an_old_year_after_a_preposition_before_a_count_noun_is_a_count() -> None:
    assert tag("The storm destroyed roofs in 1800 homes.", FRI) == []
    assert find("The mill was built in 1800 near the river.", "1800").value == "1800"


def test_soon_before_a_verb_in_eed_is_still_ahead() -> None:
    assert find("The talks will soon proceed.", "soon").value == "FUTURE_REF"
    assert not [s for s in tag("The two sides soon agreed.", FRI) if s.text == "soon"]


@pytest.mark.parametrize(("text", "phrase", "value"), [
    ("In 1 BC the emperor ruled. The following year he died.", "The following year", "0001"),
    ("In 1 AD the emperor ruled. The previous year he had won.", "The previous year",
     "BC0001"),
    ("In December of 1 BC the emperor ruled. The following month he died.",
     "The following month", "0001-01"),
])
def test_counting_across_the_era_skips_year_zero(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


def test_the_following_season_in_a_history_crosses_the_era() -> None:
    text = ("The town was founded in 9 BC, walled in 7 BC, besieged in 5 BC and 4 BC, and "
            "burned in 3 BC. It was rebuilt in 1 BC. In the autumn the walls rose. The "
            "following spring was mild.")
    assert find(text, "The following spring").value == "0001-SP"

"""The figures chart scales to where the figures are; a range reads with both its ends."""

from __future__ import annotations

import datetime as dt
import re

from chronicle.report.chart import (
    amount,
    date_axis,
    figures_chart,
    in_period_first,
    value_top,
)


def figure(day: str, value: float, source: str = "health ministry") -> dict:
    return {"referent": "killed", "date": day, "published": day, "value": value,
            "source_actor": source, "source_label": source}


def story() -> list[dict]:
    days = [dt.date(2011, 3, 1) + dt.timedelta(days=3 * i) for i in range(30)]
    return [figure(d.isoformat(), 10 + 5 * i) for i, d in enumerate(days)]


def test_a_stray_old_date_does_not_set_the_date_axis() -> None:
    figures = [*story(), figure("1988-12-21", 270)]
    low, high = date_axis([dt.date.fromisoformat(f["date"]).toordinal() for f in figures])
    assert dt.date.fromordinal(low) == dt.date(2011, 3, 1)
    assert dt.date.fromordinal(high) == dt.date(2011, 5, 27)
    svg = figures_chart(figures, "killed")
    assert "1988" not in re.sub(r"<title>.*?</title>", "", svg)  # only in the stray's tooltip
    assert svg.count("class='outlier'") == 1 and "outside the axes" in svg


def test_a_far_outlier_value_does_not_set_the_value_axis() -> None:
    figures = [*story(), figure("2011-04-01", 6_000_000, "a reader")]
    assert value_top([f["value"] for f in figures]) == 155
    svg = figures_chart(figures, "killed")
    assert ">155</text>" in svg and "6,000,000 (2011-04-01)" in svg


def test_every_source_has_a_legend_entry_inside_the_picture() -> None:
    figures = [figure("2011-03-01", 5 + n, f"source number {n} with a long name") for n in
               range(7)]
    svg = figures_chart(figures, "killed")
    height = int(re.search(r"height='(\d+)'", svg)[1])
    ys = [int(y) for y in re.findall(r"<rect x='\d+' y='(\d+)'", svg)]
    assert len(ys) == 7 and max(ys) + 10 < height


def test_a_story_quoting_many_sources_keeps_a_short_legend() -> None:
    figures = [figure("2011-03-01", 5 + n, f"source {n}") for n in range(15)]
    figures += [figure("2011-03-02", 9, "source 3")]  # the most quoted source comes first
    svg = figures_chart(figures, "killed")
    assert len(re.findall(r"<rect ", svg)) == 10 and "6 other source(s)" in svg
    assert svg.index(">source 3</text>") < svg.index(">source 0</text>")


def test_a_range_reads_with_both_ends() -> None:
    assert amount({"value": 300, "low": 200, "high": 300, "bound": "range"}) == "200 to 300"
    assert amount({"value": 40, "low": 40, "high": 40, "bound": ">="}) == "at least 40"
    assert amount({"value": 1000, "bound": "~"}) == "about 1,000"
    assert amount({"value": 12, "low": 12, "high": 12, "bound": "="}) == "12"


def test_the_list_opens_on_the_story_period_and_keeps_the_strays_apart() -> None:
    stray = figure("1988-12-21", 270)
    inside, strays = in_period_first([stray, *story()])
    assert strays == [stray] and len(inside) == 30


def test_a_large_amount_reads_in_full_not_in_scientific_notation() -> None:
    assert amount({"value": 2_000_000_000, "bound": "="}) == "2,000,000,000"
    assert amount({"value": 0.25, "bound": "~"}) == "about 0.25"

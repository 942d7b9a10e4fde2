"""A small inline SVG chart of figures over time, one line per source (no scripts, no CDN).

The axes cover where the figures are, not where the strays are: the date axis spans the
central dates (a stray "1988" in an article about 2011 would squeeze the story into a sliver),
the value axis the values short of the far outliers (a reader's "6,000,000 killed" would
flatten every real count). What falls outside is still drawn, as a hollow marker on the edge
with its value and date in its tooltip, and counted in a note under the chart.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from typing import Any

WIDTH, HEIGHT, PAD, LEFT = 640, 220, 28, 64
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"]
LEGEND_ROW, LEGEND_COLUMNS, LEGEND_CHARS = 16, 3, 30
# Dates far outside the central 90%, and values more than OUTLIER_IQR interquartile ranges
# above the upper quartile, are outliers: shown on the edge, not setting the axis. For a war's
# "killed" figures that keeps the axis at the daily tolls (hundreds); a total in the thousands
# or a reader's "millions" is drawn hollow on the top edge (a log axis would flatten the tolls).
DATE_TRIM = 0.05
OUTLIER_IQR = 3.0
MIN_SPREAD = 0.1  # values all alike still leave room for one a little larger
LEGEND_SOURCES = 9  # sources with a colour and a legend entry; the rest are "other sources"
OTHERS = "#9aa0a6"
MIN_DAYS = 7  # a date axis shorter than a week reads as one point
STRAY_REACH = 0.5  # how far past the central dates, as a share of their span, still counts


def _quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def date_axis(days: list[int]) -> tuple[int, int]:
    """(first, last) ordinal of the date axis: the central 90% of the dates, widened to take
    in every date within half that span (or a fortnight) of it, at least ``MIN_DAYS`` wide."""
    core_low, core_high = _quantile(days, DATE_TRIM), _quantile(days, 1 - DATE_TRIM)
    reach = max(core_high - core_low, 2 * MIN_DAYS) * STRAY_REACH
    near = [d for d in days if core_low - reach <= d <= core_high + reach]
    low, high = min(near), max(near)
    if high - low < MIN_DAYS:
        centre = (low + high) // 2
        low, high = centre - MIN_DAYS // 2, centre + MIN_DAYS - MIN_DAYS // 2
    return low, high


def value_top(values: list[float]) -> float:
    """The top of the value axis: the largest value short of the far outliers (Tukey's outer
    fence, ``OUTLIER_IQR`` interquartile ranges above the upper quartile)."""
    if len(values) >= 4:
        q1, q3 = _quantile(values, 0.25), _quantile(values, 0.75)
        fence = q3 + OUTLIER_IQR * max(q3 - q1, abs(q3) * MIN_SPREAD)
        inside = [v for v in values if v <= fence]
        return max(inside, default=max(values)) or 1.0
    return max(values, default=0.0) or 1.0


def figures_chart(figures: list[dict[str, Any]], referent: str) -> str:
    """Values reported for ``referent`` over time, a coloured series per source."""
    series: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for f in figures:
        if f["referent"] != referent:
            continue
        day = dt.date.fromisoformat(f["date"] or f["published"])
        series[f.get("source_label") or f["source_actor"] or "(unattributed)"].append(
            (day, float(f["value"])))
    points = [p for values in series.values() for p in values]
    if not points:
        return ""
    low_day, high_day = date_axis([p[0].toordinal() for p in points])
    top = value_top([p[1] for p in points])
    right = WIDTH - PAD
    bottom = HEIGHT - PAD

    def x(day: dt.date) -> float:
        ordinal = min(max(day.toordinal(), low_day), high_day)
        return LEFT + (ordinal - low_day) / (high_day - low_day) * (right - LEFT)

    def y(value: float) -> float:
        return bottom - min(max(value, 0.0), top) / top * (bottom - PAD)

    def outside(day: dt.date, value: float) -> bool:
        return not low_day <= day.toordinal() <= high_day or value > top

    # the sources giving most figures get a colour each; the rest share one grey entry, so
    # the legend fits however many sources a story quotes
    ranked = sorted(series, key=lambda name: (-len(series[name]), name))
    names, others = ranked[:LEGEND_SOURCES], ranked[LEGEND_SOURCES:]
    entries = len(names) + bool(others)
    legend_rows = (entries + LEGEND_COLUMNS - 1) // LEGEND_COLUMNS
    total_height = HEIGHT + 8 + legend_rows * LEGEND_ROW + LEGEND_ROW
    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {total_height}' "
             f"width='{WIDTH}' height='{total_height}' role='img' "
             f"aria-label='{html.escape(referent)} over time by source'>",
             f"<line x1='{LEFT}' y1='{bottom}' x2='{right}' y2='{bottom}' stroke='#999'/>",
             f"<line x1='{LEFT}' y1='{PAD}' x2='{LEFT}' y2='{bottom}' stroke='#999'/>",
             f"<text x='{LEFT - 4}' y='{PAD + 4}' font-size='11' text-anchor='end'>"
             f"{top:,.0f}</text>",
             f"<text x='{LEFT - 4}' y='{bottom}' font-size='11' text-anchor='end'>0</text>",
             f"<text x='{LEFT}' y='{bottom + 16}' font-size='11'>"
             f"{dt.date.fromordinal(low_day)}</text>",
             f"<text x='{right}' y='{bottom + 16}' font-size='11' text-anchor='end'>"
             f"{dt.date.fromordinal(high_day)}</text>"]
    strays = 0
    for source in others:
        for d, v in series[source]:
            strays += outside(d, v)
            opacity = 0.4 if outside(d, v) else 1.0
            parts.append(f"<circle cx='{x(d):.1f}' cy='{y(v):.1f}' r='2.5' fill='{OTHERS}' "
                         f"fill-opacity='{opacity}'><title>{html.escape(source)}: {v:,.0f} "
                         f"({d})</title></circle>")
    for n, source in enumerate(names):
        colour = COLOURS[n % len(COLOURS)]
        values = sorted(series[source])
        inside = [(d, v) for d, v in values if not outside(d, v)]
        if len(inside) > 1:
            path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in inside)
            parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}'/>")
        for d, v in values:
            tip = f"<title>{html.escape(source)}: {v:,.0f} ({d})</title>"
            if outside(d, v):
                strays += 1
                parts.append(f"<circle class='outlier' cx='{x(d):.1f}' cy='{y(v):.1f}' r='4' "
                             f"fill='#fff' stroke='{colour}' stroke-width='1.5'>{tip}</circle>")
            else:
                parts.append(f"<circle cx='{x(d):.1f}' cy='{y(v):.1f}' r='3.5' "
                             f"fill='{colour}'>{tip}</circle>")
        row, column = divmod(n, LEGEND_COLUMNS)
        left = LEFT + column * (WIDTH - LEFT) // LEGEND_COLUMNS
        top_y = HEIGHT + 8 + row * LEGEND_ROW
        label = source if len(source) <= LEGEND_CHARS else source[:LEGEND_CHARS - 1] + "\u2026"
        parts.append(f"<rect x='{left}' y='{top_y - 9}' width='10' height='10' "
                     f"fill='{colour}'/><text x='{left + 14}' y='{top_y}' font-size='11'>"
                     f"<title>{html.escape(source)}</title>{html.escape(label)}</text>")
    if others:
        row, column = divmod(len(names), LEGEND_COLUMNS)
        left = LEFT + column * (WIDTH - LEFT) // LEGEND_COLUMNS
        top_y = HEIGHT + 8 + row * LEGEND_ROW
        parts.append(f"<rect x='{left}' y='{top_y - 9}' width='10' height='10' fill='{OTHERS}'/>"
                     f"<text x='{left + 14}' y='{top_y}' font-size='11'>{len(others)} other "
                     "source(s)</text>")
    if strays:
        parts.append(f"<text class='outlier-note' x='{LEFT}' y='{total_height - 4}' "
                     f"font-size='11' fill='#555'>{strays} figure(s) outside the axes "
                     "(hollow, on the edge): stray dates or far outliers</text>")
    parts.append("</svg>")
    return "".join(parts)


_BOUND_WORDS = {"=": "", ">": "more than", ">=": "at least", "<": "fewer than",
                "<=": "at most", "~": "about"}


def amount(figure: dict[str, Any]) -> str:
    """A figure as a reader says it: "200 to 300" for a range (both ends, never "range 300"),
    "at least 40", "about 1,000", "12"."""
    value, bound = figure.get("value"), figure.get("bound") or "="
    if value is None:
        return ""
    low, high = figure.get("low"), figure.get("high")
    if bound == "range" and low is not None and high is not None and low != high:
        return f"{_number(low)} to {_number(high)}"
    words = _BOUND_WORDS.get(bound, "" if bound == "range" else bound)
    return f"{words} {_number(value)}".strip()


def _number(value: float) -> str:
    """Whole numbers with thousands separators (never "2e+09"), fractions to four digits."""
    return f"{value:,.0f}" if abs(value) >= 1000 or value == int(value) else f"{value:,.4g}"


def in_period_first(figures: list[dict[str, Any]]) -> tuple[list[dict[str, Any]],
                                                            list[dict[str, Any]]]:
    """(figures dated inside the story's period, those dated outside it): the period is the
    chart's date axis, so a list opens where the chart does, not on a stray 1988."""
    dated = [(dt.date.fromisoformat(f["date"] or f["published"]).toordinal(), f)
             for f in figures]
    if not dated:
        return [], []
    low, high = date_axis([day for day, _ in dated])
    return ([f for day, f in dated if low <= day <= high],
            [f for day, f in dated if not low <= day <= high])

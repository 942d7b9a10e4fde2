"""A small inline SVG chart of figures over time, one line per source (no scripts, no CDN)."""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from typing import Any

WIDTH, HEIGHT, PAD = 640, 220, 40
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"]


def figures_chart(figures: list[dict[str, Any]], referent: str) -> str:
    """Values reported for ``referent`` over time, a coloured series per source."""
    series: dict[str, list[tuple[dt.date, float]]] = defaultdict(list)
    for f in figures:
        if f["referent"] != referent:
            continue
        day = dt.date.fromisoformat(f["date"] or f["published"])
        series[f["source_actor"] or "(unattributed)"].append((day, float(f["value"])))
    points = [p for values in series.values() for p in values]
    if not points:
        return ""
    days = [p[0].toordinal() for p in points]
    low_day, high_day = min(days), max(days)
    top = max(p[1] for p in points) or 1.0

    def x(day: dt.date) -> float:
        span = (high_day - low_day) or 1
        return PAD + (day.toordinal() - low_day) / span * (WIDTH - 2 * PAD)

    def y(value: float) -> float:
        return HEIGHT - PAD - value / top * (HEIGHT - 2 * PAD)

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{WIDTH}' height='{HEIGHT}' "
             f"role='img' aria-label='{html.escape(referent)} over time by source'>",
             f"<line x1='{PAD}' y1='{HEIGHT - PAD}' x2='{WIDTH - PAD}' y2='{HEIGHT - PAD}' "
             "stroke='#999'/>",
             f"<line x1='{PAD}' y1='{PAD}' x2='{PAD}' y2='{HEIGHT - PAD}' stroke='#999'/>",
             f"<text x='{PAD}' y='{PAD - 8}' font-size='11'>{top:,.0f}</text>",
             f"<text x='{PAD}' y='{HEIGHT - 10}' font-size='11'>"
             f"{dt.date.fromordinal(low_day)}</text>",
             f"<text x='{WIDTH - PAD}' y='{HEIGHT - 10}' font-size='11' text-anchor='end'>"
             f"{dt.date.fromordinal(high_day)}</text>"]
    for n, (source, values) in enumerate(sorted(series.items())):
        colour = COLOURS[n % len(COLOURS)]
        values.sort()
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in values)
        if len(values) > 1:
            parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}'/>")
        for d, v in values:
            parts.append(f"<circle cx='{x(d):.1f}' cy='{y(v):.1f}' r='3.5' fill='{colour}'>"
                         f"<title>{html.escape(source)}: {v:,.0f} ({d})</title></circle>")
        parts.append(f"<text x='{WIDTH - PAD + 4 - 150}' y='{PAD + 14 * n}' font-size='11' "
                     f"fill='{colour}'>{html.escape(source[:28])}</text>")
    parts.append("</svg>")
    return "".join(parts)

"""Timelines and events as TimelineJS JSON (Knight Lab's timeline format for journalists).

Each slide carries its evidence in the text: the sentences, their outlets and the article ids,
so a timeline published with TimelineJS still points back to what it is built on.
"""

from __future__ import annotations

import html
import json
from dataclasses import asdict, is_dataclass
from typing import Any

from chronicle.model import TimelineEntry


def _date(day: str) -> dict[str, str]:
    year, month, dom = day.split("-")
    return {"year": year, "month": month.lstrip("0"), "day": dom.lstrip("0")}


def _cite(source: str, published: str, article_id: str, sentence_index: int) -> str:
    outlet = html.escape(source) + ", " if source else ""
    return f"<small>({outlet}{published}, article {article_id} sentence {sentence_index})</small>"


def timeline_to_timelinejs(entries: list[TimelineEntry] | list[dict[str, Any]],
                           title: str = "Chronicle timeline") -> str:
    """A summarised timeline: one slide per date, its sentences as the slide's text."""
    events = []
    for entry in entries:
        e = asdict(entry) if is_dataclass(entry) else entry
        lines = [f"<p>{html.escape(s['text'])} "
                 f"{_cite(s['source'], s['published'], s['article_id'], s['sentence_index'])}</p>"
                 for s in e["summary"]]
        events.append({
            "start_date": _date(e["date"]),
            "text": {"headline": f"{e['date']}: {e['article_count']} stories",
                     "text": "".join(lines)},
            "unique_id": f"day-{e['date']}",
        })
    return json.dumps({"title": {"text": {"headline": html.escape(title), "text": ""}},
                       "events": events}, ensure_ascii=False, indent=1) + "\n"


def events_to_timelinejs(events: list[dict[str, Any]], title: str = "Chronicle events") -> str:
    """Consolidated events: one slide each, grouped by PLOVER type, first report as text."""
    slides = []
    for e in events:
        who = e["actor_name"] or e["actor_country"] or "?"
        whom = f" → {e['recipient_name']}" if e["recipient_name"] else ""
        first = e["mentions"][0] if e["mentions"] else None
        text = ""
        if first:
            cite = _cite(first["source"], first["published"], first["article_id"],
                         first["sentence_index"])
            text = f"<p>{html.escape(first['text'])} {cite}</p>"
        slides.append({
            "start_date": _date(e["date"]),
            "text": {"headline": html.escape(f"{e['event_type']}: {who}{whom}"),
                     "text": text + f"<p>{e['article_count']} article(s)</p>"},
            "group": e["event_type"],
            "unique_id": f"event-{e['id']}",
        })
    return json.dumps({"title": {"text": {"headline": html.escape(title), "text": ""}},
                       "events": slides}, ensure_ascii=False, indent=1) + "\n"

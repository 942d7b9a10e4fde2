"""Build the explorer's bundled world outline from Natural Earth 1:110m country shapes.

Source: the npm package ``world-atlas`` 2.0.2 (TopoJSON of Natural Earth, ISC licence; the
Natural Earth data itself is public domain). Fetch it with ``npm pack world-atlas@2.0.2`` and
unpack it, then::

    .venv/bin/python bench/build_world_outline.py package/countries-110m.json \
        chronicle/serve/static/world.json

The output is GeoJSON with one MultiPolygon per country, coordinates rounded to 0.1 degree
(a map of event locations needs an outline, not a survey), small enough to commit.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers on a quantised grid: undo both."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]  # a negative index is a reversed arc
        points.extend(arc if not points else arc[1:])
    if any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(points)):
        # a ring across the antimeridian (Russia's east, Fiji): keep it in one piece, past
        # 180°, instead of drawing an edge across the whole map; a ring around the pole
        # (Antarctica) already runs along the map's edge and stays as it is
        shifted = [(x + 360 if x < 0 else x, y) for x, y in points]
        if max(x for x, _ in shifted) - min(x for x, _ in shifted) < 200:
            points = shifted
    rounded: list[list[float]] = []
    for x, y in points:
        p = [round(x, 1), round(y, 1)]
        if not rounded or p != rounded[-1]:
            rounded.append(p)
    return rounded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        shapes = [[r for r in (ring(arcs, rng) for rng in polygon) if len(r) >= 4]
                  for polygon in polygons]
        shapes = [s for s in shapes if s]
        if shapes:
            features.append({"type": "Feature",
                             "properties": {"name": geometry["properties"]["name"]},
                             "geometry": {"type": "MultiPolygon", "coordinates": shapes}})
    collection = {"type": "FeatureCollection",
                  "source": "Natural Earth 1:110m (public domain) via npm world-atlas 2.0.2 "
                            "(ISC), simplified to 0.1 degree by bench/build_world_outline.py",
                  "features": features}
    args.out.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps({"countries": len(features), "bytes": args.out.stat().st_size}))


if __name__ == "__main__":
    main()

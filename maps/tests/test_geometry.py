"""The district's outlines: the right ten municipalities, projected without distortion of
their relative positions, and names that do not run into each other."""

import itertools

import pytest

from maps import figures
from maps.geometry import district
from taxonomy.models import City


def inside(x, y, path):
    """Point in polygon (even-odd rule) for the path data of an outline."""
    points = [tuple(map(float, part.split())) for part in path.strip("MZ").split(" L")]
    result = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


@pytest.mark.django_db
def test_there_is_an_outline_for_each_city_of_the_district():
    cities = set(City.objects.filter(is_districtwide=False).values_list("slug", flat=True))
    assert set(district().outlines) == cities
    assert len(cities) == 10


@pytest.mark.django_db
def test_each_city_centre_lies_inside_its_own_outline_and_no_other():
    geometry = district()
    for city in City.objects.filter(is_districtwide=False):
        x, y = geometry.project(city.latitude, city.longitude)
        containing = [slug for slug, outline in geometry.outlines.items() if inside(x, y, outline.path)]
        assert containing == [city.slug]


def test_north_is_up_and_east_is_right():
    outlines = district().outlines
    assert outlines["haltern-am-see"].label[1] < outlines["recklinghausen"].label[1]  # Haltern is north
    assert outlines["dorsten"].label[0] < outlines["waltrop"].label[0]  # Dorsten is west
    geometry = district()
    assert 0 < geometry.height < geometry.width  # the district is wider than tall


def test_one_kilometre_is_as_long_east_west_as_north_south():
    geometry = district()
    x0, y0 = geometry.project(51.65, 7.1)
    x1, _ = geometry.project(51.65, 7.1 + 1 / (111.32 * 0.62))  # ~1 km east (cos 51.65° ≈ 0.62)
    _, y1 = geometry.project(51.65 + 1 / 111.32, 7.1)  # ~1 km north
    assert abs((x1 - x0) - (y0 - y1)) < 0.02 * (y0 - y1)


def boxes(counts, font):
    """Rough boxes (x0, y0, x1, y1) of every marker and name at this font size."""
    geometry = district()
    largest = max(counts.values())
    result = []
    for slug, outline in geometry.outlines.items():
        entry = {"x": outline.label[0], "y": outline.label[1], "side": outline.side,
                 "radius": figures._radius(counts[slug], largest),
                 "lines": figures.label_lines(outline.name)}
        figures._place_label(entry)
        x, y, r = entry["x"], entry["y"], entry["radius"]
        result.append((slug, "marker", (x - r, y - r, x + r, y + r)))
        width = max(len(line) for line in entry["lines"]) * 0.6 * font
        height = len(entry["lines"]) * 1.15 * font
        top = entry["label_y"] - 0.8 * font + float(entry["first_dy"][:-2]) * font
        left = {"middle": entry["label_x"] - width / 2, "end": entry["label_x"] - width}[entry["anchor"]]
        result.append((slug, "name", (left, top, left + width, top + height)))
    return result


@pytest.mark.parametrize("font", [16, 21])  # desktop, phone (static/css/map.css)
@pytest.mark.parametrize("busy", [None, "recklinghausen", "oer-erkenschwick", "herten", "datteln"])
def test_names_and_markers_do_not_overlap(font, busy):
    slugs = list(district().outlines)
    counts = dict.fromkeys(slugs, 1)
    if busy:  # one city with many offers has the largest marker
        counts[busy] = 100
    items = boxes(counts, font)
    for (a, kind_a, box_a), (b, kind_b, box_b) in itertools.combinations(items, 2):
        if a == b:
            continue
        overlap = box_a[0] < box_b[2] and box_b[0] < box_a[2] and box_a[1] < box_b[3] and box_b[1] < box_a[3]
        assert not overlap, (a, kind_a, b, kind_b)
    geometry = district()
    for slug, kind, (x0, y0, x1, y1) in items:
        assert -2 <= x0 and x1 <= geometry.width + 2 and 0 <= y0 and y1 <= geometry.height + 4, (slug, kind)


def test_shading_classes_cover_every_count():
    assert figures.shade_bounds(8) == [3, 6, 8]
    assert figures.shade_bounds(1) == [1, 2, 3]
    assert figures._shade(0, [3, 6, 8]) == 0
    assert [figures._shade(n, [3, 6, 8]) for n in (1, 3, 4, 6, 7, 8)] == [1, 1, 2, 2, 3, 3]

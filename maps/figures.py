"""What the district map shows for a search: per city the number of matching offers, where
to draw it, and the link that adds or removes the city filter.

The numbers are the search's city facet counts (search/engine.py), which count as if no city
were chosen: every city stays clickable and shows what choosing it would add, exactly as the
filter panel of the results page does.
"""

import math
import threading

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from offers.models import Offer
from search.engine import data_version, matching_ids
from taxonomy.models import City

from .geometry import district

# Marker radius in SVG units: the smallest must hold a three-digit number, the largest must
# not cover a neighbouring city.
MIN_RADIUS = 16
MAX_RADIUS = 30
SHADES = 3  # area shading classes besides "no offer" (the legend names their ranges)


def _radius(count, largest):
    if not count or not largest:
        return MIN_RADIUS
    # area proportional to the count, above the minimum size
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(count / largest), 1)


def shade_bounds(largest):
    """Upper bounds of the shading classes 1..SHADES for counts up to `largest`: equal steps,
    each at least 1, so every class has a range the legend can name."""
    bounds = []
    for step in range(1, SHADES + 1):
        bound = max(math.ceil(largest * step / SHADES), bounds[-1] + 1 if bounds else 1)
        bounds.append(bound)
    return bounds


def _shade(count, bounds):
    if not count:
        return 0
    return next((i + 1 for i, bound in enumerate(bounds) if count <= bound), len(bounds))


def label_lines(name):
    """A long name on two lines at its hyphen or last space ("Oer-" / "Erkenschwick")."""
    if len(name) <= 10:
        return [name]
    if "-" in name:
        head, tail = name.split("-", 1)
        return [head + "-", tail]
    if " " in name:
        head, tail = name.split(" ", 1)
        return [head, tail]
    return [name]


LINE_HEIGHT = 1.15  # em, between the lines of a two-line name


def _place_label(entry):
    """Where the name goes: its anchor point, text-anchor and the first line's dy (in em)."""
    x, y, r, lines = entry["x"], entry["y"], entry["radius"], len(entry["lines"])
    if entry["side"] == "above":
        # the last line ends just above the marker
        entry.update(label_x=x, label_y=round(y - r - 7, 1), anchor="middle",
                     first_dy=f"{-(lines - 1) * LINE_HEIGHT:g}em")
    elif entry["side"] == "left":
        entry.update(label_x=round(x - r - 5, 1), label_y=round(y + 6, 1), anchor="end",
                     first_dy=f"{-(lines - 1) * LINE_HEIGHT / 2:g}em")
    else:
        entry.update(label_x=x, label_y=round(y + r + 18, 1), anchor="middle", first_dy="0em")


def offers_label(count):
    return ngettext("%(count)s Angebot", "%(count)s Angebote", count) % {
        "count": number_format(count, force_grouping=True)}


def city_figures(counts, link, selected=()):
    """The map of any {city_slug: count}: cities with outline, marker and label place, the
    district-wide entry and the legend. `link(slug, is_selected)` gives a city's (url, action
    text), so the search map and the Angebotslandschaft share one drawing."""
    selected = set(selected)
    geometry = district()
    cities, districtwide = [], None
    for city in City.objects.order_by("position", "name"):
        count = counts.get(city.slug, 0)
        is_selected = city.slug in selected
        url, action = link(city.slug, is_selected)
        entry = {
            "slug": city.slug,
            "name": city.name,
            "count": count,
            "count_label": offers_label(count),
            "selected": is_selected,
            "url": url,
            "action": action,
        }
        if city.is_districtwide:
            districtwide = entry
            continue
        outline = geometry.outlines.get(city.slug)
        if outline is not None:
            entry["path"] = outline.path
            entry["x"], entry["y"] = outline.label
            entry["side"] = outline.side
        elif city.latitude is not None and city.longitude is not None:
            x, y = geometry.project(city.latitude, city.longitude)
            if geometry.contains(x, y):
                entry["x"], entry["y"], entry["side"] = x, y, "below"
        cities.append(entry)
    largest = max((c["count"] for c in cities), default=0)
    bounds = shade_bounds(largest)
    for entry in cities:
        entry["radius"] = _radius(entry["count"], largest)
        entry["shade"] = _shade(entry["count"], bounds)
        entry["lines"] = label_lines(entry["name"])
        if "x" in entry:
            _place_label(entry)
    return {
        "geometry": geometry,
        "cities": cities,
        "drawn": [c for c in cities if "x" in c],
        "districtwide": districtwide,
        "legend": _legend(largest, bounds),
    }


def _legend(largest, bounds):
    legend, low = [{"shade": 0, "label": _("kein Angebot")}], 1
    for shade, bound in enumerate(bounds, start=1):
        if low > largest:
            break
        high = min(bound, largest)
        # a range stays "1–3" on right-to-left pages too
        if low == high:
            label = format_html(ngettext("{count} Angebot", "{count} Angebote", low),
                                count=format_html('<bdi dir="ltr">{}</bdi>', low))
        else:
            label = format_html(_("{range} Angebote"),
                                range=format_html('<bdi dir="ltr">{}–{}</bdi>', low, high))
        legend.append({"shade": shade, "label": label})
        low = bound + 1
    return legend


def build(params, result, links):
    """The search map: the search's city facet counts, each city a link that adds or removes it
    as a filter, and how many offers of the search are not on the map."""
    def link(slug, is_selected):
        changed = params.without("city", slug) if is_selected else params.with_value("city", slug)
        return (links.search(changed, page=1),
                _("Filter entfernen") if is_selected else _("als Filter wählen"))

    figures = city_figures(result.facets.get("city", {}), link, selected=params.city)
    figures["not_on_map"] = not_on_map(params) if result.count else 0
    return figures


# --- offers that have no city of their own ---------------------------------------------------

_placed_lock = threading.Lock()
_placed = (None, frozenset())


def _placed_ids(token):
    """Ids of offers in at least one real city (not only "kreisweit"), kept per data version:
    one read of the offer-city table instead of one per map page."""
    global _placed
    cached_token, ids = _placed
    if cached_token == token:
        return ids
    with _placed_lock:
        ids = frozenset(Offer.cities.through.objects.filter(city__is_districtwide=False)
                        .values_list("offer_id", flat=True))
        _placed = (token, ids)
    return ids


def not_on_map(params):
    """How many offers of this search are in no city of the map: online-only offers, and
    offers for the whole district ("kreisweit") without a city of their own."""
    token, _vocab = data_version()
    placed = _placed_ids(token)
    return sum(1 for pk in matching_ids(params) if pk not in placed)

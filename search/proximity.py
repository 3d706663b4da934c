"""Search near a postcode ("in der Nähe von 45768, 5 km"): which offers lie within a radius of
a district postcode or city, and how far their nearest place is.

An offer matches when one of its places lies within the radius; a place without coordinates
counts at its city's centre, an offer without places at the centres of its cities (never the
district-wide pseudo city: "kreisweit" is no place). Online-only offers (online, no place)
have no location and never match. The points come from taxonomy/geo.py (postcode_point,
places_within, shared with the HSDS API).

The matching offers are computed once per (near, data version) for the largest radius: a
bounding box in SQL, the exact distance in Python, kept in a small in-process LRU; a smaller
radius is a prefix of that nearest-first list. The engine intersects them with
its other filters as a bitset; distance order and the cards' "2,3 km" come from the same entry.
Every change to places, offers or cities replaces the data version (search/signals.py), so a
moved place is found at its new position by the next request.
"""

import bisect
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from taxonomy import geo

from . import bitsets, version
from .lru import RecentResults

RADIUS_CHOICES = (1, 2, 5, 10, 20, 50)  # the filter panel's choices; any whole km in range works
DEFAULT_RADIUS = 5
MIN_RADIUS, MAX_RADIUS = 1, 50


@dataclass(frozen=True)
class Matches:
    order: list  # offer ids, nearest first (ties by id)
    bits: int  # the same ids as a bitset (search/bitsets.py)
    nearest: dict  # offer id -> (km, name of the nearest place or city); may hold farther ones
    distances: list  # km of each id in `order`


_origins = RecentResults(256)  # (token, near) -> (lat, lon) or None
# (token, near, radius) -> Matches; bounded by ids held too: a district-wide radius is large
_matches = RecentResults(64, weigh=lambda matches: len(matches.order), max_weight=400_000)


class NearError(ValueError):
    """A `near` value that names no district postcode or city; `code` for the API."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _city_rows():
    from taxonomy.models import City

    return list(City.objects.filter(is_districtwide=False).values_list(
        "pk", "name", "postcodes", "latitude", "longitude"))


def canonical_near(raw):
    """The form of `near` kept in links (a postcode, or the city's own spelling), or raises
    NearError with the message for the visitor. A lookup in the ten district cities."""
    value = " ".join((raw or "").split())
    postcode = geo.normalise_postcode(value)
    if postcode is not None:
        if geo.city_for_postcode(postcode) is None:
            raise NearError("outside_district", _("%(postcode)s liegt nicht im Kreis Recklinghausen.")
                             % {"postcode": postcode})
        return postcode
    if any(ch.isdigit() for ch in value):
        raise NearError("invalid_postcode", _("Bitte eine fünfstellige Postleitzahl angeben."))
    for _pk, name, _codes, _lat, _lon in _city_rows():
        if name.casefold() == value.casefold():
            return name
    raise NearError("invalid_place", _("„%(value)s“ ist keine Stadt im Kreis Recklinghausen. Bitte eine "
                       "Postleitzahl oder einen Stadtnamen angeben.") % {"value": value[:50]})


def origin(near, token=None):
    """(latitude, longitude) of a canonical `near`: the postcode's point (geo.postcode_point)
    or the city's centre; None when the district data has no coordinates for it."""
    token = token or version.current()[0]

    def compute():
        if geo.normalise_postcode(near):
            return geo.postcode_point(near)
        for _pk, name, _codes, lat, lon in _city_rows():
            if name == near and lat is not None and lon is not None:
                return lat, lon
        return None

    return _origins.get_or_compute((token, near), compute)


def matches(near, radius, token=None):
    """The offers within `radius` km of `near` (a canonical value), nearest first.

    Computed once per place and data version for the largest radius; every radius is then a
    prefix of that nearest-first list (changing the radius, and the "larger radius" hint of an
    empty result, cost no database work)."""
    token = token or version.current()[0]

    def compute():
        everything = _matches.get_or_compute((token, near, MAX_RADIUS),
                                             lambda: _compute(origin(near, token), MAX_RADIUS))
        if radius >= MAX_RADIUS:
            return everything
        order = everything.order[:bisect.bisect_right(everything.distances, radius)]
        return Matches(order, bitsets.to_bits(order), everything.nearest, everything.distances[:len(order)])

    return _matches.get_or_compute((token, near, radius), compute)


def _compute(point, km):
    from offers.models import Offer, Place

    from .models import SearchDocument

    if point is None:
        return Matches([], 0, {}, [])
    lat, lon = point
    searchable = SearchDocument.objects.values("offer_id")  # visible offers only
    nearest = {}
    for distance, _pk, offer_id, name, city_name in geo.places_within(
        Place.objects.filter(offer_id__in=searchable), lat, lon, km, fields=("name", "city__name")
    ):
        if offer_id not in nearest:  # rows come nearest first
            nearest[offer_id] = (distance, name or city_name)
    # Offers without any place: at the centres of their cities (not online-only ones).
    centres = {}
    for pk, name, _codes, city_lat, city_lon in _city_rows():
        if city_lat is not None and city_lon is not None:
            distance = geo.distance_km(lat, lon, city_lat, city_lon)
            if distance <= km:
                centres[pk] = (distance, name)
    if centres:
        rows = Offer.cities.through.objects.filter(
            city_id__in=centres, offer_id__in=searchable, offer__is_online=False,
        ).exclude(Exists(Place.objects.filter(offer_id=OuterRef("offer_id")))).values_list(
            "offer_id", "city_id")
        for offer_id, city_id in rows:
            if offer_id not in nearest or centres[city_id] < nearest[offer_id]:
                nearest[offer_id] = centres[city_id]
    order = sorted(nearest, key=lambda i: (nearest[i][0], i))
    return Matches(order, bitsets.to_bits(order), nearest, [nearest[i][0] for i in order])


def larger_radius(radius):
    """The next radius of the filter panel's choices above `radius`, or None at the largest."""
    return next((r for r in RADIUS_CHOICES if r > radius), None)

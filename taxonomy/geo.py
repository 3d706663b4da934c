"""Distances and postcode points inside Kreis Recklinghausen.

Good enough for "within 5 km of 45768", not for routing:

- `distance_km` is the great-circle (haversine) distance on a sphere of the mean earth
  radius; over the district's 30 km the error against the WGS84 ellipsoid stays below 0.5 %.
- `postcode_point` has no postcode polygons to work with. A district postcode stands for the
  mean position of the places that carry it and have coordinates (places of published offers
  only, so drafts cannot move it); without such places, for the centre of its city (the
  City row's latitude/longitude). Postcodes of a large town can lie a few kilometres from
  that centre, so a proximity search is only as exact as this point.
"""

import math
import re

EARTH_RADIUS_KM = 6371.0088  # mean earth radius (IUGG)
POSTCODE = re.compile(r"[0-9]{5}")  # ASCII digits only (\d would take ٤٥٧٦٨)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres between two points in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat, lon, km):
    """(min_lat, max_lat, min_lon, max_lon) of a box holding every point within `km` of
    (lat, lon): a cheap database pre-filter before the exact distance."""
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    # Longitude degrees shrink with the cosine of the latitude; never divide by ~0.
    dlon = math.degrees(km / (EARTH_RADIUS_KM * max(math.cos(math.radians(lat)), 0.01)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def normalise_postcode(raw):
    """A German postcode (five digits) from user input, or None."""
    value = (raw or "").strip()
    return value if POSTCODE.fullmatch(value) else None


def city_for_postcode(postcode):
    """The City whose postcodes include this one, or None (outside the district)."""
    from taxonomy.models import City

    for city in City.objects.all():
        if postcode in (city.postcodes or []):
            return city
    return None


def postcode_point(postcode):
    """(latitude, longitude) standing for a district postcode, or None outside the district.

    The mean of the published offers' places with this postcode and coordinates; else the
    centre of the postcode's city (see the module docstring for the approximation)."""
    from django.db.models import Avg

    from offers.models import Offer, Place

    postcode = normalise_postcode(postcode)
    if postcode is None:
        return None
    city = city_for_postcode(postcode)
    if city is None:
        return None
    mean = Place.objects.filter(
        postcode=postcode, latitude__isnull=False, longitude__isnull=False,
        offer__status=Offer.Status.PUBLISHED,
    ).aggregate(lat=Avg("latitude"), lon=Avg("longitude"))
    if mean["lat"] is not None and mean["lon"] is not None:
        return mean["lat"], mean["lon"]
    if city.latitude is None or city.longitude is None:
        return None
    return city.latitude, city.longitude


def places_within(places, lat, lon, km, fields=()):
    """(distance in km, place pk, offer id, *fields) of the places in the queryset `places`
    within `km` of (lat, lon), nearest first.

    A place without coordinates counts at its city's centre. The SQL does the coarse part: the
    bounding box for places with coordinates, and for those without only the cities whose
    centre is within reach (ten rows, measured here), so a district of places without
    coordinates does not travel to Python whole. Shared by the site search
    (search/proximity.py) and the HSDS API (hsds/queries.py), so both find the same places."""
    from django.db.models import Q

    from taxonomy.models import City

    centres = {}
    # "kreisweit" is no place: its stored point is only Recklinghausen's, so a place filed there
    # without coordinates must not match near Recklinghausen
    for pk, city_lat, city_lon in (City.objects.filter(is_districtwide=False)
                                   .values_list("pk", "latitude", "longitude")):
        if city_lat is not None and city_lon is not None:
            distance = distance_km(lat, lon, city_lat, city_lon)
            if distance <= km:
                centres[pk] = distance
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
    rows = places.filter(
        Q(latitude__range=(min_lat, max_lat), longitude__range=(min_lon, max_lon))
        | ((Q(latitude__isnull=True) | Q(longitude__isnull=True)) & Q(city_id__in=list(centres)))
    ).values_list("pk", "offer_id", "latitude", "longitude", "city_id", *fields)
    # distance_km inlined with the origin's terms computed once: a third of the time per row
    found = []
    phi1, cos_phi1, diameter = math.radians(lat), math.cos(math.radians(lat)), 2 * EARTH_RADIUS_KM
    radians, sin, cos, asin, sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
    for pk, offer_id, place_lat, place_lon, city_id, *extra in rows:
        if place_lat is None or place_lon is None:
            distance = centres[city_id]
        else:
            phi2 = radians(place_lat)
            a = sin((phi2 - phi1) / 2) ** 2 + cos_phi1 * cos(phi2) * sin(radians(place_lon - lon) / 2) ** 2
            distance = diameter * asin(min(1.0, sqrt(a)))
            if distance > km:
                continue
        found.append((distance, pk, offer_id, *extra))
    found.sort()
    return found

"""taxonomy/geo.py: distances, bounding boxes and the point a district postcode stands for."""

import pytest

from offers.models import Place
from taxonomy import geo
from taxonomy.models import City

MARL_CENTRE = (51.6566, 7.0905)
RECKLINGHAUSEN_CENTRE = (51.6141, 7.1979)


def test_the_distance_of_a_point_to_itself_is_zero():
    assert geo.distance_km(*MARL_CENTRE, *MARL_CENTRE) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert geo.distance_km(51.0, 7.0, 52.0, 7.0) == pytest.approx(111.2, abs=0.1)


def test_marl_to_recklinghausen_is_about_8_7_km_either_way():
    there = geo.distance_km(*MARL_CENTRE, *RECKLINGHAUSEN_CENTRE)
    back = geo.distance_km(*RECKLINGHAUSEN_CENTRE, *MARL_CENTRE)

    assert there == pytest.approx(8.7, abs=0.2)
    assert there == pytest.approx(back)


def test_antipodes_are_half_the_earth_around():
    assert geo.distance_km(0, 0, 0, 180) == pytest.approx(20015, rel=0.001)


def test_the_bounding_box_holds_every_point_within_the_distance():
    min_lat, max_lat, min_lon, max_lon = geo.bounding_box(*MARL_CENTRE, 5)

    for bearing_point in ((MARL_CENTRE[0] + 4.9 / 111.2, MARL_CENTRE[1]),
                          (MARL_CENTRE[0], MARL_CENTRE[1] + 4.9 / 69.0)):
        assert geo.distance_km(*MARL_CENTRE, *bearing_point) < 5
        assert min_lat <= bearing_point[0] <= max_lat
        assert min_lon <= bearing_point[1] <= max_lon
    assert max_lat - min_lat == pytest.approx(2 * 5 / 111.2, rel=0.01)


@pytest.mark.parametrize(("raw", "expected"), [
    ("45768", "45768"), (" 45768 ", "45768"), ("4576", None), ("457680", None), ("45 768", None),
    ("abcde", None), ("", None), (None, None), ("٤٥٧٦٨", None),
])
def test_postcodes_are_five_ascii_digits(raw, expected):
    assert geo.normalise_postcode(raw) == expected


def test_a_district_postcode_belongs_to_its_city(db):
    assert geo.city_for_postcode("45772").slug == "marl"
    assert geo.city_for_postcode("10115") is None


def test_without_places_a_postcode_stands_for_its_city_centre(db):
    marl = City.objects.get(slug="marl")

    assert geo.postcode_point("45772") == (marl.latitude, marl.longitude)


def test_with_places_a_postcode_stands_for_their_mean(make_offer):
    marl = City.objects.get(slug="marl")
    for lat, lon in ((51.60, 7.00), (51.70, 7.20)):
        Place.objects.create(offer=make_offer(), city=marl, postcode="45772", latitude=lat, longitude=lon)
    Place.objects.create(offer=make_offer(), city=marl, postcode="45772")  # no coordinates: ignored
    Place.objects.create(offer=make_offer(status="draft"), city=marl, postcode="45772",
                         latitude=10.0, longitude=10.0)  # drafts never move the point

    lat, lon = geo.postcode_point("45772")

    assert (lat, lon) == (pytest.approx(51.65), pytest.approx(7.10))


def test_a_postcode_outside_the_district_has_no_point(db):
    assert geo.postcode_point("10115") is None
    assert geo.postcode_point("kaputt") is None

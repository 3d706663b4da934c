"""Search near a postcode or city: which offers lie within the radius, in which order, how far.

Real district coordinates: Marl's centre (51.6566, 7.0905, also the point of 45768 while no
place carries that postcode), Marl-Hüls 2.7 km from it, Marl-Sinsen 4.2 km, Dorsten's centre
8.7 km, Haltern's 11.6 km.
"""

import pytest
from django.http import QueryDict

from offers.models import Place
from search import proximity
from search.engine import matching_ids, search_offers
from search.params import SearchParamError, SearchParams, parse_search_params
from taxonomy.models import City

HUELS = (51.6745, 7.1160)
SINSEN = (51.6790, 7.1400)
DORSTEN = (51.6604, 6.9646)


def place(offer, city="marl", point=None, name="", postcode=""):
    lat, lon = point or (None, None)
    return Place.objects.create(offer=offer, city=City.objects.get(slug=city), name=name,
                                postcode=postcode, latitude=lat, longitude=lon)


def near(near="45768", radius=5, **fields):
    return SearchParams(near=near, radius=radius, **fields)


def titles(params):
    return [offer.title for offer in search_offers(params).offers]


@pytest.fixture
def district(make_offer):
    """Offers at known places around Marl."""
    offers = {
        "Hüls": make_offer(title="Treff Hüls", cities=["marl"]),
        "Sinsen": make_offer(title="Kurs Sinsen", cities=["marl"], topics=["arbeit"]),
        "Dorsten": make_offer(title="Kurs Dorsten", cities=["dorsten"]),
    }
    place(offers["Hüls"], point=HUELS, name="Stadtteilzentrum Hüls")
    place(offers["Sinsen"], point=SINSEN, name="Bürgerhaus Sinsen")
    place(offers["Dorsten"], city="dorsten", point=DORSTEN, name="Rathaus Dorsten")
    return offers


def test_places_within_the_radius_match_and_others_do_not(district, engine_path):
    assert set(titles(near(radius=5))) == {"Treff Hüls", "Kurs Sinsen"}
    assert set(titles(near(radius=10))) == {"Treff Hüls", "Kurs Sinsen", "Kurs Dorsten"}
    assert titles(near(radius=2)) == []


def test_a_city_name_stands_for_its_centre(district):
    assert set(titles(near("Marl", 5))) == {"Treff Hüls", "Kurs Sinsen"}


def test_a_place_without_coordinates_counts_at_its_city_centre(make_offer):
    offer = make_offer(title="Ohne Koordinaten", cities=["dorsten"])
    place(offer, city="dorsten")  # Dorsten's centre: 8.7 km from Marl's
    assert titles(near(radius=5)) == []
    assert titles(near(radius=10)) == ["Ohne Koordinaten"]


def test_an_offer_without_places_counts_at_its_cities_centres(make_offer):
    make_offer(title="Nur Städte", cities=["dorsten", "haltern-am-see"])
    make_offer(title="Kreisweit", cities=["kreisweit"])  # no place: the district is no point
    assert titles(near(radius=5)) == []
    assert titles(near(radius=10)) == ["Nur Städte"]
    assert search_offers(near(radius=10)).count == 1


def test_a_place_filed_as_kreisweit_without_coordinates_is_no_point(make_offer):
    """'kreisweit' stores Recklinghausen's centre; a place there must not match near it."""
    offer = make_offer(title="Kreisweiter Ort", cities=["kreisweit"])
    place(offer, city="kreisweit")
    assert titles(near("45657", radius=5)) == []  # a Recklinghausen postcode
    assert titles(near("Recklinghausen", radius=50)) == []


def test_online_only_offers_never_match(make_offer):
    make_offer(title="Online-Kurs", cities=["marl"], is_online=True)
    hybrid = make_offer(title="Vor Ort und online", cities=["marl"], is_online=True)
    place(hybrid, point=HUELS)
    assert titles(near(radius=50)) == ["Vor Ort und online"]


def test_an_offer_is_as_near_as_its_nearest_place(make_offer):
    offer = make_offer(title="Zwei Orte")
    place(offer, city="dorsten", point=DORSTEN, name="Dorsten")
    place(offer, point=HUELS, name="Hüls")
    km, name = proximity.matches("45768", 10).nearest[offer.pk]
    assert name == "Hüls" and km == pytest.approx(2.66, abs=0.01)
    assert search_offers(near(radius=10)).count == 1  # once, not per place


def test_without_a_query_results_come_nearest_first(district, engine_path):
    assert titles(near(radius=10)) == ["Treff Hüls", "Kurs Sinsen", "Kurs Dorsten"]
    assert titles(near(radius=10, sort="title")) == ["Kurs Dorsten", "Kurs Sinsen", "Treff Hüls"]
    assert titles(near(q="Kurs", radius=10, sort="distance")) == ["Kurs Sinsen", "Kurs Dorsten"]
    assert matching_ids(near(radius=10)) == [district[k].pk for k in ("Hüls", "Sinsen", "Dorsten")]


def test_distance_order_pages_like_any_other(district):
    first = search_offers(near(radius=10, page_size=2))
    second = search_offers(near(radius=10, page_size=2, page=2))
    assert [o.title for o in first.offers + second.offers] == ["Treff Hüls", "Kurs Sinsen",
                                                               "Kurs Dorsten"]


def test_facet_counts_count_within_the_radius(district, make_offer, engine_path):
    make_offer(title="Ohne Ort in Haltern", cities=["haltern-am-see"], topics=["arbeit"])
    facets = search_offers(near(radius=5)).facets
    assert facets["city"] == {"marl": 2}
    assert facets["topic"] == {"sprache": 1, "arbeit": 1}
    # other filters still combine: a topic narrows the radius search and its counts
    narrowed = search_offers(near(radius=5, topic=("arbeit",)))
    assert [o.title for o in narrowed.offers] == ["Kurs Sinsen"]
    assert narrowed.facets["topic"] == {"sprache": 1, "arbeit": 1}


def test_a_moved_place_is_found_at_its_new_position(district):
    assert "Kurs Dorsten" not in titles(near(radius=5))
    moved = Place.objects.get(offer=district["Dorsten"])
    moved.latitude, moved.longitude = 51.6600, 7.1000  # now in Marl
    moved.save()
    assert "Kurs Dorsten" in titles(near(radius=5))


def test_a_moved_city_centre_moves_its_offers_without_places(make_offer):
    make_offer(title="Nur Dorsten", cities=["dorsten"])
    assert titles(near(radius=5)) == []
    City.objects.filter(slug="dorsten").update(latitude=51.6570, longitude=7.0910)
    City.objects.get(slug="dorsten").save()  # the admin saves: the data version changes
    assert titles(near(radius=5)) == ["Nur Dorsten"]


def test_the_postcode_point_is_the_mean_of_its_published_places(make_offer):
    offer = make_offer(title="In Hüls")
    place(offer, point=HUELS, postcode="45772")
    assert proximity.origin("45772") == pytest.approx(HUELS)
    assert proximity.origin("45768") == pytest.approx((51.6566, 7.0905))  # no place: the centre


# --- parsing ----------------------------------------------------------------------------------


def parse(query, strict=True):
    from search.engine import known_slugs

    return parse_search_params(QueryDict(query), known_slugs(), strict=strict)


def test_near_alone_gets_the_default_radius(db):
    params = parse("near=45768")
    assert (params.near, params.radius) == ("45768", proximity.DEFAULT_RADIUS)
    assert parse("near=+marl+&radius=20").near == "Marl"
    assert ("radius", "20") in parse("near=marl&radius=20").to_query()


@pytest.mark.parametrize("query, parameter, code", [
    ("near=4576", "near", "invalid_postcode"),
    ("near=45127", "near", "outside_district"),
    ("near=Essen", "near", "invalid_place"),
    ("near=45768&radius=0", "radius", "out_of_range"),
    ("near=45768&radius=51", "radius", "out_of_range"),
    ("near=45768&radius=fünf", "radius", "invalid_integer"),
    ("radius=5", "radius", "requires_near"),
    ("sort=distance", "sort", "invalid_choice"),
])
def test_bad_proximity_input_names_the_parameter(db, query, parameter, code):
    with pytest.raises(SearchParamError) as raised:
        parse(query)
    assert (raised.value.parameter, raised.value.code) == (parameter, code)


def test_the_lenient_parser_keeps_the_message_and_searches_without_the_value(db):
    params = parse("near=45127&radius=10&q=Kurs", strict=False)
    assert (params.near, params.radius, params.q) == ("", None, "Kurs")
    assert params.problems == (("near", "45127 liegt nicht im Kreis Recklinghausen.", "45127"),)
    # the page's form sends an empty postcode with its radius: that is no search near a place
    assert parse("near=&radius=5", strict=False).problems == ()


def test_the_links_and_cache_keys_keep_the_proximity_search(db):
    params = near(radius=10, q="Kurs")
    assert params.to_query()[-2:] == [("near", "45768"), ("radius", "10")]
    assert params.cache_key() != near(radius=5, q="Kurs").cache_key()
    assert params.without("near").to_query() == [("q", "Kurs")]
    assert near(sort="distance").without("near").sort == "relevance"
    assert near().has_filters

"""Fixtures for tests of the public pages: import them into a conftest.py
(`from offers.testing import empty_cache, german_after_each_test  # noqa: F401`)."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the results page and the embed are cached per
    data version."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german_after_each_test():
    """A request to /ar/… leaves Arabic active in this thread (LocaleMiddleware activates a
    language and nothing resets it in tests); later tests expect reverse() to give /de/."""
    yield
    translation.deactivate()


# --- shared builders and counts (plain functions; models imported late, as in a conftest) ---


def add_places_and_times(offer, latitude, longitude):
    """Two places (one with street and coordinates in Marl, one with just a city: Herten) and
    two weekly times (Monday morning, a fortnightly Thursday afternoon): the details the API
    fixtures of a "full" offer share."""
    import datetime

    from offers.models import OfferTime, Place
    from taxonomy.models import City

    Place.objects.create(offer=offer, name="Stadtteilzentrum", street="Beispielstraße 1",
                         postcode="45768", city=City.objects.get(slug="marl"),
                         latitude=latitude, longitude=longitude)
    Place.objects.create(offer=offer, city=City.objects.get(slug="herten"))
    OfferTime.objects.create(offer=offer, weekday=0, opens_at=datetime.time(9, 0),
                             closes_at=datetime.time(11, 30))
    OfferTime.objects.create(offer=offer, weekday=3, opens_at=datetime.time(14, 0),
                             closes_at=datetime.time(16, 0), note="14-täglich")


def visible_in_city(city, **filters):
    """Visible offers in this city matching the filters, straight from the database: what a
    city's figure on the landscape or the map must equal."""
    from offers.models import Offer

    return Offer.objects.visible().filter(cities__slug=city, **filters).distinct().count()


def real_city_slugs():
    """The ten cities of the district (not the "kreisweit" pseudo city)."""
    from taxonomy.models import City

    return list(City.objects.filter(is_districtwide=False).values_list("slug", flat=True))

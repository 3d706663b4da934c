import datetime
import re

import pytest
from django.core.cache import cache

from freshness.testing import travel_to  # noqa: F401


@pytest.fixture(autouse=True)
def _today(request):
    """The dates in these tests are written for this day, whenever they run."""
    request.getfixturevalue("travel_to")(datetime.date(2026, 11, 25))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def stale_offer(make_offer, make_organisation):
    """A published offer last confirmed on 1 March 2026, of an organisation with an address."""
    organisation = make_organisation(name="Nachbarschaftshilfe Marl", email="info@nachbarn.example.org")
    return make_offer("Sprachcafé Marl", organisation=organisation,
                      last_verified=datetime.date(2026, 3, 1))


@pytest.fixture
def links():
    """links(message) -> the URLs in an e-mail's plain-text body."""

    def find(message):
        return re.findall(r"https?://\S+", message.body)

    return find

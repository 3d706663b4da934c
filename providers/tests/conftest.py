import pytest
from django.core.cache import cache

from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the results page is cached per data version."""
    cache.clear()
    yield
    cache.clear()

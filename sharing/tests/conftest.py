import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: results and embed pages are cached per data version."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def german_after_each_test():
    """A request to /ar/… leaves Arabic active in this thread; later tests expect /de/ links."""
    yield
    translation.deactivate()

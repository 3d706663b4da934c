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

"""A pytest fixture for tests where time passes: import it into a conftest.py
(`from freshness.testing import travel_to  # noqa: F401`)."""

import pytest


@pytest.fixture
def travel_to(monkeypatch):
    """travel_to(date): the freshness rules, and with them the search index, the pages and
    the API, treat `date` as today. Nothing is saved: offers leave the search by themselves."""
    from freshness import rules
    from search import indexing

    def set_today(day):
        monkeypatch.setattr(rules, "today", lambda: day)
        # Each test's writes are rolled back, a sweep's too: the next search must sweep again
        # even if an earlier test already swept on this (patched) day.
        monkeypatch.setattr(indexing, "_swept_on", None)

    return set_today

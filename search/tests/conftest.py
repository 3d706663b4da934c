import pytest

from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)
from search.engine import search_offers
from search.params import SearchParams


@pytest.fixture
def search(db):
    """search("Deutschkurs", city=("marl",)) -> list of offer titles in result order."""

    def run(q="", **fields):
        for facet in ("city", "topic", "target_group", "language"):
            if facet in fields:
                fields[facet] = tuple(fields[facet])
        return [o.title for o in search_offers(SearchParams(q=q, **fields)).offers]

    return run


@pytest.fixture(params=["bitsets", "sql"])
def engine_path(request, monkeypatch):
    """Run a test with facet counts from in-memory bitsets and from SQL (the fallback)."""
    from search import bitsets

    if request.param == "sql":
        monkeypatch.setattr(bitsets, "MAX_ID", -1)
    return request.param

"""Which offers a feed or calendar of a search holds: those the results page finds for the same
query string (same parser, same engine), in an order and number of its own."""

from dataclasses import replace

from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.functions import Coalesce

from freshness.rules import visible_q
from offers.models import SOURCE_LANGUAGE, Offer, Place, prefetch_translations
from search.engine import known_slugs, matching_ids
from search.params import parse_search_params

from .events import dated_q

# A feed shows the latest changes, not the whole district; a calendar file stays importable.
FEED_LIMIT = 50
CALENDAR_LIMIT = 200
# Up to this many matching ids go into one IN (...) list; beyond it the offers are read in
# order instead (SQLite caps the number of parameters, and a large match set finds its first
# few offers quickly).
IN_LIST_LIMIT = 2000


def search_params(querydict):
    """The search of this query string, parsed like the results page does (unknown values are
    dropped, never an error); page and sort do not matter here."""
    params = parse_search_params(querydict, known_slugs(), strict=False)
    return replace(params, page=1, sort="relevance")


def canonical_query(params):
    """The query-string pairs that define this search (no page, no sort)."""
    return params.to_query(page=1, sort="relevance")


def feed_offers(params, language):
    """Up to FEED_LIMIT offers of this search, the most recently changed first."""
    ordered = Offer.objects.order_by("-updated_at", "-pk")
    return _prefetched(_among(matching_ids(params), ordered, FEED_LIMIT), language)


def calendar_offers(params, language):
    """Up to CALENDAR_LIMIT offers of this search that have dates, the earliest first."""
    ordered = (Offer.objects.filter(dated_q())
               .order_by(Coalesce("start_date", "registration_deadline", "end_date"), "pk"))
    return _prefetched(_among(matching_ids(params), ordered, CALENDAR_LIMIT), language)


def _among(ids, ordered, limit):
    """The first `limit` offers of the ordered queryset whose ids are in `ids`.

    The ids come from the search index, which holds visible offers only, so `ordered` needs
    no visibility condition of its own (the IN list path checks it once more anyway)."""
    if not ids:
        return []
    if len(ids) <= IN_LIST_LIMIT:
        return list(ordered.filter(visible_q(), pk__in=ids)[:limit])
    # Many matches: read the ordered ids in growing windows (the database keeps only the top
    # rows of its sort instead of ordering everything) until enough of them match. A search
    # matching a seventh of 100,000 offers needs one window of 400 rows.
    wanted, window = set(ids), limit * 8
    while True:
        head = list(ordered.values_list("pk", flat=True)[:window])
        chosen = [pk for pk in head if pk in wanted][:limit]
        if len(chosen) == limit or len(head) < window:
            break
        window *= 8
    by_pk = Offer.objects.in_bulk(chosen)
    return [by_pk[pk] for pk in chosen if pk in by_pk]


def _prefetched(offers, language):
    """Everything an entry or event shows, in a fixed number of queries."""
    prefetch_related_objects(
        offers, "organisation", "topics", "languages", "cities", "times",
        Prefetch("places", queryset=Place.objects.select_related("city")),
    )
    if language != SOURCE_LANGUAGE:
        prefetch_translations(offers)
    return offers


def published_offer(pk, language):
    """One published offer with what its calendar needs, or None."""
    offer = Offer.objects.published().filter(pk=pk).first()
    if offer is None:
        return None
    return _prefetched([offer], language)[0]

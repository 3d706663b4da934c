"""The places of a search's offers for the interactive map (only when a tile server is set).

Only what the offer pages show publicly anyway: the offer's title, the place's name and city,
its coordinates and the link. No street, no contact person, nothing about the visitor.
"""

from offers.models import SOURCE_LANGUAGE, Offer, Place, prefetch_translations
from offers.texts import page_language
from search.engine import matching_ids

# Enough for the district (a few hundred places); a browser stays responsive with this many
# markers, and the answer stays small.
MAX_PLACES = 2000


def places(params, links, limit=MAX_PLACES):
    """(places, truncated): the matching offers' places with coordinates, in search order."""
    # one more than kept: only then do we know that something was left out
    ids = matching_ids(params, limit=limit + 1)
    truncated = len(ids) > limit
    ids = ids[:limit]
    rows = list(
        Place.objects.filter(offer_id__in=ids, latitude__isnull=False, longitude__isnull=False)
        .select_related("city")
    )
    rank = {pk: i for i, pk in enumerate(ids)}
    rows.sort(key=lambda r: (rank.get(r.offer_id, len(rank)), r.id))
    truncated = truncated or len(rows) > limit  # or more places than kept
    rows = rows[:limit]
    offers = {o.pk: o for o in Offer.objects.filter(pk__in={r.offer_id for r in rows})}
    ordered = [offers[pk] for pk in dict.fromkeys(r.offer_id for r in rows) if pk in offers]
    language = page_language()
    if language != SOURCE_LANGUAGE:
        prefetch_translations(ordered)  # one query for all titles
    titles = {o.pk: o.text_in(language).title for o in ordered}  # in the page's language
    return [
        {
            "lat": round(r.latitude, 5),
            "lon": round(r.longitude, 5),
            "title": titles.get(r.offer_id, ""),
            "place": r.name,
            "city": r.city.name,
            "url": links.offer(r.offer_id),
        }
        for r in rows if r.offer_id in titles
    ], truncated

"""Turn offers, organisations and the taxonomy into the JSON structures of API v1.

Plain functions over already-loaded objects: they never query on their own, so the caller
decides (and tests assert) how many queries a response costs. Field names here are the public
contract; api/openapi.py documents each of them and api/tests/test_openapi.py keeps both in step.
"""

from contextlib import nullcontext

from django.urls import reverse
from django.utils import translation

from offers.models import SOURCE_LANGUAGE
from search.params import FACETS, FLAGS
from taxonomy.names import translated

_PLACEHOLDER = 987654321


def _iso(value):
    return value.isoformat() if value is not None else None


def _hhmm(value):
    return value.strftime("%H:%M")


def url_builder(request, viewname):
    """A fast value -> absolute URL function for a page taking one argument (reverse() once)."""
    sample = request.build_absolute_uri(reverse(viewname, args=[_PLACEHOLDER]))
    prefix, _sep, suffix = sample.rpartition(str(_PLACEHOLDER))
    return lambda value: f"{prefix}{value}{suffix}"


def _related(obj, name):
    """The prefetched objects of a relation.

    Reading Django's prefetch cache directly skips building a related manager per access, which
    was most of the time of serialising a result page (80 managers for 20 rows); without a
    prefetch it falls back to the ordinary (querying) manager."""
    prefetched = getattr(obj, "_prefetched_objects_cache", None)
    if prefetched is not None and name in prefetched:
        return prefetched[name]
    return getattr(obj, name).all()


def _terms(obj, name, language=SOURCE_LANGUAGE):
    """Slug and name of related terms: the name in `language` when one was asked for (`lang`),
    else in the active language (German: api_view sets it); cities keep theirs."""
    if name == "cities":
        return [{"slug": term.slug, "name": term.name} for term in _related(obj, name)]
    with translation.override(language) if language != SOURCE_LANGUAGE else nullcontext():
        return [{"slug": term.slug, "name": translated(term.name)} for term in _related(obj, name)]


def offer_summary(offer, offer_url, language=SOURCE_LANGUAGE):
    """One row of the offer list (relations, translations included, must be prefetched); the
    texts in `language` where translated, else German."""
    text = offer.text_in(language)
    return {
        "id": offer.pk,
        "external_id": offer.external_id,
        "title": text.title,
        "summary": text.summary,
        "text_language": text.language,
        "described_in": offer.described_in(),
        "url": offer_url(offer.pk),
        "organisation": {"id": offer.organisation_id, "name": offer.organisation.name},
        "cities": [term.slug for term in _related(offer, "cities")],
        "topics": [term.slug for term in _related(offer, "topics")],
        "target_groups": [term.slug for term in _related(offer, "target_groups")],
        "languages": [term.slug for term in _related(offer, "languages")],
        "free": offer.is_free,
        "last_verified": _iso(offer.last_verified),
    }


def _by_count(counts):
    # A stable order (most results first, then by slug) keeps equal answers byte-identical,
    # so their ETags match whatever order the search engine counted in.
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def facets(result_facets):
    """The facet counts of a search, limited to the documented keys."""
    answer = {facet: _by_count(result_facets.get(facet, {})) for facet in FACETS}
    flags = result_facets.get("flags", {})
    answer["flags"] = {flag: flags.get(flag, 0) for flag in FLAGS}
    return answer


def offer_list(result, offer_url, next_url, previous_url, language=SOURCE_LANGUAGE, nearest=None):
    """The list answer; `nearest` ({offer pk: (km, place)}, search/proximity.py) gives each row
    of a search near a place its distance."""
    params = result.params
    nearest = nearest or {}
    rows = []
    for offer in result.offers:
        row = offer_summary(offer, offer_url, language)
        row["distance_km"] = round(nearest[offer.pk][0], 2) if offer.pk in nearest else None
        rows.append(row)
    return {
        "count": result.count,
        "page": params.page,
        "page_size": params.page_size,
        "num_pages": result.num_pages,
        "next": next_url,
        "previous": previous_url,
        "results": rows,
        "facets": facets(result.facets),
    }


def organisation_ref(organisation, organisation_url):
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "url": organisation_url(organisation.slug),
        "website": organisation.website,
    }


def place(place):
    return {
        "name": place.name,
        "street": place.street,
        "postcode": place.postcode,
        "city": {"slug": place.city.slug, "name": place.city.name},
        "latitude": place.latitude,
        "longitude": place.longitude,
    }


def offer_time(time):
    return {
        "weekday": time.weekday,
        "weekday_name": str(time.get_weekday_display()),
        "opens": _hhmm(time.opens_at),
        "closes": _hhmm(time.closes_at),
        "note": time.note,
    }


def contact(contact):
    return {"name": contact.name, "role": contact.role, "phone": contact.phone, "email": contact.email}


def offer_detail(offer, offer_url, organisation_url, language=SOURCE_LANGUAGE):
    """The whole public offer, its texts in `language` where translated, else German;
    `offer.contacts` must hold consented contacts only."""
    text = offer.text_in(language)
    return {
        "id": offer.pk,
        "external_id": offer.external_id,
        "title": text.title,
        "summary": text.summary,
        "description": text.description,
        "text_language": text.language,
        "described_in": offer.described_in(),
        "url": offer_url(offer.pk),
        "organisation": organisation_ref(offer.organisation, organisation_url),
        "cities": _terms(offer, "cities"),
        "topics": _terms(offer, "topics", language),
        "target_groups": _terms(offer, "target_groups", language),
        "languages": _terms(offer, "languages", language),
        "is_online": offer.is_online,
        "website": offer.website,
        "places": [place(item) for item in offer.places.all()],
        "times": [offer_time(item) for item in offer.times.all()],
        "schedule_note": offer.schedule_note,
        "start_date": _iso(offer.start_date),
        "end_date": _iso(offer.end_date),
        "free": offer.is_free,
        "cost": offer.cost,
        "registration_required": offer.registration_required,
        "registration_deadline": _iso(offer.registration_deadline),
        "registration_note": offer.registration_note,
        "accessibility": offer.accessibility,
        "accessibility_note": offer.accessibility_note,
        "childcare": offer.childcare,
        "age_min": offer.age_min,
        "age_max": offer.age_max,
        "contacts": [contact(item) for item in offer.contacts.all()],
        "last_verified": _iso(offer.last_verified),
        "created": _iso(offer.created_at),
        "updated": _iso(offer.updated_at),
    }


def organisation_detail(organisation, offers, contacts, offer_url, organisation_url):
    """A provider with its published offers and consented contacts."""
    city = organisation.city
    return {
        **organisation_ref(organisation, organisation_url),
        "description": organisation.description,
        "email": organisation.email,
        "phone": organisation.phone,
        "street": organisation.street,
        "postcode": organisation.postcode,
        "city": {"slug": city.slug, "name": city.name} if city else None,
        "offers": [{"id": o.pk, "title": o.title, "url": offer_url(o.pk)} for o in offers],
        "contacts": [contact(item) for item in contacts],
    }


def taxonomy(cities, topics, target_groups, languages):
    """The vocabulary clients need to build filters; names in the active language, except the
    cities' (a term added later has no translation and keeps its German name)."""
    return {
        "cities": [
            {"slug": c.slug, "name": c.name, "districtwide": c.is_districtwide} for c in cities
        ],
        "topics": [{"slug": t.slug, "name": translated(t.name)} for t in topics],
        "target_groups": [{"slug": g.slug, "name": translated(g.name)} for g in target_groups],
        "languages": [
            {"slug": lang.slug, "name": translated(lang.name), "native_name": lang.native_name,
             "rtl": lang.is_rtl}
            for lang in languages
        ],
    }

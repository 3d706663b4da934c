"""The public feed and calendar views: no login, no cookie, conditional GET (ETag and
Last-Modified give a 304 to a reader that already has the current version)."""

import hashlib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from offers import results
from offers.texts import page_language

from . import atom, calendar, selection
from .events import has_dates

ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# Feed readers poll; a few minutes of caching spares the server without hiding changes long.
CACHE_CONTROL = "public, max-age=300"


def _conditional(request, body, content_type, last_modified, filename=None):
    """The answer with ETag (a hash of the body) and Last-Modified, or a 304 when the client's
    If-None-Match / If-Modified-Since shows it already has this version.

    The ETag covers everything (an offer leaving the search, a renamed organisation). Last-
    Modified is the newest entry's change, so a client sending only If-Modified-Since may miss
    a removal until the next change; clients that send both are judged by the ETag alone
    (RFC 9110, 13.2.2), as feed readers do."""
    response = HttpResponse(body, content_type=content_type)
    etag = f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    timestamp = int(last_modified.timestamp())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(timestamp)
    response["Cache-Control"] = CACHE_CONTROL
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)


@require_safe
def atom_feed(request):
    """/<lang>/angebote/feed.atom?<the results page's query string>"""
    params = selection.search_params(request.GET)
    language = page_language()
    offers = selection.feed_offers(params, language)
    body, updated = atom.build_feed(request, params, offers, language)
    return _conditional(request, body, ATOM_CONTENT_TYPE, updated)


@require_safe
def search_calendar(request):
    """/<lang>/angebote/kalender.ics?<query string>: every offer with dates this search finds."""
    params = selection.search_params(request.GET)
    language = page_language()
    offers = selection.calendar_offers(params, language)
    label = atom.search_label(params, results.term_names())
    name = (_("Integrationsangebote: %(search)s") % {"search": label} if label
            else str(settings.SITE_NAME))
    body, _count = calendar.build_calendar(request, offers, language, name)
    updated = max((offer.updated_at for offer in offers), default=None) or atom.newest_change()
    return _conditional(request, body, CALENDAR_CONTENT_TYPE, updated,
                        filename=calendar.search_filename())


@require_safe
def offer_calendar(request, pk):
    """/<lang>/angebote/<pk>/kalender.ics: one published offer's events; 404 without dates."""
    language = page_language()
    offer = selection.published_offer(pk, language)
    if offer is None or not has_dates(offer):
        raise Http404
    body, count = calendar.build_calendar(request, [offer], language, offer.text_in(language).title)
    if not count:
        raise Http404
    return _conditional(request, body, CALENDAR_CONTENT_TYPE, offer.updated_at,
                        filename=calendar.offer_filename(offer))

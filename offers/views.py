"""Public offer pages: the results page and the offer page."""

from dataclasses import replace
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from accounts.roles import is_editor
from freshness import rules
from maps.links import map_url
from providers.models import Contact
from search.engine import known_slugs
from search.params import parse_search_params
from sharing.merkliste import EMPTY as EMPTY_MERKLISTE
from sharing.merkliste import Merkliste

from . import results
from .models import Offer, Place
from .texts import fallback_attributes, page_language


@require_safe
def search(request):
    """The results page: query, filters with counts, chips, sort, pages, or an empty-state hint."""
    params = parse_search_params(
        request.GET, known_slugs(), default_page_size=settings.SEARCH_PAGE_SIZE, strict=False
    )
    # The page always shows a fixed page size; page_size is an API parameter.
    params = replace(params, page_size=settings.SEARCH_PAGE_SIZE)
    merk = Merkliste.from_request(request)
    # A page with a Merkliste belongs to one visitor: never cached, so it can neither crowd
    # out the shared pages nor be served to anyone else.
    if settings.DEBUG or merk:  # DEBUG: template edits show at once during development
        return _render_results(request, params, merk)
    # KI editors see export links (opendata/partials/search_export_links.html): their pages are
    # never cached, so the links cannot reach anybody else. Without a session cookie nobody is
    # logged in, and request.user is not even looked up.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and is_editor(request.user):
        return _render_results(request, params, merk)
    return results.cached_page("offers:results:", params, lambda: _render_results(request, params))


def _render_results(request, params, merk=EMPTY_MERKLISTE):
    params, result = results.run_search(params)
    links = results.Links.site(merk)  # every link keeps the Merkliste
    context = results.page_context(params, result, links, marking=True)
    context["merk"] = merk
    context["map_url"] = map_url(params, merk)  # the same search on the district map
    return render(request, "offers/search.html", context)


def _back_to_search_url(request):
    """The results page the visitor came from (so the breadcrumb keeps their filters)."""
    referer = request.headers.get("Referer", "")
    search_path = reverse("offers:search")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        if parts.path == search_path:
            return f"{parts.path}?{parts.query}" if parts.query else parts.path
    return search_path


@require_safe
def detail(request, pk):
    """One published offer with everything needed to act on it; 404 for any other status."""
    offer = get_object_or_404(
        Offer.objects.published()
        .select_related("organisation", "organisation__city")
        .prefetch_related(
            "topics", "target_groups", "languages", "cities", "times",
            Prefetch("places", queryset=Place.objects.select_related("city")),
            Prefetch("contacts", queryset=Contact.objects.public().order_by("name"),
                     to_attr="public_contacts"),
        ),
        pk=pk,
    )
    today = rules.today()
    text = offer.text_in(page_language())  # reads the translations only on other pages than German
    merk = Merkliste.from_request(request)
    return render(request, "offers/detail.html", {
        "offer": offer,
        # title, summary and description in the page's language, or German marked as such
        "text": text,
        "text_attributes": fallback_attributes(text),
        "back_url": merk.apply_to(_back_to_search_url(request)),  # with the current Merkliste
        "merk": merk,
        "merk_toggle_url": merk.toggled(offer.pk).apply_to(request.path),
        "print_path": request.path,
        "report_url": reverse("reports:create", args=[offer.pk]),
        # Reachable while published, but out of the search: the visitor should know why.
        "is_ended": rules.is_ended(offer, today),
        "is_hidden": rules.is_hidden(offer, today),
    })



"""The embedded search for other websites, its how-to page, and the Merkliste page."""

from dataclasses import replace
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from freshness import rules
from offers import results
from offers.models import SOURCE_LANGUAGE, Offer, Place, prefetch_translations
from offers.texts import fallback_attributes, page_language
from providers.models import Contact
from search.engine import known_slugs
from search.params import parse_search_params

from .forms import FRAME_HEIGHT, EmbedSnippetForm
from .framing import embeddable, frame_ancestors
from .merkliste import Merkliste
from .qr import qr_svg


def _offers_with_details():
    """Published offers with everything the embed's offer page and the Merkliste show."""
    return (
        Offer.objects.published()
        .select_related("organisation", "organisation__city")
        .prefetch_related(
            "languages", "cities", "times",
            Prefetch("places", queryset=Place.objects.select_related("city")),
            Prefetch("contacts", queryset=Contact.objects.public().order_by("name"),
                     to_attr="public_contacts"),
        )
    )


def _search_params(request):
    params = parse_search_params(
        request.GET, known_slugs(), default_page_size=settings.SEARCH_PAGE_SIZE, strict=False
    )
    return replace(params, page_size=settings.SEARCH_PAGE_SIZE)


def _embed_links(params):
    base = reverse("sharing:embed")
    # Offer links carry the search, so the offer's "back" link returns to the same results
    # (a Referer is not something to count on inside another site's frame).
    return results.Links(base, f"{base}angebote/", offer_query=tuple(params.to_query()))


@require_safe
@embeddable
def embed(request):
    """The search with minimal chrome, for other websites' frames; same parameters as /angebote/."""
    params = _search_params(request)
    if settings.DEBUG:
        return _render_embed(request, params)
    return results.cached_page("sharing:embed:", params, lambda: _render_embed(request, params))


def _render_embed(request, params):
    params, result = results.run_search(params)
    context = results.page_context(params, result, _embed_links(params))
    # the same search on the full site (opens in a new tab: it may not be framed)
    context["site_search_url"] = results.search_url(params)
    return render(request, "sharing/embed.html", context)


@require_safe
@embeddable
def embed_offer(request, pk):
    """One offer inside the frame: contact, places, times; the full page opens in a new tab."""
    offer = get_object_or_404(_offers_with_details().prefetch_related("topics"), pk=pk)
    params = _search_params(request)  # the search the visitor came from
    text = offer.text_in(page_language())
    today = rules.today()
    return render(request, "sharing/embed_offer.html", {
        "offer": offer,
        "text": text,
        "text_attributes": fallback_attributes(text),
        "back_url": _embed_links(params).search(params),
        "is_ended": rules.is_ended(offer, today),
        "is_hidden": rules.is_hidden(offer, today),
        "print_path": offer.get_absolute_url(),
    })


@require_safe
def embed_help(request):
    """How to put the search on another website: a snippet generator and a live preview."""
    form = EmbedSnippetForm(request.GET or None)
    snippet = preview_url = None
    if not form.is_bound or form.is_valid():
        language = form.cleaned_data["lang"] if form.is_bound else "de"
        query = form.search_query() if form.is_bound else []
        with translation.override(language):
            path = reverse("sharing:embed")
            title = str(settings.SITE_NAME)
        preview_url = f"{path}?{urlencode(query)}" if query else path
        snippet = (
            f'<iframe src="{escape(settings.SITE_URL + preview_url)}" title="{escape(title)}" '
            f'width="100%" height="{FRAME_HEIGHT}" loading="lazy"></iframe>'
        )
    return render(request, "sharing/embed_help.html", {
        "form": form,
        "snippet": snippet,
        "preview_url": preview_url,
        "frame_height": FRAME_HEIGHT,
        # what browsers accept today, without this site itself ('self', always allowed)
        "allowed_sites": [source for source in frame_ancestors() if source != "'self'"],
        "ki_email": settings.KI_EMAIL,
    })


@require_safe
def merkliste(request):
    """The collected offers in full, to print or to share as a link (and QR code)."""
    merk = Merkliste.from_request(request)
    language = page_language()
    offers = {offer.pk: offer for offer in _offers_with_details().filter(pk__in=merk.ids)}
    if language != SOURCE_LANGUAGE:
        prefetch_translations(offers.values())
    today = rules.today()
    list_path = reverse("sharing:list")
    items = []
    for pk in merk.ids:
        offer = offers.get(pk)
        item = {"pk": pk, "offer": offer, "remove_url": merk.removed(pk).apply_to(list_path)}
        if offer is not None:  # else: withdrawn, archived or never there ("nicht mehr verfügbar")
            text = offer.text_in(language)
            item.update(
                text=text, text_attributes=fallback_attributes(text),
                url=merk.apply_to(offer.get_absolute_url()),
                is_ended=rules.is_ended(offer, today), is_hidden=rules.is_hidden(offer, today),
            )
        items.append(item)
    context = {
        "merk": merk,
        "items": items,
        "available": sum(1 for item in items if item["offer"] is not None),
        "search_url": merk.apply_to(reverse("offers:search")),
        "print_path": merk.list_url(),
    }
    if merk:
        share_url = settings.SITE_URL + merk.list_url()
        context["share_url"] = share_url
        context["qr_code"] = qr_svg(share_url, _("QR-Code mit dem Link zu dieser Merkliste"))
    return render(request, "sharing/merkliste.html", context)

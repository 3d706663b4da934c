"""JSON API v1: thin read-only views; serialisation lives in api/serializers.py."""

import contextlib
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from offers.models import SOURCE_LANGUAGE, Offer, Place, prefetch_translations
from providers.models import Contact, Organisation
from search import proximity
from search.engine import known_slugs, search_offers
from search.params import SearchParamError, parse_search_params
from taxonomy.models import City, Language, TargetGroup, Topic

from . import openapi, openapi_combined, serializers
from .http import DOCUMENT_CACHE_CONTROL, api_view, json_response

OFFER_VIEW = "offers:detail"
ORGANISATION_VIEW = "providers:detail"


@api_view(data=False)
def index(request):
    """Where to go from the API root."""
    links = {
        name: request.build_absolute_uri(reverse(f"api:{name}"))
        for name in ("offers", "taxonomy", "openapi")
    }
    return json_response(request, links, last_modified=False)


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _text_language(request):
    """The `lang` parameter: which language titles and descriptions are wanted in (German
    where an offer has no translation). Absent or empty: German."""
    language = request.GET.get("lang", "")
    if language and language not in LANGUAGE_CODES:
        raise SearchParamError("lang", "invalid_choice",
                               _("„lang“ muss einer dieser Werte sein: %(codes)s.")
                               % {"codes": ", ".join(LANGUAGE_CODES)})
    return language or None


def _in_language(language):
    """Links to offer pages in the asked language (/ar/angebote/7/); unchanged without one."""
    return translation.override(language) if language else contextlib.nullcontext()


def _page_link(request, params, page, language):
    pairs = params.to_query(page=page)
    if params.page_size != settings.SEARCH_PAGE_SIZE:
        pairs.append(("page_size", str(params.page_size)))
    if language:
        pairs.append(("lang", language))
    query = urlencode(pairs)
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@api_view
def offer_list(request):
    """Search visible offers; unknown parameters are ignored, bad values answer 400."""
    params = parse_search_params(
        request.GET, known_slugs(), default_page_size=settings.SEARCH_PAGE_SIZE,
        strict=True,
    )
    language = _text_language(request)
    result = search_offers(params)
    prefetch_translations(result.offers)  # one query for the whole page
    next_url = None
    if params.page < result.num_pages:
        next_url = _page_link(request, params, params.page + 1, language)
    previous_url = None
    if params.page > 1:
        previous_url = _page_link(request, params, min(params.page - 1, result.num_pages), language)
    with _in_language(language):
        offer_url = serializers.url_builder(request, OFFER_VIEW)
    nearest = proximity.matches(params.near, params.radius).nearest if params.near else None
    data = serializers.offer_list(result, offer_url, next_url, previous_url,
                                  language or SOURCE_LANGUAGE, nearest)
    return json_response(request, data)


@api_view
def offer_detail(request, id):
    """One published offer with places, times and consented contacts (also while it is out
    of the search for review or ended: links to it keep working)."""
    language = _text_language(request)
    queryset = Offer.objects.published().select_related("organisation").prefetch_related(
        "cities", "topics", "target_groups", "languages", "times", "translations",
        Prefetch("places", queryset=Place.objects.select_related("city")),
        Prefetch("contacts", queryset=Contact.objects.public()),
    )
    offer = get_object_or_404(queryset, pk=id)
    with _in_language(language):
        offer_url = serializers.url_builder(request, OFFER_VIEW)
        organisation_url = serializers.url_builder(request, ORGANISATION_VIEW)
    data = serializers.offer_detail(offer, offer_url, organisation_url, language or SOURCE_LANGUAGE)
    return json_response(request, data)


@api_view
def organisation_detail(request, id):
    """A provider with its visible offers (those the search lists) and consented contacts."""
    organisation = get_object_or_404(Organisation.objects.select_related("city"), pk=id)
    # organisation_id too: the related manager sets it on every row (else one query per offer).
    offers = organisation.offers.visible().only("pk", "title", "organisation_id").order_by("title", "pk")
    contacts = Contact.objects.public().filter(organisation=organisation)
    data = serializers.organisation_detail(
        organisation, offers, contacts,
        serializers.url_builder(request, OFFER_VIEW),
        serializers.url_builder(request, ORGANISATION_VIEW),
    )
    return json_response(request, data)


@api_view
def taxonomy(request):
    """Cities, topics, target groups and languages: the slugs the filters accept, with names
    in the `lang` asked for (German without)."""
    language = _text_language(request)
    with translation.override(language or SOURCE_LANGUAGE):
        data = serializers.taxonomy(
            City.objects.all(), Topic.objects.all(), TargetGroup.objects.all(), Language.objects.all()
        )
    return json_response(request, data)


@api_view(data=False)
def openapi_document(request):
    """The OpenAPI 3.1 description of API v1."""
    return json_response(request, openapi.document(), cache_control=DOCUMENT_CACHE_CONTROL,
                         last_modified=False)


@api_view(data=False)
def combined_openapi_document(request):
    """One OpenAPI 3.1 document for every API of the site: /api/v1 and /api/hsds."""
    return json_response(request, openapi_combined.document(),
                         cache_control=DOCUMENT_CACHE_CONTROL, last_modified=False)

"""JSON API v1: thin read-only views; serialisation lives in api/serializers.py."""

from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse

from offers.models import Offer, Place
from providers.models import Contact, Organisation
from search.engine import known_slugs, search_offers
from search.params import parse_search_params
from taxonomy.models import City, Language, TargetGroup, Topic

from . import openapi, serializers
from .http import api_view, json_response

OFFER_VIEW = "offers:detail"
ORGANISATION_VIEW = "providers:detail"


@api_view
def index(request):
    """Where to go from the API root."""
    links = {
        name: request.build_absolute_uri(reverse(f"api:{name}"))
        for name in ("offers", "taxonomy", "openapi")
    }
    return json_response(request, links)


def _page_link(request, params, page):
    pairs = params.to_query(page=page)
    if params.page_size != settings.SEARCH_PAGE_SIZE:
        pairs.append(("page_size", str(params.page_size)))
    query = urlencode(pairs)
    return request.build_absolute_uri(request.path + (f"?{query}" if query else ""))


@api_view
def offer_list(request):
    """Search visible offers; unknown parameters are ignored, bad values answer 400."""
    params = parse_search_params(
        request.GET, known_slugs(), default_page_size=settings.SEARCH_PAGE_SIZE,
        strict=True,
    )
    result = search_offers(params)
    next_url = _page_link(request, params, params.page + 1) if params.page < result.num_pages else None
    previous_url = None
    if params.page > 1:
        previous_url = _page_link(request, params, min(params.page - 1, result.num_pages))
    data = serializers.offer_list(
        result, serializers.url_builder(request, OFFER_VIEW), next_url, previous_url
    )
    return json_response(request, data)


@api_view
def offer_detail(request, id):
    """One published offer with places, times and consented contacts (also while it is out
    of the search for review or ended: links to it keep working)."""
    queryset = Offer.objects.published().select_related("organisation").prefetch_related(
        "cities", "topics", "target_groups", "languages", "times",
        Prefetch("places", queryset=Place.objects.select_related("city")),
        Prefetch("contacts", queryset=Contact.objects.public()),
    )
    offer = get_object_or_404(queryset, pk=id)
    data = serializers.offer_detail(
        offer,
        serializers.url_builder(request, OFFER_VIEW),
        serializers.url_builder(request, ORGANISATION_VIEW),
    )
    return json_response(request, data)


@api_view
def organisation_detail(request, id):
    """A provider with its visible offers (those the search lists) and consented contacts."""
    organisation = get_object_or_404(Organisation.objects.select_related("city"), pk=id)
    offers = organisation.offers.visible().only("pk", "title").order_by("title", "pk")
    contacts = Contact.objects.public().filter(organisation=organisation)
    data = serializers.organisation_detail(
        organisation, offers, contacts,
        serializers.url_builder(request, OFFER_VIEW),
        serializers.url_builder(request, ORGANISATION_VIEW),
    )
    return json_response(request, data)


@api_view
def taxonomy(request):
    """Cities, topics, target groups and languages: the slugs the filters accept."""
    data = serializers.taxonomy(
        City.objects.all(), Topic.objects.all(), TargetGroup.objects.all(), Language.objects.all()
    )
    return json_response(request, data)


@api_view
def openapi_document(request):
    """The OpenAPI 3.1 description of this API."""
    return json_response(request, openapi.document())

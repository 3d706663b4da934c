"""Open Referral HSDS 3.0 read API: thin views over hsds/queries.py and hsds/serializers.py.

Same HTTP behaviour as /api/v1 (api/http.py): GET/HEAD/OPTIONS only, CORS `*`, weak ETags
and 304, Cache-Control, and the one JSON error shape for 400/404/405.
"""

import hashlib
import math
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date

from api.http import (
    CACHE_CONTROL,
    DOCUMENT_CACHE_CONTROL,
    _etag_matches,
    _not_modified_since,
    _open_read_headers,
    api_view,
    data_changed,
    data_last_modified,
    dumps,
    json_response,
)

from . import ids, openapi, queries, serializers
from .ids import parse_uuid
from .params import parse_list_params
from .serializers import Context

HSDS_VERSION = "3.0"
NDJSON_CONTENT_TYPE = "application/x-ndjson; charset=utf-8"
PROFILE_PATH = Path(__file__).resolve().parent / "PROFILE.md"
SERVICE_FILTERS = ("taxonomy_term_id", "organization_id", "modified_after")


def _ndjson_etag(request, modified):
    """A weak validator for a stream, known before it is written: the same URL (filters, host)
    over the same data (Last-Modified) and the same mapping gives the same lines."""
    key = f"{serializers.FORMAT_VERSION}|{modified}|{request.build_absolute_uri()}"
    return f'W/"{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}"'


def _ndjson(request, selection, load, serialize):
    """The whole selection, one object per line, loaded and sent in batches so memory stays
    flat however many objects there are. ETag and Last-Modified as for JSON answers, so a
    client that already holds this dump gets an empty 304."""
    # The validators use the exact change time: two changes within one second must give two
    # ETags, and If-Modified-Since is compared like json_response does (api/http.py).
    changed = data_changed(request)
    modified = data_last_modified(request)
    etag = _ndjson_etag(request, changed)
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        not_modified = _etag_matches(if_none_match, etag)
    else:
        not_modified = _not_modified_since(request.headers.get("If-Modified-Since"), changed)
    if not_modified:
        response = HttpResponseNotModified()
    elif request.method == "HEAD":
        response = HttpResponse(content_type=NDJSON_CONTENT_TYPE)
    else:
        keys = selection.all()

        def lines():
            for start in range(0, len(keys), queries.BATCH_SIZE):
                with translation.override("de"):
                    batch = load(keys[start:start + queries.BATCH_SIZE])
                    chunk = "".join(dumps(serialize(item)) + "\n" for item in batch)
                yield chunk.encode()

        response = StreamingHttpResponse(lines(), content_type=NDJSON_CONTENT_TYPE)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Encoding",))  # as json_response: a 304 repeats it
    return _open_read_headers(response)


def _list(request, params, selection, load, serialize):
    """One page in the HSDS envelope, or with format=ndjson every object of the selection."""
    if params.ndjson:
        return _ndjson(request, selection, load, serialize)
    total = selection.count()
    with translation.override("de"):
        contents = [serialize(item) for item in load(selection.slice(params.offset, params.per_page))]
    total_pages = math.ceil(total / params.per_page)
    return json_response(request, {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= total_pages,
        "empty": not contents,
        "contents": contents,
    })


def _detail(request, found, serialize):
    if found is None:
        raise Http404
    with translation.override("de"):
        return json_response(request, serialize(found))


def _identity(items):
    return items


@api_view(data=False)
def index(request):
    """What this API is: HSDS version, profile and OpenAPI document (as the reference API)."""
    return json_response(request, {
        "version": HSDS_VERSION,
        "profile": request.build_absolute_uri(reverse("hsds:profile")),
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
    }, last_modified=False)


@api_view(data=False)
def profile(request):
    """hsds/PROFILE.md: how the project's data maps to HSDS, as Markdown."""
    body = (PROFILE_PATH.read_text(encoding="utf-8") + (
        "\n## This installation\n\n"
        f"Data licence: {settings.OPEN_DATA_LICENCE} ({settings.OPEN_DATA_LICENCE_URL}); "
        f"publisher: {settings.OPEN_DATA_PUBLISHER}.\n"
    )).encode()
    etag = f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    if _etag_matches(request.headers.get("If-None-Match"), etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = DOCUMENT_CACHE_CONTROL
    patch_vary_headers(response, ("Accept-Encoding",))
    return _open_read_headers(response)


@api_view(data=False)
def openapi_document(request):
    """This API's OpenAPI 3.1 document alone (/api/openapi.json has it with /api/v1)."""
    return json_response(request, openapi.document(), cache_control=DOCUMENT_CACHE_CONTROL,
                         last_modified=False)


@api_view
def services(request):
    ctx = Context(request)
    params = parse_list_params(request.GET, ctx.vocabulary, SERVICE_FILTERS)
    return _list(request, params, queries.service_selection(params, ctx.vocabulary),
                 queries.load_offers, lambda offer: serializers.service(offer, ctx))


@api_view
def service_detail(request, id):
    """Any published offer (also one out of the search for review or ended: status
    "inactive"), like /api/v1/offers/{id}."""
    ctx = Context(request)
    offer = queries.published_offer(ids.pk_from_id(ids.SERVICE, id))
    return _detail(request, offer, lambda offer: serializers.service(offer, ctx))


@api_view
def service_at_locations(request):
    ctx = Context(request)
    params = parse_list_params(request.GET, ctx.vocabulary, (*SERVICE_FILTERS, "postcode"))
    return _list(
        request, params, queries.sal_selection(params, ctx.vocabulary), queries.load_sals,
        lambda pair: serializers.service_at_location(*pair, ctx, with_service=True),
    )


@api_view
def service_at_location_detail(request, id):
    ctx = Context(request)
    return _detail(request, queries.sal_by_id(id),
                   lambda pair: serializers.service_at_location(*pair, ctx, with_service=True))


@api_view
def organizations(request):
    ctx = Context(request)
    params = parse_list_params(request.GET)
    return _list(request, params, queries.organization_selection(params), queries.load_organizations,
                 lambda org: serializers.organization_full(org, ctx))


@api_view
def organization_detail(request, id):
    ctx = Context(request)
    return _detail(request, queries.organization_by_id(id),
                   lambda org: serializers.organization_full(org, ctx))


def _matches(search, *texts):
    needle = search.casefold()
    return not needle or any(needle in text.casefold() for text in texts)


@api_view
def taxonomies(request):
    vocabulary = Context(request).vocabulary
    params = parse_list_params(request.GET)
    found = [t for t in vocabulary.taxonomies if _matches(params.search, t["name"], t["description"])]
    return _list(request, params, queries.ListSelection(found), _identity, _identity)


@api_view
def taxonomy_detail(request, id):
    vocabulary = Context(request).vocabulary
    return _detail(request, vocabulary.taxonomy(parse_uuid(id)), _identity)


@api_view
def taxonomy_terms(request):
    vocabulary = Context(request).vocabulary
    params = parse_list_params(request.GET, vocabulary, ("taxonomy_id",))
    terms = vocabulary.all_terms()
    if params.taxonomy_id:
        terms = [term for term in terms if term["taxonomy_id"] == params.taxonomy_id]
    found = [term for term in terms if _matches(params.search, term["name"], term["code"])]
    return _list(request, params, queries.ListSelection(found), _identity, _identity)


@api_view
def taxonomy_term_detail(request, id):
    vocabulary = Context(request).vocabulary
    return _detail(request, vocabulary.term(parse_uuid(id)), _identity)

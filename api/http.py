"""HTTP plumbing of the JSON APIs (/api/v1 and /api/hsds): one encoder, one error shape, CORS,
caching, ETags and Last-Modified.

Every API view is wrapped in `api_view`, so the rules live here once: only GET/HEAD (and a
CORS preflight) are answered, bad search parameters become a 400 and missing objects a 404,
all in the shape {"error": {"code", "message", "parameter"}}.

Caching: a 200 carries a weak ETag (a hash of the body) and, when it depends on the data, a
Last-Modified (when the published data last changed, search.version.changed_at). A matching
If-None-Match, or else an If-Modified-Since not older than Last-Modified, turns it into an
empty 304 with the same validators (RFC 9110, 13.2.2: If-None-Match wins).
"""

import hashlib
import json
import time
from functools import wraps

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from search import version
from search.indexing import sweep_daily
from search.params import SearchParamError

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# Lists and single objects: fresh for a minute; a cache may serve a stale copy for another
# minute while it revalidates (cheap: a 304 when nothing changed).
CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=60"
# The OpenAPI documents change only with a new release of the software.
DOCUMENT_CACHE_CONTROL = "public, max-age=3600"
# Errors may turn into answers any moment (an offer gets published): always ask again.
ERROR_CACHE_CONTROL = "no-cache"
# Cache-Control and Last-Modified are readable by browser scripts anyway; ETag must be exposed.
EXPOSE_HEADERS = "ETag, Last-Modified"
PREFLIGHT_ALLOW_HEADERS = "If-None-Match, If-Modified-Since"
# Error messages and term names do not follow Accept-Language: `lang` picks the texts.
API_LANGUAGE = "de"


def dumps(data):
    """Compact JSON that keeps umlauts readable (ensure_ascii=False)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _open_read_headers(response):
    # An open read API: any site may read it from a browser, and nothing identifies a user.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # api.middleware drops the Vary: Accept-Language that LocaleMiddleware adds (see there).
    response.api_language_neutral = True
    return response


def _etag_matches(if_none_match, etag):
    # Weak comparison (RFC 9110, 13.1.2): W/"x" matches "x" and W/"x".
    if not if_none_match:
        return False
    candidates = parse_etags(if_none_match)
    if "*" in candidates:
        return True
    bare = etag.removeprefix("W/")
    return any(candidate.removeprefix("W/") == bare for candidate in candidates)


def _data_time(request):
    """(changed, announced) for this request, read once (see data_last_modified)."""
    stamp = getattr(request, "_api_data_time", None)
    if stamp is None:
        sweep_daily()
        changed = version.changed_at().timestamp()
        stamp = (changed, min(int(changed), int(time.time()) - 1))
        request._api_data_time = stamp
    return stamp


def data_last_modified(request):
    """The Last-Modified of this request's data-dependent answer, as a Unix time in seconds.

    Read once per request, before the view reads the data (api_view does that), so a change
    committed meanwhile can only make the answer newer than announced, never older. The day's
    sweep runs first: offers that left the search at midnight move the time too.

    A change within the current second is announced one second early: HTTP dates have second
    precision, and a further change later in this second must not look already seen to a
    client holding this answer. If-Modified-Since is therefore compared with the true time
    (data_changed), so that client gets one more 200 rather than a wrong 304. It also keeps
    the date from ever lying in the future (RFC 9110, 8.8.2.1).
    """
    return _data_time(request)[1]


def data_changed(request):
    """When the published data last changed, as an exact Unix time (a float that differs for
    every change): compare If-Modified-Since with it, or build a validator from it."""
    return _data_time(request)[0]


def _not_modified_since(if_modified_since, changed):
    """Whether data last changed at `changed` (Unix time; pass data_changed()) is unchanged
    since the If-Modified-Since date. RFC 9110, 13.1.3: an invalid date is ignored; so is one
    in the future (a client's clock)."""
    since = parse_http_date_safe(if_modified_since) if if_modified_since else None
    if since is None or since > time.time():
        return False
    return int(changed) <= since


def json_response(request, data, status=200, *, cache_control=CACHE_CONTROL, last_modified=True):
    """A JSON answer. A 200 gets Cache-Control, a weak ETag and (with last_modified=True, for
    answers that depend on the data) Last-Modified; a matching If-None-Match or, without one,
    an If-Modified-Since turns it into an empty 304 with the same headers."""
    body = dumps(data).encode()
    if status != 200:
        response = HttpResponse(body, status=status, content_type=JSON_CONTENT_TYPE)
        response["Cache-Control"] = ERROR_CACHE_CONTROL
        return _open_read_headers(response)
    etag = f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    changed, modified = _data_time(request) if last_modified else (None, None)
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        not_modified = _etag_matches(if_none_match, etag)
    else:
        not_modified = changed is not None and _not_modified_since(
            request.headers.get("If-Modified-Since"), changed)
    response = HttpResponseNotModified() if not_modified else HttpResponse(
        body, content_type=JSON_CONTENT_TYPE)
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = cache_control
    # GZipMiddleware adds this to large bodies only; a 304 must repeat the 200's Vary.
    patch_vary_headers(response, ("Accept-Encoding",))
    return _open_read_headers(response)


def error_response(request, status, code, message, parameter=None):
    """The one error shape of the API."""
    data = {"error": {"code": code, "message": str(message), "parameter": parameter}}
    return json_response(request, data, status=status)


def not_found_response(request):
    return error_response(request, 404, "not_found", _("Nicht gefunden."))


def method_not_allowed_response(request):
    response = error_response(
        request, 405, "method_not_allowed",
        _("Die Methode %(method)s ist hier nicht erlaubt; die API kann nur gelesen werden.")
        % {"method": request.method[:20]},
    )
    response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def _preflight_response():
    response = HttpResponse(status=204)
    del response["Content-Type"]
    response["Allow"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = PREFLIGHT_ALLOW_HEADERS
    response["Access-Control-Max-Age"] = "86400"
    return _open_read_headers(response)


def api_view(view=None, *, data=True):
    """Wrap a read-only API view: method check, CORS, German messages and the JSON error shape.

    `@api_view` for answers that depend on the data (they get Last-Modified); use
    `@api_view(data=False)` for fixed ones and pass `last_modified=False` to json_response.
    """
    if view is None:
        return lambda func: api_view(func, data=data)

    @csrf_exempt  # nothing is ever written; other methods must reach us to get a JSON 405
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight_response()
        with translation.override(API_LANGUAGE):
            if request.method not in ("GET", "HEAD"):
                return method_not_allowed_response(request)
            try:
                if data:
                    _data_time(request)  # before the view reads the data
                return view(request, *args, **kwargs)
            except SearchParamError as exc:
                return error_response(request, 400, exc.code, exc.message, exc.parameter)
            except Http404:
                return not_found_response(request)

    return wrapper


@csrf_exempt
def unknown_path(request, path=""):
    """Catch-all under /api/v1/: a JSON 404 for any method."""
    with translation.override(API_LANGUAGE):
        return not_found_response(request)

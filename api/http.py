"""HTTP plumbing of the JSON API: one encoder, one error shape, CORS, caching and ETags.

Every API view is wrapped in `api_view`, so the rules live here once: only GET/HEAD (and a
CORS preflight) are answered, bad search parameters become a 400 and missing objects a 404,
all in the shape {"error": {"code", "message", "parameter"}}.
"""

import hashlib
import json
from functools import wraps

from django.http import Http404, HttpResponse
from django.utils.http import parse_etags
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from search.params import SearchParamError

JSON_CONTENT_TYPE = "application/json; charset=utf-8"
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
CACHE_CONTROL = "public, max-age=60"


def dumps(data):
    """Compact JSON that keeps umlauts readable (ensure_ascii=False)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _open_read_headers(response):
    # An open read API: any site may read it from a browser, and nothing identifies a user.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
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


def json_response(request, data, status=200):
    """A JSON answer; a 200 gets Cache-Control and a weak ETag, and a matching
    If-None-Match turns it into an empty 304."""
    body = dumps(data).encode()
    if status != 200:
        response = HttpResponse(body, status=status, content_type=JSON_CONTENT_TYPE)
        response["Cache-Control"] = "no-cache"
        return _open_read_headers(response)
    etag = f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'
    if _etag_matches(request.headers.get("If-None-Match"), etag):
        response = HttpResponse(status=304)
        del response["Content-Type"]
    else:
        response = HttpResponse(body, content_type=JSON_CONTENT_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
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
    response["Access-Control-Allow-Headers"] = "If-None-Match"
    response["Access-Control-Max-Age"] = "86400"
    return _open_read_headers(response)


def api_view(view):
    """Wrap a read-only API view: method check, CORS, and the JSON error shape."""

    @csrf_exempt  # nothing is ever written; other methods must reach us to get a JSON 405
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _preflight_response()
        if request.method not in ("GET", "HEAD"):
            return method_not_allowed_response(request)
        try:
            return view(request, *args, **kwargs)
        except SearchParamError as exc:
            return error_response(request, 400, exc.code, exc.message, exc.parameter)
        except Http404:
            return not_found_response(request)

    return wrapper


@csrf_exempt
def unknown_path(request, path=""):
    """Catch-all under /api/v1/: a JSON 404 for any method."""
    return not_found_response(request)

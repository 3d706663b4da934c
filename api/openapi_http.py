"""The HTTP behaviour of the APIs (api/http.py) as OpenAPI pieces: caching and CORS headers,
the conditional request headers, 304 and the error answers.

Used by the v1 document and the combined one; HSDS operations may use them as well
(responses refer to `#/components/headers/…` and `#/components/schemas/Error`, which the
combined document provides). Headers are marked required where api/http.py always sends them,
so the fuzz test (api/tests/test_fuzz_openapi.py) fails when one goes missing.
"""

from .http import (
    ALLOWED_METHODS,
    CACHE_CONTROL,
    DOCUMENT_CACHE_CONTROL,
    ERROR_CACHE_CONTROL,
    EXPOSE_HEADERS,
)

HTTP_DATE_PATTERN = (
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
    r"\d{4} \d{2}:\d{2}:\d{2} GMT$"
)


def _header(description, schema, required=True):
    return {"description": description, "required": required, "schema": schema}


def _constant(value):
    return {"type": "string", "enum": [value]}


def headers():
    """components.headers"""
    return {
        "ETag": _header("Weak validator of this answer (a hash of its body); send it back as "
                        "If-None-Match.", {"type": "string", "pattern": r'^W/"[0-9a-f]{32}"$'}),
        "Last-Modified": _header(
            "When the published data last changed (offers, providers, contact persons, the "
            "vocabulary, or offers leaving the search as days pass); send it back as "
            "If-Modified-Since.", {"type": "string", "pattern": HTTP_DATE_PATTERN}),
        "Cache-Control": _header("Fresh for 60 seconds; a cache may serve it 60 seconds longer "
                                 "while it revalidates.", _constant(CACHE_CONTROL)),
        "Cache-Control-Document": _header("The document changes only with a new release.",
                                          _constant(DOCUMENT_CACHE_CONTROL)),
        "Cache-Control-Error": _header("Errors are not reused without asking again.",
                                       _constant(ERROR_CACHE_CONTROL)),
        "CORS": _header("Any origin may read the API.", _constant("*")),
        "CORS-Expose": _header("Browser scripts may read the validators.", _constant(EXPOSE_HEADERS)),
        "Allow": _header("The methods the API answers.", _constant(", ".join(ALLOWED_METHODS))),
    }


# components.headers key -> the HTTP header it describes
HEADER_NAMES = {
    "ETag": "ETag", "Last-Modified": "Last-Modified", "Cache-Control": "Cache-Control",
    "Cache-Control-Document": "Cache-Control", "Cache-Control-Error": "Cache-Control",
    "CORS": "Access-Control-Allow-Origin", "CORS-Expose": "Access-Control-Expose-Headers",
    "Allow": "Allow",
}


def _refs(*keys):
    return {HEADER_NAMES[key]: {"$ref": f"#/components/headers/{key}"} for key in keys}


def conditional_parameters(data=True):
    """If-None-Match (and for data-dependent answers If-Modified-Since) as request headers."""
    params = [{
        "name": "If-None-Match", "in": "header", "required": False,
        "description": "ETags of copies the client holds (weak comparison, `*` matches any): "
                       "when one matches, the answer is an empty 304.",
        "schema": {"type": "string"},
    }]
    if data:
        params.append({
            "name": "If-Modified-Since", "in": "header", "required": False,
            "description": "An HTTP date, usually an earlier Last-Modified: when the data has not "
                           "changed since, the answer is an empty 304. Ignored together with "
                           "If-None-Match, and when it is not a valid date or lies in the future.",
            "schema": {"type": "string"},
        })
    return params


def _validator_headers(data, document):
    names = ["ETag", "Last-Modified"] if data else ["ETag"]
    return _refs(*names, "Cache-Control-Document" if document else "Cache-Control",
                 "CORS", "CORS-Expose")


def ok(schema, description, *, data=True, document=False):
    """A 200 with the validators; `schema` is a schema object (e.g. a $ref)."""
    return {"description": description, "headers": _validator_headers(data, document),
            "content": {"application/json": {"schema": schema}}}


def not_modified(*, data=True, document=False):
    how = ("If-None-Match matched the ETag or, without If-None-Match, nothing changed since "
           "If-Modified-Since" if data else "If-None-Match matched the ETag")
    return {"description": f"Not modified ({how}); no body.",
            "headers": _validator_headers(data, document)}


def error(description, *, allow=False):
    names = ["Cache-Control-Error", "CORS", "CORS-Expose", *(["Allow"] if allow else [])]
    return {"description": description, "headers": _refs(*names),
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def method_not_allowed():
    return error("Any method other than GET, HEAD or OPTIONS (not sent by GET; listed so clients "
                 "know the shape).", allow=True)

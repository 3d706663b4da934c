"""The open-data page and the package's files.

The files are the same in every language, so they live under /daten/ without a language
prefix; the page explaining them is /<lang>/offene-daten/. Neither touches the session:
anonymous visitors get no cookie, and the downloads carry no Vary: Cookie.
"""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from django.views.decorators.http import require_safe

from . import schema, store
from .build import JSON_NAME, PACKAGE_NAME, ZIP_NAME

# Data changes rarely; clients revalidate with the ETag after five minutes.
CACHE_CONTROL = "public, max-age=300"
INLINE = {PACKAGE_NAME, JSON_NAME}  # shown in the browser; CSV and ZIP are saved


def _open_data_headers(response):
    # Open data: any site may fetch it from a browser, and nothing in it identifies anyone.
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag"  # scripts may compare versions
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Content-Type-Options"] = "nosniff"
    # The files are the same in every language: api/middleware.py drops LocaleMiddleware's
    # Vary: Accept-Language and Content-Language, so shared caches keep one copy.
    response.api_language_neutral = True
    return response


def _not_modified(request, etag, last_modified):
    """RFC 9110: If-None-Match wins over If-Modified-Since (weak comparison)."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        candidates = {tag.removeprefix("W/") for tag in parse_etags(if_none_match)}
        return "*" in candidates or etag in candidates
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and int(last_modified.timestamp()) <= since


def _serve(request, name):
    for _attempt in range(2):
        generation = store.current()
        entry = generation.files.get(name)
        if entry is None:
            raise Http404
        etag = f'"{entry["sha256"][:32]}"'
        last_modified = generation.created
        if _not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
        else:
            try:
                stream = open(generation.path(name), "rb")  # noqa: SIM115 (FileResponse closes it)
            except FileNotFoundError:  # a newer generation replaced it just now: look again
                continue
            content_type = entry["mediatype"]
            if content_type.startswith("text/") or content_type.endswith("json"):
                content_type += "; charset=utf-8"
            response = FileResponse(stream, content_type=content_type, filename=name,
                                    as_attachment=name not in INLINE)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified.timestamp())
        return _open_data_headers(response)
    raise Http404


@require_safe
def datapackage(request):
    return _serve(request, PACKAGE_NAME)


@require_safe
def archive(request):
    return _serve(request, ZIP_NAME)


@require_safe
def data_file(request, filename):
    if filename in (PACKAGE_NAME, ZIP_NAME, store.MANIFEST_NAME):
        raise Http404  # served under their own names only; the manifest never
    return _serve(request, filename)


@require_safe
def index(request):
    """What the package holds, its licence and date, every file with its size, and the APIs."""
    generation = store.current()
    files = generation.files
    base = reverse("opendata_files:datapackage").rsplit("/", 1)[0] + "/"
    rows = generation.manifest["rows"]
    tables = [{
        "title": table.title, "description": table.description, "name": table.filename,
        "url": base + table.filename, "bytes": files[table.filename]["bytes"],
        "rows": rows.get(table.name, 0),
    } for table in schema.TABLES]
    return render(request, "opendata/index.html", {
        "created": generation.created,
        "offer_count": generation.manifest["offers"],
        "tables": tables,
        "archive": {"url": reverse("opendata_files:archive"), "name": ZIP_NAME,
                    "bytes": files[ZIP_NAME]["bytes"]},
        "package": {"url": reverse("opendata_files:datapackage"), "name": PACKAGE_NAME,
                    "bytes": files[PACKAGE_NAME]["bytes"]},
        "json": {"url": base + JSON_NAME, "name": JSON_NAME, "bytes": files[JSON_NAME]["bytes"]},
        "licence": settings.OPEN_DATA_LICENCE,
        "licence_url": settings.OPEN_DATA_LICENCE_URL,
        "publisher": settings.OPEN_DATA_PUBLISHER,
        "api_url": reverse("api:index"),
        "hsds_url": "/api/hsds/",  # built by the HSDS app; linked by path
    })

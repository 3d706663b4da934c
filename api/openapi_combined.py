"""One OpenAPI 3.1 document for every API of the site, served at /api/openapi.json.

It takes the v1 document (api/openapi.py; its paths are relative to /api/v1 there) and the
HSDS description (hsds/openapi.py: `paths()` with full paths, `schemas()`), and writes all
paths in full under one server "/". Schema names of HSDS that clash with a different v1
schema are renamed `Hsds<Name>` (with their references); identical ones are shared.
"""

import copy
import importlib
from functools import cache

from . import openapi, openapi_http

V1_PREFIX = "/api/v1"
HSDS_MODULE = "hsds.openapi"
DOCUMENT_PATH = "/api/openapi.json"
SCHEMA_REF = "#/components/schemas/"


def _hsds():
    """(paths, schemas) from hsds/openapi.py, or None while that module does not exist."""
    try:
        module = importlib.import_module(HSDS_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != HSDS_MODULE:
            raise
        return None
    return module.paths(), module.schemas()


def _rename_refs(node, renamed):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_REF) and ref[len(SCHEMA_REF):] in renamed:
            node["$ref"] = SCHEMA_REF + renamed[ref[len(SCHEMA_REF):]]
        for value in node.values():
            _rename_refs(value, renamed)
    elif isinstance(node, list):
        for value in node:
            _rename_refs(value, renamed)


def _operations(paths):
    for item in paths.values():
        for method, operation in item.items():
            if method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                yield operation


def _tag(paths, tag):
    for operation in _operations(paths):
        operation.setdefault("tags", [tag])


def _merge_hsds(paths, schemas, hsds_paths, hsds_schemas):
    hsds_paths, hsds_schemas = copy.deepcopy(hsds_paths), copy.deepcopy(hsds_schemas)
    renamed = {name: f"Hsds{name}" for name, schema in hsds_schemas.items()
               if name in schemas and schemas[name] != schema}
    _rename_refs(hsds_paths, renamed)
    _rename_refs(hsds_schemas, renamed)
    for name, schema in hsds_schemas.items():
        schemas[renamed.get(name, name)] = schema
    taken = {operation.get("operationId") for operation in _operations(paths)}
    for operation in _operations(hsds_paths):
        if operation.get("operationId") in taken:
            operation["operationId"] = "hsds" + operation["operationId"][:1].upper() + \
                operation["operationId"][1:]
    _tag(hsds_paths, "hsds")
    paths.update(hsds_paths)


@cache
def document():
    """The combined document (built once per process)."""
    v1 = copy.deepcopy(openapi.document())
    paths = {V1_PREFIX + path: item for path, item in v1["paths"].items()}
    _tag(paths, "v1")
    schemas = v1["components"]["schemas"]
    hsds = _hsds()
    if hsds is not None:
        _merge_hsds(paths, schemas, *hsds)
    paths[DOCUMENT_PATH] = {"get": {
        "operationId": "getOpenApiAll", "summary": "This document: every API of the site",
        "tags": ["meta"],
        "parameters": openapi_http.conditional_parameters(data=False),
        "responses": {
            "200": openapi_http.ok({"type": "object"}, "OpenAPI 3.1", data=False, document=True),
            "304": openapi_http.not_modified(data=False, document=True),
            "405": openapi_http.method_not_allowed(),
        },
    }}
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Integrationsangebote im Kreis Recklinghausen – APIs",
            "version": openapi.API_VERSION,
            "description": (
                "Every open, read-only API of the integration offers database in one document: "
                "the JSON API v1 (`/api/v1/…`, see also /api/v1/openapi.json) and the Open "
                "Referral HSDS 3.0 API (`/api/hsds/…`). No key, no cookies, CORS `*`. Answers "
                "are cacheable for 60 seconds (`stale-while-revalidate=60`) and carry a weak "
                "ETag and, where they depend on the data, Last-Modified; If-None-Match (which "
                "wins) or If-Modified-Since turn an unchanged answer into an empty 304. Errors "
                "have one shape (`Error`) and are not cached (`no-cache`)."
            ),
        },
        "servers": [{"url": "/"}],
        "tags": [
            {"name": "v1", "description": "JSON API v1"},
            {"name": "hsds", "description": "Open Referral Human Services Data Specification 3.0"},
            {"name": "meta", "description": "Descriptions of the APIs"},
        ],
        "paths": paths,
        "components": {"schemas": schemas, "headers": openapi_http.headers()},
    }

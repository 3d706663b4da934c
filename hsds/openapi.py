"""OpenAPI 3.1 description of the HSDS API under /api/hsds/.

`paths()` (full paths) and `schemas()` (components, all named Hsds…) are merged into the
site's one OpenAPI document by api/; `document()` is a standalone document of this API alone,
served at /api/hsds/openapi.json (the root's `openapi_url`). The HSDS objects are described
loosely (the keys this API always sends, their types); their full definition is the Open
Referral HSDS 3.0 schema, against which hsds/tests validate real answers. Responses name
their headers as api/openapi_http.py describes them (`#/components/headers/…`, which the
combined document and document() below provide); errors use HsdsError, whose codes are ours.
"""

from functools import cache

from django.conf import settings

from api import openapi_http
from search.params import MAX_QUERY_LENGTH

from .params import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, MAX_PROXIMITY, MAX_TERMS

PREFIX = "/api/hsds"
HSDS_SPEC = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html"

ERROR_CODES = {
    "invalid_integer": "page or per_page is not an integer.",
    "out_of_range": "A number outside its documented range, or too many taxonomy_term_id values.",
    "invalid_choice": "format is neither json nor ndjson.",
    "invalid_uuid": "An id parameter (taxonomy_term_id, organization_id, taxonomy_id) is not a UUID.",
    "unknown_value": "A taxonomy_term_id or taxonomy_id that does not exist, or a postcode "
                     "outside Kreis Recklinghausen.",
    "invalid_datetime": "modified_after is not an ISO 8601 date or date-time.",
    "invalid_postcode": "postcode is not five digits.",
    "invalid_number": "proximity is not a number of metres.",
    "missing_postcode": "proximity without postcode.",
    "not_found": "No such object, or an unknown path.",
    "method_not_allowed": "Only GET, HEAD and OPTIONS are answered.",
}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _string(fmt=None, **extra):
    schema = {"type": "string", **extra}
    if fmt:
        schema["format"] = fmt
    return schema


def _array(items):
    return {"type": "array", "items": items}


def _object(required, properties, description=None):
    """An open object (HSDS allows more fields than we send): these keys always present."""
    schema = {"type": "object", "required": list(required), "properties": properties}
    if description:
        schema["description"] = description
    return schema


UUID = _string("uuid")


def schemas():
    page_properties = {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 0},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0, "description": "Objects on this page."},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean", "description": "This page has no objects."},
        "contents": _array({"type": "object"}),
    }
    term = _object(("id", "code", "name", "description", "taxonomy_id", "language", "term_uri"), {
        "id": UUID, "code": _string(description="The slug used by the site and /api/v1."),
        "name": _string(description="German name."), "description": _string(),
        "taxonomy": _string("uri"), "taxonomy_id": UUID, "language": _string(enum=["de"]),
        "term_uri": _string("uri"),
    }, "A term of one of the project's taxonomies (topics, target groups, cities).")
    organization = _object(("id", "name", "description", "uri"), {
        "id": UUID, "name": _string(), "description": _string(), "email": _string(),
        "website": _string(), "uri": _string("uri", description="The provider's page on this site."),
        "phones": _array({"type": "object"}), "contacts": _array({"type": "object"}),
        "locations": _array({"type": "object"}), "organization_identifiers": _array({"type": "object"}),
        "services": _array(_object(("id", "name", "status"), {
            "id": UUID, "name": _string(), "status": _string(enum=["active"])})),
    }, "An HSDS organization (a provider with at least one published offer).")
    location = _object(("id", "location_type"), {
        "id": UUID, "location_type": _string(enum=["physical", "virtual"]),
        "organization_id": UUID, "name": _string(), "url": _string("uri"),
        "latitude": {"type": "number"}, "longitude": {"type": "number"},
        "addresses": _array({"type": "object"}), "accessibility": _array({"type": "object"}),
    })
    service_properties = {
        "id": UUID, "organization_id": UUID, "name": _string(), "description": _string(),
        "url": _string("uri"), "status": _string(enum=["active", "inactive"]),
        "application_process": _string(), "fees_description": _string(),
        "minimum_age": {"type": "number"}, "maximum_age": {"type": "number"},
        "assured_date": _string("date"), "last_modified": _string("date-time"),
        "organization": _ref("HsdsOrganization"),
        "contacts": _array({"type": "object"}), "schedules": _array({"type": "object"}),
        "service_areas": _array({"type": "object"}), "languages": _array({"type": "object"}),
        "cost_options": _array({"type": "object"}),
        "attributes": _array(_object(("id", "link_id", "link_type", "link_entity", "taxonomy_term_id",
                                      "taxonomy_term"), {
            "id": UUID, "link_id": UUID, "link_type": _string(enum=["topic", "target_group", "city"]),
            "link_entity": _string(enum=["service"]), "taxonomy_term_id": UUID,
            "taxonomy_term": _ref("HsdsTaxonomyTerm"),
        })),
        "service_at_locations": _array(_ref("HsdsServiceAtLocation")),
    }
    service_keys = ("id", "organization_id", "name", "status", "last_modified", "organization", "contacts",
                    "schedules", "service_areas", "languages", "cost_options", "attributes")
    return {
        "HsdsIndex": _object(("version", "profile", "openapi_url"), {
            "version": _string(enum=["3.0"]), "profile": _string("uri"), "openapi_url": _string("uri"),
        }, "What this API is (the HSDS reference API's root answer)."),
        "HsdsError": _object(("error",), {"error": _object(("code", "message", "parameter"), {
            "code": _string(enum=list(ERROR_CODES)),
            "message": _string(description="Human-readable reason in German."),
            "parameter": {"type": ["string", "null"], "description": "The query parameter at fault."},
        })}, "The API's one error shape. Codes: " + "; ".join(
            f"`{code}`: {text}" for code, text in ERROR_CODES.items())),
        "HsdsPage": _object(tuple(page_properties), page_properties,
                            "The HSDS paging envelope (Page of the reference API) with `contents`."),
        "HsdsTaxonomy": _object(("id", "name", "description", "uri"), {
            "id": UUID, "name": _string(), "description": _string(), "uri": _string("uri"),
            "version": _string(),
        }),
        "HsdsTaxonomyTerm": term,
        "HsdsOrganization": organization,
        "HsdsLocation": location,
        "HsdsServiceAtLocation": _object(("id", "service_id", "location_id", "location"), {
            "id": UUID, "service_id": UUID, "location_id": UUID, "location": _ref("HsdsLocation"),
            "service": _ref("HsdsService"),
        }, "A service at one of its places (or at its online location); in lists and the detail "
           "with the service, without its service_at_locations."),
        "HsdsService": _object(service_keys, service_properties,
                               "A published offer as a fully nested HSDS service."),
        **{f"Hsds{name}Page": {"allOf": [_ref("HsdsPage"), {"properties": {
            "contents": _array(_ref(f"Hsds{name}"))}}]}
           for name in ("Service", "ServiceAtLocation", "Organization", "Taxonomy", "TaxonomyTerm")},
    }


def _query(name, description, schema, empty_is_absent=True):
    """A query parameter; like /api/v1, an empty value counts as not given (allowEmptyValue)."""
    parameter = {"name": name, "in": "query", "required": False, "description": description,
                 "schema": schema}
    if empty_is_absent:
        parameter["allowEmptyValue"] = True
    return parameter


def _list_parameters(search_description):
    return [
        _query("search", search_description + f" Longer than {MAX_QUERY_LENGTH} characters: cut.",
               {"type": "string"}),
        _query("page", "Page number; a page past the end answers 200 with no contents.",
               {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}, False),
        _query("per_page", "Objects per page.",
               {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE},
               False),
        _query("format", "`ndjson` streams every matching object (all pages, the other parameters "
                         "still filter), one JSON object per line, as application/x-ndjson. Empty: json.",
               {"type": "string", "enum": ["json", "ndjson"], "default": "json"}),
    ]


SERVICE_SEARCH = ("Full-text search with the site's German search (stemming, compounds, "
                  "synonyms, umlauts); results in its relevance order.")


def _service_filters():
    return [
        {**_query("taxonomy_term_id",
                  "Only services with this taxonomy term (see /taxonomy_terms). Repeat the "
                  "parameter or separate ids by commas: a service must have all of them (AND). "
                  f"At most {MAX_TERMS}; an unknown id answers 400.",
                  _array(UUID)), "style": "form", "explode": True},
        _query("organization_id", "Only services of this organization (an unknown one: none).", UUID),
        _query("modified_after", "Only services changed at or after this moment: ISO 8601 "
                                 "date-time (without offset: local time, Europe/Berlin) or date "
                                 "(from its start).",
               {"anyOf": [_string("date-time"), _string("date")]}),
    ]


def _json(schema, description, **kind):
    """A 200 with the validators and caching headers of api/http.py (see api/openapi_http.py)."""
    return openapi_http.ok(schema, description, **kind)


def _list_ok(name, description):
    ok = _json(_ref(f"Hsds{name}Page"), description)
    ok["content"]["application/x-ndjson"] = {
        "schema": {"type": "string", "description": f"format=ndjson: one Hsds{name} per line."}}
    return ok


def _with_hsds_error(response):
    # The headers of the site's error answers, with this API's own error codes.
    response["content"]["application/json"]["schema"] = _ref("HsdsError")
    return response


def _error(description):
    return _with_hsds_error(openapi_http.error(description))


def _get(operation_id, summary, ok, parameters=(), errors=None, data=True, document=False):
    responses = {"200": ok, "304": openapi_http.not_modified(data=data, document=document),
                 **(errors or {}), "405": _with_hsds_error(openapi_http.method_not_allowed())}
    return {"get": {"operationId": operation_id, "summary": summary, "tags": ["HSDS 3.0"],
                    "parameters": [*parameters, *openapi_http.conditional_parameters(data)],
                    "responses": responses}}


def _id(what):
    return {"name": "id", "in": "path", "required": True, "description": f"The {what}'s HSDS id.",
            "schema": {"type": "string"}}


def paths():
    bad = {"400": _error("A bad parameter; `parameter` names it.")}
    missing = {"404": _error("No such object (also a malformed id).")}
    return {
        f"{PREFIX}/": _get("hsdsIndex", "HSDS version, profile and OpenAPI document",
                           _json(_ref("HsdsIndex"), "About this API.", data=False), data=False),
        f"{PREFIX}/profile": _get("hsdsProfile", "How the project's data maps to HSDS 3.0", {
            **_json({"type": "string"}, "The profile (hsds/PROFILE.md).", data=False, document=True),
            "content": {"text/markdown": {"schema": {"type": "string"}}}}, data=False, document=True),
        f"{PREFIX}/openapi.json": _get(
            "hsdsOpenApi", "This API's OpenAPI document",
            _json({"type": "object"}, "OpenAPI 3.1.", data=False, document=True), data=False,
            document=True),
        f"{PREFIX}/services": _get(
            "hsdsListServices", "Services: the offers in the public search, fully nested",
            _list_ok("Service", "One page of services."),
            [*_list_parameters(SERVICE_SEARCH), *_service_filters()], bad),
        f"{PREFIX}/services/{{id}}": _get(
            "hsdsGetService", "One published offer as a service", _json(_ref("HsdsService"), "The service."),
            [_id("service")], missing),
        f"{PREFIX}/service_at_locations": _get(
            "hsdsListServiceAtLocations", "Services at their places (and online locations)",
            _list_ok("ServiceAtLocation", "One page of services at locations."),
            [*_list_parameters(SERVICE_SEARCH), *_service_filters(),
             _query("postcode", "A postcode of Kreis Recklinghausen (another one answers 400). "
                                "Alone: only places with this postcode. With proximity: the centre "
                                "of the distance (mean of the places with that postcode, else the "
                                "city centre).", _string(pattern=r"^[0-9]{5}$")),
             _query("proximity", "Only places within this many metres of the postcode's point, "
                                 "nearest first; needs postcode.",
                    {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_PROXIMITY})],
            bad),
        f"{PREFIX}/service_at_locations/{{id}}": _get(
            "hsdsGetServiceAtLocation", "One service at a location",
            _json(_ref("HsdsServiceAtLocation"), "The service at location."),
            [_id("service_at_location")], missing),
        f"{PREFIX}/organizations": _get(
            "hsdsListOrganizations", "Providers with at least one offer in the public search",
            _list_ok("Organization", "One page of organizations."),
            _list_parameters("Part of the name (case-insensitive)."), bad),
        f"{PREFIX}/organizations/{{id}}": _get(
            "hsdsGetOrganization", "One provider with at least one published offer",
            _json(_ref("HsdsOrganization"), "The organization."), [_id("organization")], missing),
        f"{PREFIX}/taxonomies": _get(
            "hsdsListTaxonomies", "The project's taxonomies", _list_ok("Taxonomy", "The taxonomies."),
            _list_parameters("Part of the name or description."), bad),
        f"{PREFIX}/taxonomies/{{id}}": _get(
            "hsdsGetTaxonomy", "One taxonomy", _json(_ref("HsdsTaxonomy"), "The taxonomy."),
            [_id("taxonomy")], missing),
        f"{PREFIX}/taxonomy_terms": _get(
            "hsdsListTaxonomyTerms", "The terms of all taxonomies",
            _list_ok("TaxonomyTerm", "One page of terms."),
            [*_list_parameters("Part of the name or code."),
             _query("taxonomy_id", "Only the terms of this taxonomy (an unknown one answers 400).", UUID)],
            bad),
        f"{PREFIX}/taxonomy_terms/{{id}}": _get(
            "hsdsGetTaxonomyTerm", "One taxonomy term", _json(_ref("HsdsTaxonomyTerm"), "The term."),
            [_id("taxonomy term")], missing),
    }


@cache
def document():
    """This API alone as an OpenAPI 3.1 document (paths are absolute: server "/")."""
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Integrationsangebote im Kreis Recklinghausen – HSDS 3.0",
            "version": "3.0",
            "description": (
                "Read-only Open Referral HSDS 3.0 API of the integration offers (profile: "
                f"{PREFIX}/profile). No key needed; CORS `*`, Cache-Control 60 s, weak ETags. "
                "Unknown query parameters are ignored; bad values of known ones answer 400, "
                f"unknown paths under {PREFIX}/ 404, in one JSON error shape."
            ),
            "license": {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL},
        },
        "externalDocs": {"description": "HSDS 3.0 schema reference", "url": HSDS_SPEC},
        "servers": [{"url": "/"}],
        "paths": paths(),
        "components": {"schemas": schemas(), "headers": openapi_http.headers()},
    }

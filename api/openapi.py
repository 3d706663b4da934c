"""The OpenAPI 3.1 document of API v1, built from the same constants the code uses.

Every object schema lists all its properties as required and forbids others, so the tests that
validate real responses against these schemas fail when a field is added to (or dropped from)
api/serializers.py without being documented here.
"""

from functools import cache

from django.conf import settings

from search import proximity
from search.params import FACETS, FLAGS, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS

from . import openapi_http

API_VERSION = "1.0.0"
MAX_PAGE = 100_000  # search.params accepts page numbers up to this value

ERROR_CODES = {
    "invalid_integer": "A number parameter (page, page_size, radius) is not an integer.",
    "out_of_range": "A number parameter is outside its documented range.",
    "invalid_boolean": "A flag (free, accessible, childcare) is not true or false.",
    "invalid_choice": "A parameter with a fixed set of values (sort, lang) has another value "
                      "(also sort=distance without near).",
    "invalid_postcode": "near has digits but is not a five-digit postcode.",
    "outside_district": "near is a postcode outside Kreis Recklinghausen.",
    "invalid_place": "near is neither a postcode nor the name of a district city.",
    "requires_near": "radius was given without near.",
    "unknown_value": "A taxonomy slug that does not exist (see /taxonomy).",
    "not_found": "No published offer or organisation with this id, or an unknown path.",
    "method_not_allowed": "Only GET, HEAD and OPTIONS are answered.",
}

FACET_NAMES = {
    "city": "city (slug from /taxonomy `cities`)",
    "topic": "topic (slug from /taxonomy `topics`)",
    "target_group": "target group (slug from /taxonomy `target_groups`)",
    "language": "language the offer is held in (slug from /taxonomy `languages`)",
}
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

FLAG_NAMES = {
    "free": "free of charge",
    "accessible": "accessible (accessibility = yes)",
    "childcare": "childcare offered",
}


def _string(description=None, fmt=None, nullable=False, **extra):
    schema = {"type": ["string", "null"] if nullable else "string", **extra}
    if fmt:
        schema["format"] = fmt
    if description:
        schema["description"] = description
    return schema


def _integer(description=None, nullable=False, **extra):
    schema = {"type": ["integer", "null"] if nullable else "integer", **extra}
    if description:
        schema["description"] = description
    return schema


def _boolean(description=None):
    schema = {"type": "boolean"}
    if description:
        schema["description"] = description
    return schema


def _object(properties, description=None, nullable=False):
    """A closed object: every property required, no others allowed."""
    schema = {
        "type": ["object", "null"] if nullable else "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _array(items, description=None):
    schema = {"type": "array", "items": items}
    if description:
        schema["description"] = description
    return schema


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _counts(description):
    return {
        "type": "object",
        "description": description,
        "additionalProperties": {"type": "integer", "minimum": 0},
    }


def _schemas():
    term = _object({"slug": _ref("Slug"), "name": _string()}, "A taxonomy term.")
    city_ref = _object({"slug": _ref("Slug"), "name": _string()}, "A city (or `kreisweit`).")
    contact = _object(
        {"name": _string(), "role": _string(), "phone": _string(), "email": _string()},
        "A contact person who consented to being published.",
    )
    organisation_ref = {
        "name": _string(),
        "url": _string("The provider's page on this site.", "uri"),
        "website": _string("The provider's own website; empty when unknown."),
    }
    slug_list = _array(_ref("Slug"))
    text_languages = {
        "text_language": _string(
            "The language of title, summary (and description): the one asked for with `lang` "
            "where the offer is translated into it, else `de`.", enum=LANGUAGE_CODES),
        "described_in": _array(
            _string(enum=LANGUAGE_CODES),
            "The languages the offer's texts are available in, `de` first (always)."),
    }
    return {
        "Slug": _string("A stable taxonomy identifier.", pattern=r"^[a-z0-9][a-z0-9_-]*$"),
        "Term": term,
        "Error": _object({
            "error": _object({
                "code": _string("Machine-readable reason.", enum=list(ERROR_CODES)),
                "message": _string("Human-readable reason in German."),
                "parameter": _string("The query parameter at fault, if any.", nullable=True),
            }),
        }, "The one error shape of the API. Codes: " + "; ".join(
            f"`{code}`: {text}" for code, text in ERROR_CODES.items()
        )),
        "OfferSummary": _object({
            "id": _integer(),
            "external_id": _string("Identifier in a source system (imports).", nullable=True),
            "title": _string(),
            "summary": _string(),
            **text_languages,
            "url": _string("The offer's page on this site (in the `lang` asked for).", "uri"),
            "organisation": _object({"id": _integer(), "name": _string()}),
            "cities": slug_list,
            "topics": slug_list,
            "target_groups": slug_list,
            "languages": slug_list,
            "free": _boolean("Free of charge."),
            "last_verified": _string("When a person last confirmed the offer.", "date", nullable=True),
            "distance_km": {"type": ["number", "null"], "minimum": 0,
                            "description": "With `near`: kilometres from its point to the offer's "
                                           "nearest place (or city centre); else null."},
        }, "An offer in a result list."),
        "Facets": _object({
            **{facet: _counts(f"Number of results per {FACET_NAMES[facet]}, counted as if this "
                              "facet were not filtered (OR within a facet); most results first, then by "
                              "slug.") for facet in FACETS},
            "flags": _object(
                {flag: _integer(f"Results that are {FLAG_NAMES[flag]}.", minimum=0) for flag in FLAGS}
            ),
        }),
        "OfferList": _object({
            "count": _integer("Number of matching offers.", minimum=0),
            "page": _integer(minimum=1),
            "page_size": _integer(minimum=1, maximum=MAX_PAGE_SIZE),
            "num_pages": _integer("At least 1, also for no results.", minimum=1),
            "next": _string("The next page, or null on the last.", "uri", nullable=True),
            "previous": _string("The previous page, or null on the first.", "uri", nullable=True),
            "results": _array(_ref("OfferSummary"), "Empty for a page past the end."),
            "facets": _ref("Facets"),
        }),
        "Place": _object({
            "name": _string(),
            "street": _string(),
            "postcode": _string(),
            "city": city_ref,
            "latitude": {"type": ["number", "null"]},
            "longitude": {"type": ["number", "null"]},
        }),
        "OfferTime": _object({
            "weekday": _integer("0 = Monday … 6 = Sunday.", minimum=0, maximum=6),
            "weekday_name": _string("German name of the weekday."),
            "opens": _string("HH:MM", pattern=r"^\d\d:\d\d$"),
            "closes": _string("HH:MM", pattern=r"^\d\d:\d\d$"),
            "note": _string(),
        }, "A regular weekly time."),
        "Contact": contact,
        "Offer": _object({
            "id": _integer(),
            "external_id": _string(nullable=True),
            "title": _string(),
            "summary": _string(),
            "description": _string(),
            **text_languages,
            "url": _string("The offer's page on this site (in the `lang` asked for).", "uri"),
            "organisation": _object({"id": _integer(), **organisation_ref}),
            "cities": _array(_ref("Term")),
            "topics": _array(_ref("Term")),
            "target_groups": _array(_ref("Term")),
            "languages": _array(_ref("Term")),
            "is_online": _boolean(),
            "website": _string(),
            "places": _array(_ref("Place")),
            "times": _array(_ref("OfferTime")),
            "schedule_note": _string(),
            "start_date": _string(fmt="date", nullable=True),
            "end_date": _string(fmt="date", nullable=True),
            "free": _boolean("Free of charge."),
            "cost": _string("Cost as the provider words it."),
            "registration_required": _boolean(),
            "registration_deadline": _string(fmt="date", nullable=True),
            "registration_note": _string(),
            "accessibility": _string(enum=["yes", "no", "unknown"]),
            "accessibility_note": _string(),
            "childcare": _boolean(),
            "age_min": _integer(nullable=True, minimum=0),
            "age_max": _integer(nullable=True, minimum=0),
            "contacts": _array(_ref("Contact"), "Only persons who consented to publication."),
            "last_verified": _string("When a person last confirmed the offer.", "date", nullable=True),
            "created": _string(fmt="date-time"),
            "updated": _string(fmt="date-time"),
        }, "A published offer with everything needed to act on it."),
        "Organisation": _object({
            "id": _integer(),
            **organisation_ref,
            "description": _string(),
            "email": _string(),
            "phone": _string(),
            "street": _string(),
            "postcode": _string(),
            "city": _object({"slug": _ref("Slug"), "name": _string()}, nullable=True),
            "offers": _array(_object({
                "id": _integer(), "title": _string(), "url": _string(fmt="uri"),
            }), "Its offers in the public search (published, confirmed within the hide-after "
                "period, not ended)."),
            "contacts": _array(_ref("Contact")),
        }, "A provider (Träger)."),
        "Taxonomy": _object({
            "cities": _array(_object({
                "slug": _ref("Slug"), "name": _string(),
                "districtwide": _boolean("The whole district (`kreisweit`) rather than one city."),
            })),
            "topics": _array(_ref("Term")),
            "target_groups": _array(_ref("Term")),
            "languages": _array(_object({
                "slug": _ref("Slug"), "name": _string(), "native_name": _string(),
                "rtl": _boolean("Written right to left."),
            })),
        }),
        "Index": _object({
            "offers": _string(fmt="uri"), "taxonomy": _string(fmt="uri"), "openapi": _string(fmt="uri"),
        }),
    }


def _lang_parameter():
    return {
        "name": "lang", "in": "query", "required": False, "allowEmptyValue": True,
        "description": "The language of title, summary and description: an offer translated into "
                       "it comes in that language, any other in German (`text_language` says "
                       "which). Links to offer pages point to that language's pages. Empty: "
                       "German. Another value answers 400.",
        "schema": {"type": "string", "enum": LANGUAGE_CODES, "default": "de"},
    }


def _parameters():
    params = [{
        "name": "q", "in": "query", "required": False,
        "description": "Full-text query in German (case, umlauts, inflections, compounds and small "
                       f"typos are forgiven). Longer than {MAX_QUERY_LENGTH} characters: cut.",
        "schema": {"type": "string"},
    }]
    for facet in FACETS:
        params.append({
            "name": facet, "in": "query", "required": False, "style": "form", "explode": True,
            "description": f"Filter by {FACET_NAMES[facet]}. Repeat the parameter or separate "
                           "slugs by commas; several values combine with OR, different filters "
                           "with AND. An unknown slug answers 400.",
            "schema": _array({"type": "string"}),
        })
    for flag in FLAGS:
        params.append({
            "name": flag, "in": "query", "required": False, "allowEmptyValue": True,
            "description": f"true: only offers that are {FLAG_NAMES[flag]}; false: only those "
                           "that are not. Also accepted: 1/0, yes/no, ja/nein, on/off (any "
                           "case); empty: no filter. Another value answers 400.",
            "schema": {"type": "boolean"},
        })
    params += [
        {"name": "near", "in": "query", "required": False, "allowEmptyValue": True,
         "description": "Only offers near this place: a postcode of Kreis Recklinghausen (e.g. "
                        "45768) or the name of one of its cities (e.g. Marl, its centre). An offer "
                        "matches when one of its places lies within `radius`; a place without "
                        "coordinates counts at its city's centre, an offer without places at its "
                        "cities' centres; online-only offers never match. Another value answers 400.",
         "schema": {"type": "string", "examples": ["45768"]}},
        {"name": "radius", "in": "query", "required": False, "allowEmptyValue": True,
         "description": f"Whole kilometres around `near` (default {proximity.DEFAULT_RADIUS} when "
                        "`near` is given; also when empty). Without `near`: 400.",
         "schema": {"type": "integer", "minimum": proximity.MIN_RADIUS,
                    "maximum": proximity.MAX_RADIUS}},
        {"name": "sort", "in": "query", "required": False, "allowEmptyValue": True,
         "description": "relevance (default; also when empty), newest first, title (A–Z), or "
                        "distance (nearest place first; only with `near`). Without `q`, relevance "
                        "means distance when `near` is given, else title.",
         "schema": {"type": "string", "enum": list(SORTS), "default": "relevance"}},
        {"name": "page", "in": "query", "required": False,
         "description": "Page number. A page past the end answers 200 with empty results.",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}},
        {"name": "page_size", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE,
                    "default": settings.SEARCH_PAGE_SIZE}},
        _lang_parameter(),
    ]
    return params


def _error(description):
    return openapi_http.error(description)


def _operation(operation_id, summary, ok_schema, ok_description, parameters=(), extra=None,
               data=True):
    responses = {
        "200": openapi_http.ok(_ref(ok_schema), ok_description, data=data),
        "304": openapi_http.not_modified(data=data),
        **(extra or {}),
        "405": openapi_http.method_not_allowed(),
    }
    return {"get": {"operationId": operation_id, "summary": summary,
                    "parameters": [*parameters, *openapi_http.conditional_parameters(data)],
                    "responses": responses}}


def _id_parameter(what):
    return {"name": "id", "in": "path", "required": True, "description": f"The {what}'s id.",
            "schema": {"type": "integer", "minimum": 1}}


@cache
def document():
    """The OpenAPI document (built once per process)."""
    not_found = {"404": _error("No such published object.")}
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Integrationsangebote im Kreis Recklinghausen – API",
            "version": API_VERSION,
            "description": (
                "Open, read-only JSON API of the integration offers database. No key needed; "
                "every answer may be read from any origin (CORS `*`). Answers are cacheable for "
                "60 seconds and carry a weak ETag and, where they depend on the data, "
                "Last-Modified; If-None-Match or If-Modified-Since turn an unchanged answer "
                "into an empty 304. Unknown query parameters are ignored; bad values of known "
                "ones answer 400 with the error shape. Unknown paths under /api/v1/ answer 404 "
                "in the same shape. The document of all APIs of the site (this one and HSDS) "
                "is /api/openapi.json."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/": _operation("index", "Links to the resources", "Index", "Links.", data=False),
            "/offers": _operation(
                "listOffers", "Search the public offers (published, confirmed within the hide-after "
                "period, not ended)", "OfferList",
                "One page of matching offers with facet counts.", _parameters(),
                {"400": _error("A bad parameter; `parameter` names it.")},
            ),
            "/offers/{id}": _operation(
                "getOffer", "One published offer", "Offer", "The offer.",
                [_id_parameter("offer"), _lang_parameter()],
                {**not_found, "400": _error("An unknown `lang`.")},
            ),
            "/organisations/{id}": _operation(
                "getOrganisation", "One provider with its published offers", "Organisation",
                "The provider.", [_id_parameter("organisation")], not_found,
            ),
            "/taxonomy": _operation(
                "getTaxonomy", "Cities, topics, target groups and languages", "Taxonomy",
                "The vocabulary of the filters.", [{
                    **_lang_parameter(),
                    "description": "The language of the names of topics, target groups and "
                                   "languages (cities keep theirs). Another value answers 400.",
                }], {"400": _error("An unknown `lang`.")},
            ),
            "/openapi.json": {"get": {
                "operationId": "getOpenApi", "summary": "This document",
                "parameters": openapi_http.conditional_parameters(data=False),
                "responses": {
                    "200": openapi_http.ok({"type": "object"}, "OpenAPI 3.1", data=False,
                                           document=True),
                    "304": openapi_http.not_modified(data=False, document=True),
                    "405": openapi_http.method_not_allowed(),
                },
            }},
        },
        "components": {
            "schemas": _schemas(),
            "headers": openapi_http.headers(),
        },
    }

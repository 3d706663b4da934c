"""A bounded, reproducible schemathesis run over every operation of the combined OpenAPI document
(/api/v1 and /api/hsds), in-process against Django's WSGI application.

Per operation: schemathesis' own phases (examples, boundary values, random valid and invalid
data — at most MAX_EXAMPLES random ones, derandomized), each answer checked for: no 5xx, a
documented status code, content type and headers, a body valid against the documented schema,
and invalid data rejected with a 4xx. Operations with an `{id}` also ask once more with the id
of a real object, so the 200 of the details is checked as well, not only their 404.
"""

import datetime

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import translation
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client as WsgiClient

from api import openapi_combined

MAX_EXAMPLES = 20
# The WSGI transport does not decompress: ask for plain bodies (GZipMiddleware is tested apart).
HEADERS = {"Accept-Encoding": "identity"}
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]

schema = schemathesis.openapi.from_dict(openapi_combined.document())


@pytest.fixture(scope="module")
def app():
    return WSGIHandler()


@pytest.fixture
def wsgi(app):
    """The WSGI app inside the test's transaction: like Django's test client, keep the
    request signals from closing the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield app
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        translation.activate("de")  # a request leaves its language active


@pytest.fixture
def fuzz_data(full_offer, make_offer, make_organisation, make_contact):
    """Demo-like data: the fully filled offer, a translated one at another provider with a
    place without coordinates, an ended one, one hidden for review and a draft."""
    from offers.models import Offer, OfferTranslation, Place
    from taxonomy.models import City

    awo = make_organisation(name="AWO Ortsverein Herten", website="")
    contact = make_contact(organisation=awo, name="Jonas Beispiel", role="")
    translated = make_offer("Elterncafé", organisation=awo, cities=["herten"], topics=["familie"],
                            target_groups=["eltern"], languages=["de", "tr"], contacts=[contact],
                            summary="Austausch für Eltern", is_free=False, cost="2 € pro Treffen")
    OfferTranslation.objects.create(offer=translated, language="tr", title="Veli kafesi",
                                    summary="Veliler için buluşma")
    OfferTranslation.objects.create(offer=translated, language="ar", title="مقهى الوالدين")
    Place.objects.create(offer=translated, name="Familienzentrum", city=City.objects.get(slug="herten"))
    make_offer("Schwimmkurs", organisation=awo, end_date=datetime.date(2026, 11, 1))
    make_offer("Vergessen", organisation=awo, last_verified=datetime.date(2025, 1, 1))
    make_offer("Entwurf", organisation=awo, status=Offer.Status.DRAFT)
    make_organisation(name="Verein ohne Angebote")
    return full_offer


def _real_id(path, full_offer, wsgi):
    """The id of an object that exists, for an operation with an `{id}`."""
    if path == "/api/v1/offers/{id}":
        return full_offer.pk
    if path == "/api/v1/organisations/{id}":
        return full_offer.organisation_id
    # An HSDS list in its envelope. Through the same WSGI app: Django's test client would
    # connect the signals again that close the test's connection.
    listing = WsgiClient(wsgi).get(path.removesuffix("/{id}"), headers=HEADERS).get_json()
    return listing["contents"][0]["id"]


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_answer_contradicts_the_openapi_document(case, wsgi, fuzz_data):
    case.call_and_validate(app=wsgi, headers=HEADERS, checks=CHECKS)

    if "id" in (case.path_parameters or {}):
        real = case.operation.Case(
            path_parameters={**case.path_parameters, "id": _real_id(case.operation.path, fuzz_data, wsgi)},
            query=case.query, headers=case.headers,
        )
        response = real.call_and_validate(app=wsgi, headers=HEADERS, checks=CHECKS)
        assert response.status_code in (200, 304, 400), (real.formatted_path, response.status_code)

"""Fixtures for the API tests: a fully filled offer and validation against the OpenAPI document."""

import datetime

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from api.openapi import document
from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)
from offers.testing import add_places_and_times

DOCUMENT_URI = "urn:api-v1-openapi"


def _validator(schema_name):
    resource = Resource.from_contents(document(), default_specification=DRAFT202012)
    registry = Registry().with_resource(DOCUMENT_URI, resource)
    schema = {"$ref": f"{DOCUMENT_URI}#/components/schemas/{schema_name}"}
    return jsonschema.Draft202012Validator(
        schema, registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture
def validate():
    """validate(data, "OfferList") raises jsonschema.ValidationError unless data fits the document."""

    def check(data, schema_name):
        _validator(schema_name).validate(data)

    return check


@pytest.fixture
def full_offer(make_offer, make_organisation, make_contact):
    """A published offer with every field, two places, two times and two contacts (one without
    consent to publication)."""

    organisation = make_organisation(name="Caritas Beispielverband", website="https://caritas.example.org")
    consented = make_contact(organisation=organisation, name="Aylin Muster", role="Beratung",
                             phone="02365 123-45", email="aylin@example.org")
    secret = make_contact(organisation=organisation, consent=False, name="Geheim Person",
                          email="geheim@example.org")
    offer = make_offer(
        title="Deutschkurs für Frauen mit Kinderbetreuung",
        organisation=organisation,
        cities=("marl", "herten"),
        topics=("sprache", "frauen"),
        target_groups=("frauen", "neuzugewanderte"),
        languages=("de", "ar"),
        contacts=(consented, secret),
        external_id="caritas-42",
        summary="Sprachkurs am Vormittag",
        description="Ein Kurs für Frauen, die Deutsch lernen möchten. Kinder werden betreut.",
        is_online=False,
        website="https://caritas.example.org/deutschkurs",
        schedule_note="nicht in den Schulferien",
        start_date=datetime.date(2026, 9, 1),
        end_date=datetime.date(2027, 6, 30),
        is_free=True,
        cost="kostenlos",
        registration_required=True,
        registration_deadline=datetime.date(2026, 8, 15),
        registration_note="telefonisch",
        accessibility="yes",
        accessibility_note="Aufzug vorhanden",
        childcare=True,
        age_min=18,
        age_max=99,
        last_verified=datetime.date(2026, 10, 1),
    )
    add_places_and_times(offer, latitude=51.65, longitude=7.09)
    return offer

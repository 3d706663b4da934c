"""Fixtures for the HSDS tests: validation against the copied Open Referral schemas (no
network: every $ref resolves to hsds/tests/schemas/) and a small district of offers."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)
from offers.testing import add_places_and_times

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
# Where the files live upstream; their relative $refs ("phone.json") resolve against it, and
# the registry below answers for it from the local copies.
SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _registry():
    resources = []
    for path in sorted(SCHEMA_DIR.rglob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        uri = SCHEMA_BASE + path.relative_to(SCHEMA_DIR).as_posix()
        resources.append((uri, Resource.from_contents(contents, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRY = _registry()
FORMATS = jsonschema.FormatChecker()  # uuid, email, date, … as jsonschema knows them


@FORMATS.checks("uri")
def _is_uri(value):
    # jsonschema checks "uri" only with an optional package; this is enough for our links.
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time")
def _is_date_time(value):
    if not RFC3339.match(value):
        return False
    datetime.datetime.fromisoformat(value)
    return True


def validator(schema_file):
    """A Draft 2020-12 validator for one of the copied HSDS schema files (or a pointer into
    one, "openapi.json#/components/schemas/Page")."""
    return jsonschema.Draft202012Validator(
        {"$ref": SCHEMA_BASE + schema_file}, registry=REGISTRY, format_checker=FORMATS
    )


@pytest.fixture
def hsds_valid():
    """hsds_valid(data, "service.json") raises jsonschema.ValidationError unless it fits."""

    def check(data, schema_file):
        validator(schema_file).validate(data)
        return data

    return check


@pytest.fixture
def get_json(client):
    """get_json(path, **params) -> parsed JSON of a 200 answer under /api/hsds/."""

    def get(path, expect=200, **params):
        response = client.get(f"/api/hsds/{path}", params)
        assert response.status_code == expect, response.content[:500]
        return response.json()

    return get


@pytest.fixture
def full_offer(make_offer, make_organisation, make_contact):
    """A visible offer with every field: two places (one with street and coordinates in Marl,
    one with just a city), two weekly times, a consented and a secret contact person."""
    from taxonomy.models import City

    organisation = make_organisation(
        name="Caritas Beispielverband", website="https://caritas.example.org",
        email="info@caritas.example.org", phone="02365 100-0", street="Kirchplatz 1",
        postcode="45768", city=City.objects.get(slug="marl"), description="Wohlfahrtsverband.",
    )
    consented = make_contact(organisation=organisation, name="Aylin Muster", role="Beratung",
                             phone="02365 123-45", email="aylin@example.org")
    secret = make_contact(organisation=organisation, consent=False, name="Geheim Person",
                          email="geheim@example.org", phone="0170 999")
    offer = make_offer(
        "Deutschkurs für Frauen mit Kinderbetreuung", organisation=organisation,
        cities=("marl", "herten"), topics=("sprache", "frauen"),
        target_groups=("frauen", "neuzugewanderte"), languages=("de", "ar", "dgs"),
        contacts=(consented, secret), summary="Sprachkurs am Vormittag",
        description="Ein Kurs für Frauen, die Deutsch lernen möchten.",
        website="https://caritas.example.org/deutschkurs", schedule_note="nicht in den Schulferien",
        start_date=datetime.date(2026, 9, 1), end_date=datetime.date(2027, 6, 30),
        is_free=True, cost="", registration_required=True,
        registration_deadline=datetime.date(2026, 12, 15), registration_note="telefonisch",
        accessibility="yes", accessibility_note="Aufzug vorhanden", childcare=True,
        age_min=18, age_max=99,
    )
    add_places_and_times(offer, latitude=51.6566, longitude=7.0905)
    return offer


@pytest.fixture
def online_offer(make_offer):
    return make_offer("Online-Sprachcafé", cities=("kreisweit",), topics=("sprache",),
                      is_online=True, website="https://sprachcafe.example.org", cost="5 € im Monat")

"""Shared test fixtures: the taxonomy is in every test database (data migration); these
factories build offers, providers and contacts with sensible defaults."""

import datetime
import itertools

import pytest

from freshness.testing import travel_to  # noqa: F401  (a fixture: tests where time passes)

TODAY = datetime.date(2026, 11, 25)
_counter = itertools.count(1)


@pytest.fixture
def make_organisation(db):
    from providers.models import Organisation

    def make(name=None, **fields):
        n = next(_counter)
        name = name or f"Testträger {n}"
        fields.setdefault("slug", f"testtraeger-{n}")
        return Organisation.objects.create(name=name, **fields)

    return make


@pytest.fixture
def make_contact(db, make_organisation):
    from providers.models import Contact

    def make(organisation=None, consent=True, **fields):
        organisation = organisation or make_organisation()
        fields.setdefault("name", "Erika Beispiel")
        fields.setdefault("email", "erika@example.org")
        fields.setdefault("phone", "02361 123-45")
        return Contact.objects.create(
            organisation=organisation,
            consent_given_on=datetime.date(2026, 1, 15) if consent else None,
            **fields,
        )

    return make


@pytest.fixture
def make_offer(db, make_organisation):
    """make_offer(title=..., cities=["marl"], topics=["sprache"], ...) -> published Offer."""
    from offers.models import Offer
    from taxonomy.models import City, Language, TargetGroup, Topic

    def make(title="Deutschkurs für Anfänger", organisation=None, cities=("marl",),
             topics=("sprache",), target_groups=(), languages=("de",), contacts=(), **fields):
        fields.setdefault("status", Offer.Status.PUBLISHED)
        fields.setdefault("summary", "")
        fields.setdefault("last_verified", datetime.date(2026, 10, 1))
        offer = Offer.objects.create(
            title=title, organisation=organisation or make_organisation(), **fields
        )
        offer.cities.set(City.objects.filter(slug__in=cities))
        offer.topics.set(Topic.objects.filter(slug__in=topics))
        offer.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
        offer.languages.set(Language.objects.filter(slug__in=languages))
        offer.contacts.set(contacts)
        return offer

    return make


@pytest.fixture(autouse=True)
def _pinned_today(travel_to):  # noqa: F811  (the fixture imported above)
    """The freshness rules see TODAY in every test (make_offer's offers were confirmed on
    2026-10-01), so the suite gives the same results next year; travel_to() moves it."""
    travel_to(TODAY)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """argon2 is deliberately slow; tests that do not test hashing use a fast hasher.
    (config.settings keeps argon2 first; accounts tests assert that.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _open_data_base(tmp_path_factory):
    return tmp_path_factory.mktemp("opendata")


@pytest.fixture(autouse=True)
def _open_data_in_tmp(settings, _open_data_base):
    """Open-data packages a test generates (any request to /daten/ or /de/offene-daten/) go to
    a directory of their own under pytest's temporary directory, never into var/opendata.
    The directory is created only when a package is generated."""
    settings.OPEN_DATA_DIR = _open_data_base / f"t{next(_counter)}"


@pytest.fixture
def make_user(db):
    """make_user("a@example.org", staff=False, organisations=[org], password="geheim-123")"""
    from django.contrib.auth import get_user_model

    from accounts.models import Membership

    def make(email=None, staff=False, superuser=False, organisations=(), password="Geheim-Passwort-1",
             **fields):
        email = email or f"person{next(_counter)}@example.org"
        user = get_user_model().objects.create_user(
            username=email.lower(), email=email, password=password,
            is_staff=staff or superuser, is_superuser=superuser, **fields,
        )
        for organisation in organisations:
            Membership.objects.create(user=user, organisation=organisation)
        return user

    return make


@pytest.fixture
def editor(make_user):
    """A KI editor (staff). Log in with client.force_login(editor): django-axes refuses
    client.login(), which carries no request."""
    return make_user("redaktion@ki.example.org", staff=True)


@pytest.fixture
def provider_org(make_organisation):
    return make_organisation("Caritas Testverband", email="info@caritas-test.example.org")


@pytest.fixture
def provider(make_user, provider_org):
    """A provider member of provider_org."""
    return make_user("anbieter@caritas-test.example.org", organisations=[provider_org])


@pytest.fixture(scope="module")
def restore_migrated_data(django_db_setup, django_db_blocker):
    """For transactional tests (django_db(transaction=True, serialized_rollback=True)): such a
    test ends by emptying every table, also those the migrations filled (taxonomy, synonyms).
    Tests that pytest-django runs later without the db fixture (e.g. demo's) need them: put them
    back from the copy serialized_rollback made."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=True):
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)

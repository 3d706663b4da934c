"""Shared test fixtures: the taxonomy is in every test database (data migration); these
factories build offers, providers and contacts with sensible defaults."""

import datetime
import itertools

import pytest

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

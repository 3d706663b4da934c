import datetime

import pytest


@pytest.fixture
def open_data_dir(settings, tmp_path):
    """Generated packages go to this test's temporary directory."""
    settings.OPEN_DATA_DIR = tmp_path / "opendata"
    settings.SITE_URL = "https://angebote.example.org"
    return settings.OPEN_DATA_DIR


@pytest.fixture
def world(db, make_organisation, make_contact, make_offer):
    """A visible offer with everything (place, time, translation, a consented and an
    unconsented contact), plus offers the public does not see: a draft, one unconfirmed for
    too long, one that has ended."""
    from offers.models import Offer, OfferTime, OfferTranslation, Place
    from taxonomy.models import City

    organisation = make_organisation("Caritas Marl", email="info@caritas-marl.example.org",
                                     phone="+49 2365 1000", city=City.objects.get(slug="marl"))
    public = make_contact(organisation, name="Erika Öffentlich", email="erika@example.org",
                          phone="+49 2365 12345")
    secret = make_contact(organisation, consent=False, name="Gerda Geheim",
                          email="gerda.geheim@example.org", phone="02365 99999")
    offer = make_offer(title="Sprachcafé Marl", organisation=organisation, cities=("marl",),
                       topics=("sprache", "kultur"), target_groups=("frauen",),
                       languages=("de", "ar"), contacts=[public, secret],
                       summary="Deutsch üben bei Kaffee", description="Jeden Dienstag.\nOhne Anmeldung.",
                       is_free=True, website="https://example.org/sprachcafe",
                       external_id="sc-1")
    Place.objects.create(offer=offer, name="Stadtteilzentrum", street="Hauptstraße 1",
                         postcode="45768", city=City.objects.get(slug="marl"),
                         latitude=51.65, longitude=7.09)
    OfferTime.objects.create(offer=offer, weekday=1, opens_at=datetime.time(15),
                             closes_at=datetime.time(17), note="nicht in den Ferien")
    OfferTranslation.objects.create(offer=offer, language="ar", title="مقهى اللغة",
                                    summary="تدرب على الألمانية")
    hidden = make_offer(title="Alter Kurs", organisation=organisation,
                        last_verified=datetime.date(2024, 1, 1))
    ended = make_offer(title="Beendeter Kurs", organisation=organisation,
                       end_date=datetime.date(2026, 1, 31))
    draft = make_offer(title="Entwurf", organisation=organisation, status=Offer.Status.DRAFT)
    return {"organisation": organisation, "public": public, "secret": secret, "offer": offer,
            "hidden": hidden, "ended": ended, "draft": draft}

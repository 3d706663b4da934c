"""The offer page: everything needed to act, and only for published offers."""

import datetime

import pytest
from django.urls import reverse

from offers.models import Offer, OfferTime, Place
from taxonomy.models import City


def test_a_published_offer_has_its_page(client, make_offer):
    offer = make_offer(title="Sprachcafé am Markt")
    response = client.get(reverse("offers:detail", args=[offer.pk]))
    assert response.status_code == 200
    assert "<h1>Sprachcafé am Markt</h1>" in response.content.decode()


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED])
def test_an_offer_that_is_not_published_is_not_found(client, make_offer, status):
    offer = make_offer(status=status)
    assert client.get(reverse("offers:detail", args=[offer.pk])).status_code == 404


def test_an_unknown_offer_is_not_found(client, db):
    assert client.get("/de/angebote/999999/").status_code == 404


def test_contact_persons_get_tap_to_call_and_mailto_links(client, make_offer, make_contact):
    contact = make_contact(name="Erika Beispiel", role="Migrationsberatung",
                           phone="02361 123-45", email="erika@example.org")
    offer = make_offer(contacts=[contact], organisation=contact.organisation)
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Erika Beispiel" in html and "Migrationsberatung" in html
    assert 'href="tel:0236112345"' in html and '<bdi dir="ltr">02361 123-45</bdi></a>' in html
    assert 'href="mailto:erika@example.org"' in html


def test_a_contact_without_consent_is_not_shown(client, make_offer, make_contact):
    hidden = make_contact(name="Hans Ohnezustimmung", email="hans@example.org", consent=False)
    offer = make_offer(contacts=[hidden], organisation=hidden.organisation)
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Hans Ohnezustimmung" not in html and "hans@example.org" not in html


def test_without_consented_contacts_the_organisation_is_the_contact(client, make_offer, make_organisation):
    organisation = make_organisation(name="Stadtteilbüro Nord", phone="+49 2365 99-0",
                                     email="buero@example.org")
    offer = make_offer(organisation=organisation)
    html = client.get(offer.get_absolute_url()).content.decode()
    assert 'href="tel:+49236599' in html
    assert 'href="mailto:buero@example.org"' in html


def test_the_offer_page_shows_places_times_cost_registration_and_more(client, make_offer):
    offer = make_offer(
        title="Schwimmkurs für Frauen", summary="Schwimmen lernen", cities=["marl"],
        target_groups=["frauen"], languages=["de", "ar"], is_free=False, cost="10 € im Monat",
        registration_required=True, registration_deadline=datetime.date(2026, 12, 1),
        registration_note="Bitte telefonisch anmelden", accessibility="no",
        accessibility_note="Eingang mit drei Stufen", childcare=True, age_min=16, age_max=99,
        website="https://example.org/schwimmen", is_online=True,
        start_date=datetime.date(2027, 1, 10), end_date=datetime.date(2027, 3, 20),
        description="Erster Absatz.\n\nZweiter Absatz mit <em>HTML</em>.",
    )
    Place.objects.create(offer=offer, name="Hallenbad", street="Badweg 3", postcode="45768",
                         city=City.objects.get(slug="marl"))
    OfferTime.objects.create(offer=offer, weekday=2, opens_at=datetime.time(18),
                             closes_at=datetime.time(19, 30), note="nicht in den Ferien")
    html = client.get(offer.get_absolute_url()).content.decode()
    for text in ("Hallenbad", "Badweg 3", "45768 Marl", ">online<",
                 'Mittwoch, <bdi dir="ltr">18:00–19:30</bdi> Uhr', "nicht in den Ferien",
                 "vom 10. Januar 2027 bis 20. März 2027",
                 "Anmeldung erforderlich", "bis 1. Dezember 2026", "Bitte telefonisch anmelden",
                 "10 € im Monat", "nein, nicht barrierefrei", "Eingang mit drei Stufen",
                 "16 bis 99 Jahre", "Deutsch, Arabisch", "Frauen und Mädchen",
                 'href="https://example.org/schwimmen"', "zuletzt geprüft am 1. Oktober 2026",
                 f'href="{offer.organisation.get_absolute_url()}"'):
        assert text in html, text
    assert "<p>Erster Absatz.</p>" in html
    assert "&lt;em&gt;HTML&lt;/em&gt;" in html


def test_a_free_offer_without_registration_says_so(client, make_offer):
    offer = make_offer(is_free=True, registration_required=False, last_verified=None)
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "<dd>kostenlos</dd>" in html
    assert "ohne Anmeldung" in html
    assert "noch nicht geprüft" in html
    assert "<dd>unbekannt</dd>" in html


def test_the_report_link_leads_to_the_offers_report_form(client, make_offer):
    offer = make_offer(title="Elterncafé")
    html = client.get(offer.get_absolute_url()).content.decode()
    assert f'href="/de/angebote/{offer.pk}/fehler-melden/">Fehler melden' in html


def test_the_breadcrumb_returns_to_the_search_the_visitor_came_from(client, make_offer):
    offer = make_offer()
    html = client.get(offer.get_absolute_url(),
                      HTTP_REFERER="http://testserver/de/angebote/?city=marl&free=true").content.decode()
    assert 'href="/de/angebote/?city=marl&amp;free=true">Suche</a>' in html
    foreign = client.get(offer.get_absolute_url(),
                         HTTP_REFERER="https://evil.example.com/de/angebote/?x=1").content.decode()
    assert 'href="/de/angebote/">Suche</a>' in foreign


def test_offer_pages_live_directly_under_the_results_page(db):
    # offers.results.cards() builds card links from this (one reverse() per page, not per card).
    assert reverse("offers:detail", args=[5]) == reverse("offers:search") + "5/"

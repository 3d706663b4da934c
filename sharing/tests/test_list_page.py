"""/merkliste/: the collected offers in full, to print or share as a link and QR code."""

import datetime
import re
from unittest import mock

import pytest
from django.utils import translation

from offers.models import Offer, OfferTime, Place
from taxonomy.models import City

LIST = "/de/merkliste/"


def titles(page):
    return re.findall(r'<h2 class="merk-item__title"><a href="[^"]+"[^>]*>([^<]+)</a>', page)


@pytest.fixture
def course(make_offer, make_contact, make_organisation):
    org = make_organisation("Bildungswerk Marl", phone="02365 1234", email="info@bw-marl.example.org")
    shown = make_contact(organisation=org, name="Erika Beispiel", phone="02365 111",
                         email="erika@example.org")
    secret = make_contact(organisation=org, name="Heimlich Ohne", consent=False, email="heimlich@example.org")
    offer = make_offer(
        "Deutschkurs am Abend", organisation=org, contacts=[shown, secret],
        summary="Deutsch lernen nach der Arbeit.",
        languages=("de", "ar"), cost="5 € pro Abend", registration_required=True,
        registration_note="Bitte vorher anrufen", website="https://bw-marl.example.org/kurs",
        start_date=datetime.date(2026, 12, 1), end_date=datetime.date(2027, 3, 31),
    )
    Place.objects.create(offer=offer, name="Stadtteilbüro", street="Bergstraße 12", postcode="45768",
                         city=City.objects.get(slug="marl"))
    OfferTime.objects.create(offer=offer, weekday=1, opens_at=datetime.time(18),
                             closes_at=datetime.time(19, 30))
    offer.translations.create(language="ar", title="دورة ألمانية مسائية", summary="تعلم الألمانية بعد العمل.")
    return offer


def test_the_list_shows_exactly_the_listed_published_offers_in_their_order(client, make_offer, course):
    other = make_offer("Sprachcafé")
    make_offer("Nicht gemerkt")
    draft = make_offer("Geheimer Entwurf", status=Offer.Status.DRAFT)
    archived = make_offer("Altes Angebot", status=Offer.Status.ARCHIVED)
    merk = f"{other.pk}.{draft.pk}.{course.pk}.{archived.pk}.987654"
    page = client.get(LIST, {"merk": merk}).content.decode()
    assert titles(page) == ["Sprachcafé", "Deutschkurs am Abend"]
    assert "Nicht gemerkt" not in page
    # gone offers are listed without their titles: a guessed id must not reveal a draft
    assert page.count("Dieses Angebot ist nicht mehr verfügbar.") == 3
    assert "Geheimer Entwurf" not in page and "Altes Angebot" not in page
    assert "5 gemerkte Angebote" in page


def test_each_offer_shows_what_a_client_needs(client, course):
    page = client.get(LIST, {"merk": course.pk}).content.decode()
    for text in ("Bildungswerk Marl", "Deutsch lernen nach der Arbeit.", "Stadtteilbüro", "Bergstraße 12",
                 "45768 Marl", "Dienstag, <bdi dir=\"ltr\">18:00–19:30</bdi> Uhr", "vom 1. Dezember 2026",
                 "5 € pro Abend", "Anmeldung erforderlich", "Bitte vorher anrufen", "Deutsch, Arabisch",
                 "Erika Beispiel", "02365 111", "mailto:erika@example.org",
                 'href="https://bw-marl.example.org/kurs"'):
        assert text in page, text
    assert "Heimlich" not in page and "heimlich@" not in page  # no consent, not shown


def test_offer_links_and_remove_links_keep_the_rest_of_the_list(client, make_offer, course):
    other = make_offer("Sprachcafé")
    page = client.get(LIST, {"merk": f"{course.pk}.{other.pk}"}).content.decode()
    assert f'href="/de/angebote/{course.pk}/?merk={course.pk}.{other.pk}"' in page
    assert f'href="/de/merkliste/?merk={other.pk}" rel="nofollow">Entfernen' in page
    assert f'href="/de/merkliste/?merk={course.pk}" rel="nofollow">Entfernen' in page
    assert 'href="/de/merkliste/" rel="nofollow">Liste leeren</a>' in page
    assert f'href="/de/angebote/?merk={course.pk}.{other.pk}">Weitere Angebote suchen' in page


def test_print_is_a_button_with_javascript_and_a_hint_without(client, course):
    page = client.get(LIST, {"merk": course.pk}).content.decode()
    assert '<button type="button" class="button" data-merk-print hidden>Drucken</button>' in page
    assert "<noscript><p>Zum Drucken nutzen Sie die Druckfunktion Ihres Browsers.</p></noscript>" in page
    assert 'src="/static/js/merkliste.js" defer' in page


def test_the_share_link_is_absolute_and_its_qr_code_encodes_it(client, settings, course):
    settings.SITE_URL = "https://angebote.kreis-re.example.org"
    share = f"https://angebote.kreis-re.example.org/de/merkliste/?merk={course.pk}"
    with mock.patch("sharing.qr.segno.make", wraps=__import__("segno").make) as make:
        page = client.get(LIST, {"merk": f"{course.pk}.x.{course.pk}"}).content.decode()
    make.assert_called_once_with(share, error="m", micro=False)
    assert f'<input type="text" id="share-url" class="merk-share__url" value="{share}" readonly' in page
    svg = re.search(r"<svg [^>]*>", page).group(0)
    assert 'role="img"' in svg and 'aria-label="QR-Code mit dem Link zu dieser Merkliste"' in svg
    # the strict CSP allows no style attribute
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>")[0]
    assert f'<p class="print-only merk-share__printed"><bdi dir="ltr">{share}</bdi></p>' in page


def test_the_list_is_shown_in_the_page_language(client, make_offer, course):
    german_only = make_offer("Nähcafé")
    page = client.get("/ar/merkliste/", {"merk": f"{course.pk}.{german_only.pk}"}).content.decode()
    assert 'dir="rtl"' in page
    assert "دورة ألمانية مسائية" in page and "تعلم الألمانية بعد العمل." in page
    assert '<a href="/ar/angebote/' in page
    assert 'lang="de" dir="ltr">Nähcafé</a>' in page  # the German fallback is marked as German
    assert "/ar/merkliste/?merk=" in page  # the shared link opens the list in Arabic


def test_ended_and_unconfirmed_offers_carry_a_notice(client, make_offer):
    ended = make_offer("Vorbei", end_date=datetime.date(2026, 11, 1))
    stale = make_offer("Alt", last_verified=datetime.date(2025, 1, 1))
    page = client.get(LIST, {"merk": f"{ended.pk}.{stale.pk}"}).content.decode()
    assert "Dieses Angebot ist beendet" in page and "Dieses Angebot wird derzeit geprüft." in page


def test_an_empty_list_explains_how_to_collect_offers(client):
    page = client.get(LIST).content.decode()
    translation.activate("de")
    assert "Ihre Merkliste ist leer." in page and "„Merken“" in page
    assert 'href="/de/angebote/">Angebote suchen' in page
    assert "<svg" not in page and "share-url" not in page


def test_the_list_page_sets_no_cookie_and_is_not_indexed(client, course):
    response = client.get(LIST, {"merk": course.pk})
    assert not response.cookies
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"


def test_the_list_costs_a_fixed_number_of_queries(client, make_offer, django_assert_max_num_queries):
    ids = ".".join(str(make_offer(f"Kurs {n}").pk) for n in range(10))
    with django_assert_max_num_queries(8):
        assert client.get("/ar/merkliste/", {"merk": ids}).status_code == 200

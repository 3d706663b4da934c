"""The pages in other languages: taxonomy names translated wherever they are shown, cities and
later-added terms as they are, right-to-left pages that keep numbers and addresses readable,
and dates in the page language."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from offers import results
from offers.models import OfferTime
from taxonomy.models import City, Topic


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def localized(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def offer(make_offer, make_contact, make_organisation):
    organisation = make_organisation(
        name="Caritas Marl", phone="02365 123-45", email="info@caritas.example.org", street="Hauptstraße 1",
        postcode="45768", city=City.objects.get(slug="marl"))
    contact = make_contact(organisation=organisation, phone="02365 987-6", email="aylin@example.org")
    offer = make_offer(title="Deutschkurs für Frauen", organisation=organisation, cities=["marl"],
                       topics=["sprache", "frauen"], target_groups=["frauen", "neuzugewanderte"],
                       languages=["de", "ar"], contacts=[contact])
    OfferTime.objects.create(offer=offer, weekday=1, opens_at=datetime.time(15),
                             closes_at=datetime.time(17, 30))
    return offer


# --- taxonomy names ------------------------------------------------------------------------------


def test_the_start_page_shows_topics_and_seed_filters_in_the_page_language(client, offer,
                                                                          sample_translations):
    english = get(client, localized("pages:home", "en"))
    assert '<span class="tile__name">Language</span>' in english
    assert ">especially for newcomers</a>" in english
    assert "Marl" in english  # cities keep their names
    german = get(client, localized("pages:home", "de"))
    assert '<span class="tile__name">Sprache</span>' in german
    assert ">insbesondere für Neuzugewanderte</a>" in german


def test_the_results_page_translates_panels_chips_and_cards(client, offer, sample_translations):
    html = get(client, localized("offers:search", "en") + "?topic=sprache")
    assert '<label for="f-topic-sprache">Language <span class="count">(1)</span></label>' in html
    assert "Topic: Language" in html  # the chip
    assert '<p class="card__topics"><span class="visually-hidden">' in html
    assert "Language · Women</p>" in html  # the card's topics
    assert '<abbr title="Arabic">AR</abbr>' in html
    assert "Women and girls" in html  # the target group panel


def test_term_names_are_cached_per_language(client, offer, sample_translations):
    with translation.override("de"):
        assert results.term_names()["topic"]["sprache"] == "Sprache"
    with translation.override("en"):
        assert results.term_names()["topic"]["sprache"] == "Language"
    # the whole results page is cached too: German first, then English from the same state
    assert "Sprache" in get(client, localized("offers:search", "de") + "?topic=sprache")
    assert "Topic: Language" in get(client, localized("offers:search", "en") + "?topic=sprache")


def test_the_offer_page_translates_topics_groups_and_languages_but_not_cities(client, offer,
                                                                             sample_translations):
    html = get(client, localized("offers:detail", "en", offer.pk))
    assert ">Language</a>, " in html and ">Women</a>" in html
    assert "especially for newcomers, Women and girls" in html
    assert "German, Arabic" in html
    assert "Marl" in html


def test_the_provider_page_cards_show_translated_topics(client, offer, sample_translations):
    html = get(client, localized("providers:detail", "en", offer.organisation.slug))
    assert "Language · Women" in html


def test_a_term_added_later_shows_its_german_name(client, make_offer, sample_translations):
    Topic.objects.create(slug="neu", name="Ganz neues Thema", position=99)
    make_offer(topics=["neu"])
    assert "Ganz neues Thema" in get(client, localized("pages:home", "en"))
    assert "Ganz neues Thema" in get(client, localized("offers:search", "en"))


def test_the_api_names_terms_in_the_requested_language(client, offer, sample_translations):
    # The API's language is its `lang` parameter, never Accept-Language (api/http.py).
    german = client.get("/api/v1/taxonomy", HTTP_ACCEPT_LANGUAGE="en").json()
    assert {"slug": "sprache", "name": "Sprache"} in german["topics"]
    english = client.get("/api/v1/taxonomy", {"lang": "en"}).json()
    assert {"slug": "sprache", "name": "Language"} in english["topics"]
    assert any(c["name"] == "Marl" for c in english["cities"])
    arabic = next(lang for lang in english["languages"] if lang["slug"] == "ar")
    assert arabic["name"] == "Arabic" and arabic["native_name"] == "العربية"
    data = client.get(f"/api/v1/offers/{offer.pk}", {"lang": "en"}).json()
    assert {"slug": "sprache", "name": "Language"} in data["topics"]
    assert {"slug": "frauen", "name": "Women and girls"} in data["target_groups"]
    assert {"slug": "marl", "name": "Marl"} in data["cities"]


def test_the_api_lang_parameter_also_names_the_terms_of_an_offer(client, offer, sample_translations):
    data = client.get(f"/api/v1/offers/{offer.pk}", {"lang": "ar"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert {"slug": "sprache", "name": "اللغة"} in data["topics"]
    assert {"slug": "ar", "name": "العربية"} in data["languages"]
    german = client.get(f"/api/v1/offers/{offer.pk}").json()
    assert {"slug": "sprache", "name": "Sprache"} in german["topics"]


# --- right to left -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_pages_say_so(client, offer, language):
    for name, args in (("pages:home", ()), ("offers:search", ()), ("offers:detail", (offer.pk,)),
                       ("providers:detail", (offer.organisation.slug,)), ("providers:contacts", ()),
                       ("pages:kontakt", ()), ("pages:leichte_sprache", ())):
        html = get(client, localized(name, language, *args))
        assert f'<html lang="{language}" dir="rtl">' in html, name


def test_phone_numbers_mail_addresses_and_times_stay_left_to_right(client, offer):
    html = get(client, localized("offers:detail", "ar", offer.pk))
    assert '<bdi dir="ltr">02365 987-6</bdi>' in html
    assert '<bdi dir="ltr">aylin@example.org</bdi>' in html
    assert '<bdi dir="ltr">15:00–17:30</bdi>' in html
    provider = get(client, localized("providers:detail", "ar", offer.organisation.slug))
    assert '<bdi dir="ltr">02365 123-45</bdi>' in provider
    assert '<bdi dir="ltr">45768 Marl</bdi>' in provider
    contact = get(client, localized("pages:kontakt", "ar"))
    assert '<bdi dir="ltr">02361 00000-0</bdi>' in contact
    assert '<bdi dir="ltr">integration@kreis-re.example.org</bdi>' in contact


# --- dates and numbers ---------------------------------------------------------------------------


def test_dates_follow_the_page_language_and_german_stays_as_it_was(client, offer):
    german = get(client, localized("offers:detail", "de", offer.pk))
    assert "zuletzt geprüft am 1. Oktober 2026" in german
    card = get(client, localized("offers:search", "de"))
    assert "zuletzt geprüft am 01.10.2026" in card
    arabic = get(client, localized("offers:detail", "ar", offer.pk))
    assert "أكتوبر" in arabic  # the Arabic month name
    assert "Oct. 1, 2026" in get(client, localized("offers:detail", "en", offer.pk))


def test_the_count_heading_groups_large_numbers_per_language(db):
    with translation.override("de"):
        assert results.count_heading(12345) == "12.345 Angebote gefunden"
    with translation.override("en"):
        assert results.count_heading(12345).startswith("12,345 ")


def test_filter_counts_are_grouped_per_language(client, offer, monkeypatch):
    def panels(params, facets, names):
        return [{"name": "city", "legend": "Stadt", "options": [
            {"id": "f-city-marl", "slug": "marl", "name": "Marl", "count": 12345, "checked": False}]}]

    monkeypatch.setattr(results, "facet_panels", panels)
    assert '<span class="count">(12.345)</span>' in get(client, localized("offers:search", "de"))
    assert '<span class="count">(12,345)</span>' in get(client, localized("offers:search", "en"))


def test_the_500_page_is_in_the_page_language_and_direction(db):
    with translation.override("ar"):
        html = server_error(RequestFactory().get("/ar/")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("de"):
        assert '<html lang="de" dir="ltr">' in server_error(RequestFactory().get("/de/")).content.decode()

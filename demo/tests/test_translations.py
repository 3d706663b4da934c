"""The demo's translations: the Marl course in all six languages, about ten other offers in
two or three, each still matching the German text it translates; loading twice adds nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from demo.seed.build import build_dataset
from demo.seed.translated_texts import TRANSLATED_OFFERS
from offers.models import TRANSLATION_CODES, Offer, OfferTranslation
from search.engine import search_offers
from search.params import SearchParams
from taxonomy.models import City

TODAY = datetime.date(2026, 11, 25)
MARL_COURSE = "Deutschkurs für Frauen mit Kinderbetreuung"


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cities = list(City.objects.all())
    return build_dataset(cities, today=TODAY)


def test_every_translation_still_finds_the_german_text_it_translates(dataset):
    by_id = {offer["external_id"]: offer for offer in dataset["offers"]}
    for external_id, entry in TRANSLATED_OFFERS.items():
        offer = by_id[external_id]
        assert offer["title"] == entry["de_title"], external_id
        assert offer["translations"], f"{external_id}: the German text changed, translate it again"


def test_the_marl_course_in_all_six_languages_and_others_in_two_or_three(dataset):
    translated = {o["external_id"]: o for o in dataset["offers"] if o["translations"]}
    course = translated.pop("demo-0001")
    assert course["title"] == MARL_COURSE and list(course["translations"]) == TRANSLATION_CODES
    assert 8 <= len(translated) <= 10
    assert all(2 <= len(o["translations"]) <= 3 for o in translated.values())
    languages = {language for o in translated.values() for language in o["translations"]}
    assert {"ar", "uk", "en"} <= languages
    assert all(o["status"] == "published" for o in translated.values())


def test_translations_keep_to_the_limits_of_the_model(dataset):
    for offer in dataset["offers"]:
        for language, texts in offer["translations"].items():
            item = OfferTranslation(offer=Offer(pk=1), language=language, **texts)
            item.full_clean(exclude=["offer"], validate_unique=False)
            assert texts["title"] and texts["summary"] and texts["description"]


def _load():
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.django_db
def test_loading_twice_adds_nothing_and_the_translations_are_found():
    _load()
    rows = set(OfferTranslation.objects.values_list("pk", "offer_id", "language", "title", "updated_at"))
    assert len(rows) == 6 + sum(len(e) - 2 for i, e in TRANSLATED_OFFERS.items() if i != "demo-0001")
    _load()
    assert set(OfferTranslation.objects.values_list(
        "pk", "offer_id", "language", "title", "updated_at")) == rows

    course = Offer.objects.get(external_id="demo-0001")
    assert course.described_in() == ["de", *TRANSLATION_CODES]
    found = [o.external_id for o in search_offers(SearchParams(q="دورة الألمانية للنساء")).offers]
    assert found[0] == "demo-0001"
    assert "demo-0001" in [o.external_id for o in search_offers(SearchParams(q="курс німецької")).offers]


@pytest.mark.django_db
def test_a_changed_demo_translation_is_put_back_on_the_next_load(client):
    _load()
    OfferTranslation.objects.filter(offer__external_id="demo-0001", language="en").update(title="x")
    OfferTranslation.objects.filter(offer__external_id="demo-0002", language="en").delete()
    _load()
    assert OfferTranslation.objects.get(offer__external_id="demo-0001", language="en").title == (
        "German course for women with childcare")
    assert OfferTranslation.objects.filter(offer__external_id="demo-0002", language="en").exists()
    with translation.override("uk"):
        url = reverse("offers:detail", args=[Offer.objects.get(external_id="demo-0001").pk])
    page = client.get(url)
    translation.deactivate()  # the request left Ukrainian active in this thread
    assert "<h1>Курс німецької мови для жінок із доглядом за дітьми</h1>" in page.content.decode()

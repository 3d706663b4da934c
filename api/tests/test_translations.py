"""`lang`: an offer's texts in the language asked for where translated, German otherwise,
with the language used and the languages available; anything but the seven codes is a 400."""

import pytest
from django.utils import translation

URL = "/api/v1/offers"
ARABIC = {"title": "دورة اللغة الألمانية للنساء", "summary": "مع رعاية الأطفال", "description": "نص"}


@pytest.fixture(autouse=True)
def german_after_each_test():
    yield
    translation.deactivate()


@pytest.fixture
def course(full_offer):
    full_offer.translations.create(language="ar", **ARABIC)
    full_offer.translations.create(language="uk", title="Курс німецької мови для жінок")
    return full_offer


def test_without_lang_the_texts_are_german_and_the_languages_are_listed(client, course):
    [item] = client.get(URL).json()["results"]
    assert (item["title"], item["text_language"]) == ("Deutschkurs für Frauen mit Kinderbetreuung", "de")
    assert item["described_in"] == ["de", "ar", "uk"]
    assert item["languages"] == ["de", "ar"]  # the languages spoken in the offer, unchanged


def test_the_list_in_a_translated_language(client, course, make_offer, validate):
    make_offer("Nähcafé", summary="Gemeinsam nähen")
    data = client.get(URL, {"lang": "ar", "sort": "title"}).json()
    validate(data, "OfferList")
    translated, german = data["results"]
    assert (translated["title"], translated["summary"], translated["text_language"]) == (
        ARABIC["title"], ARABIC["summary"], "ar")
    assert translated["url"] == f"http://testserver/ar/angebote/{course.pk}/"
    assert (german["title"], german["summary"], german["text_language"], german["described_in"]) == (
        "Nähcafé", "Gemeinsam nähen", "de", ["de"])


def test_the_next_page_keeps_the_language(client, course, make_offer):
    make_offer("Nähcafé")
    data = client.get(URL, {"lang": "uk", "page_size": 1}).json()
    assert data["next"].endswith("?page=2&page_size=1&lang=uk")
    assert client.get(data["next"]).json()["previous"].endswith("?page_size=1&lang=uk")


def test_the_detail_in_a_translated_language(client, course, validate):
    data = client.get(f"{URL}/{course.pk}", {"lang": "ar"}).json()
    validate(data, "Offer")
    assert {key: data[key] for key in ("title", "summary", "description", "text_language")} == {
        **ARABIC, "text_language": "ar"}
    assert data["described_in"] == ["de", "ar", "uk"]
    assert data["url"] == f"http://testserver/ar/angebote/{course.pk}/"
    assert data["cost"] == "kostenlos"  # the other facts stay as the provider wrote them


def test_a_language_without_translation_gives_german(client, course):
    data = client.get(f"{URL}/{course.pk}", {"lang": "fa"}).json()
    assert (data["title"], data["description"], data["text_language"]) == (
        course.title, course.description, "de")
    ukrainian = client.get(f"{URL}/{course.pk}", {"lang": "uk"}).json()
    assert (ukrainian["title"], ukrainian["summary"], ukrainian["text_language"]) == (
        "Курс німецької мови для жінок", "", "uk")


@pytest.mark.parametrize("path", ["", "/{id}"])
@pytest.mark.parametrize("value", ["xx", "AR", "de-DE", "arabic"])
def test_an_unknown_language_is_a_400_naming_the_parameter(client, course, path, value):
    response = client.get(URL + path.format(id=course.pk), {"lang": value})
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["parameter"]) == ("invalid_choice", "lang")
    assert "de, en, ar, fa, tr, uk, ru" in error["message"]


def test_an_empty_lang_means_german(client, course):
    assert client.get(URL, {"lang": ""}).json()["results"][0]["text_language"] == "de"


def test_the_translations_cost_one_query_per_page(client, make_offer, django_assert_max_num_queries):
    for n in range(25):
        make_offer(f"Angebot {n}").translations.create(language="en", title=f"Offer {n}")
    client.get(URL, {"q": "warm-up"})
    with django_assert_max_num_queries(13):  # the twelve of a page without translations, and one
        data = client.get(URL, {"lang": "en"}).json()
    assert [item["title"] for item in data["results"]][:2] == ["Offer 0", "Offer 1"]

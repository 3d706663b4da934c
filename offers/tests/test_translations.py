"""Offers described in several languages: the page's language where translated, German
(marked lang="de") where not; one query for the translations of a whole page."""

import re

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from offers.models import OfferTranslation, prefetch_translations

ARABIC = {"title": "دورة اللغة الألمانية للنساء", "summary": "مع رعاية الأطفال",
          "description": "الفقرة الأولى.\n\nالفقرة الثانية."}


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


@pytest.fixture
def course(make_offer):
    offer = make_offer("Deutschkurs für Frauen", summary="Mit Kinderbetreuung.",
                       description="Erster Absatz.")
    offer.translations.create(language="ar", **ARABIC)
    offer.translations.create(language="en", title="German course for women")
    return offer


# --- the model -----------------------------------------------------------------------------------

def test_text_in_gives_the_translation_or_german_and_says_which(course):
    arabic = course.text_in("ar")
    assert (arabic.title, arabic.summary, arabic.language, arabic.is_fallback) == (
        ARABIC["title"], ARABIC["summary"], "ar", False)
    english = course.text_in("en")
    assert (english.title, english.summary, english.description) == ("German course for women", "", "")
    turkish = course.text_in("tr")
    assert (turkish.title, turkish.language, turkish.is_fallback) == ("Deutschkurs für Frauen", "de", True)
    german = course.text_in("de")
    assert (german.title, german.is_fallback) == ("Deutschkurs für Frauen", False)


def test_the_languages_it_is_described_in_start_with_german(course):
    assert course.described_in() == ["de", "en", "ar"]


def test_prefetched_translations_cost_no_query_per_offer(course, make_offer, django_assert_num_queries):
    other = make_offer("Nähcafé")
    offers = prefetch_translations([course, other])
    with django_assert_num_queries(0):
        assert [o.text_in("ar").title for o in offers] == [ARABIC["title"], "Nähcafé"]
        assert [o.described_in() for o in offers] == [["de", "en", "ar"], ["de"]]


def test_an_offer_has_one_translation_per_language(course):
    with pytest.raises(IntegrityError):
        OfferTranslation.objects.create(offer=course, language="ar", title="doppelt")


# --- the offer page ------------------------------------------------------------------------------

def test_the_offer_page_shows_the_translation_of_its_language(client, course):
    page = client.get(url("offers:detail", "ar", course.pk)).content.decode()
    assert f"<h1>{ARABIC['title']}</h1>" in page
    assert f'<p class="lead">{ARABIC["summary"]}</p>' in page
    assert "<div><p>الفقرة الأولى.</p>\n\n<p>الفقرة الثانية.</p></div>" in page
    assert f"<title>{ARABIC['title']}" in page
    assert "nur auf Deutsch" not in page and "Deutschkurs für Frauen" not in page


def test_without_a_translation_the_german_text_is_marked_and_explained(client, course):
    page = client.get(url("offers:detail", "fa", course.pk)).content.decode()
    assert '<h1 lang="de" dir="ltr">Deutschkurs für Frauen</h1>' in page  # German inside RTL
    assert '<p class="lead" lang="de" dir="ltr">Mit Kinderbetreuung.</p>' in page
    assert '<div lang="de" dir="ltr"><p>Erster Absatz.</p></div>' in page
    assert '<span aria-current="page" lang="de" dir="ltr">Deutschkurs für Frauen</span>' in page
    assert '<p class="offer__language-note">' in page  # the note itself is in the page language
    assert "Dieses Angebot ist nur auf Deutsch beschrieben." not in page
    turkish = client.get(url("offers:detail", "tr", course.pk)).content.decode()
    assert '<h1 lang="de">Deutschkurs für Frauen</h1>' in turkish  # left to right anyway


def test_the_german_page_is_german_without_a_note(client, course):
    page = client.get(url("offers:detail", "de", course.pk)).content.decode()
    assert "<h1>Deutschkurs für Frauen</h1>" in page
    assert "nur auf Deutsch" not in page and ARABIC["title"] not in page


def test_the_note_reads_in_the_page_language(client, course, settings, tmp_path):
    import polib

    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    catalogue.append(polib.POEntry(msgid="Dieses Angebot ist nur auf Deutsch beschrieben.",
                                   msgstr="This offer is described in German only."))
    (tmp_path / "ru" / "LC_MESSAGES").mkdir(parents=True)
    catalogue.save_as_mofile(str(tmp_path / "ru" / "LC_MESSAGES" / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path]
    page = client.get(url("offers:detail", "ru", course.pk)).content.decode()
    assert "This offer is described in German only." in page


# --- the results page and the provider page ------------------------------------------------------

def card_titles(page):
    return re.findall(r'class="card__title"><a href="[^"]+">(.+?)</a>', page)


def test_cards_show_translations_and_mark_german_ones(client, course, make_offer):
    make_offer("Nähcafé", summary="Gemeinsam nähen.")
    page = client.get(url("offers:search", "ar")).content.decode()
    assert card_titles(page) == [ARABIC["title"], '<span lang="de" dir="ltr">Nähcafé</span>']
    assert '<p class="card__summary"><span lang="de" dir="ltr">Gemeinsam nähen.</span></p>' in page
    assert f'<p class="card__summary">{ARABIC["summary"]}</p>' in page
    english = client.get(url("offers:search", "en")).content.decode()
    assert card_titles(english) == ["German course for women", '<span lang="de">Nähcafé</span>']
    assert "card__summary" in english and "Mit Kinderbetreuung" not in english  # the English one has none


def test_the_cached_results_page_is_kept_per_language(client, course):
    assert card_titles(client.get(url("offers:search", "de")).content.decode()) == ["Deutschkurs für Frauen"]
    assert card_titles(client.get(url("offers:search", "ar")).content.decode()) == [ARABIC["title"]]
    assert card_titles(client.get(url("offers:search", "de")).content.decode()) == ["Deutschkurs für Frauen"]


def test_a_translation_edited_shows_on_the_cached_results_page(client, course):
    client.get(url("offers:search", "ar"))
    course.translations.filter(language="ar").update(title="عنوان قديم")  # no signal: no new version
    course.translations.get(language="ar").save()  # a real edit bumps the data version
    assert card_titles(client.get(url("offers:search", "ar")).content.decode()) == ["عنوان قديم"]


def _results_queries(client, language):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url("offers:search", language))
    return len(queries)


def test_translations_cost_one_query_per_results_page_and_none_in_german(client, make_offer):
    for n in range(3):
        make_offer(f"Kurs {n}").translations.create(language="uk", title=f"Курс {n}")
    client.get(url("offers:search", "de"))  # what a running process has loaded already
    german, ukrainian = _results_queries(client, "de"), _results_queries(client, "uk")
    for n in range(3, 12):
        make_offer(f"Kurs {n}").translations.create(language="uk", title=f"Курс {n}")
    client.get(url("offers:search", "de"))
    assert _results_queries(client, "de") == german
    assert _results_queries(client, "uk") == ukrainian <= german + 1


def test_the_provider_page_lists_its_offers_in_the_page_language(client, course):
    page = client.get(url("providers:detail", "ar", course.organisation.slug)).content.decode()
    assert ARABIC["title"] in page and "Deutschkurs für Frauen" not in page

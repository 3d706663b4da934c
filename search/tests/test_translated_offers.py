"""Offers are found by their translations too, whatever the script, on both databases.

One German offer with translations; queries typed the way people type them: with or without
Arabic vowel marks, with tatweel, with another alef, in Ukrainian, Russian, Turkish."""

import pytest
from django.db import connection

from offers.models import OfferTranslation
from search.text import index_tokens

pytestmark = pytest.mark.django_db

TEXTS = {
    "ar": ("دورة اللغة الألمانية للنساء",
           "تعلّم الألمانية للحياة اليومية مع رعاية الأطفال في مستشفى الحي"),
    "fa": ("کلاس زبان آلمانی برای زنان", "می\u200cخواهم آلمانی یاد بگیرم؛ نگهداری از کودکان"),
    "uk": ("Курс німецької мови для жінок", "Догляд за дітьми під час заняття."),
    "ru": ("Курс немецкого языка для женщин", "Ещё есть свободные места, присмотр за детьми."),
    "tr": ("Kadınlar için Almanca kursu", "İstanbul'dan gelen kadınlar da katılabilir."),
}


@pytest.fixture
def course(make_offer):
    offer = make_offer("Deutschkurs für Frauen", summary="Mit Kinderbetreuung.")
    for language, (title, summary) in TEXTS.items():
        OfferTranslation.objects.create(offer=offer, language=language, title=title, summary=summary)
    make_offer("Fahrradwerkstatt", summary="Reparieren lernen.")  # must not match any of them
    return offer


@pytest.mark.parametrize("q", [
    "دورة الألمانية",  # as written in the title
    "دَوْرَة اَلْأَلْمَانِيَّة",  # fully vocalised
    "دورــــة",  # stretched with tatweel
    "الالمانية", "ٱلألمانية", "ألمانية",  # other alef forms, without the article
    "دوره",  # teh marbuta typed as heh
    "مستشفي", "الاطفال", "اطفال",  # alef maqsura as yeh; hamza-less alef; without the article
])
def test_an_arabic_query_finds_the_arabic_translation(course, search, q):
    assert search(q) == ["Deutschkurs für Frauen"]


@pytest.mark.parametrize("q", [
    "زبان آلمانی", "زبان المانی",  # with and without madda
    "كلاس زنان",  # Arabic kaf typed for Persian keheh
    "می\u200cخواهم", "میخواهم", "می خواهم",  # ZWNJ, joined, or a space between the parts
])
def test_a_persian_query_finds_the_persian_translation(course, search, q):
    assert search(q) == ["Deutschkurs für Frauen"]


@pytest.mark.parametrize("q", [
    "німецької мови", "курси для жінок", "ДОГЛЯД ЗА ДІТЬМИ",  # Ukrainian
    "курсы немецкого", "немецкий язык", "еще места", "ещё места", "Присмотр",  # Russian
])
def test_ukrainian_and_russian_queries_find_their_translations(course, search, q):
    assert search(q) == ["Deutschkurs für Frauen"]


@pytest.mark.parametrize("q", ["İstanbul", "ISTANBUL", "istanbul", "KADINLAR", "kadinlar almanca"])
def test_a_turkish_query_with_dotted_or_dotless_i_finds_the_turkish_translation(course, search, q):
    assert search(q) == ["Deutschkurs für Frauen"]


def test_the_german_search_is_unchanged_by_translations(course, search):
    assert search("Deutschkurs Kinderbetreuung") == ["Deutschkurs für Frauen"]
    assert search("Fahrrad") == ["Fahrradwerkstatt"]


def test_a_translated_title_ranks_like_a_title(make_offer, search):
    in_title = make_offer("Treffpunkt A")
    OfferTranslation.objects.create(offer=in_title, language="uk", title="Розмовний клуб")
    make_offer("Treffpunkt B").translations.create(
        language="uk", title="Зустріч", description="Розмовний клуб щосереди.")
    assert search("клуб") == ["Treffpunkt A", "Treffpunkt B"]


def test_a_translation_is_searchable_at_once_and_gone_when_deleted(make_offer, search):
    offer = make_offer("Nähcafé")
    translation = OfferTranslation.objects.create(offer=offer, language="ru", title="Кафе шитья")
    assert search("шитья") == ["Nähcafé"]
    translation.title = "Швейное кафе"
    translation.save()
    assert search("шитья") == [] and search("швейное") == ["Nähcafé"]
    translation.delete()
    assert search("швейное") == []


def test_an_offer_with_translations_can_be_deleted(course, search):
    course.delete()
    assert search("Deutschkurs") == [] and search("دورة") == []


def _document_matches(offer_id, token):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT offer_id FROM search_searchdocument "
                           "WHERE tsv @@ to_tsquery('simple', %s)", [token])
        else:
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [f'"{token}"'])
        return offer_id in {row[0] for row in cursor.fetchall()}


def test_the_database_matches_every_token_python_made(course):
    """FTS5 (unicode61) and PostgreSQL ('simple' parser) must keep each token whole: a token
    split by the database would never match the same token in a query."""
    texts = [text for pair in TEXTS.values() for text in pair]
    tokens = {token for text in texts for token in index_tokens(text).split()}
    assert len(tokens) > 40
    assert [token for token in sorted(tokens) if not _document_matches(course.pk, token)] == []

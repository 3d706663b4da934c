"""What a person types, what they get: the German search semantics one by one."""

import pytest

from search.models import SynonymGroup

pytestmark = pytest.mark.django_db


def test_it_is_case_and_umlaut_insensitive(make_offer, search):
    make_offer("Möbelbörse für Familien")
    make_offer("Übersetzungshilfe im Stadtteil")
    make_offer("Fußball für Mädchen")
    for q in ("möbelbörse", "MOEBELBOERSE", "Mobelborse"):
        assert search(q) == ["Möbelbörse für Familien"]
    assert search("uebersetzungshilfe") == ["Übersetzungshilfe im Stadtteil"]
    assert search("Fussball Maedchen") == ["Fußball für Mädchen"]


def test_it_finds_inflected_forms(make_offer, search):
    make_offer("Kurs für Anfänger")
    make_offer("Kurse am Abend")
    assert set(search("Kurse")) == {"Kurs für Anfänger", "Kurse am Abend"}
    assert set(search("Kurs")) == {"Kurs für Anfänger", "Kurse am Abend"}
    assert set(search("Kursen")) == {"Kurs für Anfänger", "Kurse am Abend"}


def test_it_finds_compound_words_by_their_parts(make_offer, search):
    make_offer("Deutschkurs für Frauen")
    make_offer("Möbelbörse Marl")
    make_offer("Hausaufgabenhilfe in der Grundschule")
    assert search("Kurs") == ["Deutschkurs für Frauen"]
    assert search("Möbel") == ["Möbelbörse Marl"]
    assert search("Hilfe") == ["Hausaufgabenhilfe in der Grundschule"]


def test_a_compound_query_finds_its_parts_written_apart(make_offer, search):
    make_offer("Kurs für die deutsche Sprache")
    assert search("Sprachkurs") == ["Kurs für die deutsche Sprache"]


def test_it_matches_the_last_word_as_a_prefix_while_typing(make_offer, search):
    make_offer("Deutschkurs für Frauen")
    make_offer("Deutsch-Stammtisch")
    assert search("Deutschk") == ["Deutschkurs für Frauen"]
    assert search("Frauen Deutschk") == ["Deutschkurs für Frauen"]


def test_it_forgives_small_typos(make_offer, search):
    make_offer("Deutschkurs für Frauen")
    make_offer("Migrationsberatung für Erwachsene")
    assert search("Deutschkurz") == ["Deutschkurs für Frauen"]
    assert search("Migrationsbertaung") == ["Migrationsberatung für Erwachsene"]
    assert search("Deutshckurs") == ["Deutschkurs für Frauen"]


def test_it_does_not_correct_short_words(make_offer, search):
    make_offer("Rad fahren lernen")
    assert search("Rat") == []


@pytest.mark.parametrize("query, title", [
    ("MBE", "Migrationsberatung für erwachsene Zuwanderer"),
    ("JMD", "Jugendmigrationsdienst Recklinghausen"),
    ("BAMF", "Sprechstunde zu Anträgen beim Bundesamt für Migration und Flüchtlinge"),
    ("Job", "Arbeit finden: Coaching"),
    ("Arbeit", "Job-Café für Neuzugewanderte"),
    ("Flüchtling", "Treffpunkt für Geflüchtete"),
    ("Geflüchtete", "Beratung für Flüchtlinge"),
    ("Nachhilfe", "Hausaufgabenhilfe in der Grundschule"),
    ("Sprachkurs", "Integrationskurs mit Kinderbetreuung"),
    ("Kita", "Eltern-Kind-Gruppe vor dem Kindergarten"),
])
def test_it_understands_synonyms_and_abbreviations(make_offer, search, query, title):
    make_offer(title)
    make_offer("Schwimmen im Hallenbad")
    assert search(query) == [title]


def test_a_multi_word_synonym_in_the_query_finds_the_abbreviation(make_offer, search):
    make_offer("JMD Sprechstunde")
    assert search("Jugendmigrationsdienst") == ["JMD Sprechstunde"]
    make_offer("BAMF-Antrag ausfüllen")
    assert search("Bundesamt für Migration und Flüchtlinge") == ["BAMF-Antrag ausfüllen"]


def test_a_synonym_added_by_staff_works_without_reindexing(make_offer, search):
    make_offer("Repair-Café im Quartier")
    assert search("Reparaturtreff") == []
    SynonymGroup.objects.create(terms="Reparaturtreff, Repair-Café")
    assert search("Reparaturtreff") == ["Repair-Café im Quartier"]


def test_it_ranks_title_over_summary_over_description_over_provider(
    make_offer, make_organisation, search
):
    make_offer("Angebot D", organisation=make_organisation("Verein Schwimmfreunde"))
    make_offer("Angebot C", description="Wir gehen zusammen schwimmen.")
    make_offer("Angebot B", summary="Schwimmen für Frauen")
    make_offer("Schwimmen lernen")
    assert search("schwimmen") == ["Schwimmen lernen", "Angebot B", "Angebot C", "Angebot D"]


def test_an_exact_word_ranks_above_a_compound_part(make_offer, search):
    make_offer("Schwimmkurs für Kinder")
    make_offer("Kurs: Schwimmen für Kinder")
    assert search("kurs")[0] == "Kurs: Schwimmen für Kinder"


def test_it_finds_offers_by_city_topic_and_provider_names(make_offer, make_organisation, search):
    make_offer("Sprachcafé", cities=["haltern-am-see"],
               organisation=make_organisation("Caritasverband Musterstadt"))
    assert search("Sprachcafe Haltern") == ["Sprachcafé"]
    assert search("Caritasverband") == ["Sprachcafé"]


def test_all_words_must_match(make_offer, search):
    make_offer("Deutschkurs für Frauen")
    make_offer("Deutschkurs für Männer")
    assert search("Deutschkurs Frauen") == ["Deutschkurs für Frauen"]


def test_large_result_sets_are_ranked_by_cheap_tiers(make_offer, search, monkeypatch, engine_path):
    from search import engine

    monkeypatch.setattr(engine, "BM25_LIMIT", 0)
    make_offer("Angebot C", description="Wir gehen zusammen schwimmen.")
    make_offer("Angebot B", summary="Schwimmen für Frauen")
    make_offer("Schwimmkurs für Kinder")
    make_offer("Schwimmen lernen")
    assert search("schwimmen") == [
        "Schwimmen lernen", "Schwimmkurs für Kinder", "Angebot B", "Angebot C"
    ]

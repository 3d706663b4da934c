"""Normalisation rules, without the database."""

from search.text import fold, index_tokens, query_words, split_compound, stem


def test_it_folds_case_umlauts_and_sharp_s():
    assert fold("Übersetzung") == fold("Uebersetzung") == fold("ubersetzung") == "ubersetzung"
    assert fold("Straße") == "strasse"
    assert fold("Möbelbörse") == fold("Moebelboerse") == "mobelborse"
    assert fold("Café") == "cafe"


def test_it_keeps_vowel_pairs_that_are_not_typed_umlauts():
    assert fold("Frauen") == "frauen"
    assert fold("neue Feuerwehr") == "neue feuerwehr"
    assert fold("Quelle") == "quelle"


def test_it_splits_compounds_from_the_lexicon():
    assert split_compound("deutschkurs") == ("deutsch", "kurs")
    assert split_compound("mobelborse") == ("mobel", "borse")
    assert "hilfe" in split_compound("hausaufgabenhilfe")
    assert "integration" in index_tokens("Integrationskurs").split()
    assert "sprache" in split_compound("sprachkurse")


def test_it_does_not_split_plain_words():
    assert split_compound("beratung") == ()
    assert split_compound("paradies") == ()


def test_it_keeps_the_head_of_a_compound_with_an_unknown_first_part():
    assert "kurs" in split_compound("topferkurs")


def test_it_indexes_both_the_word_and_its_stem():
    tokens = index_tokens("Kurs").split()
    assert "kurs" in tokens and stem("kurs") in tokens
    assert "kurs" in index_tokens("Kursen").split()


def test_it_drops_stopwords_unless_the_query_has_nothing_else():
    assert query_words("Kurs für Frauen") == ["kurs", "frauen"]
    assert query_words("für und") == ["fur", "und"]

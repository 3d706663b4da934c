"""Normalisation of the translations' scripts (without the database): Arabic and Persian,
Cyrillic, Turkish. German rules stay as they were (test_text.py)."""

from search.text import fold, index_tokens, query_words, split_compound, stem, words


def test_arabic_diacritics_and_tatweel_are_removed():
    plain = fold("مدرسة")
    assert fold("مَدْرَسَةٌ") == fold("مدرســـة") == fold("مـدْرَسـة") == plain
    assert words("مَدْرَسَة") == [plain]  # one word, not a letter per mark


def test_arabic_alef_variants_yeh_and_teh_marbuta_are_unified():
    assert fold("أطفال") == fold("إطفال") == fold("آطفال") == fold("ٱطفال") == fold("اطفال")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("دورة") == fold("دوره")


def test_persian_yeh_and_keheh_are_the_arabic_letters():
    assert fold("کودکی") == fold("كودكي")
    assert fold("ی") == "\u064a" and fold("ک") == "\u0643"


def test_arabic_indic_and_persian_digits_become_ascii_digits():
    assert words("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹") == ["0123456789", "0123456789"]


def test_zwnj_joins_a_persian_word_and_the_index_keeps_its_parts_too():
    joined, spaced = "می\u200cخواهم", "می خواهم"
    assert query_words(joined) == [fold("میخواهم")]  # the query: one word
    tokens = index_tokens(joined).split()
    assert fold("میخواهم") in tokens  # typed without anything between the parts
    assert all(word in tokens for word in query_words(spaced))  # typed with a space


def test_cyrillic_is_case_folded_and_yo_becomes_ye():
    assert fold("ЁЛКА") == fold("ёлка") == "елка"
    assert fold("Ещё") == fold("еще")


def test_ukrainian_letters_stay_letters():
    assert fold("ЇЖА Йога Ґанок Єдність Іспит") == "їжа йога ґанок єдність іспит"
    assert words("Сім'я сімʼя") == ["сім", "я", "сім", "я"]  # both apostrophes split alike


def test_turkish_dotted_and_dotless_i_fold_alike():
    assert fold("İstanbul") == fold("ISTANBUL") == fold("istanbul") == fold("ıstanbul") == "istanbul"
    assert words("İSTANBUL'da") == ["istanbul", "da"]
    assert fold("Kadınlar için") == "kadinlar icin"


def test_german_stemming_and_compounds_leave_other_scripts_alone():
    for word in ("дітей", "женщин", "الالمانيه", "زنان"):
        folded = fold(word)
        assert split_compound(folded) == ()
        assert index_tokens(word).split()[0] == folded  # the word itself is always indexed
    assert stem(fold("курсы")) == stem(fold("курси")) == "курс"  # Russian Snowball for Cyrillic
    assert stem(fold("الأطفال")) == fold("اطفال")  # Arabic Snowball: without the article


def test_function_words_of_the_translations_are_not_required():
    assert query_words("курсы для женщин") == ["курсы", "женщин"]
    assert query_words("Almanca kursu ve çocuk bakımı") == ["almanca", "kursu", "cocuk", "bakimi"]
    assert query_words("دورة في اللغة") == [fold("دورة"), fold("اللغة")]


def test_other_scripts_and_symbols_never_reach_the_index():
    assert words("漢字 🙂 \"*:() Курс") == ["курс"]

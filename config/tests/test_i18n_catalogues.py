"""Every interface language is complete: its catalogue exists and holds every message of the
source (as `make messages` would collect them), every message is translated and none is
fuzzy, the placeholders of each translation match the German original, and the compiled
django.mo says the same as the django.po next to it.

These tests fail while the translators are still at work; that is on purpose (a language is
offered in the switcher only once it is whole). The last tests check the checks themselves on a
catalogue built in a temporary directory.
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]

# printf-style: %(name)s, %(n)d, %s, %d (a literal %% is not a placeholder); and {name}, {0}, {}.
PRINTF = re.compile(r"%(?:\((?P<name>[^)]*)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACES = re.compile(r"(?<!\{)\{(?P<name>[A-Za-z_]\w*|\d*)\}(?!\})")
HIGHEST_COUNT_TRIED = 1000


def placeholders(text, printf=True):
    """The placeholders of a message, as a multiset of (kind, name) pairs. A % is a placeholder
    only in messages xgettext flagged python-format (elsewhere it is a percent sign)."""
    found = []
    if printf:
        found += [("printf", match.group("name") or "") for match in PRINTF.finditer(text.replace("%%", ""))]
    found += [("brace", match.group("name")) for match in BRACES.finditer(text)]
    return Counter(found)


def _where(entry):
    return f"line {entry.linenum}: {entry.msgid[:70]!r}"


def untranslated_entries(catalogue):
    return [_where(entry) for entry in catalogue if not entry.obsolete and not entry.translated()
            and "fuzzy" not in entry.flags]


def fuzzy_entries(catalogue):
    return [_where(entry) for entry in catalogue if not entry.obsolete and "fuzzy" in entry.flags]


def _numbers_per_form(catalogue):
    """{form index: how many whole numbers (0–999) the catalogue's plural rule sends to it}."""
    match = re.search(r"plural\s*=\s*(.+?);?\s*$", catalogue.metadata.get("Plural-Forms", ""))
    rule = gettext.c2py(match.group(1)) if match else (lambda n: int(n != 1))
    return Counter(rule(n) for n in range(HIGHEST_COUNT_TRIED))


def placeholder_mismatches(catalogue):
    """Translations whose placeholders differ from the original's.

    A plural form that serves one number only (Arabic's forms for 0, 1 and 2, English's for 1)
    may say the number in words and leave out one named placeholder, the count; every other
    form keeps all of German's plural placeholders. No form may use a placeholder German does
    not have (it would raise a KeyError), and positional ones (%s, %d) must all stay."""
    numbers_per_form = _numbers_per_form(catalogue)
    problems = []
    for entry in catalogue:
        if entry.obsolete or not entry.translated():
            continue
        printf = "python-format" in entry.flags
        if not entry.msgid_plural:
            if placeholders(entry.msgstr, printf) != placeholders(entry.msgid, printf):
                problems.append(f"{_where(entry)} → {entry.msgstr[:70]!r}")
            continue
        plural = placeholders(entry.msgid_plural, printf)
        allowed = set(placeholders(entry.msgid, printf)) | set(plural)
        for index, text in sorted(entry.msgstr_plural.items()):
            used = placeholders(text, printf)
            missing = set(plural) - set(used)
            may_drop_count = numbers_per_form[index] == 1 and len(missing) <= 1 and all(
                name for _kind, name in missing)
            positional_kept = all(used[key] == count for key, count in plural.items() if not key[1])
            if not set(used) <= allowed or not positional_kept or (missing and not may_drop_count):
                problems.append(f"{_where(entry)} [form {index}] → {text[:70]!r}")
    return problems


def plural_form_problems(catalogue):
    """Plural messages must have as many forms as the catalogue's Plural-Forms header says."""
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    if not match:
        return ["the header has no Plural-Forms"]
    expected = int(match.group(1))
    return [f"{_where(entry)} has {len(entry.msgstr_plural)} forms, not {expected}"
            for entry in catalogue
            if entry.msgid_plural and not entry.obsolete and len(entry.msgstr_plural) != expected]


def stale_compiled_entries(po_path):
    """Messages of the .po that the compiled .mo beside it does not translate the same way."""
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return [f"{mo_path.name} is missing: run compilemessages"]
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    problems = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not entry.translated():
            continue
        if not entry.msgid_plural:
            answer = (compiled.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt
                      else compiled.gettext(entry.msgid))
            if answer != entry.msgstr:
                problems.append(_where(entry))
            continue
        for index, text in sorted(entry.msgstr_plural.items()):
            # the first count the .mo's plural rule sends to this form; a form no whole number
            # selects (Russian and Ukrainian keep one for fractions) is never shown
            count = next((n for n in range(HIGHEST_COUNT_TRIED) if compiled.plural(n) == index), None)
            if count is None:
                continue
            answer = (compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
                      if entry.msgctxt else compiled.ngettext(entry.msgid, entry.msgid_plural, count))
            if answer != text:
                problems.append(f"{_where(entry)} [form {index}]")
    return problems


def catalogue_problems(po_path):
    """Everything wrong with one catalogue, as readable lines (empty when it is complete)."""
    if not po_path.exists():
        return [f"{po_path} is missing"]
    catalogue = polib.pofile(str(po_path))
    checks = {
        "untranslated": untranslated_entries(catalogue),
        "fuzzy": fuzzy_entries(catalogue),
        "placeholders differ": placeholder_mismatches(catalogue),
        "plural forms": plural_form_problems(catalogue),
        "django.mo out of date": stale_compiled_entries(po_path),
    }
    lines = []
    for name, problems in checks.items():
        if problems:
            lines.append(f"{name} ({len(problems)}):")
            lines += [f"  {problem}" for problem in problems[:25]]
            if len(problems) > 25:
                lines.append(f"  … and {len(problems) - 25} more")
    return lines


def _catalogue_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def _key(entry):
    return entry.msgctxt or "", entry.msgid, entry.msgid_plural or ""


def missing_messages(catalogue, source_catalogue):
    """Messages of the source that the catalogue lacks (makemessages has not been run since)."""
    present = {_key(entry) for entry in catalogue if not entry.obsolete}
    return [f"{entry.occurrences[0][0] if entry.occurrences else '?'}: {entry.msgid[:70]!r}"
            for entry in source_catalogue if _key(entry) not in present]


# Left out like `make messages` leaves them out (Makefile), plus what is not source at all.
NOT_SOURCE = shutil.ignore_patterns(".*", "__pycache__", "*.egg-info", "tests", "node_modules")
NOT_SOURCE_AT_TOP = {".venv", "var", "bench", "staticfiles", "scripts", "locale", "test-artifacts"}


@pytest.fixture(scope="module")
def source_catalogue(tmp_path_factory):
    """The messages of today's source: makemessages run on a copy of the project (it writes
    into the tree it runs in, and the real catalogues must stay as the translators left them)."""
    if not shutil.which("xgettext"):
        pytest.skip("xgettext (GNU gettext) is not installed")
    copy = tmp_path_factory.mktemp("source") / "project"

    def ignore(directory, names):
        ignored = set(NOT_SOURCE(directory, names))
        if Path(directory) == ROOT:
            ignored |= NOT_SOURCE_AT_TOP & set(names)
        return ignored

    shutil.copytree(ROOT, copy, ignore=ignore)
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--add-location=file"],
        cwd=copy, env=environment, check=True, capture_output=True, timeout=120,
    )
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


# --- the project's catalogues --------------------------------------------------------------------


def test_every_language_but_the_german_source_is_checked():
    assert settings.LANGUAGE_CODE == "de" and "de" not in TRANSLATED_LANGUAGES
    assert {"en", "ar", "fa"} <= set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_catalogue_is_complete_and_compiled(language):
    problems = catalogue_problems(_catalogue_path(language))
    assert not problems, f"locale/{language}:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_catalogue_holds_every_message_of_the_source(language, source_catalogue):
    path = _catalogue_path(language)
    if not path.exists():
        pytest.fail(f"{path} is missing")
    missing = missing_messages(polib.pofile(str(path)), source_catalogue)
    assert not missing, (f"locale/{language} lacks {len(missing)} messages (run `make messages`, "
                         "then translate them):\n" + "\n".join(missing))


# --- the checks themselves, on a copy in tmp_path ------------------------------------------------


def _complete_copy(tmp_path):
    """A copy of the English catalogue with every message "translated" (as itself) and compiled."""
    catalogue = polib.pofile(str(_catalogue_path("en")))
    catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in catalogue:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    po_path = tmp_path / "django.po"
    catalogue.save(str(po_path))
    catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    return po_path, catalogue


def _entry(catalogue, msgid):
    return next(entry for entry in catalogue if entry.msgid == msgid)


def _break(tmp_path, change, recompile=True):
    po_path, catalogue = _complete_copy(tmp_path)
    change(catalogue)
    catalogue.save(str(po_path))
    if recompile:
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
    return "\n".join(catalogue_problems(po_path))


def test_a_complete_compiled_catalogue_passes(tmp_path):
    po_path, _catalogue = _complete_copy(tmp_path)
    assert catalogue_problems(po_path) == []


def test_an_untranslated_message_is_reported_with_its_line(tmp_path):
    def forget(catalogue):
        _entry(catalogue, "Suchen").msgstr = ""

    report = _break(tmp_path, forget)
    assert report.startswith("untranslated (1):") and "'Suchen'" in report and "line " in report


def test_a_fuzzy_message_is_reported(tmp_path):
    def doubt(catalogue):
        _entry(catalogue, "Suchen").flags.append("fuzzy")

    assert "fuzzy (1):" in _break(tmp_path, doubt)


@pytest.mark.parametrize("msgid, msgstr", [
    ("zuletzt geprüft am %(date)s", "last checked on %(datum)s"),  # renamed
    ("zuletzt geprüft am %(date)s", "last checked"),  # dropped
    ("zuletzt geprüft am %(date)s", "last checked on %(date)s by %(name)s"),  # added
])
def test_a_translation_with_other_placeholders_is_reported(tmp_path, msgid, msgstr):
    def mistranslate(catalogue):
        _entry(catalogue, msgid).msgstr = msgstr

    assert "placeholders differ (1):" in _break(tmp_path, mistranslate)


def test_a_percent_sign_is_a_placeholder_only_in_a_python_format_message(tmp_path):
    def percent(catalogue):
        entry = _entry(catalogue, "Suchen")
        entry.msgid, entry.msgstr = "100 % dabei", "100 % on board"

    assert _break(tmp_path, percent) == ""


def test_a_plural_form_may_leave_out_the_count_only_where_german_does(tmp_path):
    singular = "Ein Angebot in zehn Städten: Sprachkurse, Beratung, Hilfe bei Arbeit und Schule, " \
               "Sport, Begegnung und mehr – mit den Menschen, die Sie ansprechen können."

    def words_for_one(catalogue):
        _entry(catalogue, singular).msgstr_plural[0] = "One offer in ten cities."

    assert _break(tmp_path, words_for_one) == ""

    def count_lost(catalogue):
        _entry(catalogue, "%(counter)s Angebot").msgstr_plural[1] = "offers"

    assert "placeholders differ (1):" in _break(tmp_path, count_lost)


ARABIC_PLURALS = ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
                  "n%100>=11 && n%100<=99 ? 4 : 5;")


def test_a_missing_plural_form_is_reported(tmp_path):
    def arabic_header(catalogue):
        catalogue.metadata["Plural-Forms"] = ARABIC_PLURALS

    assert "plural forms (" in _break(tmp_path, arabic_header)


@pytest.mark.parametrize("form, words, reported", [(1, "عرض واحد", False), (2, "عرضان", False),
                                                   (3, "عروض", True)])
def test_only_a_form_for_one_number_may_say_it_in_words(tmp_path, form, words, reported):
    def arabic(catalogue):
        catalogue.metadata["Plural-Forms"] = ARABIC_PLURALS
        for entry in catalogue:
            if entry.msgid_plural:
                entry.msgstr_plural = dict.fromkeys(range(6), entry.msgid_plural)
        _entry(catalogue, "%(counter)s Angebot").msgstr_plural[form] = words

    assert ("placeholders differ (1):" in _break(tmp_path, arabic)) is reported


def test_a_mo_older_than_its_po_is_reported(tmp_path):
    def retranslate(catalogue):
        _entry(catalogue, "Suchen").msgstr = "Find"

    report = _break(tmp_path, retranslate, recompile=False)
    assert report.startswith("django.mo out of date (1):") and "'Suchen'" in report


def test_a_message_new_in_the_source_is_reported(tmp_path, source_catalogue):
    _po_path, catalogue = _complete_copy(tmp_path)
    assert missing_messages(source_catalogue, source_catalogue) == []
    catalogue.append(polib.POEntry(msgid="Nur im Katalog", msgstr="Only in the catalogue"))
    source_catalogue_with_new = polib.POFile()
    source_catalogue_with_new.append(polib.POEntry(msgid="Ganz neu", occurrences=[("pages/x.html", "")]))
    source_catalogue_with_new.append(polib.POEntry(msgid="Suchen"))
    assert missing_messages(catalogue, source_catalogue_with_new) == ["pages/x.html: 'Ganz neu'"]


def test_a_missing_mo_or_po_is_reported(tmp_path):
    po_path, _catalogue = _complete_copy(tmp_path)
    po_path.with_suffix(".mo").unlink()
    assert "django.mo is missing" in "\n".join(catalogue_problems(po_path))
    assert catalogue_problems(tmp_path / "xx.po") == [f"{tmp_path / 'xx.po'} is missing"]

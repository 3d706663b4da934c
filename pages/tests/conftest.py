import pytest
from django.core.cache import cache
from django.utils import translation

from freshness.testing import travel_to  # noqa: F401  (patches "today" for time-based tests)


@pytest.fixture(autouse=True)
def german_after_each_test():
    """A request to /en/… leaves English active in this thread (LocaleMiddleware activates a
    language and nothing resets it in tests); later tests expect reverse() to give /de/."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the results page is cached per data version."""
    cache.clear()
    yield
    cache.clear()


# A few translations as the translators will write them. The real catalogues are being
# translated right now, so display tests bring their own, compiled into tmp_path.
TRANSLATIONS = {
    "en": {
        "Sprache": "Language",
        "Frauen": "Women",
        "Frauen und Mädchen": "Women and girls",
        "insbesondere für Neuzugewanderte": "especially for newcomers",
        "Arabisch": "Arabic",
        "Deutsch": "German",
        "Thema": "Topic",
        "Zielgruppe": "Target group",
    },
    "ar": {"Sprache": "اللغة", "Arabisch": "العربية"},
}


@pytest.fixture
def sample_translations(settings, tmp_path):
    """Puts catalogues with TRANSLATIONS first in LOCALE_PATHS (Django reloads them)."""
    import polib

    for language, messages in TRANSLATIONS.items():
        catalogue = polib.POFile()
        catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
        for msgid, msgstr in messages.items():
            catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        directory = tmp_path / language / "LC_MESSAGES"
        directory.mkdir(parents=True)
        catalogue.save_as_mofile(str(directory / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path]
    return TRANSLATIONS

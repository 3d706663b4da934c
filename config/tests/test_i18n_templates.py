"""Every word a template shows goes through the translation machinery, and no template
hard-codes a German date format.

Each template is split with Django's own template lexer. Tags, variables and comments are
masked out (they are code), and so is whatever stands inside {% blocktranslate %} and
{% comment %}; the rest is fed to an HTML parser. A word left in the text between tags, or in
an attribute people see or hear (alt, title, aria-label, placeholder, a button's value, the
table cells' data-label, which the stylesheet shows on narrow screens), is an offender:
`{% translate %}` it. Pure punctuation and symbols (·, –, ›, ×, *), entities, URLs and
class/id/href/name values carry no words and pass.
"""

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import DebugLexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_SUFFIXES = {".html", ".txt"}

# A masked-out template tag, variable or translated stretch: neither a letter nor markup.
MASK = "\ue000"

# The attributes whose values a person sees or hears; an <input> button shows its value (a
# <button> shows its content, its value is only sent).
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder", "data-label"}
BUTTON_INPUT_TYPES = {"submit", "button", "reset"}

# Blocks whose text is translated (or never shown) as a whole: skipped up to their end tag.
SKIPPED_BLOCKS = {"blocktranslate": "endblocktranslate", "blocktrans": "endblocktrans",
                  "comment": "endcomment"}
# {% block main_class %}…{% endblock %} and the like fill a class attribute of base.html.
CLASS_BLOCK = re.compile(r"block \w+_class$")

# The exemptions, each with its reason:
# - The Leichte Sprache page is German on purpose in every interface language (the rules of
#   easy language are for German, and a translation would no longer be easy language); its
#   content is marked lang="de" and a translated note above it says so. Only the block
#   between these two markers is exempt, the rest of that template is checked as usual.
EXEMPT_START = "{# i18n-check: German easy language from here #}"
EXEMPT_END = "{# i18n-check: end #}"
# - Letters that are not words: the class names a {% block …_class %} fills in (CLASS_BLOCK
#   above). Nothing else so far.

# Django's named formats, which follow the page language; "c" is ISO 8601 (machine-readable,
# the datetime attribute of <time>).
NAMED_DATE_FORMATS = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT",
                      "MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT", "c"}
DATE_FILTER = re.compile(r"""\|date:(?P<quote>["'])(?P<format>.*?)(?P=quote)""")


def template_files():
    """Every template of the project: templates/ and each app's templates/ (e-mails too)."""
    paths = {*ROOT.glob("templates/**/*"), *ROOT.glob("*/templates/**/*")}
    return sorted(path for path in paths if path.is_file() and path.suffix in TEMPLATE_SUFFIXES)


def masked_source(source):
    """The template with every tag, variable, comment and translated stretch replaced by MASK
    (its line breaks kept, so line numbers stay right)."""

    def mask(text):
        return MASK + "\n" * text.count("\n")

    parts, closing, exempt = [], None, False
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        raw = source[start:end]
        if exempt:
            exempt = raw != EXEMPT_END
            parts.append(mask(raw))
            continue
        if token.token_type == TokenType.COMMENT and raw == EXEMPT_START:
            exempt = True
            parts.append(mask(raw))
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents.split() else ""
            if closing is None and name in SKIPPED_BLOCKS:
                closing = SKIPPED_BLOCKS[name]
            elif closing is None and CLASS_BLOCK.match(token.contents):
                closing = "endblock"
            elif name == closing:
                closing = None
        if token.token_type == TokenType.TEXT and closing is None:
            parts.append(raw)
        else:
            parts.append(mask(raw))
    return "".join(parts)


def has_words(text):
    return any(character.isalpha() for character in text)


class _WordFinder(HTMLParser):
    """Collects (line, text) of every untranslated word in text and visible attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self._in_code = False  # inside <style> or <script>: code, never shown as text

    def _report(self, text):
        text = " ".join(text.replace(MASK, " ").split())
        if has_words(text):
            self.found.append((self.getpos()[0], text))

    def handle_starttag(self, tag, attrs):
        self._in_code = tag in ("style", "script")
        attributes = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            is_button_value = (name == "value" and tag == "input"
                               and attributes.get("type") in BUTTON_INPUT_TYPES)
            if name in VISIBLE_ATTRIBUTES or is_button_value:
                self._report(value)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_code = False

    def handle_endtag(self, tag):
        self._in_code = False

    def handle_data(self, data):
        if data.strip() and not self._in_code:
            line = self.getpos()[0]
            for offset, text in enumerate(data.split("\n")):
                if has_words(text.replace(MASK, "")):
                    self.found.append((line + offset, " ".join(text.replace(MASK, " ").split())))


def untranslated_words(source):
    """[(line, text)] of the words a template shows without translating them."""
    finder = _WordFinder()
    finder.feed(masked_source(source))
    finder.close()
    return finder.found


def hard_coded_date_formats(source):
    """[(line, format)] of |date filters with a fixed format instead of a named one."""
    return [
        (source.count("\n", 0, match.start()) + 1, match.group("format"))
        for match in DATE_FILTER.finditer(source)
        if match.group("format") not in NAMED_DATE_FORMATS
    ]


def arrows_that_do_not_mirror(source):
    """[(line, arrow)] of arrows (→, ⇐, …) a page template shows outside translated text. They
    keep pointing the same way on a right-to-left page, where ‹ › « » are drawn mirrored by the
    browser (Unicode bidi mirroring). Inside a translated message the translator turns them (the
    Arabic catalogue writes "←" for "→"); e-mails are always German, left to right."""
    masked = masked_source(source)
    return [
        (masked.count("\n", 0, index) + 1, character)
        for index, character in enumerate(masked)
        if unicodedata.name(character, "").endswith(" ARROW") and not unicodedata.mirrored(character)
    ]


def _offenders(check, files=None):
    offenders = []
    for path in files if files is not None else template_files():
        for line, text in check(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(ROOT)}:{line}: {text}")
    return offenders


# --- the checks on the project's templates ---------------------------------------------------


def test_the_project_has_templates_to_check():
    names = {str(path.relative_to(ROOT)) for path in template_files()}
    assert "templates/base.html" in names
    assert "templates/emails/reminder_subject.txt" in names
    assert "offers/templates/offers/search.html" in names


def test_every_visible_word_in_a_template_is_translated():
    offenders = _offenders(untranslated_words)
    assert not offenders, "Untranslated text in templates:\n" + "\n".join(offenders)


def test_no_template_hard_codes_a_date_format():
    offenders = _offenders(hard_coded_date_formats)
    assert not offenders, "Use DATE_FORMAT, SHORT_DATE_FORMAT or SHORT_DATETIME_FORMAT:\n" + "\n".join(
        offenders)


def test_no_template_uses_an_arrow_that_would_point_backwards_in_arabic():
    pages = [path for path in template_files() if "emails" not in path.relative_to(ROOT).parts]
    offenders = _offenders(arrows_that_do_not_mirror, pages)
    assert not offenders, "Use ‹ or › (mirrored on right-to-left pages):\n" + "\n".join(offenders)


# --- the checker itself ------------------------------------------------------------------------


def test_text_between_tags_is_found_with_its_line():
    source = '{% load i18n %}<p>{% translate "Gut" %}</p>\n<p>\nHallo Welt</p>'
    assert untranslated_words(source) == [(3, "Hallo Welt")]


def test_visible_attributes_are_checked_and_technical_ones_are_not():
    source = (
        '<img alt="Logo" src="/a.png"><input placeholder="z. B. Deutschkurs" name="query">'
        '<a href="/hilfe/" class="hilfe" id="hilfe" title="{% translate "Hilfe" %}">›</a>'
        '<button value="approve" name="action" aria-label="Senden">×</button>'
        '<input type="hidden" name="q" value="deutsch"><input type="submit" value="Los">'
        '<td data-label="Datum">{{ day }}</td>{% block main_class %}page page--area{% endblock %}'
    )
    found = [text for _line, text in untranslated_words(source)]
    assert found == ["Logo", "z. B. Deutschkurs", "Senden", "Los", "Datum"]


def test_translated_commented_and_symbolic_text_passes():
    source = (
        '{% load i18n %}{% blocktranslate with n=count %}Noch {{ n }} Tage{% endblocktranslate %}'
        "{% comment %}Notiz für Entwickler{% endcomment %}{# auch hier #}<!-- und hier -->"
        '<span aria-hidden="true">× · – › * &nbsp;&rarr; (3)</span>'
        '<link rel="icon" href="data:,"><a href="mailto:{{ mail }}">{{ mail }}</a>'
    )
    assert untranslated_words(source) == []


def test_only_the_marked_easy_language_block_is_exempt():
    source = (
        f"<p>{{% translate 'Hinweis' %}}</p>{EXEMPT_START}\n<p>Das ist Leichte Sprache.</p>\n"
        f"{EXEMPT_END}\n<p>Das nicht.</p>"
    )
    assert untranslated_words(source) == [(4, "Das nicht.")]


def test_fixed_date_formats_are_found_and_named_ones_pass():
    source = ('{{ a|date:"d.m.Y" }}\n{{ b|date:"SHORT_DATE_FORMAT" }}{{ c|date:\'c\' }}'
              '\n{{ d|date:"j. F Y" }}{{ e|date }}')
    assert hard_coded_date_formats(source) == [(1, "d.m.Y"), (3, "j. F Y")]


def test_arrows_that_keep_their_direction_are_found_and_chevrons_pass():
    source = '‹ Zurück\nWeiter →\n« a » ›\n⇐{% translate "bisher → neu" %}'
    assert arrows_that_do_not_mirror(source) == [(2, "→"), (4, "⇐")]


def test_the_code_of_style_and_script_elements_is_not_text():
    assert untranslated_words("<style>body { font-family: Arial; }</style><p>Hallo Welt</p>") == [
        (1, "Hallo Welt")]

"""An offer's texts in the page's language: the translation where there is one, else the
German text, marked lang="de" (and dir="ltr" on right-to-left pages) so that screen readers
read it as German and browsers lay it out left to right inside an Arabic or Persian page."""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_bidi

from .models import SOURCE_LANGUAGE, prefetch_translations

CARD_SUMMARY_LENGTH = 220


def page_language():
    return get_language() or SOURCE_LANGUAGE


def fallback_attributes(text):
    """The attributes of an element showing `text`: lang="de" (and dir) for the German fallback."""
    if not text.is_fallback:
        return ""
    return mark_safe(' lang="de" dir="ltr"' if get_language_bidi() else ' lang="de"')


def card_texts(offers):
    """(title, summary) of each offer for a result card, in the page's language, the summary
    shortened; German fallbacks wrapped in a span with lang="de". The translations of all
    offers come with one query, and none on German pages."""
    language = page_language()
    if language != SOURCE_LANGUAGE:
        prefetch_translations(offers)
    texts = []
    for offer in offers:
        text = offer.text_in(language)
        summary = text.summary
        if len(summary) > CARD_SUMMARY_LENGTH:
            summary = Truncator(summary).chars(CARD_SUMMARY_LENGTH)
        if text.is_fallback:
            attributes = fallback_attributes(text)
            texts.append((format_html("<span{}>{}</span>", attributes, text.title),
                          format_html("<span{}>{}</span>", attributes, summary) if summary else ""))
        else:
            texts.append((text.title, summary))
    return texts

"""Which demo offers come with translations, and the check that they still translate them.

The demo texts are generated from a seed; a translation belongs to one German text. Each entry
in translated_texts.py carries a fingerprint of the German title, summary and description it was
written for: only an offer with exactly those texts gets it (demo/tests check that all do).
"""

import hashlib

from .translated_texts import TRANSLATED_OFFERS

TEXT_FIELDS = ("title", "summary", "description")


def fingerprint(offer):
    """A short hash of an offer spec's German texts."""
    text = "\n".join(offer[name] for name in TEXT_FIELDS)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def translations_for(offer):
    """{language: {"title", "summary", "description"}} of an offer spec, {} when it has none
    (or its German texts are no longer the ones translated)."""
    entry = TRANSLATED_OFFERS.get(offer["external_id"])
    if entry is None or entry["fingerprint"] != fingerprint(offer):
        return {}
    return {language: dict(zip(TEXT_FIELDS, texts, strict=True))
            for language, texts in entry.items() if language not in ("de_title", "fingerprint")}

"""The form on /einbinden/ that builds the copy-paste snippet for another website."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from offers.results import term_names

# The snippet's fixed parts: a frame as wide as the column it sits in and tall enough for the
# search box, the open filter panel and a few cards.
FRAME_HEIGHT = 900


class EmbedSnippetForm(forms.Form):
    lang = forms.ChoiceField(label=_("Sprache der Suche"), choices=settings.LANGUAGES, initial="de",
                             required=False)
    city = forms.ChoiceField(label=_("Stadt"), required=False)
    topic = forms.ChoiceField(label=_("Thema"), required=False)
    target_group = forms.ChoiceField(label=_("Zielgruppe"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        names = term_names()  # cached per taxonomy version and language
        everything = {"city": _("alle Städte"), "topic": _("alle Themen"),
                      "target_group": _("alle Zielgruppen")}
        for facet, label in everything.items():
            self.fields[facet].choices = [("", label), *names[facet].items()]

    def clean_lang(self):
        return self.cleaned_data["lang"] or "de"

    def search_query(self):
        """The preset filters as query pairs for the embed URL (valid forms only)."""
        return [(facet, self.cleaned_data[facet]) for facet in ("city", "topic", "target_group")
                if self.cleaned_data.get(facet)]

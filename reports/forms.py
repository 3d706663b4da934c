from django import forms
from django.utils.translation import gettext_lazy as _

from config.formguard import GuardedForm

from .models import Report

MESSAGE_MAX_LENGTH = 4000


class ReportForm(GuardedForm):
    """What a visitor sends about an offer: no account, only a message and, if they like, an
    address for questions back."""

    honeypot = True

    category = forms.ChoiceField(
        label=_("Was stimmt nicht? (freiwillig)"), choices=Report.Category.choices,
        required=False, widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Was ist falsch oder fehlt?"), max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Zum Beispiel: Die Zeiten haben sich geändert, die Telefonnummer gilt nicht "
                    "mehr, der Kurs findet jetzt an einem anderen Ort statt. Je genauer Sie es "
                    "beschreiben, desto schneller kann es korrigiert werden."),
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse für Rückfragen (freiwillig)"), required=False,
        max_length=Report._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Wir nutzen sie nur, um bei Fragen zu dieser Meldung nachzufragen."),
    )


class ResolveForm(forms.Form):
    """The note an editor may leave when marking a report as done. One per report on the
    list, told apart by a prefix, so every field has its own id and label."""

    staff_note = forms.CharField(
        label=_("Notiz (freiwillig)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("z. B. was korrigiert wurde; nur für die Redaktion sichtbar."),
    )

    @staticmethod
    def prefix_for(report):
        return f"report-{report.pk}"

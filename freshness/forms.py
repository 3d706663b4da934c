from django import forms
from django.utils.translation import gettext_lazy as _

from providers.models import Organisation


class OverdueFilterForm(forms.Form):
    """Filters of the KI's overdue list (sent with GET, so a filtered list can be linked)."""

    organisation = forms.ModelChoiceField(
        label=_("Träger"), queryset=Organisation.objects.none(), required=False,
        empty_label=_("alle Träger"),
    )
    hidden_only = forms.BooleanField(
        label=_("nur ausgeblendete (nicht mehr in der Suche)"), required=False,
    )

    def __init__(self, *args, organisations, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

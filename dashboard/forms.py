"""Forms of the provider area besides the offer form: the organisation's profile, contact
persons, choosing an organisation, and the editor's comment on a decided proposal.

Like the offer form they never save: they hand a snapshot to changes.services.
"""

import copy

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from changes.snapshot import CONTACT_FIELDS, ORGANISATION_FIELDS
from providers.models import Contact, Organisation

from .offer_forms import CHOOSE, DATE_INPUT, PlainLabels, https_by_default, to_json


class SnapshotMixin:
    def snapshot(self):
        """The cleaned fields in snapshot form (call after is_valid())."""
        return {name: to_json(self.cleaned_data[name]) for name in self._meta.fields
                if name in self.fields}


class OrganisationForm(PlainLabels, SnapshotMixin, forms.ModelForm):
    """The public profile of an organisation; only KI editors see and set "vertrauenswürdig"."""

    class Meta:
        model = Organisation
        fields = ORGANISATION_FIELDS
        formfield_callback = https_by_default
        widgets = {"description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, organisation, may_set_trusted, **kwargs):
        # A copy: validating writes the typed values into the instance, and the page keeps
        # showing the organisation as it is stored.
        super().__init__(*args, instance=copy.copy(organisation), **kwargs)
        self.fields["city"].empty_label = CHOOSE
        if not may_set_trusted:
            del self.fields["is_trusted"]


class ContactForm(PlainLabels, SnapshotMixin, forms.ModelForm):
    """A contact person. Publication needs their consent: ticking the box records the day
    (today unless given), unticking removes it and the person leaves the public pages."""

    consent = forms.BooleanField(
        label=_("Die Person hat der Veröffentlichung ihrer Kontaktdaten zugestimmt"), required=False,
    )

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS
        widgets = {"consent_given_on": DATE_INPUT}
        labels = {"consent_given_on": _("Datum der Einwilligung")}
        help_texts = {"consent_given_on": _("Leer lassen für heute.")}

    field_order = ["name", "role", "phone", "email", "consent", "consent_given_on"]

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, instance=Contact(organisation=organisation), **kwargs)
        if not self.is_bound:
            self.initial["consent"] = bool(self.initial.get("consent_given_on"))

    def clean(self):
        cleaned = super().clean()
        day = cleaned.get("consent_given_on")
        today = timezone.localdate()
        if not cleaned.get("consent"):
            cleaned["consent_given_on"] = None
        elif day is None and "consent_given_on" not in self.errors:
            cleaned["consent_given_on"] = today
        elif day is not None and day > today:
            self.add_error("consent_given_on", _("Das Datum liegt in der Zukunft."))
        return cleaned


class OrganisationChoiceForm(PlainLabels, forms.Form):
    """Which organisation: a select over those the person may edit (sent by GET)."""

    traeger = forms.ModelChoiceField(queryset=Organisation.objects.none(), to_field_name="slug",
                                     label=_("Träger"), empty_label=CHOOSE)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["traeger"].queryset = organisations


class ReviewCommentForm(PlainLabels, forms.Form):
    """An editor's save of a pending proposal decides it; this note reaches the provider."""

    comment = forms.CharField(
        label=_("Kommentar an den Träger (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

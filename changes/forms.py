"""The forms of the KI editors' pages: filtering the queue, deciding a proposal, trust."""

from django import forms
from django.utils.translation import gettext_lazy as _

from providers.models import Organisation

from .models import ChangeRequest


class QueueFilterForm(forms.Form):
    """GET filters of the queue; an unknown value simply means "all"."""

    organisation = forms.ModelChoiceField(
        label=_("Träger"), required=False, empty_label=_("alle Träger"),
        queryset=Organisation.objects.none(),
    )
    kind = forms.ChoiceField(
        label=_("Art"), required=False,
        choices=[("", _("alle Arten")), *ChangeRequest.Kind.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # only organisations that have something waiting: a short list to choose from
        self.fields["organisation"].queryset = Organisation.objects.filter(
            offers__change_requests__status=ChangeRequest.Status.PENDING).distinct().order_by("name")

    def filter(self, changes):
        if not self.is_valid():
            return changes
        if self.cleaned_data["organisation"]:
            changes = changes.filter(offer__organisation=self.cleaned_data["organisation"])
        if self.cleaned_data["kind"]:
            changes = changes.filter(kind=self.cleaned_data["kind"])
        return changes


class DecisionForm(forms.Form):
    """One comment field, two buttons: approving takes an optional comment, rejecting needs
    one (the provider must learn why)."""

    APPROVE = "approve"
    REJECT = "reject"

    # sent by the button that was pressed (name="decision"); not a field of its own on the
    # page, so a missing or unknown value is an error of the whole form
    decision = forms.CharField(required=False)
    comment = forms.CharField(
        label=_("Kommentar an den Anbieter"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Beim Freigeben freiwillig, beim Ablehnen nötig: Der Anbieter bekommt ihn "
                    "per E-Mail."),
    )

    def clean(self):
        data = super().clean()
        data["comment"] = (data.get("comment") or "").strip()
        if data.get("decision") not in (self.APPROVE, self.REJECT):
            raise forms.ValidationError(_("Bitte wählen Sie „Freigeben“ oder „Ablehnen“."))
        if data["decision"] == self.REJECT and not data["comment"]:
            self.add_error("comment", _("Bitte schreiben Sie, warum Sie ablehnen – der Anbieter "
                                        "erfährt es per E-Mail."))
        return data


class TrustForm(forms.Form):
    is_trusted = forms.BooleanField(required=False)


class OrganisationSearchForm(forms.Form):
    q = forms.CharField(label=_("Träger suchen"), required=False, max_length=200)

    @property
    def query(self):
        return " ".join(self.cleaned_data["q"].split()) if self.is_valid() else ""

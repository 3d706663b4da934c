"""Forms of the accounts app. Forms that people without a session send (login, password
reset, invitation, "Als Anbieter mitmachen") are guarded forms: see config/formguard.py."""

from axes.helpers import get_cool_off
from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.contrib.auth.tokens import default_token_generator
from django.db import models
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.html import format_html
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from config.formguard import GuardedFormMixin, token_is_valid
from notifications import mail
from providers.models import Organisation
from taxonomy.models import City

from .models import AccessRequest, Invitation, Membership

STALE_FORM_MESSAGE = _("Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal ab – "
                       "Ihre Eingaben sind erhalten.")


class PlainPasswordHelpMixin:
    """Django's password help is an HTML list; our field partial shows help as one
    paragraph, so the same rules are given as one sentence."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].help_text = " ".join(
            str(text) for text in password_validation.password_validators_help_texts())
        self.fields["new_password2"].help_text = _("Bitte geben Sie das Passwort noch einmal ein.")


class LoginForm(GuardedFormMixin, AuthenticationForm):
    username = forms.CharField(
        # an e-mail address is at most 254 characters; a longer value never reaches the
        # backends (a megabyte of text made SQLite's LIKE fail with a 500)
        label=_("E-Mail-Adresse"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Passwort"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("E-Mail-Adresse oder Passwort stimmen nicht. Bitte prüfen Sie Ihre "
                           "Eingabe. Nach %(limit)s Fehlversuchen wird die Anmeldung für %(minutes)s "
                           "Minuten gesperrt."),
        "inactive": _("Dieses Konto ist gesperrt. Bitte wenden Sie sich an das Kommunale "
                      "Integrationszentrum."),
    }

    def get_invalid_login_error(self):
        return forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login", params={
            "limit": settings.AXES_FAILURE_LIMIT,
            "minutes": int(get_cool_off(self.request).total_seconds() // 60),
        })

    def clean_username(self):
        # One spelling per account, so that django-axes counts "Anna@…" and "anna@…" together.
        return self.cleaned_data["username"].strip().lower()

    def clean(self):
        # The token before the password: a form we did not issue never gets a password checked.
        if not token_is_valid(self._submitted_token):
            raise forms.ValidationError(STALE_FORM_MESSAGE, code="stale_form")
        return super().clean()


def reset_link_hours():
    return settings.PASSWORD_RESET_TIMEOUT // 3600


class PasswordResetRequestForm(GuardedFormMixin, PasswordResetForm):
    email = forms.EmailField(
        label=_("E-Mail-Adresse"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def save(self):
        """E-mail a reset link to every active account with this address (usually one).
        Nobody learns from the answer whether such an account exists."""
        for user in self.get_users(self.cleaned_data["email"]):
            path = reverse("accounts:password_reset_confirm", kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            })
            mail.send(getattr(user, user.get_email_field_name()), "password_reset",
                      {"user": user, "reset_url": mail.absolute_url(path), "valid_hours": reset_link_hours()})


class NewPasswordForm(PlainPasswordHelpMixin, GuardedFormMixin, SetPasswordForm):
    pass


class ChangePasswordForm(PlainPasswordHelpMixin, PasswordChangeForm):
    pass


# An invited address becomes the user name, which has at most 150 characters.
USERNAME_MAX_LENGTH = 150


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"), max_length=USERNAME_MAX_LENGTH)
    name = forms.CharField(label=_("Name"), max_length=150, required=False,
                           help_text=_("Freiwillig; steht in der Einladung."))
    organisation = forms.ModelChoiceField(
        label=_("Träger"), queryset=Organisation.objects.order_by("name"),
        empty_label=_("– bitte wählen –"),
    )

    def clean(self):
        cleaned = super().clean()
        email, organisation = cleaned.get("email"), cleaned.get("organisation")
        if email and organisation:
            if Membership.objects.filter(user__email__iexact=email, organisation=organisation).exists():
                self.add_error("email", _("Diese Person gehört schon zu diesem Träger."))
            elif Invitation.objects.open().filter(email__iexact=email, organisation=organisation).exists():
                self.add_error("email", _("Für diese Adresse und diesen Träger gibt es schon eine offene "
                                          "Einladung. Ziehen Sie sie zurück, um eine neue zu senden."))
        return cleaned


def split_name(name):
    """'Erika Maria Beispiel' → ('Erika Maria', 'Beispiel'); one word is a first name."""
    parts = name.split()
    if len(parts) < 2:
        return " ".join(parts), ""
    return " ".join(parts[:-1]), parts[-1]


class AcceptInvitationForm(PlainPasswordHelpMixin, GuardedFormMixin, SetPasswordForm):
    """Creates the invited person's account: `user` is the new, not yet saved user."""

    name = forms.CharField(label=_("Ihr Name"), max_length=150, required=False,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    field_order = ["name", "new_password1", "new_password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Passwort")
        self.fields["new_password2"].label = _("Passwort wiederholen")

    def clean(self):
        # Before the password checks: the similarity check compares with the name, too.
        self.user.first_name, self.user.last_name = split_name(self.cleaned_data.get("name", ""))
        return super().clean()


def https_by_default(model_field, **kwargs):
    # "kreis-re.de" typed without a scheme means https today (and from Django 6 on).
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


class AccessRequestForm(GuardedFormMixin, forms.ModelForm):
    honeypot = True

    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"), max_length=USERNAME_MAX_LENGTH,
        help_text=_("An diese Adresse senden wir die Einladung zu Ihrem Zugang."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_("Ich bin einverstanden, dass das Kommunale Integrationszentrum diese Angaben "
                "speichert und verwendet, um meine Anfrage zu bearbeiten."),
        error_messages={"required": _("Ohne Ihr Einverständnis können wir die Anfrage nicht bearbeiten.")},
    )

    class Meta:
        model = AccessRequest
        formfield_callback = https_by_default
        fields = ["organisation_name", "city", "street", "postcode", "website",
                  "contact_name", "email", "phone", "message"]
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"contact_name": _("Ihr Name (Ansprechperson)"), "phone": _("Ihre Telefonnummer")}
        help_texts = {
            "message": _("Zum Beispiel: welche Angebote Sie eintragen möchten."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.filter(is_districtwide=False).order_by("position", "name")
        self.fields["city"].empty_label = _("– bitte wählen –")
        self.fields["consent"].help_text = format_html(
            '{} <a href="{}">{}</a>.', _("Mehr dazu in der"), reverse("pages:datenschutz"),
            _("Datenschutzerklärung"))


class ApproveRequestForm(forms.Form):
    NEW, EXISTING = "new", "existing"
    mode = forms.ChoiceField(
        label=_("Träger"), widget=forms.RadioSelect, initial=NEW,
        choices=[(NEW, _("Neuen Träger aus der Anfrage anlegen")),
                 (EXISTING, _("Mit einem bestehenden Träger verknüpfen"))],
    )
    organisation = forms.ModelChoiceField(
        label=_("Bestehender Träger"), queryset=Organisation.objects.order_by("name"), required=False,
        empty_label=_("– bitte wählen –"), help_text=_("Nur beim Verknüpfen."),
    )

    def __init__(self, *args, access_request, **kwargs):
        super().__init__(*args, **kwargs)
        self.access_request = access_request

    def clean(self):
        cleaned = super().clean()
        mode = cleaned.get("mode")
        if mode == self.EXISTING and not cleaned.get("organisation"):
            self.add_error("organisation",
                           _("Bitte wählen Sie den Träger, mit dem die Anfrage verknüpft wird."))
        if mode == self.NEW and Organisation.objects.filter(
                name__iexact=self.access_request.organisation_name.strip()).exists():
            self.add_error("mode", _("Einen Träger mit diesem Namen gibt es schon. Bitte verknüpfen Sie "
                                     "die Anfrage mit ihm."))
        return cleaned

    def existing_organisation(self):
        """The organisation to link, or None to create one from the request."""
        return self.cleaned_data["organisation"] if self.cleaned_data["mode"] == self.EXISTING else None


class RejectRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Begründung"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text=_("Wird der anfragenden Person per E-Mail geschickt."),
    )

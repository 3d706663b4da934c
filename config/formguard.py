"""Forms that anonymous visitors send (Fehler melden, Als Anbieter mitmachen, the login form)
without giving them a cookie.

Django's CSRF protection needs a cookie (or a session), and our rule is that anonymous
visitors receive none. These forms are protected instead by
- an Origin (or Referer) check: a browser always names the page a cross-site POST came from,
  so a POST from another site is refused with 403;
- a signed, time-stamped hidden field: the form must have been issued by us, not too long
  ago (a stale form is shown again with everything typed kept, and a fresh token);
- for forms that create something, a honeypot field that people never see or fill.

Usage: a form class inherits GuardedForm (or GuardedFormMixin with another form base), the
view is wrapped in @public_form, and the template includes "partials/form_guard.html" inside
the <form> (it renders the token and, if enabled, the hidden honeypot).
"""

import time
from functools import wraps
from urllib.parse import urlsplit

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

SALT = "formguard"
MAX_AGE = 60 * 60 * 24  # seconds a form may stay open before it must be sent again


def issue_token():
    return signing.TimestampSigner(salt=SALT).sign(str(int(time.time())))


def token_is_valid(value, max_age=MAX_AGE):
    try:
        signing.TimestampSigner(salt=SALT).unsign(value or "", max_age=max_age)
    except signing.BadSignature:
        return False
    return True


def same_origin(request):
    """True unless the browser says the POST came from another origin."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is None or origin == "null":
        referer = request.META.get("HTTP_REFERER")
        if not referer:
            return origin is None  # no header at all: non-browser client, token still required
        parts = urlsplit(referer)
        origin = f"{parts.scheme}://{parts.netloc}"
    return origin == f"{request.scheme}://{request.get_host()}"


def public_form(view):
    """For views whose POST comes from people without a session: no CSRF cookie; the Origin
    check and the form's signed token stand in for it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not same_origin(request):
            raise PermissionDenied("cross-origin form post")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


class GuardedFormMixin:
    """Adds the signed token (and, with honeypot = True, a field only robots fill)."""

    honeypot = False
    HONEYPOT_FIELD = "homepage"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial["form_token"] = issue_token()
        self._submitted_token = None
        if self.is_bound:
            # remember what was sent, then put a fresh token in: a form shown again after an
            # error (or after being open too long) can be sent straight away
            data = self.data.copy()
            self._submitted_token = data.get(self.add_prefix("form_token"))
            data[self.add_prefix("form_token")] = self.initial["form_token"]
            self.data = data
        if self.honeypot:
            self.fields[self.HONEYPOT_FIELD] = forms.CharField(
                label=_("Bitte dieses Feld leer lassen"), required=False,
                widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            )

    def clean(self):
        cleaned = super().clean()
        if not token_is_valid(self._submitted_token):
            raise forms.ValidationError(
                _("Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal ab – "
                  "Ihre Eingaben sind erhalten."),
                code="stale_form",
            )
        return cleaned

    @property
    def is_spam(self):
        """True when the honeypot was filled: the view pretends success and stores nothing."""
        return bool(self.honeypot and self.is_bound
                    and self.data.get(self.add_prefix(self.HONEYPOT_FIELD)))


class GuardedForm(GuardedFormMixin, forms.Form):
    pass

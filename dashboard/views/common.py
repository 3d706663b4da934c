"""What the views of the provider area share."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_editor
from changes.services import unsign_base

# The edit forms carry the state they were opened on in this hidden field.
BASE_FIELD = "base"
BASE_LOST = _("Das Formular war unvollständig. Bitte prüfen Sie Ihre Eingaben und speichern Sie "
              "noch einmal.")


def home_url(user, organisation=None):
    """The overview; editors come back to the organisation they were working on."""
    url = reverse("dashboard:home")
    if organisation is not None and is_editor(user):
        url += "?" + urlencode({"traeger": organisation.slug})
    return url


def posted_base(request):
    """(the signed base as sent, the state it holds or None if missing or tampered with)."""
    token = request.POST.get(BASE_FIELD, "")
    return token, unsign_base(token)

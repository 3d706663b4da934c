"""The navigation of the two work areas (provider area, KI editors' area)."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_editor

register = template.Library()

PROVIDER_NAV = [
    ("dashboard:home", _("Übersicht")),
    ("dashboard:offer_create", _("Neues Angebot")),
    ("accounts:password_change", _("Passwort ändern")),
]
EDITOR_NAV = [
    ("changes:queue", _("Zu prüfen")),
    ("freshness:overdue", _("Überfällig")),
    ("reports:staff_list", _("Meldungen")),
    ("accounts:requests", _("Anfragen")),
    ("accounts:invite", _("Einladen")),
    ("changes:organisations", _("Träger")),
    ("landscape:staff", _("Angebotslandschaft")),
    ("exchange:start", _("Import")),
    ("admin:index", _("Verwaltung")),
]


def _links(entries, current_path):
    links = []
    for name, label in entries:
        try:
            url = reverse(name)
        except NoReverseMatch:  # an area not built (yet) simply has no link
            continue
        links.append({"url": url, "label": label,
                      "current": current_path == url})
    return links


@register.inclusion_tag("partials/area_nav.html", takes_context=True)
def area_nav(context):
    request = context["request"]
    user = request.user
    return {
        "provider_links": _links(PROVIDER_NAV, request.path),
        "editor_links": _links(EDITOR_NAV, request.path) if is_editor(user) else [],
        "user": user,
    }

"""What the results page shows for a search near a place: the "In der Nähe" fieldset, its
chip, the distance on each card, and wider radii when nothing was found.

The matching itself is search/proximity.py; this module only words it for the page.
"""

from dataclasses import replace

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from search import proximity
from search.engine import search_offers


def form(params):
    """The fieldset's state: the typed value (also a rejected one, so it can be corrected),
    the radius choices and the messages about rejected input."""
    problems = {name: (message, raw) for name, message, raw in params.problems
                if name in ("near", "radius")}
    near_value = params.near or problems.get("near", ("", ""))[1]
    radius = params.radius or proximity.DEFAULT_RADIUS
    choices = sorted(set(proximity.RADIUS_CHOICES) | {radius})
    return {
        "near": near_value[:100],
        "near_error": problems.get("near", (None,))[0],
        "radius_error": problems.get("radius", (None,))[0],
        "radius_choices": [{"value": r, "label": _("%(km)s km") % {"km": r}, "selected": r == radius}
                           for r in choices],
        # a rejected value keeps the panel open on phones, so the message is seen
        "has_error": "near" in problems or "radius" in problems,
    }


def chip_label(params):
    return _("Umkreis %(km)s km um %(near)s") % {"km": params.radius, "near": params.near}


def distances(params, offers):
    """{offer pk: ("2,3 km", place name)} for the cards of a search near a place."""
    if not params.near or not offers:
        return {}
    nearest = proximity.matches(params.near, params.radius).nearest
    shown = {}  # rounded first: number_format cuts decimals off
    for offer in offers:
        if offer.pk in nearest:
            km, place = nearest[offer.pk]
            shown[offer.pk] = (_("%(km)s km") % {"km": number_format(round(km, 1), 1)}, place)
    return shown


def relaxations(params, search_url):
    """For an empty search near a place: the next larger radius and no radius at all."""
    hints = []
    wider = proximity.larger_radius(params.radius)
    if wider is not None:
        relaxed = replace(params, radius=wider, page=1)
        hints.append({
            "label": _("im Umkreis von %(km)s km statt %(current)s km")
            % {"km": wider, "current": params.radius},
            "url": search_url(relaxed), "count": search_offers(relaxed).count,
        })
    relaxed = params.without("near")
    hints.append({
        "label": _("ohne den Umkreis um %(near)s") % {"near": params.near},
        "url": search_url(relaxed), "count": search_offers(relaxed).count,
    })
    return hints


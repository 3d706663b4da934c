"""iCalendar files: the events of one offer, or of every offer with dates that a search finds.

Each event carries the offer's title and summary in the page's language, the place, and a
link to the offer page, where the contact persons are (the file itself names nobody: a
calendar file travels further than a web page, and contacts consented to the page only).
UIDs are stable per offer and event (`offer-42-w0-0830@host`), so importing a newer file
updates the events instead of doubling them. DTSTAMP and LAST-MODIFIED are the offer's last
change, which keeps the file byte-identical until something changes (ETag).
"""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from freshness import rules

from .atom import site_host
from .events import offer_events
from .ical import Calendar

PRODID = "-//Kreis Recklinghausen//Integrationsangebote//DE"


def build_calendar(request, offers, language, name):
    """The VCALENDAR bytes with every event of these offers (offers without dates add none)."""
    calendar = Calendar(PRODID, name=name)
    today = rules.today()
    host = site_host()
    for offer in offers:
        text = offer.text_in(language)
        url = request.build_absolute_uri(offer.get_absolute_url())
        location = _location(offer)
        places = list(offer.places.all())
        geo = next(((p.latitude, p.longitude) for p in places
                    if p.latitude is not None and p.longitude is not None), None)
        for event in offer_events(offer, text.title, today):
            calendar.add_event(
                event, uid=f"offer-{offer.pk}-{event.key}@{host}", stamp=offer.updated_at,
                url=url, location=location, geo=geo, created=offer.created_at,
                description=_description(offer, text, event, url),
            )
    return calendar.to_bytes(), len(calendar.events)


def _location(offer):
    places = list(offer.places.all())
    if places:
        return str(places[0]) if len(places) == 1 else " / ".join(str(place) for place in places)
    if offer.is_online:
        return _("online")
    return ", ".join(city.name for city in offer.cities.all())


def _description(offer, text, event, url):
    lines = [text.summary] if text.summary else []
    if event.note:
        lines.append(event.note)
    if offer.schedule_note and not event.key == "deadline":
        lines.append(offer.schedule_note)
    lines.append(_("Anbieter: %(name)s") % {"name": offer.organisation.name})
    lines.append(_("Kontakt und alle Angaben: %(url)s") % {"url": url})
    return "\n".join(lines)


def offer_filename(offer):
    """e.g. "angebot-42-deutschkurs-fur-anfanger.ics" (ASCII: safe in every header)."""
    slug = slugify(offer.title)[:60].strip("-")
    return f"angebot-{offer.pk}-{slug}.ics" if slug else f"angebot-{offer.pk}.ics"


def search_filename():
    return "integrationsangebote-termine.ics"


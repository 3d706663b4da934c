"""Small template helpers shared by the public pages."""

from django import template
from django.utils.html import format_html

from providers.models import Contact

register = template.Library()


@register.filter
def tel_uri(phone):
    """A tel: URI for a free-text phone number (same rule as Contact.phone_uri)."""
    return Contact(phone=phone or "").phone_uri


@register.filter
def ltr(value):
    """A phone number, address or code kept left to right inside right-to-left text (for values
    passed into {% blocktranslate %}, where the <bdi> cannot be written around them)."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.filter
def opening_hours(time):
    """An OfferTime's hours, "15:00–17:30", kept left to right inside right-to-left text."""
    return ltr(f"{time.opens_at:%H:%M}–{time.closes_at:%H:%M}")

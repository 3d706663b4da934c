"""Small template helpers shared by the public pages."""

from django import template

from providers.models import Contact

register = template.Library()


@register.filter
def tel_uri(phone):
    """A tel: URI for a free-text phone number (same rule as Contact.phone_uri)."""
    return Contact(phone=phone or "").phone_uri

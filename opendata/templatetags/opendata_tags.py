"""The staff export links on the results page (opendata/partials/search_export_links.html)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from accounts.roles import is_editor

register = template.Library()


@register.filter
def can_export(user):
    """Only KI editors see the export links (the results page is not cached for them)."""
    return is_editor(user)


@register.simple_tag
def search_export_url(params, fmt):
    """The export of exactly this search (all its results, not one page) in `fmt`."""
    pairs = [(name, value) for name, value in params.to_query() if name != "page"]
    return f"{reverse('opendata:search_export')}?{urlencode([*pairs, ('format', fmt)])}"

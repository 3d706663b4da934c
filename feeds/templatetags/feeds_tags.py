"""Links to the feed and calendar of the current search, and an offer's calendar link."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from feeds.events import has_dates
from feeds.selection import canonical_query

register = template.Library()


def _with_query(url, params):
    query = urlencode(canonical_query(params)) if params is not None else ""
    return f"{url}?{query}" if query else url


@register.simple_tag
def search_feed_urls(params):
    """{"atom": …, "calendar": …} for the results page's search (its query string without page
    and sort: the same search, whatever page the visitor is on)."""
    return {
        "atom": _with_query(reverse("feeds:atom"), params),
        "calendar": _with_query(reverse("feeds:calendar"), params),
    }


@register.filter
def has_calendar_dates(offer):
    return has_dates(offer)


@register.filter
def feed_hours(time):
    """An OfferTime's hours kept left to right in a feed entry: "15:00–17:30" in a
    <span dir="ltr"> (feed readers drop the <bdi> the site uses)."""
    return format_html('<span dir="ltr">{}–{}</span>', f"{time.opens_at:%H:%M}", f"{time.closes_at:%H:%M}")

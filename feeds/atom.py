"""The Atom feed (RFC 4287) of a search: its newest and most recently changed offers.

An entry's `updated` is the offer's `updated_at`, which moves with every applied change to
its content. Confirming that an offer is still current does not move it (freshness/services.py
uses update() on purpose), so a confirmation brings no new entry: the offer did not change.
Offers that leave the search (archived, hidden for review, ended, filtered out) simply drop out
of the feed. Django's feed generator does the XML escaping; this module only adds what its
Atom1Feed lacks (plain-text summary, HTML content, category labels, xml:lang on German
fallback texts) and removes control characters, which XML 1.0 cannot carry.
"""

import datetime
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, rfc3339_date
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from offers import results
from offers.models import Offer
from search.params import FACETS, FLAGS
from taxonomy.names import translated

from .events import has_dates
from .selection import canonical_query

# XML 1.0 allows tab, line feed and carriage return only; a stray \x0b in an imported text
# would otherwise make the generator refuse the whole feed.
_XML_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Tag URIs (RFC 4151) name the site and a year; the year stays fixed so ids never change.
TAG_YEAR = "2026"
# The feed's `updated` when the search finds nothing and no offer exists at all.
EPOCH = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def clean(value):
    return _XML_UNSAFE.sub("", str(value)) if value else ""


def site_host():
    """The site's host name from SITE_URL: stable, unlike the host a request came in on."""
    return urlsplit(settings.SITE_URL).hostname or "localhost"


class OfferFeed(Atom1Feed):
    """Atom1Feed with a fixed `updated`, text summaries, HTML content and category labels."""

    def latest_post_date(self):
        return self.feed["updated"]

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        handler.addQuickElement("generator", self.feed["generator"])

    def add_item_elements(self, handler, item):
        text_attrs = {"xml:lang": item["text_language"]} if item["text_language"] else {}
        handler.addQuickElement("title", item["title"], {"type": "text", **text_attrs})
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate",
                                             "type": "text/html"})
        if item["calendar_link"]:
            handler.addQuickElement("link", "", {"href": item["calendar_link"], "rel": "related",
                                                 "type": "text/calendar"})
        handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", rfc3339_date(item["updateddate"]))
        handler.startElement("author", {})
        handler.addQuickElement("name", item["author_name"])
        handler.addQuickElement("uri", item["author_link"])
        handler.endElement("author")
        handler.addQuickElement("id", item["unique_id"])
        if item["summary"]:
            handler.addQuickElement("summary", item["summary"], {"type": "text", **text_attrs})
        for term, label, scheme in item["topics"]:
            handler.addQuickElement("category", "", {"term": term, "label": label, "scheme": scheme})
        handler.addQuickElement("content", item["content"], {"type": "html"})


def search_label(params, names):
    """The search in a few words: "Deutschkurs · Marl · kostenlos" (empty: no search)."""
    parts = [params.q] if params.q else []
    for facet in FACETS:
        parts += [names[facet].get(slug, slug) for slug in params.facet_values(facet)]
    for flag in FLAGS:
        value = getattr(params, flag)
        if value is not None:
            parts.append(str(results.FLAG_LABELS[flag] if value else results.FLAG_NEGATED_LABELS[flag]))
    return " · ".join(parts)


def search_filters(params, names):
    """The search spelled out: ["Suche: „Deutschkurs“", "Stadt: Marl", "kostenlos"]."""
    chosen = [_("Suche: „%(q)s“") % {"q": params.q}] if params.q else []
    for facet in FACETS:
        values = [names[facet].get(slug, slug) for slug in params.facet_values(facet)]
        if values:
            chosen.append(_("%(filter)s: %(value)s")
                          % {"filter": results.FACET_LEGENDS[facet], "value": ", ".join(values)})
    for flag in FLAGS:
        value = getattr(params, flag)
        if value is not None:
            chosen.append(str(results.FLAG_LABELS[flag] if value else results.FLAG_NEGATED_LABELS[flag]))
    return chosen


def build_feed(request, params, offers, language):
    """(the feed as bytes, its `updated` date-time) for these offers of this search."""
    names = results.term_names()
    query = canonical_query(params)
    encoded = urlencode(query)
    label = search_label(params, names)
    title = _("Integrationsangebote: %(search)s") % {"search": label} if label else str(settings.SITE_NAME)
    subtitle = _("Neue und geänderte Angebote dieser Suche, die zuletzt geänderten zuerst.")
    chosen = search_filters(params, names)
    if chosen:
        subtitle += " " + _("Gewählt: %(filters)s") % {"filters": "; ".join(chosen)}
    search_url = reverse("offers:search") + (f"?{encoded}" if encoded else "")
    feed_url = reverse("feeds:atom") + (f"?{encoded}" if encoded else "")
    updated = (max((offer.updated_at for offer in offers), default=None) or newest_change()).replace(
        microsecond=0)
    feed = OfferFeed(
        title=clean(title), subtitle=clean(subtitle), description="",
        link=request.build_absolute_uri(search_url), feed_url=request.build_absolute_uri(feed_url),
        id=f"tag:{site_host()},{TAG_YEAR}:feed/{language}/angebote?{encoded}",
        language=language, updated=updated, feed_copyright=settings.OPEN_DATA_LICENCE,
        generator=clean(settings.SITE_NAME),
    )
    for offer in offers:
        feed.add_item(**_entry(request, offer, language))
    return feed.writeString("utf-8").encode("utf-8"), updated


def newest_change():
    newest = Offer.objects.published().aggregate(newest=Max("updated_at"))["newest"]
    return newest or EPOCH


def _entry(request, offer, language):
    text = offer.text_in(language)
    url = request.build_absolute_uri(offer.get_absolute_url())
    search_path = reverse("offers:search")
    calendar_url = (request.build_absolute_uri(reverse("feeds:offer_calendar", args=[offer.pk]))
                    if has_dates(offer) else "")
    content = render_to_string("feeds/entry_content.html", {
        "offer": offer, "text": text, "url": url, "calendar_url": calendar_url,
    })
    content = "\n".join(line for line in content.splitlines() if line.strip())
    return {
        "title": clean(text.title), "link": url, "description": "",
        "summary": clean(text.summary), "content": clean(content),
        # German texts in another language's feed say so (readers may pick a font or voice).
        "text_language": "de" if text.is_fallback else "",
        # whole seconds: a reader shows no more, and the dates read the same everywhere
        "pubdate": offer.created_at.replace(microsecond=0),
        "updateddate": offer.updated_at.replace(microsecond=0),
        "author_name": clean(offer.organisation.name),
        "author_link": request.build_absolute_uri(offer.organisation.get_absolute_url()),
        "unique_id": f"tag:{site_host()},{TAG_YEAR}:angebot/{offer.pk}/{language}",
        "topics": [(topic.slug, clean(translated(topic.name)),
                    request.build_absolute_uri(f"{search_path}?topic="))
                   for topic in offer.topics.all()],
        "calendar_link": calendar_url,
    }

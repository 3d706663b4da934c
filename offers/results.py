"""What the results page shows around a SearchResult: filter panels, chips, pagination, hints.

Kept out of the view so tests can call it and the view stays thin. Every link is built from
SearchParams.to_query, so the URL always holds the whole search state.
"""

import hashlib
import zlib
from dataclasses import dataclass, field, replace

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format, number_format
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from search import version as search_version
from search.engine import data_version, search_offers
from search.params import FACETS, FLAGS
from sharing.merkliste import EMPTY as EMPTY_MERKLISTE
from taxonomy.models import City, Language, TargetGroup, Topic
from taxonomy.names import translated

from . import nearby
from .texts import card_texts

# Kept compressed (a results page is ~25 KB of HTML, ~4 KB compressed) and short-lived.
PAGE_CACHE_SECONDS = 300

FACET_MODELS = {"city": City, "topic": Topic, "target_group": TargetGroup, "language": Language}
FACET_LEGENDS = {
    "city": gettext_lazy("Stadt"),
    "topic": gettext_lazy("Thema"),
    "target_group": gettext_lazy("Zielgruppe"),
    "language": gettext_lazy("Sprache des Angebots"),
}
FLAG_LABELS = {
    "free": gettext_lazy("kostenlos"),
    "accessible": gettext_lazy("barrierefrei"),
    "childcare": gettext_lazy("mit Kinderbetreuung"),
}
FLAG_NEGATED_LABELS = {
    "free": gettext_lazy("nicht kostenlos"),
    "accessible": gettext_lazy("nicht barrierefrei"),
    "childcare": gettext_lazy("ohne Kinderbetreuung"),
}


@dataclass(frozen=True)
class Links:
    """Where the links of a results page go and what they carry besides the search.

    The site's results page links to itself and to /angebote/<pk>/; the embedded search
    (sharing/) to /embed/ and /embed/angebote/<pk>/. `merk` is the visitor's Merkliste
    (sharing/merkliste.py), kept in every link; `offer_query` adds the search to offer links
    (the embed has no Referer-based back link).
    """

    search_path: str
    offer_prefix: str
    merk: object = EMPTY_MERKLISTE
    offer_query: tuple = field(default=())

    @classmethod
    def site(cls, merk=EMPTY_MERKLISTE):
        # Offer pages live directly under the results page (offers/urls.py): one reverse() will do.
        path = reverse("offers:search")
        return cls(path, path, merk)

    def search(self, params, **overrides):
        """The results-page URL for these params (and the Merkliste)."""
        query = params.to_query(**overrides) + self.merk.query_pairs()
        return f"{self.search_path}?{urlencode(query)}" if query else self.search_path

    def offer(self, pk, merk=None):
        query = [*self.offer_query, *(self.merk if merk is None else merk).query_pairs()]
        url = f"{self.offer_prefix}{pk}/"
        return f"{url}?{urlencode(query)}" if query else url

    def with_merk(self, merk):
        return replace(self, merk=merk)


def search_url(params, links=None, **overrides):
    """The results-page URL for these params."""
    return (links or Links.site()).search(params, **overrides)


def cached_page(key_prefix, params, render):
    """The response of render() for this search, kept in the cache for the next visitor.

    The results page and the embed (sharing/views.py) are cached per search state under the
    search data version, which changes with every change to offers, providers or the taxonomy
    (search/version.py), and when offers leave the search as days pass (data_version() sweeps
    them first). `key_prefix` keeps the two pages apart.
    """
    if params.problems:
        # A rejected value is shown again, as typed, next to its message: such a page belongs
        # to the one visitor who typed it and must never be served to the next one.
        return render()
    token, vocab_token = data_version()
    key = key_prefix + hashlib.sha256(
        "|".join((token, vocab_token, get_language(), params.cache_key())).encode()
    ).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return HttpResponse(zlib.decompress(cached))
    response = render()
    cache.set(key, zlib.compress(response.content, 1), PAGE_CACHE_SECONDS)
    return response


def run_search(params):
    """(params, result): the search, a page past the last moved back to the last one (a
    bookmarked page may no longer exist)."""
    result = search_offers(params)
    if result.count and params.page > result.num_pages:
        params = clamp_page(params, result.count)
        result = search_offers(params)
    return params, result


def page_context(params, result, links, marking=False, listing=True):
    """What the results page (offers/search.html) and the embed (sharing/embed.html) show for
    a search (from run_search): filters with counts, chips, sort, pages or hints, every link
    built by `links`. `marking`: the cards get their "Merken" links (the site's page; the
    embed keeps no Merkliste). `listing=False` (the map page) leaves out what only a list of
    offers shows: cards, pages and the hints of an empty result (each hint is a search).
    """
    names = term_names()
    active = chips(params, names, links)
    return {
        "params": params,
        "result": result,
        "heading": count_heading(result.count),
        "cards": cards(result.offers, links, marking=params if marking else None,
                       distances=nearby.distances(params, result.offers)) if listing else [],
        "panels": facet_panels(params, result.facets, names),
        "flags": flag_options(params, result.facets),
        "chips": active,
        "active_filters": len(active) - (1 if params.q else 0),
        "sort_choices": sort_choices(params),
        "pagination": pagination(params, result.num_pages, links=links) if listing else None,
        "query_hidden": hidden_state(params, exclude={"q", "sort"}, links=links),
        "relaxations": relaxations(params, names, links) if listing and not result.count else [],
        "nearby": nearby.form(params),
        # online-only offers have no place: say so, with the same search without the radius
        "without_near_url": search_url(params.without("near"), links) if params.near else None,
        # the search box and the filter form send the search to the page itself
        "search_path": links.search_path,
        "reset_url": links.merk.apply_to(links.search_path),
        # the printout's address line: this search, not whatever else the URL carried
        "print_path": links.search(params),
    }


def term_names():
    """{facet: {slug: name}} in taxonomy order and in the page language, for labels and chips.

    Kept under the search data version (which changes with every taxonomy edit) and the
    language, so an uncached results page does not spend four queries on labels.
    """
    key = f"offers:term-names:{search_version.current()[0]}:{get_language()}"
    names = cache.get(key)
    if names is None:
        names = {
            facet: {slug: translated(name) for slug, name in
                    model.objects.order_by("position", "name").values_list("slug", "name")}
            for facet, model in FACET_MODELS.items()
        }
        cache.set(key, names, 3600)
    return names


def facet_panels(params, facets, names):
    """One panel per facet, each value with the number of results it would give.

    Cities, topics and target groups are short fixed lists shown in full (a 0 is information:
    nothing of this kind in Datteln); of the many languages only those with offers are shown,
    ordered by how many. Options are plain dicts: the template engine resolves them fastest.
    """
    panels = []
    for facet in FACETS:
        counts = facets.get(facet, {})
        selected = set(params.facet_values(facet))
        options = [
            {"id": f"f-{facet}-{slug}", "slug": slug, "name": name, "count": counts.get(slug, 0),
             "checked": slug in selected}
            for slug, name in names[facet].items()
            if facet != "language" or counts.get(slug, 0) or slug in selected
        ]
        if facet == "language":
            options.sort(key=lambda o: -o["count"])
        if options:
            panels.append({"name": facet, "legend": FACET_LEGENDS[facet], "options": options})
    return panels


def cards(offers, links=None, marking=None, distances=None):
    """What a result card shows, computed once in Python.

    The results page is the hottest page: plain dicts with prepared strings render several
    times faster than model attribute lookups, loops and filters in the template.
    `marking` (the page's SearchParams) adds each card's "Merken" link: this same page with
    the offer added to or removed from the Merkliste, back at the card (#angebot-<pk>).
    `distances` (offers/nearby.py): {pk: ("2,3 km", place)} of a search near a place.
    """
    if not offers:
        return []
    links = links or Links.site()
    merk = links.merk
    verified_label = _("zuletzt geprüft am %(date)s")
    date_pattern = get_format("SHORT_DATE_FORMAT")
    prepared = []
    # title and summary in the page's language where translated (offers/texts.py)
    for offer, (title, summary) in zip(offers, card_texts(offers), strict=True):
        cities = ", ".join(city.name for city in offer.cities.all())
        card = {
            "pk": offer.pk,
            "title": title,
            "url": links.offer(offer.pk),
            "organisation": offer.organisation.name,
            "places": cities or (_("online") if offer.is_online else ""),
            "summary": summary,
            "topics": " · ".join(translated(topic.name) for topic in offer.topics.all()),
            "free": offer.is_free,
            "accessible": offer.accessibility == "yes",
            "childcare": offer.childcare,
            "languages": [(language.slug.upper(), translated(language.name))
                          for language in offer.languages.all()],
            "verified": verified_label % {"date": format_date(offer.last_verified, date_pattern)}
            if offer.last_verified else _("noch nicht geprüft"),
        }
        if distances and offer.pk in distances:
            card["distance"], card["distance_to"] = distances[offer.pk]
        if marking is not None:
            toggled = merk.toggled(offer.pk)
            card["merk"] = {
                "marked": offer.pk in merk,
                # None when the list is full (toggling changed nothing)
                "url": f"{links.with_merk(toggled).search(marking)}#angebot-{offer.pk}"
                if toggled is not merk else None,
            }
        prepared.append(card)
    return prepared


def flag_options(params, facets):
    """The yes/no filters; a negative one (free=false, from a shared link) is kept as hidden."""
    counts = facets.get("flags", {})
    return [
        {"name": flag, "label": FLAG_LABELS[flag], "count": counts.get(flag, 0),
         "checked": getattr(params, flag) is True, "negated": getattr(params, flag) is False}
        for flag in FLAGS
    ]


def chips(params, names, links=None):
    """The active filters as (label, url-without-it) pairs."""
    links = links or Links.site()
    result = []
    if params.q:
        result.append({"label": _("Suche: „%(q)s“") % {"q": params.q},
                       "url": search_url(params.without("q"), links)})
    for facet in FACETS:
        for slug in params.facet_values(facet):
            result.append({
                "label": _("%(filter)s: %(value)s")
                % {"filter": FACET_LEGENDS[facet], "value": names[facet].get(slug, slug)},
                "url": search_url(params.without(facet, slug), links),
            })
    for flag in FLAGS:
        value = getattr(params, flag)
        if value is not None:
            label = FLAG_LABELS[flag] if value else FLAG_NEGATED_LABELS[flag]
            result.append({"label": str(label), "url": search_url(params.without(flag), links)})
    if params.near:
        result.append({"label": nearby.chip_label(params), "url": search_url(params.without("near"), links)})
    return result


def relaxations(params, names, links=None):
    """For an empty result: what dropping each active filter (or the query) would give."""
    links = links or Links.site()
    hints = []
    if params.q:
        count = search_offers(params.without("q")).count
        hints.append({"label": _("ohne den Suchbegriff „%(q)s“") % {"q": params.q},
                      "url": search_url(params.without("q"), links), "count": count})
    for facet in FACETS:
        values = params.facet_values(facet)
        if values:
            relaxed = params.without(facet)
            label = ", ".join(names[facet].get(slug, slug) for slug in values)
            hints.append({
                "label": _("ohne den Filter %(filter)s (%(values)s)")
                % {"filter": FACET_LEGENDS[facet], "values": label},
                "url": search_url(relaxed, links), "count": search_offers(relaxed).count,
            })
    for flag in FLAGS:
        value = getattr(params, flag)
        if value is not None:
            relaxed = params.without(flag)
            label = FLAG_LABELS[flag] if value else FLAG_NEGATED_LABELS[flag]
            hints.append({
                "label": _("ohne den Filter „%(filter)s“") % {"filter": label},
                "url": search_url(relaxed, links), "count": search_offers(relaxed).count,
            })
    if params.near:
        hints += nearby.relaxations(params, lambda relaxed: search_url(relaxed, links))
    hints.sort(key=lambda h: -h["count"])
    return hints


def page_links(current, num_pages, url_for, window=2):
    """Previous/next links and a window of page numbers with gaps; `url_for(n)` builds a link.

    Shared by the results page and the provider and contact directories.
    """
    if num_pages <= 1:
        return {"pages": []}
    current = min(current, num_pages)
    shown = {1, num_pages} | set(range(max(1, current - window), min(num_pages, current + window) + 1))
    pages, last = [], 0
    for number in sorted(shown):
        if number - last > 1:
            pages.append({"gap": True})
        pages.append({"number": number, "current": number == current, "url": url_for(number)})
        last = number
    return {
        "pages": pages,
        "previous_url": url_for(current - 1) if current > 1 else None,
        "next_url": url_for(current + 1) if current < num_pages else None,
    }


def pagination(params, num_pages, window=2, links=None):
    """Page links of the results page, keeping the whole search state."""
    links = links or Links.site()
    return page_links(params.page, num_pages, lambda n: links.search(params, page=n), window)


def hidden_state(params, exclude, links=None):
    """Hidden form fields that carry the rest of the state into a form (e.g. the query box).

    The query box leaves out the sort: a new query starts ranked by relevance. The Merkliste
    goes along.
    """
    merk = links.merk.query_pairs() if links else []
    return [(k, v) for k, v in params.to_query(page=1) if k not in exclude] + merk


def count_heading(count):
    if not count:
        return _("Keine Angebote gefunden")
    return ngettext("%(count)s Angebot gefunden", "%(count)s Angebote gefunden", count) % {
        "count": number_format(count, force_grouping=True)
    }


def sort_choices(params):
    """Relevance only makes sense with a query, distance only near a place; without a query
    the default order is by distance near a place, else A–Z."""
    current = params.effective_sort()
    choices = []
    if params.q:
        choices.append(("relevance", _("Relevanz")))
    if params.near:
        choices.append(("distance", _("Entfernung")))
    choices += [("newest", _("Neueste")), ("title", _("A–Z"))]
    return [{"value": v, "label": label, "selected": v == current} for v, label in choices]


def clamp_page(params, count):
    """Params with the page moved back into range (a bookmarked page may no longer exist)."""
    last = max(1, -(-count // params.page_size))
    return replace(params, page=last) if params.page > last else params

"""The district map of the Angebotslandschaft: the matrix's figures per city on the map of
maps/figures.py, for all topics (the row totals) or one topic (that topic's column).

No query of its own for the counts: they are read from the matrix (landscape/counts.py), so the
map and the table cannot disagree.
"""

from django.utils.translation import gettext as _

from maps.figures import city_figures
from offers.models import Offer
from offers.results import Links
from search.params import SearchParams


def clean_topic(landscape, value):
    """The map's topic slug, or "" for all topics; an unknown value is ignored (no error page)."""
    return value if value in {topic.slug for topic in landscape.topics} else ""


def city_counts(landscape, topic=""):
    """{city_slug: visible offers} for one topic, or for all topics (each offer once per city)."""
    if not topic:
        return {row["city"].slug: row["total"] for row in landscape.rows}
    return {row["city"].slug: next(c["count"] for c in row["cells"] if c["topic"] == topic)
            for row in landscape.rows}


def not_on_map(filters, topic=""):
    """Visible offers (of these filters and topic) in no city of the map: online-only offers
    and offers only for the whole district ("kreisweit")."""
    offers = filters.apply(Offer.objects.visible())
    if topic:
        offers = offers.filter(topics__slug=topic)
    return offers.exclude(cities__is_districtwide=False).distinct().count()


def build_map(landscape, filters, topic=""):
    """The map's context (maps/partials/district_svg.html); each city links to the search for
    that city, the map's topic and the landscape's filters."""
    links = Links.site()
    extra = {"topic": (topic,)} if topic else {}
    if filters.target_group:
        extra["target_group"] = (filters.target_group,)
    if filters.language:
        extra["language"] = (filters.language,)

    def link(slug, _selected):
        return links.search(SearchParams(city=(slug,), **extra)), _("passende Angebote suchen")

    figures = city_figures(city_counts(landscape, topic), link)
    figures["topic"] = topic
    figures["topic_name"] = next((t["name"] for t in landscape.topic_totals if t["topic"].slug == topic), "")
    figures["not_on_map"] = not_on_map(filters, topic)
    return figures

"""The project's taxonomies as HSDS taxonomies and taxonomy terms.

Three flat taxonomies of the project's own (no parent terms): topics (Themenfelder), target
groups (Zielgruppen) and cities (Städte, with `kreisweit`). Term ids are derived from the
taxonomy key and the term's slug, so they survive renames and are the same in every
installation; `code` is the slug the rest of the site and /api/v1 use.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from taxonomy.models import City, TargetGroup, Topic

from .ids import derived_id


@dataclass(frozen=True)
class TaxonomySpec:
    key: str  # also the Offer m2m field
    model: type
    name: object  # lazy German name
    description: object
    link_type: str  # attribute.link_type of the service attributes from this taxonomy

    @property
    def id(self):
        return derived_id("taxonomy", self.key)


TAXONOMIES = (
    TaxonomySpec("topics", Topic, _("Themenfelder"),
                 _("Die Themenfelder der Integrationsangebote im Kreis Recklinghausen."), "topic"),
    TaxonomySpec("target_groups", TargetGroup, _("Zielgruppen"),
                 _("Für wen ein Integrationsangebot gedacht ist."), "target_group"),
    TaxonomySpec("cities", City, _("Städte"),
                 _("Die zehn Städte des Kreises Recklinghausen und „kreisweit“: wo ein Angebot "
                   "gilt."), "city"),
)


def term_id(key, slug):
    return derived_id("taxonomy_term", key, slug)


def _term_description(spec, term):
    if spec.key == "topics":
        return term.covers
    if spec.key == "cities" and term.postcodes:
        return gettext("Postleitzahlen: %(codes)s") % {"codes": ", ".join(term.postcodes)}
    return ""


class Vocabulary:
    """All taxonomies and terms as HSDS objects, loaded once per request (three queries), so
    the attributes of a whole page of services cost nothing more."""

    def __init__(self, links):
        with translation.override("de"):
            self._load(links)

    def _load(self, links):
        self.taxonomies = []
        self.terms = {}  # key -> [term dict, ...] in the project's order
        self.by_pk = {}  # (key, pk) -> term dict
        self.by_id = {}  # term id -> (key, pk)
        for spec in TAXONOMIES:
            self.taxonomies.append({
                "id": spec.id,
                "name": str(spec.name),
                "description": str(spec.description),
                "uri": links.taxonomy(spec.id),
                "version": "1",
            })
            terms = []
            for term in spec.model.objects.all():
                hsds_id = term_id(spec.key, term.slug)
                data = {
                    "id": hsds_id,
                    "code": term.slug,
                    "name": term.name,
                    "description": _term_description(spec, term),
                    "taxonomy": links.taxonomy(spec.id),
                    "taxonomy_id": spec.id,
                    "language": "de",
                    "term_uri": links.term(hsds_id),
                }
                terms.append(data)
                self.by_pk[spec.key, term.pk] = data
                self.by_id[hsds_id] = (spec.key, term.pk)
            self.terms[spec.key] = terms

    def all_terms(self):
        return [term for spec in TAXONOMIES for term in self.terms[spec.key]]

    def taxonomy(self, taxonomy_id):
        return next((t for t in self.taxonomies if t["id"] == taxonomy_id), None)

    def term(self, hsds_id):
        key = self.by_id.get(hsds_id)
        return self.by_pk[key] if key else None

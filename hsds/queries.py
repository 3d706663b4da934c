"""Which objects a list holds, in which order, and loading one batch of them.

A list is a *selection*: an ordered sequence of keys with a count, either a queryset (paged
in SQL) or a Python list (when the order comes from the search engine or from distances).
Pages and ndjson batches load their objects by key with a fixed set of prefetches, so the
number of queries does not depend on the page size.
"""

from django.db.models import Exists, OuterRef, Prefetch

from offers.models import Offer, OfferTime, Place
from providers.models import Contact, Organisation
from search.engine import matching_ids
from search.params import SearchParams
from taxonomy import geo
from taxonomy.models import City, Language, TargetGroup, Topic

from . import ids

BATCH_SIZE = 500  # objects per query batch when streaming ndjson
PREFETCHED = "hsds_"  # load_offers puts an offer's related objects in hsds_<relation>


class QuerySelection:
    """Keys from a queryset of primary keys, optionally tagged ("p", pk)."""

    def __init__(self, queryset, tag=None):
        self.queryset = queryset.values_list("pk", flat=True)
        self.tag = tag
        self._count = None

    def _keys(self, pks):
        return [(self.tag, pk) for pk in pks] if self.tag else list(pks)

    def count(self):
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def slice(self, offset, limit):
        if limit <= 0 or offset >= self.count():
            return []
        return self._keys(self.queryset[offset:offset + limit])

    def all(self):
        return self._keys(self.queryset)


class ListSelection:
    def __init__(self, keys):
        self.keys = list(keys)

    def count(self):
        return len(self.keys)

    def slice(self, offset, limit):
        return self.keys[offset:offset + limit]

    def all(self):
        return self.keys


class ChainSelection:
    """One selection after another (physical places, then online locations)."""

    def __init__(self, *parts):
        self.parts = parts

    def count(self):
        return sum(part.count() for part in self.parts)

    def slice(self, offset, limit):
        keys = []
        for part in self.parts:
            size = part.count()
            if offset < size and len(keys) < limit:
                keys += part.slice(offset, limit - len(keys))
            offset = max(0, offset - size)
        return keys

    def all(self):
        return [key for part in self.parts for key in part.all()]


# --- services -------------------------------------------------------------------------------


def filtered_offers(params, vocabulary):
    """Visible offers (what the public search shows) matching every filter but `search`."""
    offers = Offer.objects.visible()
    if params.organization_id:
        pk = ids.pk_from_id(ids.ORGANIZATION, params.organization_id)
        offers = offers.filter(organisation_id=pk) if pk else offers.none()
    for term in params.term_ids:
        key, pk = vocabulary.by_id[term]
        offers = offers.filter(**{key: pk})  # one join per term: all of them must apply
    if params.modified_after:
        offers = offers.filter(updated_at__gte=params.modified_after)
    return offers


def _search_order(params, offers):
    """The ids the site's search finds for `search`, in its relevance order, kept to
    `offers` (the other filters)."""
    allowed = set(offers.values_list("pk", flat=True))
    return [pk for pk in matching_ids(SearchParams(q=params.search)) if pk in allowed]


def service_selection(params, vocabulary):
    offers = filtered_offers(params, vocabulary)
    if params.search:
        return ListSelection(_search_order(params, offers))
    return QuerySelection(offers.order_by("title", "pk"))


def load_offers(pks):
    """Offers by primary key, in that order, with everything a full service needs."""
    if not pks:
        return []
    # to_attr keeps plain lists: Django then builds no related manager and queryset per offer
    # and relation, which was a third of the time of a page of 100.
    queryset = Offer.objects.filter(pk__in=pks).select_related("organisation").prefetch_related(
        *(Prefetch(name, queryset=model.objects.all(), to_attr=f"{PREFETCHED}{name}")
          for name, model in (("cities", City), ("topics", Topic), ("target_groups", TargetGroup),
                              ("languages", Language), ("times", OfferTime))),
        Prefetch("places", queryset=Place.objects.select_related("city").order_by("pk"),
                 to_attr=f"{PREFETCHED}places"),
        # consented contact persons only, never anybody else
        Prefetch("contacts", queryset=Contact.objects.public().order_by("name", "pk"),
                 to_attr=f"{PREFETCHED}contacts"),
    )
    by_pk = {offer.pk: offer for offer in queryset}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def published_offer(pk):
    found = load_offers([pk]) if pk else []
    return found[0] if found and found[0].status == Offer.Status.PUBLISHED else None


# --- service_at_locations -------------------------------------------------------------------

PLACE, VIRTUAL = "p", "v"


def _by_distance(params, places):
    """(distance in km, place pk, offer pk) of the places within `proximity` metres of the
    postcode's point, nearest first. Places without coordinates count at their city's centre."""
    point = geo.postcode_point(params.postcode)
    if point is None:
        return []
    return geo.places_within(places, *point, params.proximity / 1000)


def sal_selection(params, vocabulary):
    """Keys ("p", place pk) and ("v", offer pk) of the matching services at locations."""
    offers = filtered_offers(params, vocabulary)
    places = Place.objects.filter(offer__in=offers)
    if params.postcode and not params.proximity:
        places = places.filter(postcode=params.postcode)
    with_virtual = not params.postcode  # an online location has no postcode
    order = _search_order(params, offers) if params.search else None
    if params.proximity:
        found = _by_distance(params, places)
        if order is not None:
            allowed = set(order)
            found = [row for row in found if row[2] in allowed]
        return ListSelection((PLACE, pk) for _distance, pk, _offer in found)
    if order is not None:
        by_offer = {}
        for pk, offer_id in places.order_by("pk").values_list("pk", "offer_id"):
            by_offer.setdefault(offer_id, []).append((PLACE, pk))
        online = set(offers.filter(is_online=True).values_list("pk", flat=True)) if with_virtual else set()
        keys = []
        for offer_id in order:
            keys += by_offer.get(offer_id, [])
            if offer_id in online:
                keys.append((VIRTUAL, offer_id))
        return ListSelection(keys)
    physical = QuerySelection(places.order_by("offer__title", "offer_id", "pk"), tag=PLACE)
    if not with_virtual:
        return physical
    return ChainSelection(physical, QuerySelection(
        offers.filter(is_online=True).order_by("title", "pk"), tag=VIRTUAL))


def load_sals(keys):
    """[(offer, place or None)] for these keys, in their order."""
    place_pks = [pk for tag, pk in keys if tag == PLACE]
    places = {place.pk: place for place in Place.objects.filter(pk__in=place_pks).select_related("city")}
    offer_pks = list(dict.fromkeys(
        places[pk].offer_id if tag == PLACE else pk
        for tag, pk in keys if tag == VIRTUAL or pk in places
    ))
    offers = {offer.pk: offer for offer in load_offers(offer_pks)}
    pairs = []
    for tag, pk in keys:
        if tag == PLACE and pk in places and places[pk].offer_id in offers:
            pairs.append((offers[places[pk].offer_id], places[pk]))
        elif tag == VIRTUAL and pk in offers:
            pairs.append((offers[pk], None))
    return pairs


def sal_by_id(value):
    """(offer, place or None) of a published offer for a service_at_location id, or None."""
    place_pk = ids.pk_from_id(ids.SERVICE_AT_LOCATION, value)
    if place_pk:
        found = load_sals([(PLACE, place_pk)])
    else:
        offer_pk = ids.pk_from_id(ids.VIRTUAL_SERVICE_AT_LOCATION, value)
        found = load_sals([(VIRTUAL, offer_pk)]) if offer_pk else []
        found = [(offer, place) for offer, place in found if offer.is_online]
    if found and found[0][0].status == Offer.Status.PUBLISHED:
        return found[0]
    return None


# --- organizations --------------------------------------------------------------------------


def organization_selection(params):
    """Organisations with at least one visible offer, by name; `search` looks in the name."""
    organisations = Organisation.objects.filter(
        Exists(Offer.objects.visible().filter(organisation=OuterRef("pk")))
    )
    if params.search:
        organisations = organisations.filter(name__icontains=params.search)
    return QuerySelection(organisations.order_by("name", "pk"))


def load_organizations(pks):
    if not pks:
        return []
    queryset = Organisation.objects.filter(pk__in=pks).select_related("city").prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.public().order_by("name", "pk"),
                 to_attr="public_contacts"),
        Prefetch("offers", queryset=Offer.objects.visible().only("pk", "title", "organisation_id")
                 .order_by("title", "pk"), to_attr="visible_offers"),
    )
    by_pk = {org.pk: org for org in queryset}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def organization_by_id(value):
    """An organisation with at least one published offer, or None."""
    pk = ids.pk_from_id(ids.ORGANIZATION, value)
    if not pk or not Offer.objects.published().filter(organisation_id=pk).exists():
        return None
    found = load_organizations([pk])
    return found[0] if found else None

"""Offers, organisations and places as HSDS 3.0 objects (the mapping: hsds/PROFILE.md).

Plain functions over already-loaded objects (hsds/queries.py prefetches everything), so a
page costs the same number of queries whatever its size. Fields without a value are left
out rather than sent as null: the HSDS schemas type them as plain strings and numbers.
Texts are German; callers render inside translation.override("de").
"""

import datetime

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext

from api.serializers import url_builder
from freshness import rules
from offers.models import Offer

from . import ids
from .vocabulary import TAXONOMIES, Vocabulary

# Bump when the objects change shape or content for the same data: the ndjson streams' ETag
# depends on it (views._ndjson_etag).
FORMAT_VERSION = 1
STATE_PROVINCE = "Nordrhein-Westfalen"
REGION = "Kreis Recklinghausen"
COUNTRY = "DE"
CURRENCY = "EUR"
IDENTIFIER_SCHEME = "integrationsangebote-kreis-re"
# HSDS wants ISO 639-1 or 639-3 language codes; the project's one non-ISO slug is German Sign
# Language (DGS), ISO 639-3 "gsg".
LANGUAGE_CODES = {"dgs": "gsg"}


class Links:
    """Absolute URLs, each built with one reverse() per request (api.serializers.url_builder)."""

    def __init__(self, request):
        with translation.override("de"):
            self.offer_page = url_builder(request, "offers:detail")
            self.organisation_page = url_builder(request, "providers:detail")
        self.taxonomy = url_builder(request, "hsds:taxonomy")
        self.term = url_builder(request, "hsds:taxonomy_term")


class Context:
    """What serialising needs besides the objects: links, the vocabulary (loaded on first use,
    three queries) and the day the freshness rules judge by."""

    def __init__(self, request):
        self.links = Links(request)
        self.today = rules.today()

    @cached_property
    def vocabulary(self):
        return Vocabulary(self.links)


def _related(obj, name):
    """The related objects queries.load_offers prefetched (the manager as a fallback)."""
    prefetched = getattr(obj, f"hsds_{name}", None)
    return prefetched if prefetched is not None else list(getattr(obj, name).all())


def _compact(data):
    """Leave out empty values (None, "", []), keep 0 and False."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def iso_datetime(value):
    """UTC with milliseconds, as HSDS's last_modified example has it: 2023-03-15T10:30:45.123Z."""
    return value.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _iso_date(value):
    return value.isoformat() if value else None


def _hhmm(value):
    return value.strftime("%H:%M")


# --- organizations ---------------------------------------------------------------------------


def organization(org, ctx):
    """The organisation's one-to-one fields (nested in every service, the list rows)."""
    return {
        "id": ids.entity_id(ids.ORGANIZATION, org.pk),
        "name": org.name,
        "description": org.description,  # required by HSDS, so sent even when empty
        **_compact({"email": org.email, "website": org.website}),
        "uri": ctx.links.organisation_page(org.slug),
    }


def _contact(contact, ctx, service_id=None):
    contact_id = ids.entity_id(ids.CONTACT, contact.pk)
    phones = []
    if contact.phone:
        phones.append({"id": ids.entity_id(ids.CONTACT_PHONE, contact.pk), "contact_id": contact_id,
                       "number": contact.phone, "type": "voice"})
    return _compact({
        "id": contact_id,
        "organization_id": ids.entity_id(ids.ORGANIZATION, contact.organisation_id),
        "service_id": service_id,
        "name": contact.name,
        "title": contact.role,
        "email": contact.email,
        "phones": phones,
    })


def _address(address_id, location_id, street, postcode, city_name, kind):
    return {
        "id": address_id,
        "location_id": location_id,
        "address_1": street,
        "city": city_name,
        "region": REGION,
        "state_province": STATE_PROVINCE,
        "postal_code": postcode,
        "country": COUNTRY,
        "address_type": kind,
    }


def organization_full(org, ctx):
    """An organisation with its phone, address, consented contacts, identifier and services.

    Needs `org.public_contacts` and `org.visible_offers` (queries.load_organizations)."""
    data = organization(org, ctx)
    org_id = data["id"]
    if org.phone:
        data["phones"] = [{"id": ids.entity_id(ids.ORGANIZATION_PHONE, org.pk), "organization_id": org_id,
                           "number": org.phone, "type": "voice"}]
    data["contacts"] = [_contact(contact, ctx) for contact in org.public_contacts]
    if org.street and org.city_id:
        location_id = ids.entity_id(ids.ORGANIZATION_LOCATION, org.pk)
        data["locations"] = [{
            "id": location_id,
            "location_type": "postal",
            "organization_id": org_id,
            "name": org.name,
            "addresses": [_address(ids.entity_id(ids.ORGANIZATION_ADDRESS, org.pk), location_id,
                                   org.street, org.postcode, org.city.name, "postal")],
        }]
    data["organization_identifiers"] = [{
        "id": ids.entity_id(ids.ORGANIZATION_IDENTIFIER, org.pk),
        "organization_id": org_id,
        "identifier_scheme": IDENTIFIER_SCHEME,
        "identifier_type": gettext("Kennung in der Datenbank (/api/v1/organisations/{id})"),
        "identifier": str(org.pk),
    }]
    data["services"] = [
        {"id": ids.entity_id(ids.SERVICE, offer.pk), "name": offer.title, "status": "active"}
        for offer in org.visible_offers
    ]
    return data


# --- services ----------------------------------------------------------------------------------


def status(offer, today):
    """active while the public search shows the offer; inactive once it has ended or went
    unconfirmed for too long (its page still answers)."""
    if rules.is_ended(offer, today) or rules.is_hidden(offer, today):
        return "inactive"
    return "active"


def _application_process(offer):
    parts = []
    if offer.registration_required:
        parts.append(gettext("Anmeldung erforderlich"))
        if offer.registration_deadline:
            parts.append(gettext("Anmeldeschluss: %(date)s")
                         % {"date": date_format(offer.registration_deadline, "d.m.Y")})
    elif offer.registration_note:
        parts.append(gettext("Keine Anmeldung erforderlich"))
    if offer.registration_note:
        parts.append(offer.registration_note)
    return "; ".join(parts)


def _fees(offer):
    if offer.cost:
        return offer.cost
    return str(Offer._meta.get_field("is_free").verbose_name) if offer.is_free else ""


def _cost_options(offer, service_id):
    if not (offer.is_free or offer.cost):
        return []
    option = {"id": ids.entity_id(ids.COST_OPTION, offer.pk), "service_id": service_id,
              "currency": CURRENCY, "amount_description": _fees(offer)}
    if offer.is_free:
        option["amount"] = 0
    return [option]


def _schedules(offer, service_id):
    common = {"service_id": service_id, "valid_from": _iso_date(offer.start_date),
              "valid_to": _iso_date(offer.end_date), "description": offer.schedule_note}
    times = _related(offer, "times")
    if not times:
        if not (offer.start_date or offer.end_date or offer.schedule_note):
            return []
        return [_compact({"id": ids.entity_id(ids.OFFER_SCHEDULE, offer.pk), **common})]
    return [_compact({
        "id": ids.entity_id(ids.SCHEDULE, time.pk),
        **common,
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[time.weekday],
        "opens_at": _hhmm(time.opens_at),
        "closes_at": _hhmm(time.closes_at),
        "notes": time.note,
    }) for time in times]


def _languages(offer, service_id):
    return [{
        "id": ids.derived_id("language", "service", offer.pk, language.slug),
        "service_id": service_id,
        "name": language.name,
        "code": LANGUAGE_CODES.get(language.slug, language.slug),
    } for language in _related(offer, "languages")]


def _attributes(offer, service_id, ctx):
    attributes = []
    for spec in TAXONOMIES:
        for term in _related(offer, spec.key):
            data = ctx.vocabulary.by_pk[spec.key, term.pk]
            attributes.append({
                "id": ids.derived_id("attribute", "service", offer.pk, spec.key, term.slug),
                "link_id": service_id,
                "link_type": spec.link_type,
                "link_entity": "service",
                "taxonomy_term_id": data["id"],
                "taxonomy_term": data,
            })
    return attributes


def _service_areas(offer, service_id, ctx):
    return [_compact({
        "id": ids.derived_id("service_area", "service", offer.pk, city.slug),
        "service_id": service_id,
        "name": REGION if city.is_districtwide else city.name,
        "uri": ctx.vocabulary.by_pk["cities", city.pk]["term_uri"],
    }) for city in _related(offer, "cities")]


def _accessibility(offer, location_id, kind, pk):
    if offer.accessibility == Offer.Accessibility.UNKNOWN and not offer.accessibility_note:
        return []
    return [_compact({
        "id": ids.entity_id(kind, pk),
        "location_id": location_id,
        "description": str(Offer.Accessibility(offer.accessibility).label),
        "details": offer.accessibility_note,
    })]


def place_location(place, offer):
    """A place of an offer as a physical location (one per place)."""
    location_id = ids.entity_id(ids.LOCATION, place.pk)
    addresses = []
    if place.street:
        addresses.append(_address(ids.entity_id(ids.ADDRESS, place.pk), location_id, place.street,
                                  place.postcode, place.city.name, "physical"))
    return _compact({
        "id": location_id,
        "location_type": "physical",
        "organization_id": ids.entity_id(ids.ORGANIZATION, offer.organisation_id),
        "name": place.name or place.street or place.city.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "addresses": addresses,
        "accessibility": _accessibility(offer, location_id, ids.ACCESSIBILITY, place.pk),
    })


def virtual_location(offer, ctx):
    """Where an online offer takes place: its website, else its page on this site."""
    return {
        "id": ids.entity_id(ids.VIRTUAL_LOCATION, offer.pk),
        "location_type": "virtual",
        "url": offer.website or ctx.links.offer_page(offer.pk),
        "organization_id": ids.entity_id(ids.ORGANIZATION, offer.organisation_id),
        "name": gettext("online"),
    }


def service_at_location(offer, place, ctx, with_service=False):
    """The link of an offer with one of its places (place=None: its online location)."""
    if place is None:
        sal_id = ids.entity_id(ids.VIRTUAL_SERVICE_AT_LOCATION, offer.pk)
        location = virtual_location(offer, ctx)
    else:
        sal_id = ids.entity_id(ids.SERVICE_AT_LOCATION, place.pk)
        location = place_location(place, offer)
    data = {"id": sal_id, "service_id": ids.entity_id(ids.SERVICE, offer.pk),
            "location_id": location["id"], "location": location}
    if with_service:
        data["service"] = service(offer, ctx, with_locations=False)
    return data


def service(offer, ctx, with_locations=True):
    """The whole public offer as a fully nested HSDS service. `offer.contacts` must hold the
    consented contacts only (queries.load_offers prefetches them so)."""
    service_id = ids.entity_id(ids.SERVICE, offer.pk)
    text = "\n\n".join(part for part in (offer.summary, offer.description) if part)
    data = _compact({
        "id": service_id,
        "organization_id": ids.entity_id(ids.ORGANIZATION, offer.organisation_id),
        "name": offer.title,
        "description": text,
        "url": offer.website or ctx.links.offer_page(offer.pk),
        "status": status(offer, ctx.today),
        "application_process": _application_process(offer),
        "fees_description": _fees(offer),
        "minimum_age": offer.age_min,
        "maximum_age": offer.age_max,
        "assured_date": _iso_date(offer.last_verified),
        "last_modified": iso_datetime(offer.updated_at),
    })
    data["organization"] = organization(offer.organisation, ctx)
    data["contacts"] = [_contact(contact, ctx, service_id) for contact in _related(offer, "contacts")]
    data["schedules"] = _schedules(offer, service_id)
    data["service_areas"] = _service_areas(offer, service_id, ctx)
    data["languages"] = _languages(offer, service_id)
    data["cost_options"] = _cost_options(offer, service_id)
    data["attributes"] = _attributes(offer, service_id, ctx)
    if with_locations:
        places = [service_at_location(offer, place, ctx) for place in _related(offer, "places")]
        if offer.is_online:
            places.append(service_at_location(offer, None, ctx))
        data["service_at_locations"] = places
    return data

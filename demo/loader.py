"""Write the demo data set to the database: idempotent upserts, bulk inserts, one transaction.

Organisations are matched by name, contacts by (organisation, name), offers by external_id
("demo-0001" …). Places, weekly times and taxonomy links of demo offers are rewritten on
every load, so loading twice gives the same rows, never duplicates; their translations are
made what the seed says, per (offer, language), writing only what differs.
"""

import contextlib
import datetime

from django.db import transaction
from django.utils import timezone

from offers.models import Offer, OfferTime, OfferTranslation, Place
from providers.models import Contact, Organisation
from taxonomy.models import City, Language, TargetGroup, Topic

from .seed.build import build_dataset

DEMO_PREFIX = "demo-"

ORG_FIELDS = ["slug", "description", "website", "email", "phone", "street", "postcode", "city"]
CONTACT_FIELDS = ["role", "phone", "email", "consent_given_on"]
OFFER_FIELDS = [
    "title", "summary", "description", "organisation", "status", "is_online", "website",
    "schedule_note", "start_date", "end_date", "is_free", "cost", "registration_required",
    "registration_deadline", "registration_note", "accessibility", "accessibility_note",
    "childcare", "age_min", "age_max", "last_verified",
]
M2M = {"topics": Topic, "target_groups": TargetGroup, "languages": Language, "cities": City}


def _indexing():
    """The search app's indexing module if it exists (it is built in parallel), else None."""
    try:
        from search import indexing
    except ImportError:
        return None
    return indexing


def demo_offers():
    return Offer.objects.filter(external_id__startswith=DEMO_PREFIX)


def demo_organisation_names():
    from .seed.organisations import ORGANISATIONS

    return [entry[1] for entry in ORGANISATIONS]


def clear():
    """Delete the demo offers and those demo organisations that have no other offers left."""
    indexing = _indexing()
    bulk = getattr(indexing, "bulk_indexing", None)
    with (bulk() if bulk else contextlib.nullcontext()) as session, transaction.atomic():
        ids = list(demo_offers().values_list("pk", flat=True))
        offers, _ = demo_offers().delete()
        orgs = Organisation.objects.filter(name__in=demo_organisation_names(), offers__isnull=True)
        deleted_orgs, _ = orgs.delete()
        if hasattr(session, "add"):
            session.add(ids)  # drops the index documents of the deleted offers
    if not hasattr(session, "add") and hasattr(indexing, "reindex_offers"):
        indexing.reindex_offers(ids)
    return offers, deleted_orgs


def _upsert_organisations(specs, cities):
    existing = {o.name: o for o in Organisation.objects.filter(name__in=[s["name"] for s in specs])}
    taken_slugs = set(Organisation.objects.exclude(name__in=existing).values_list("slug", flat=True))
    new, changed = [], []
    for spec in specs:
        # An address needs a real town: district-wide providers sit in Recklinghausen.
        city = cities[spec["city"]] if cities[spec["city"]].postcodes else cities["recklinghausen"]
        postcode = city.postcodes[0]
        values = {"slug": spec["slug"], "description": spec["description"],
                  "website": spec["website"], "email": spec["email"], "phone": spec["phone"],
                  "street": spec["street"], "postcode": postcode, "city": city}
        if values["slug"] in taken_slugs:
            values["slug"] = f"{values['slug'][:190]}-demo"
        org = existing.get(spec["name"])
        if org is None:
            new.append(Organisation(name=spec["name"], **values))
        else:
            for field, value in values.items():
                setattr(org, field, value)
            changed.append(org)
    Organisation.objects.bulk_create(new)
    Organisation.objects.bulk_update(changed, ORG_FIELDS)
    return {o.name: o for o in Organisation.objects.filter(name__in=[s["name"] for s in specs])}


def _upsert_contacts(specs, orgs):
    existing = {(c.organisation_id, c.name): c
                for c in Contact.objects.filter(organisation__in=orgs.values())}
    new, changed = [], []
    for spec in specs:
        org = orgs[spec["name"]]
        for c in spec["contacts"]:
            values = {f: c[f] for f in CONTACT_FIELDS}
            contact = existing.get((org.pk, c["name"]))
            if contact is None:
                new.append(Contact(organisation=org, name=c["name"], **values))
            else:
                for field, value in values.items():
                    setattr(contact, field, value)
                changed.append(contact)
    Contact.objects.bulk_create(new)
    Contact.objects.bulk_update(changed, CONTACT_FIELDS)
    return {(c.organisation_id, c.name): c
            for c in Contact.objects.filter(organisation__in=orgs.values())}


def _created_at(spec, today, tz):
    day = today - datetime.timedelta(days=spec["created_days_ago"])
    minutes = spec["created_minutes"]
    return datetime.datetime.combine(day, datetime.time(minutes // 60, minutes % 60), tzinfo=tz)


def _upsert_offers(specs, orgs_by_key, today):
    existing = dict(demo_offers().values_list("external_id", "pk"))
    tz = timezone.get_current_timezone()
    new, changed = [], []
    for spec in specs:
        values = {f: spec[f] for f in OFFER_FIELDS if f != "organisation"}
        values["organisation"] = orgs_by_key[spec["organisation"]]
        if spec["external_id"] in existing:
            changed.append((existing[spec["external_id"]], values))
        else:
            new.append(Offer(external_id=spec["external_id"], **values))
    Offer.objects.bulk_create(new, batch_size=200)
    # One UPDATE per row is much faster than bulk_update()'s CASE expressions here.
    now = timezone.now()
    for pk, values in changed:
        Offer.objects.filter(pk=pk).update(updated_at=now, **values)
    offers = {o.external_id: o for o in demo_offers().only("id", "external_id")}
    # created_at is auto_now_add, so the spread over two years is written afterwards.
    for spec in specs:
        Offer.objects.filter(pk=offers[spec["external_id"]].pk).update(
            created_at=_created_at(spec, today, tz))
    return offers


def _rewrite_details(specs, offers, contacts, orgs_by_key):
    """Replace places, times, taxonomy links and contact links of the demo offers."""
    ids = [o.pk for o in offers.values()]
    Place.objects.filter(offer_id__in=ids).delete()
    OfferTime.objects.filter(offer_id__in=ids).delete()
    lookups = {name: {t.slug: t.pk for t in model.objects.all()} for name, model in M2M.items()}
    cities = lookups["cities"]
    through_rows = {name: [] for name in [*M2M, "contacts"]}
    places, times = [], []
    for spec in specs:
        offer = offers[spec["external_id"]]
        for name in M2M:
            through = getattr(Offer, name).through
            column = f"{M2M[name]._meta.model_name}_id"
            through_rows[name] += [through(offer_id=offer.pk, **{column: lookups[name][slug]})
                                   for slug in dict.fromkeys(spec[name])]
        org = orgs_by_key[spec["organisation"]]
        through_rows["contacts"] += [
            Offer.contacts.through(offer_id=offer.pk, contact_id=contacts[(org.pk, name)].pk)
            for name in spec["contacts"]
        ]
        places += [Place(offer_id=offer.pk, name=p["name"], street=p["street"],
                         postcode=p["postcode"], city_id=cities[p["city"]],
                         latitude=p["latitude"], longitude=p["longitude"]) for p in spec["places"]]
        times += [OfferTime(offer_id=offer.pk, weekday=day, opens_at=opens, closes_at=closes,
                            note=note) for day, opens, closes, note in spec["times"]]
    for name in through_rows:
        through = getattr(Offer, name).through
        through.objects.filter(offer_id__in=ids).delete()
        through.objects.bulk_create(through_rows[name], batch_size=500)
    Place.objects.bulk_create(places, batch_size=500)
    OfferTime.objects.bulk_create(times, batch_size=500)


TRANSLATION_FIELDS = ["title", "summary", "description"]


def _upsert_translations(specs, offers):
    """Make the demo offers' translations what the seed says (translations.py)."""
    wanted = {(offers[spec["external_id"]].pk, language): texts
              for spec in specs for language, texts in spec["translations"].items()}
    existing = {(t.offer_id, t.language): t for t in OfferTranslation.objects.filter(
        offer_id__in=[o.pk for o in offers.values()])}
    now = timezone.now()
    new, changed = [], []
    for (offer_id, language), texts in wanted.items():
        translation = existing.get((offer_id, language))
        if translation is None:
            new.append(OfferTranslation(offer_id=offer_id, language=language, **texts))
        elif any(getattr(translation, name) != value for name, value in texts.items()):
            for name, value in texts.items():
                setattr(translation, name, value)
            translation.updated_at = now  # auto_now is not applied by bulk_update()
            changed.append(translation)
    OfferTranslation.objects.bulk_create(new)
    OfferTranslation.objects.bulk_update(changed, [*TRANSLATION_FIELDS, "updated_at"])
    stale = [t.pk for key, t in existing.items() if key not in wanted]
    OfferTranslation.objects.filter(pk__in=stale).delete()


def load(today=None):
    """Load (or refresh) the demo data set; return the affected offer ids."""
    today = today or timezone.localdate()
    cities = {c.slug: c for c in City.objects.all()}
    data = build_dataset(cities.values(), today=today)
    indexing = _indexing()
    bulk = getattr(indexing, "bulk_indexing", None)
    # The transaction closes before bulk_indexing() exits, so indexing sees committed rows.
    with (bulk() if bulk else contextlib.nullcontext()) as session, transaction.atomic():
        orgs = _upsert_organisations(data["organisations"], cities)
        orgs_by_key = {spec["key"]: orgs[spec["name"]] for spec in data["organisations"]}
        contacts = _upsert_contacts(data["organisations"], orgs)
        offers = _upsert_offers(data["offers"], orgs_by_key, today)
        _rewrite_details(data["offers"], offers, contacts, orgs_by_key)
        _upsert_translations(data["offers"], offers)
        ids = sorted(o.pk for o in offers.values())
        # Bulk writes send no signals, so the search index is told which offers changed.
        if hasattr(session, "add"):
            session.add(ids)
    if not hasattr(session, "add") and hasattr(indexing, "reindex_offers"):
        indexing.reindex_offers(ids)
    return ids

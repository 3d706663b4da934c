"""Writing valid OfferRecords to the database in bulk (one chunk at a time).

Per chunk: a handful of queries to read what exists (offers by external_id, their taxonomy
links, places and contacts), then bulk_create / bulk_update / bulk inserts of link rows.
No offer is saved one by one, so no model signals fire; the caller reindexes the offer ids
this returns.

Rules (documented in exchange/README.md):
- An offer is matched by external_id; rows without one always create a new offer.
- Only columns present in the file are written; an update never clears other fields.
- Taxonomy links of a present column are replaced by the row's values. `cities` becomes the
  row's cities plus the cities of places the import does not manage.
- The import manages the offer's first place (lowest id): created or updated from
  street / postcode / first city; further places stay. Coordinates are the city centre.
- The row's contact is matched by (organisation, name) case-insensitively and linked to the
  offer; other linked contacts stay. Non-empty phone / e-mail / consent overwrite.
- New offers are published; an update keeps the offer's status (staff may have archived it).
"""

from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from .bulk import insert_instances, insert_rows, update_rows
from .history import ImportHistory
from .validate import Vocabulary


def prep(model, name, value):
    """A value as the database adapter wants it (dates and aware datetimes on SQLite)."""
    return model._meta.get_field(name).get_db_prep_save(value, connection)


def name_key(name):
    return " ".join(name.casefold().split())


M2M_FIELDS = ("cities", "topics", "target_groups", "languages")


@dataclass
class WriteStats:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    organisations_created: int = 0
    contacts_created: int = 0
    contacts_updated: int = 0
    contacts_without_consent: int = 0  # imported contacts that may not be shown publicly


class OfferWriter:
    def __init__(self, present, vocabulary=None, actor="Import"):
        from offers.models import Offer
        from providers.models import Organisation

        self.present = set(present)
        self.vocabulary = vocabulary or Vocabulary()
        self.stats = WriteStats()
        self.changed_fields = {}  # line -> what an "updated" row changes (read by run_import)
        self.history = ImportHistory(actor)
        self.organisations = {}
        self.slugs = set()
        for pk, name, slug in Organisation.objects.values_list("id", "name", "slug"):
            self.organisations.setdefault(name_key(name), pk)
            self.slugs.add(slug)
        self.contacts = {}  # organisation id -> {name key: [id, phone, email, consent]}
        self.without_consent = set()
        self.through = {field: getattr(Offer, field).through for field in M2M_FIELDS}
        self.through_column = {
            field: getattr(Offer, field).field.m2m_reverse_field_name() for field in M2M_FIELDS
        }
        self.scalar_fields = ("title", "summary", "description", "website", "last_verified",
                              "is_free", "cost")

    # --- organisations and contacts ---------------------------------------------------------

    def _unique_slug(self, name):
        base = slugify(name)[:180] or "traeger"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def _organisation_ids(self, records):
        from providers.models import Organisation

        new = {}
        for record in records:
            key = name_key(record.organisation)
            if key not in self.organisations and key not in new:
                new[key] = Organisation(name=record.organisation,
                                        slug=self._unique_slug(record.organisation))
        if new:
            insert_instances(Organisation, list(new.values()), timezone.now())
            for key, organisation in new.items():
                self.organisations[key] = organisation.pk
            self.stats.organisations_created += len(new)
        return {record.line: self.organisations[name_key(record.organisation)] for record in records}

    def _contact_ids(self, records, org_of):
        from providers.models import Contact

        wanted = [r for r in records if r.contact]
        missing = {org_of[r.line] for r in wanted} - self.contacts.keys()
        for org in missing:
            self.contacts[org] = {}
        if missing:
            for row in Contact.objects.filter(organisation_id__in=missing).order_by("id").values_list(
                    "id", "organisation_id", "name", "phone", "email", "consent_given_on"):
                self.contacts[row[1]].setdefault(name_key(row[2]), [row[0], *row[3:]])
        new, changed, result = {}, {}, {}
        for record in wanted:
            org = org_of[record.line]
            name, phone, email, consent = record.contact
            key = name_key(name)
            known = self.contacts[org].get(key)
            if known is None:
                contact = new.get((org, key))
                if contact is None:
                    contact = new[(org, key)] = Contact(organisation_id=org, name=name)
                contact.phone = phone or contact.phone
                contact.email = email or contact.email
                contact.consent_given_on = consent or contact.consent_given_on
                continue
            wanted_values = [phone or known[1], email or known[2], consent or known[3]]
            if wanted_values != known[1:]:
                known[1:] = wanted_values
                changed[known[0]] = (wanted_values[0], wanted_values[1],
                                     prep(Contact, "consent_given_on", wanted_values[2]),
                                     prep(Contact, "updated_at", timezone.now()), known[0])
        if new:
            insert_instances(Contact, list(new.values()), timezone.now())
            for (org, key), contact in new.items():
                self.contacts[org][key] = [contact.pk, contact.phone, contact.email,
                                           contact.consent_given_on]
            self.stats.contacts_created += len(new)
        if changed:
            update_rows(Contact, ["phone", "email", "consent_given_on", "updated_at"],
                        list(changed.values()))
            self.stats.contacts_updated += len(changed)
        for record in wanted:
            known = self.contacts[org_of[record.line]][name_key(record.contact[0])]
            result[record.line] = known[0]
            if known[3] is None:
                self.without_consent.add(known[0])
            else:
                self.without_consent.discard(known[0])
        self.stats.contacts_without_consent = len(self.without_consent)
        return result

    # --- offers -------------------------------------------------------------------------------

    def _existing(self, records):
        """external_id -> dict of the stored offer with its links, places and contacts."""
        from offers.models import Offer, Place

        ids = [r.external_id for r in records if r.external_id]
        if not ids:
            return {}
        rows = Offer.objects.filter(external_id__in=ids).values(
            "id", "external_id", "organisation_id", *self.scalar_fields)
        existing = {row["external_id"]: row for row in rows}
        by_pk = {row["id"]: row for row in existing.values()}
        if not by_pk:
            return {}
        for row in by_pk.values():
            row.update({field: set() for field in M2M_FIELDS}, places=[], contacts=set())
        for field in M2M_FIELDS:
            column = self.through_column[field]
            for offer_id, term_id in self.through[field].objects.filter(
                    offer_id__in=by_pk).values_list("offer_id", f"{column}_id"):
                by_pk[offer_id][field].add(term_id)
        for place in Place.objects.filter(offer_id__in=by_pk).order_by("id").values_list(
                "offer_id", "id", "street", "postcode", "city_id", "latitude", "longitude"):
            by_pk[place[0]]["places"].append(place[1:])
        for offer_id, contact_id in Offer.contacts.through.objects.filter(
                offer_id__in=by_pk).values_list("offer_id", "contact_id"):
            by_pk[offer_id]["contacts"].add(contact_id)
        return existing

    def _place(self, offer_id, place):
        """The parameters of a new place row: the city centre as coordinates."""
        street, postcode, city_id = place
        city = self.vocabulary.cities[city_id]
        return (offer_id, "", street, postcode, city_id, city.latitude, city.longitude)

    def write(self, records):
        """Write one chunk; returns [(record, action, offer_id)] with action in
        "created" / "updated" / "unchanged"."""
        from offers.models import Offer, Place

        if not records:
            return []
        published = Offer.Status.PUBLISHED
        org_of = self._organisation_ids(records)
        contact_of = self._contact_ids(records, org_of)
        existing = self._existing(records)
        now = timezone.now()

        new_offers, changed_offers, outcomes = [], [], []
        links = {field: {} for field in M2M_FIELDS}  # field -> offer id -> term ids (replace)
        contact_links, new_places, changed_places = [], [], []
        update_fields = {"organisation", "updated_at"}
        for record in records:
            old = existing.get(record.external_id) if record.external_id else None
            org = org_of[record.line]
            contact = contact_of.get(record.line)
            if old is None:
                new_offers.append((record, {"external_id": record.external_id,
                                            "organisation_id": org, "status": published,
                                            **record.offer_fields}))
                continue
            changed_names = [k for k, value in record.offer_fields.items() if old[k] != value]
            if old["organisation_id"] != org:
                changed_names.append("organisation")
            changed = bool(changed_names)
            update_fields.update(record.offer_fields)
            places = old["places"]
            kept_places = places
            if record.place:
                kept_places = places[1:]
                street, postcode, city_id = record.place
                if not places:
                    new_places.append(self._place(old["id"], record.place))
                elif places[0][1:4] != record.place:
                    latitude, longitude = self._place(old["id"], record.place)[5:]
                    if places[0][3] == city_id:  # same city: keep coordinates staff may have set
                        latitude, longitude = places[0][4], places[0][5]
                    changed_places.append((street, postcode, city_id, latitude, longitude,
                                           places[0][0]))
                    changed = True
                    changed_names.append("place")
                if not places:
                    changed = True
                    changed_names.append("place")
            m2m = dict(record.m2m)
            m2m["cities"] = tuple(dict.fromkeys((*m2m["cities"], *(p[3] for p in kept_places))))
            replaced = {}
            for field, ids in m2m.items():
                if set(ids) != old[field]:
                    replaced[field] = ids
            if contact is not None and contact not in old["contacts"]:
                contact_links.append((old["id"], contact))
                changed = True
                changed_names.append("contacts")
            if changed or replaced:
                self.history.updated(old["id"], record, old, replaced)
                self.changed_fields[record.line] = (*changed_names, *replaced)
                offer = Offer(id=old["id"], external_id=record.external_id, organisation_id=org,
                              updated_at=now, **record.offer_fields)
                changed_offers.append(offer)
                for field, ids in replaced.items():
                    links[field][offer.id] = ids
                outcomes.append((record, "updated", old["id"]))
            else:
                outcomes.append((record, "unchanged", old["id"]))

        if new_offers:
            pks = self._insert_offers([values for _record, values in new_offers], now)
            for (record, _values), pk in zip(new_offers, pks, strict=True):
                for field, ids in record.m2m.items():
                    links[field][pk] = ids
                if record.place:
                    new_places.append(self._place(pk, record.place))
                if record.line in contact_of:
                    contact_links.append((pk, contact_of[record.line]))
                self.history.created(pk, record)
                outcomes.append((record, "created", pk))
        if changed_offers:
            fields = [Offer._meta.get_field(name) for name in sorted(update_fields)]
            update_rows(Offer, [f.name for f in fields], [
                (*(f.get_db_prep_save(getattr(offer, f.attname), connection) for f in fields), offer.id)
                for offer in changed_offers])
        for field in M2M_FIELDS:
            self._replace_links(field, links[field], {o.id for o in changed_offers})
        insert_rows(Place, ["offer", "name", "street", "postcode", "city", "latitude", "longitude"],
                    new_places)
        update_rows(Place, ["street", "postcode", "city", "latitude", "longitude"], changed_places)
        # An offer's link to a contact is only added when missing (checked in _existing).
        insert_rows(Offer.contacts.through, ["offer", "contact"], list(dict.fromkeys(contact_links)))
        self.history.flush(now, [offer.id for offer in changed_offers])

        for _record, action, _pk in outcomes:
            setattr(self.stats, action, getattr(self.stats, action) + 1)
        outcomes.sort(key=lambda outcome: outcome[0].line)
        return outcomes

    def _insert_offers(self, rows, now):
        """Insert offers given as {attname: value} dicts; returns their new ids in order.
        No model instances: only values that need it (dates, timestamps) are converted."""
        from offers.models import Offer

        fields = [f for f in Offer._meta.concrete_fields if not f.primary_key]
        plain = (str, bool, int, float, type(None))
        defaults = {}
        for f in fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                defaults[f.attname] = f.get_db_prep_save(now, connection)
            else:
                defaults[f.attname] = f.get_db_prep_save(f.get_default(), connection)
        values = []
        for row in rows:
            line = []
            for f in fields:
                value = row.get(f.attname, defaults[f.attname])
                if not isinstance(value, plain):
                    value = f.get_db_prep_save(value, connection)
                line.append(value)
            values.append(line)
        return insert_rows(Offer, [f.name for f in fields], values, returning=True)

    def _replace_links(self, field, links, updated_ids):
        through = self.through[field]
        stale = [pk for pk in links if pk in updated_ids]
        if stale:
            through.objects.filter(offer_id__in=stale).delete()
        insert_rows(through, ["offer", self.through_column[field]],
                    [(pk, term) for pk, ids in links.items() for term in ids])

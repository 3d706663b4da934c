"""The fingerprint of the data in the open-data package: when it changes, the package is
generated again; while it stays the same, every request reuses the files on disk.

Two parts, because no single signal covers everything the package contains:

- The search data version (search/version.py). Signals bump it on every save or delete of an
  offer, its places, translations and taxonomy links, an organisation, and any taxonomy term
  (names included), and when offers leave the search as days pass.
- A handful of aggregates (count, max id / max updated_at) per table, for what does not bump
  the search version: contact persons (consent, phone, deletion), the link between offers and
  contacts, regular times, organisations being created or deleted, and confirmations (which
  set last_verified by update(), without signals or updated_at). The visible offers are
  counted with the freshness rules of today, with the sum of their ids, so an offer entering
  or leaving the public set (hidden for review, ended) changes it too.

Cost: two primary-key reads plus one aggregate query per table (10 queries): about 2 ms for the
demo data, 5–18 ms at 10,000 offers on SQLite.
"""

import hashlib

from django.db.models import Count, Max, Sum


def _aggregates(today=None):
    from freshness.models import Confirmation
    from offers.models import Offer, OfferTime, OfferTranslation, Place
    from providers.models import Contact, Organisation

    parts = [Offer.objects.visible(today).aggregate(
        n=Count("id"), s=Sum("id"), u=Max("updated_at"), v=Max("last_verified"))]
    for queryset, latest in (
            (Organisation.objects.all(), "updated_at"),
            (Contact.objects.all(), "updated_at"),
            (OfferTranslation.objects.all(), "updated_at"),
            (Place.objects.all(), "id"),
            (OfferTime.objects.all(), "id"),
            (Offer.contacts.through.objects.all(), "id"),
            (Confirmation.objects.all(), "id")):
        parts.append(queryset.aggregate(n=Count("id"), m=Max(latest)))
    return parts


def fingerprint(today=None):
    """A short hex string that changes whenever the content of the package would."""
    from search import version

    token, vocab_token = version.current()
    # When present (search/version.py), the time the public data last changed: it also moves
    # for edits the aggregates cannot see, such as a regular time changed in place.
    changed_at = version.changed_at() if hasattr(version, "changed_at") else None
    text = repr((token, vocab_token, changed_at, _aggregates(today)))
    return hashlib.sha256(text.encode()).hexdigest()[:24]

"""Keep the API's Last-Modified honest for public data the search does not index.

Offers, places, translations, organisations with offers and the taxonomy already move the data
version (search/signals.py). Contact persons, an offer's times and contact links, and
organisations without offers are public in the API too, but not searched: a change to them
only moves the data's time (search.version.touch), never the search caches.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from search import version


def _touched(sender, raw=False, **kwargs):
    if not raw:  # fixtures loaded with loaddata are not edits
        version.touch()


def _links_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        version.touch()


def connect():
    from offers.models import Offer, OfferTime
    from providers.models import Contact, Organisation

    for model in (Contact, OfferTime, Organisation):
        name = model.__name__
        post_save.connect(_touched, sender=model, dispatch_uid=f"api_{name}_saved")
        post_delete.connect(_touched, sender=model, dispatch_uid=f"api_{name}_deleted")
    m2m_changed.connect(_links_changed, sender=Offer.contacts.through, dispatch_uid="api_offer_contacts")

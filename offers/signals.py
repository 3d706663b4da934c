"""Translations are part of an offer's searchable text: a saved or deleted translation
re-indexes its offer (in the same transaction, like every other change of an offer)."""

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from search import indexing

from .models import Offer, OfferTranslation


def _deleted_with_its_offer(origin):
    # Deleting the offer cascades to its translations; its document goes with it, and
    # re-indexing here would write a new one for an offer about to disappear.
    return isinstance(origin, Offer) or (isinstance(origin, QuerySet) and origin.model is Offer)


def _translation_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.offers_changed([instance.offer_id])


def _translation_deleted(sender, instance, origin=None, **kwargs):
    if not _deleted_with_its_offer(origin):
        indexing.offers_changed([instance.offer_id])


def connect():
    post_save.connect(_translation_saved, sender=OfferTranslation,
                      dispatch_uid="offers_translation_saved")
    post_delete.connect(_translation_deleted, sender=OfferTranslation,
                        dispatch_uid="offers_translation_deleted")

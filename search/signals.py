"""Signal handlers that keep the search index and the data version current.

Offers are reindexed in the same transaction as the change (so a search right after a save
sees it); under indexing.bulk_indexing() they are collected and indexed once at the end.
"""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import indexing

# Offers in the middle of a delete: the cascade removes their places first, and the places'
# signals must not re-create a document for an offer that is about to go.
_deleting = threading.local()


def _offers_being_deleted():
    if not hasattr(_deleting, "ids"):
        _deleting.ids = set()
    return _deleting.ids

_TAXONOMY_FIELDS = ("cities", "topics", "target_groups", "languages")


def _offer_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.offers_changed([instance.pk])


def _offer_pre_delete(sender, instance, **kwargs):
    _offers_being_deleted().add(instance.pk)


def _offer_deleted(sender, instance, **kwargs):
    # The document goes with the offer (CASCADE); the cached results must go too.
    _offers_being_deleted().discard(instance.pk)
    indexing.data_changed()


def _offer_m2m_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:  # term.offers.clear(): remember whom it concerns
        instance._search_cleared = list(instance.offers.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        indexing.offers_changed([instance.pk])
    elif pk_set:
        indexing.offers_changed(pk_set)
    else:
        indexing.offers_changed(getattr(instance, "_search_cleared", []))


def _organisation_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return
    indexing.offers_changed(instance.offers.values_list("pk", flat=True))


def _place_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.offer_id and instance.offer_id not in _offers_being_deleted():
        indexing.offers_changed([instance.offer_id])


def _term_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if created:
        indexing.data_changed()
    else:  # the name is indexed with the offers
        indexing.offers_changed(instance.offers.values_list("pk", flat=True))
        indexing.data_changed()


def _term_pre_delete(sender, instance, **kwargs):
    instance._search_offer_ids = list(instance.offers.values_list("pk", flat=True))


def _term_deleted(sender, instance, **kwargs):
    indexing.offers_changed(getattr(instance, "_search_offer_ids", []))
    indexing.data_changed()


def _synonyms_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        indexing.data_changed()


def connect():
    from offers.models import Offer, Place
    from providers.models import Organisation
    from taxonomy.models import City, Language, TargetGroup, Topic

    from .models import SynonymGroup

    post_save.connect(_offer_saved, sender=Offer, dispatch_uid="search_offer_saved")
    pre_delete.connect(_offer_pre_delete, sender=Offer, dispatch_uid="search_offer_pre_delete")
    post_delete.connect(_offer_deleted, sender=Offer, dispatch_uid="search_offer_deleted")
    for field in _TAXONOMY_FIELDS:
        m2m_changed.connect(_offer_m2m_changed, sender=getattr(Offer, field).through,
                            dispatch_uid=f"search_offer_{field}")
    post_save.connect(_organisation_saved, sender=Organisation, dispatch_uid="search_org_saved")
    post_save.connect(_place_changed, sender=Place, dispatch_uid="search_place_saved")
    post_delete.connect(_place_changed, sender=Place, dispatch_uid="search_place_deleted")
    for model in (City, Topic, TargetGroup, Language):
        name = model.__name__
        post_save.connect(_term_saved, sender=model, dispatch_uid=f"search_{name}_saved")
        pre_delete.connect(_term_pre_delete, sender=model, dispatch_uid=f"search_{name}_pre")
        post_delete.connect(_term_deleted, sender=model, dispatch_uid=f"search_{name}_deleted")
    post_save.connect(_synonyms_changed, sender=SynonymGroup, dispatch_uid="search_syn_saved")
    post_delete.connect(_synonyms_changed, sender=SynonymGroup, dispatch_uid="search_syn_deleted")

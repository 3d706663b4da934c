"""Backdated history for the demo offers, so the Entwicklung page (landscape/trends.py) shows
something like a year and a half of real work instead of empty months.

Consistent with the offers as loaded: a confirmation on the day each offer was last verified
(plus, for most, an earlier one between its creation and that day), content changes between
creation and today for some offers, and an "archived" revision for each archived demo offer
(their status comes from the seed; nothing is archived here, so no other figure moves).
Everything is marked with DEMO_ACTOR / DEMO_EMAIL and written only once: loading twice adds
nothing. Dates are derived from the offer's number, so every load gives the same history.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from changes.models import Revision
from freshness.models import Confirmation
from offers.models import Offer

DEMO_ACTOR = "Demo-Verlauf"
DEMO_EMAIL = "demo-verlauf@example.org"
HISTORY_DAYS = 548  # about 18 months back


def _number(offer):
    digits = "".join(ch for ch in offer.external_id if ch.isdigit())
    return int(digits or 0)


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 15)))


def _plan(offer, today):
    """[(kind, day)] for one offer; kind is "confirmed", "changed" or "archived"."""
    n = _number(offer)
    created = timezone.localdate(offer.created_at)
    earliest = max(created + datetime.timedelta(days=1), today - datetime.timedelta(days=HISTORY_DAYS))
    span = (today - earliest).days
    if span <= 0:
        return []
    plan = []
    verified = offer.last_verified
    if verified and earliest <= verified <= today:
        plan.append(("confirmed", verified))
        earlier = verified - datetime.timedelta(days=120 + (n * 53) % 150)
        if n % 4 and earlier >= earliest:
            plan.append(("confirmed", earlier))
    if n % 3 == 0:
        plan.append(("changed", earliest + datetime.timedelta(days=(n * 37) % span)))
    if n % 7 == 0:
        plan.append(("changed", earliest + datetime.timedelta(days=(n * 91) % span)))
    if offer.status == Offer.Status.ARCHIVED:
        plan.append(("archived", earliest + datetime.timedelta(days=span * 2 // 3 + n % max(1, span // 4))))
    return plan


@transaction.atomic
def ensure_demo_history(today=None):
    """Write the backdated history once; returns the number of records written (0 the second time)."""
    today = today or timezone.localdate()
    offers = list(Offer.objects.filter(external_id__startswith="demo-").exclude(
        status__in=[Offer.Status.DRAFT, Offer.Status.PENDING]).order_by("external_id"))
    if not offers:
        return 0
    content_type = ContentType.objects.get_for_model(Offer)
    done_revisions = set(Revision.objects.filter(content_type=content_type, actor=DEMO_ACTOR)
                         .values_list("object_id", flat=True))
    done_confirmations = set(Confirmation.objects.filter(email=DEMO_EMAIL)
                             .values_list("offer_id", flat=True))
    confirmations, revisions = [], []
    for offer in offers:
        for kind, day in _plan(offer, today):
            if kind == "confirmed":
                if offer.pk not in done_confirmations:
                    confirmations.append(Confirmation(offer=offer, confirmed_at=_at(day, 10),
                                                      email=DEMO_EMAIL, via=Confirmation.Via.LINK))
            elif offer.pk not in done_revisions:
                action = Revision.Action.ARCHIVED if kind == "archived" else Revision.Action.CHANGED
                revisions.append((Revision(content_type=content_type, object_id=offer.pk,
                                           object_repr=str(offer)[:200], action=action,
                                           actor=DEMO_ACTOR, approved=True,
                                           note="Beispielverlauf der Demodaten"), _at(day, 14)))
    Confirmation.objects.bulk_create(confirmations, batch_size=500)
    created = Revision.objects.bulk_create([revision for revision, _when in revisions], batch_size=500)
    # created_at is auto_now_add: the backdated time is written afterwards.
    for revision, (_revision, when) in zip(created, revisions, strict=True):
        Revision.objects.filter(pk=revision.pk).update(created_at=when)
    return len(confirmations) + len(revisions)

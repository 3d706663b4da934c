"""Confirming that offers are still current, and the signed one-click link in reminders.

`confirm()` and `confirm_many()` are what every way of confirming calls (the link in a
reminder, the provider dashboard, the KI's overdue list): they set `last_verified` to today,
record who confirmed, and re-index the offers so hidden ones return to the search at once
(offers still in the search only get their new last visible day, which leaves the search
caches valid). They do nothing else: a confirmation is not a content change, so neither the
offer's version (optimistic locking) nor `updated_at` move and no change request is involved.
"""

import dataclasses
import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from notifications.mail import absolute_url
from offers.models import Offer
from search.indexing import extend_visibility

from . import rules
from .models import Confirmation

LINK_SALT = "freshness.confirm-link"


def confirm(offer, *, user=None, email="", via):
    """Mark one offer as current today; returns the Confirmation."""
    return _confirm([offer], user=user, email=email, via=via)[0]


def confirm_many(offers, *, user, via):
    """Mark several offers as current today (one re-index); returns the Confirmations."""
    return _confirm(list(offers), user=user, email="", via=via)


def _confirm(offers, *, user, email, via):
    if via not in Confirmation.Via.values:
        raise ValueError(f"unknown way of confirming: {via!r}")
    if not offers:
        return []
    today = rules.today()
    user = user if user is not None and user.is_authenticated else None
    ids = [offer.pk for offer in offers]
    with transaction.atomic():
        # update(), not save(): no signals, no auto_now, no version bump.
        Offer.objects.filter(pk__in=ids).update(last_verified=today)
        confirmations = Confirmation.objects.bulk_create(
            [Confirmation(offer=offer, user=user, email=email, via=via) for offer in offers]
        )
        extend_visibility(ids)
    for offer in offers:
        offer.last_verified = today
    return confirmations


# --- the signed link --------------------------------------------------------------------------


class InvalidLink(Exception):
    """The link was changed or belongs to another offer."""


class ExpiredLink(InvalidLink):
    """The link is genuine but older than CONFIRM_LINK_MAX_AGE_DAYS."""


@dataclasses.dataclass(frozen=True)
class LinkData:
    offer_id: int
    email: str  # who the reminder carrying the link was sent to
    cycle: datetime.date  # the reference date the reminder was about


def make_token(offer, email, cycle):
    """The capability in a reminder: this offer, this recipient, this verification cycle."""
    return signing.dumps({"o": offer.pk, "e": email, "c": cycle.isoformat()}, salt=LINK_SALT,
                         compress=True)


def read_token(token, offer_id):
    """The LinkData of a link for this offer; raises ExpiredLink or InvalidLink."""
    max_age = datetime.timedelta(days=settings.CONFIRM_LINK_MAX_AGE_DAYS)
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise InvalidLink from error
    try:
        link = LinkData(int(data["o"]), str(data["e"]), datetime.date.fromisoformat(data["c"]))
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidLink from error
    if link.offer_id != offer_id:
        raise InvalidLink
    return link


def site_path(name, args=(), fallback=None):
    """reverse() in the site's language (cron has none active); `fallback` while the app
    behind `name` is not there yet."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return reverse(name, args=args)
        except NoReverseMatch:
            return fallback() if fallback else None


def confirm_link(offer, email, cycle):
    """The absolute one-click link for a reminder e-mail."""
    return absolute_url(site_path("freshness:confirm", args=[offer.pk, make_token(offer, email, cycle)]))


def edit_path(offer):
    """Where a provider edits the offer (the offer page until the dashboard exists)."""
    return site_path("dashboard:offer_edit", args=[offer.pk], fallback=lambda: offer_path(offer))


def offer_path(offer):
    return site_path("offers:detail", args=[offer.pk])


def login_path():
    """Where a provider signs in to confirm in the dashboard (None until that exists)."""
    return site_path("dashboard:home") or site_path("accounts:login")

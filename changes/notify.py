"""E-mails about pending changes: to the KI when one arrives, to the provider when decided."""

from django.conf import settings
from django.urls import reverse

from notifications.mail import absolute_url, in_site_language, organisation_recipients, send

from .snapshot import diff


@in_site_language
def change_submitted(change):
    """The KI hears of a new proposal once (not of every further save of it)."""
    return send(settings.KI_EMAIL, "change_submitted", {
        "change": change, "offer": change.offer, "organisation": change.offer.organisation,
        "review_url": absolute_url(reverse("changes:review", args=[change.pk])),
    })


@in_site_language
def change_decided(change):
    """The provider hears the decision: the organisation's addresses and the proposer."""
    offer = change.offer
    recipients = organisation_recipients(offer.organisation)
    if change.created_by_id and change.created_by.email:
        recipients.append(change.created_by.email)
    return send(recipients, f"change_{change.status}", {
        "change": change, "offer": offer, "organisation": offer.organisation,
        "changes": diff("offer", change.base_data or {}, change.data),
        "offer_url": absolute_url(offer.get_absolute_url()),
        "edit_url": absolute_url(reverse("dashboard:offer_edit", args=[offer.pk])),
    })

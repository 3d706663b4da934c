"""What happens behind the accounts pages: invitations, deciding access requests, the rate
limit of the public request form."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify

from notifications import mail
from providers.models import Organisation

from .models import AccessRequest, Invitation

ACCESS_REQUESTS_PER_ADDRESS_PER_HOUR = 5


class AlreadyDecided(Exception):
    """Somebody decided this access request already; a decision is made once."""


def invite(*, email, organisation, invited_by, name="", access_request=None):
    """Create an invitation and e-mail its link. The link's token exists only in that
    e-mail; the database keeps its hash."""
    invitation = Invitation(email=email.strip(), name=name.strip(), organisation=organisation,
                            invited_by=invited_by)
    token = invitation.issue_token()
    invitation.save()
    accept_url = mail.absolute_url(reverse("accounts:invitation_accept", args=[token]))
    mail.send(invitation.email, "account_invitation", {
        "invitation": invitation, "organisation": organisation, "accept_url": accept_url,
        "access_request": access_request,
    })
    return invitation


def address_hash(request):
    """A keyed hash of the sender's address: enough to count requests, useless to anyone
    without the secret key, and never the address itself."""
    return salted_hmac("accounts.access_request.address", request.META.get("REMOTE_ADDR", "")).hexdigest()


def access_request_retry_at(address_hash_value, now=None):
    """None while this address may send another request; otherwise when it may again."""
    now = now or timezone.now()
    window = datetime.timedelta(hours=1)
    recent = list(
        AccessRequest.objects.filter(address_hash=address_hash_value, created_at__gt=now - window)
        .order_by("-created_at").values_list("created_at", flat=True)[:ACCESS_REQUESTS_PER_ADDRESS_PER_HOUR]
    )
    if len(recent) < ACCESS_REQUESTS_PER_ADDRESS_PER_HOUR:
        return None
    return recent[-1] + window


@mail.in_site_language
def announce_access_request(access_request):
    """Tell the KI about a new request and confirm its receipt to the requester."""
    staff_url = mail.absolute_url(reverse("accounts:request_detail", args=[access_request.pk]))
    mail.send(settings.KI_EMAIL, "account_request_new",
              {"access_request": access_request, "staff_url": staff_url}, reply_to=access_request.email)
    mail.send(access_request.email, "account_request_received", {"access_request": access_request})


def unique_slug(name):
    base = slugify(name)[:190] or "traeger"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def organisation_from_request(access_request):
    """Only the organisation's own details; the contact person's phone and e-mail stay out of
    the (public) organisation record."""
    name = access_request.organisation_name.strip()
    return Organisation.objects.create(
        name=name, slug=unique_slug(name), website=access_request.website,
        street=access_request.street, postcode=access_request.postcode, city=access_request.city,
    )


def _lock_open(access_request):
    locked = AccessRequest.objects.select_for_update().get(pk=access_request.pk)
    if not locked.is_open:
        raise AlreadyDecided
    return locked


def approve(access_request, *, editor, organisation=None):
    """Approve: link to `organisation` or create one from the request, then invite the
    requester to it. Returns the invitation."""
    with transaction.atomic():
        locked = _lock_open(access_request)
        locked.organisation = organisation or organisation_from_request(locked)
        locked.status = AccessRequest.Status.APPROVED
        locked.decided_by, locked.decided_at = editor, timezone.now()
        locked.save()
        return invite(email=locked.email, name=locked.contact_name, organisation=locked.organisation,
                      invited_by=editor, access_request=locked)


def reject(access_request, *, editor, reason):
    with transaction.atomic():
        locked = _lock_open(access_request)
        locked.status = AccessRequest.Status.REJECTED
        locked.decision_note = reason.strip()
        locked.decided_by, locked.decided_at = editor, timezone.now()
        locked.save()
    mail.send(locked.email, "account_request_rejected", {"access_request": locked})
    return locked

"""The demo's work in progress, so `make run` shows the provider area and the KI's work:
the demo provider belongs to the organisation of the Marl women's course, has proposed a
change that waits in the review queue, has an offer due for review and one hidden because
nobody confirmed it for over a year, and a visitor reported an error. An organisation has
asked to join. Every step checks first, so loading twice adds nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from offers.models import Offer

DEMO_PROVIDER = "anbieter@example.org"
ANCHOR_OFFER = "demo-0001"  # the Marl course of the done-when scenario: left as it is
REPORT_TEXT = "Die Telefonnummer stimmt nicht mehr, unter der Nummer meldet sich niemand."
REQUEST_ORGANISATION = "Nachbarschaftsverein Hüls e. V."


@transaction.atomic
def ensure_demo_workflow(today=None):
    from accounts.models import AccessRequest, Membership
    from changes import services
    from changes.models import ChangeRequest
    from changes.snapshot import offer_snapshot
    from reports.models import Report

    today = today or timezone.localdate()
    provider = get_user_model().objects.filter(username=DEMO_PROVIDER).first()
    anchor = Offer.objects.filter(external_id=ANCHOR_OFFER).select_related("organisation").first()
    if provider is None or anchor is None:
        return []
    organisation = anchor.organisation
    done = []
    if Membership.objects.get_or_create(user=provider, organisation=organisation)[1]:
        done.append(f"{DEMO_PROVIDER} → {organisation.name}")

    others = list(organisation.offers.published().exclude(pk=anchor.pk).order_by("external_id"))
    if others and not ChangeRequest.objects.pending().filter(offer__organisation=organisation).exists():
        offer = others[0]
        data = services.working_data(offer)
        data["summary"] = (data["summary"] + " Neu: auch samstags von 10 bis 12 Uhr.").strip()
        services.save_offer(offer, data, user=provider)
        done.append(f"pending change: {offer.title}")
    # one offer due for review (7 months), one hidden from the search (13 months)
    for offer, days in zip(others[1:3], (213, 395), strict=False):
        wanted = today - datetime.timedelta(days=days)
        if offer.last_verified is None or offer.last_verified > wanted:
            offer.last_verified = wanted
            offer.save(update_fields=["last_verified"])  # re-indexed: its visibility changes
            done.append(f"last verified {days} days ago: {offer.title}")

    # the seed's offers "waiting for review" get their proposal, so the queue lists them
    for offer in Offer.objects.filter(status=Offer.Status.PENDING, external_id__startswith="demo-"):
        if not offer.change_requests.pending().exists():
            ChangeRequest.objects.create(
                offer=offer, kind=ChangeRequest.Kind.CREATE, data=offer_snapshot(offer),
                base_version=offer.version,
            )
            done.append(f"new offer waiting: {offer.title}")

    if others and not Report.objects.filter(message=REPORT_TEXT).exists():
        Report.objects.create(offer=others[0], category=Report.Category.CONTACT, message=REPORT_TEXT,
                              email="", address_hash="demo")
        done.append(f"report: {others[0].title}")
    if not AccessRequest.objects.filter(organisation_name=REQUEST_ORGANISATION).exists():
        AccessRequest.objects.create(
            organisation_name=REQUEST_ORGANISATION, street="Hülsstraße 12", postcode="45772",
            contact_name="Murat Demir", email="m.demir@example.org", phone="02365 555123",
            message="Wir bieten ein Nachbarschaftscafé und Hausaufgabenhilfe an und möchten sie "
                    "gern eintragen.", address_hash="demo",
        )
        done.append(f"access request: {REQUEST_ORGANISATION}")
    return done

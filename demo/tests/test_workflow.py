"""make run shows the provider area and the KI's work with something in it."""

import io

import pytest
from django.core.management import call_command

from accounts.models import AccessRequest, Membership
from changes.models import ChangeRequest
from offers.models import Offer
from reports.models import Report


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0, stdout=io.StringIO())


def test_demo_has_work_in_every_area(demo, client):
    provider = Membership.objects.get(user__username="anbieter@example.org")
    organisation = provider.organisation
    assert organisation.offers.filter(external_id="demo-0001").exists()
    assert ChangeRequest.objects.pending().filter(offer__organisation=organisation,
                                                  kind="update").exists()
    assert ChangeRequest.objects.pending().filter(kind="create").count() == Offer.objects.filter(
        status="pending").count()
    assert organisation.offers.due_for_review().exists()
    assert Report.objects.open().filter(offer__organisation=organisation).exists()
    assert AccessRequest.objects.filter(status="open").exists()
    client.force_login(provider.user)
    assert "Krabbelgruppe Lenkerbeck" in client.get("/de/mein-bereich/").content.decode()


def test_loading_twice_adds_no_second_change_report_or_request(demo):
    counts = (ChangeRequest.objects.count(), Report.objects.count(), AccessRequest.objects.count())
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    assert (ChangeRequest.objects.count(), Report.objects.count(),
            AccessRequest.objects.count()) == counts

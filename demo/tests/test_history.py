"""The demo's backdated history: enough for a meaningful Entwicklung page, consistent with the
offers, and written only once."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Max
from django.utils import timezone

from changes.models import Revision
from demo.history import DEMO_ACTOR, DEMO_EMAIL
from freshness.models import Confirmation
from landscape import trends
from offers.models import Offer


@pytest.fixture
def demo(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())


def test_most_of_the_last_twelve_months_have_changes_and_confirmations(demo):
    figures = trends.build(12, today=timezone.localdate())
    assert sum(1 for n in figures.confirmed if n) >= 10
    assert sum(1 for n in figures.changed if n) >= 8
    assert sum(figures.archived) >= 1


def test_the_last_confirmation_is_the_offers_last_verified_day(demo):
    latest = dict(Confirmation.objects.filter(email=DEMO_EMAIL).values("offer")
                  .annotate(last=Max("confirmed_at")).values_list("offer", "last"))
    assert latest
    for offer in Offer.objects.filter(pk__in=latest):
        assert timezone.localdate(latest[offer.pk]) == offer.last_verified


def test_only_archived_offers_have_an_archived_demo_revision(demo):
    archived = set(Revision.objects.filter(actor=DEMO_ACTOR, action="archived")
                   .values_list("object_id", flat=True))
    assert archived == set(Offer.objects.filter(external_id__startswith="demo-", status="archived")
                           .values_list("pk", flat=True))


def test_loading_twice_adds_no_second_history(demo):
    before = (Revision.objects.count(), Confirmation.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Revision.objects.count(), Confirmation.objects.count()) == before

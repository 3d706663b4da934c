"""Rules of the offer model that every surface relies on."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from offers.models import Offer, OfferTime

pytestmark = pytest.mark.django_db


def test_saving_an_offer_never_touches_last_verified(make_offer):
    offer = make_offer(last_verified=datetime.date(2025, 3, 1))
    offer.title = "Deutschkurs am Abend"
    offer.save()
    offer.refresh_from_db()
    assert offer.last_verified == datetime.date(2025, 3, 1)
    assert offer.updated_at.date() != datetime.date(2025, 3, 1)


def test_a_new_offer_is_a_draft_and_not_public(make_organisation):
    offer = Offer.objects.create(title="Nähcafé", organisation=make_organisation())
    assert offer.status == Offer.Status.DRAFT
    assert offer.last_verified is None
    assert not Offer.objects.published().filter(pk=offer.pk).exists()


def test_an_end_before_the_start_is_refused_next_to_the_field(make_offer):
    offer = make_offer(start_date=datetime.date(2026, 9, 1), end_date=datetime.date(2026, 8, 1))
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "end_date" in error.value.message_dict


def test_an_age_range_upside_down_is_refused(make_offer):
    offer = make_offer(age_min=18, age_max=12)
    with pytest.raises(ValidationError) as error:
        offer.full_clean()
    assert "age_max" in error.value.message_dict


def test_a_weekly_time_must_end_after_it_starts(make_offer):
    time = OfferTime(offer=make_offer(), weekday=0, opens_at=datetime.time(10),
                     closes_at=datetime.time(9))
    with pytest.raises(ValidationError) as error:
        time.full_clean()
    assert "closes_at" in error.value.message_dict


def test_external_ids_are_unique_but_optional(make_offer):
    make_offer(external_id=None)
    make_offer(external_id=None)
    make_offer(external_id="kreis-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_offer(external_id="kreis-1")

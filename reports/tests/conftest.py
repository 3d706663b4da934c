import datetime
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from config.formguard import issue_token


@pytest.fixture
def report_url():
    return lambda offer: reverse("reports:create", args=[offer.pk])


@pytest.fixture
def report_data():
    """What a person types into the form, with the token the form page issues."""

    def data(**fields):
        return {"form_token": issue_token(), "message": "Die Telefonnummer stimmt nicht mehr.",
                "email": "", "category": "", "homepage": "", **fields}

    return data


@pytest.fixture
def clock():
    """A settable clock: clock.now is what timezone.now() answers while the test runs."""

    class Clock:
        now = timezone.make_aware(datetime.datetime(2026, 11, 2, 10, 0))

        def advance(self, **delta):
            self.now += datetime.timedelta(**delta)

    fixed = Clock()
    with mock.patch("django.utils.timezone.now", side_effect=lambda: fixed.now):
        yield fixed

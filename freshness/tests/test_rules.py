"""The rules: month arithmetic, reference date, due / hidden / ended, and the querysets."""

import datetime

import pytest

from freshness import rules
from offers.models import Offer

D = datetime.date


@pytest.mark.parametrize("day, months, expected", [
    (D(2026, 8, 31), -6, D(2026, 2, 28)),
    (D(2028, 8, 31), -6, D(2028, 2, 29)),  # leap year
    (D(2026, 3, 31), -1, D(2026, 2, 28)),
    (D(2026, 5, 31), -1, D(2026, 4, 30)),
    (D(2026, 1, 15), -1, D(2025, 12, 15)),  # across the year
    (D(2026, 11, 30), 3, D(2027, 2, 28)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2024, 2, 29), -12, D(2023, 2, 28)),
    (D(2026, 6, 15), 0, D(2026, 6, 15)),
    (D(2026, 12, 31), 1, D(2027, 1, 31)),
])
def test_month_arithmetic_clamps_to_the_end_of_shorter_months(day, months, expected):
    assert rules.add_months(day, months) == expected


def test_the_cutoffs_follow_the_settings(settings):
    settings.REVIEW_INTERVAL_MONTHS = 6
    settings.HIDE_AFTER_MONTHS = 12
    assert rules.review_cutoff(D(2026, 8, 31)) == D(2026, 2, 28)
    assert rules.hide_cutoff(D(2026, 8, 31)) == D(2025, 8, 31)
    settings.HIDE_AFTER_MONTHS = 18
    assert rules.hide_cutoff(D(2026, 8, 31)) == D(2025, 2, 28)


class _Offer:
    def __init__(self, last_verified=None, created_at=None, end_date=None):
        self.last_verified, self.created_at, self.end_date = last_verified, created_at, end_date


def test_the_reference_date_is_the_last_confirmation_or_the_local_creation_day():
    # 23:30 UTC on 31 May is already 1 June in Recklinghausen
    created = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC)
    assert rules.reference_date(_Offer(created_at=created)) == D(2026, 6, 1)
    assert rules.reference_date(_Offer(D(2026, 9, 1), created_at=created)) == D(2026, 9, 1)


def test_older_than_means_strictly_before_the_cutoff():
    offer = _Offer(D(2026, 2, 28))
    assert not rules.is_due_for_review(offer, D(2026, 8, 28))
    assert not rules.is_due_for_review(offer, D(2026, 8, 31))  # 6 months before is 28 Feb
    assert rules.is_due_for_review(offer, D(2026, 9, 1))
    assert not rules.is_hidden(offer, D(2027, 2, 28))
    assert rules.is_hidden(offer, D(2027, 3, 1))


def test_an_offer_has_ended_the_day_after_its_end_date():
    offer = _Offer(D(2026, 10, 1), end_date=D(2026, 12, 31))
    assert not rules.is_ended(offer, D(2026, 12, 31))
    assert rules.is_ended(offer, D(2027, 1, 1))
    assert not rules.is_ended(_Offer(D(2026, 10, 1)), D(2099, 1, 1))


def test_visible_until_agrees_with_is_hidden_on_every_day():
    """The index's last visible day and the rule never disagree, month ends included."""
    for reference in (D(2025, 8, 29) + datetime.timedelta(days=n) for n in range(200)):
        last = rules.visible_until(reference)
        assert not rules.is_hidden(_Offer(reference), last)
        assert rules.is_hidden(_Offer(reference), last + rules.ONE_DAY)


def test_visible_until_is_the_end_date_when_that_comes_first():
    assert rules.visible_until(D(2026, 10, 1), D(2026, 12, 31)) == D(2026, 12, 31)
    assert rules.visible_until(D(2026, 10, 1), D(2030, 1, 1)) == D(2027, 10, 1)
    assert rules.visible_until(D(2025, 8, 31)) == D(2026, 8, 31)
    assert rules.visible_until(D(2026, 8, 31)) == D(2027, 8, 31)


def test_the_querysets_apply_the_same_rules(make_offer):
    fresh = make_offer("Frisch", last_verified=D(2026, 10, 1))
    due = make_offer("Fällig", last_verified=D(2026, 4, 30))
    hidden = make_offer("Ausgeblendet", last_verified=D(2025, 11, 1))
    ended = make_offer("Beendet", last_verified=D(2026, 10, 1), end_date=D(2026, 11, 1))
    draft = make_offer("Entwurf", last_verified=D(2025, 1, 1), status=Offer.Status.DRAFT)
    never = make_offer("Nie geprüft", last_verified=None)  # created today
    today = D(2026, 11, 25)

    def titles(queryset):
        return set(queryset.values_list("title", flat=True))

    assert titles(Offer.objects.visible(today)) == {"Frisch", "Fällig", "Nie geprüft"}
    assert titles(Offer.objects.due_for_review(today)) == {"Fällig", "Ausgeblendet"}
    assert titles(Offer.objects.hidden_for_review(today)) == {"Ausgeblendet"}
    assert Offer.objects.published().count() == 5  # the offer pages stay reachable
    for offer in (fresh, due, hidden, ended, draft, never):
        expected = offer.title in titles(Offer.objects.visible(today))
        is_visible = (offer.status == Offer.Status.PUBLISHED and not rules.is_hidden(offer, today)
                      and not rules.is_ended(offer, today))
        assert is_visible == expected, offer.title


def test_a_never_confirmed_offer_counts_from_its_creation(make_offer, travel_to):
    offer = make_offer("Nie geprüft", last_verified=None)
    created = rules.reference_date(offer)
    assert Offer.objects.visible(rules.add_months(created, 12)).filter(pk=offer.pk).exists()
    later = rules.add_months(created, 12) + rules.ONE_DAY
    assert not Offer.objects.visible(later).filter(pk=offer.pk).exists()
    travel_to(later)  # the default "today" is the rules' today
    assert Offer.objects.hidden_for_review().filter(pk=offer.pk).exists()

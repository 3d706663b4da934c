"""load_demo and demo_logins against the database."""

import io
import math

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from offers.models import Offer, OfferTime, Place
from providers.models import Contact, Organisation
from taxonomy.models import City


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def counts():
    return (Offer.objects.count(), Organisation.objects.count(), Contact.objects.count(),
            Place.objects.count(), OfferTime.objects.count(), Offer.topics.through.objects.count(),
            Offer.contacts.through.objects.count(), get_user_model().objects.count())


def run(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_loading_twice_updates_instead_of_duplicating():
    assert "Demo data loaded: " in run()
    first = counts()
    ids = set(Offer.objects.values_list("pk", flat=True))
    run()
    assert counts() == first
    assert set(Offer.objects.values_list("pk", flat=True)) == ids
    assert first[0] >= 240 and first[1] >= 45
    for city in City.objects.all():
        assert Offer.objects.filter(cities=city).count() >= 12, city.slug
    # --clear removes the demo data and loads it afresh.
    assert "Removed" in run("--clear")
    assert counts()[:5] == first[:5]


@pytest.mark.django_db
def test_if_empty_loads_once_and_then_leaves_the_database_alone():
    run("--if-empty")
    first = counts()
    assert first[0] >= 240
    assert "not loaded" in run("--if-empty")
    assert counts() == first
    check_marl_womens_course()
    check_consistency()
    check_demo_accounts()


@pytest.mark.django_db
def test_if_empty_does_not_touch_a_database_with_other_data(make_offer):
    make_offer(title="Eigenes Angebot")
    assert "not loaded" in run("--if-empty")
    assert Offer.objects.count() == 1
    assert not get_user_model().objects.filter(username="redaktion@example.org").exists()


def check_marl_womens_course():
    offer = Offer.objects.published().get(title="Deutschkurs für Frauen mit Kinderbetreuung",
                                          cities__slug="marl")
    assert offer.childcare
    assert set(offer.topics.values_list("slug", flat=True)) >= {"sprache", "frauen"}
    assert set(offer.target_groups.values_list("slug", flat=True)) >= {"frauen", "neuzugewanderte"}
    contact = offer.contacts.public().get()
    assert contact.phone and contact.email.endswith("@example.org")
    place = offer.places.get()
    assert place.city.slug == "marl" and place.postcode in place.city.postcodes
    assert offer.times.count() == 2


def check_consistency():
    assert all(e.endswith("@example.org") for e in Contact.objects.values_list("email", flat=True))
    assert Contact.objects.filter(consent_given_on__isnull=True).exists()
    for place in Place.objects.select_related("city", "offer"):
        assert place.offer.cities.filter(pk=place.city_id).exists()
        assert math.dist((place.latitude, place.longitude),
                         (place.city.latitude, place.city.longitude)) <= 0.03 * math.sqrt(2)
    created = Offer.objects.order_by("created_at").values_list("created_at", flat=True)
    assert (created.last() - created.first()).days > 600
    assert Offer.objects.filter(last_verified__isnull=True).exists()
    assert Offer.objects.exclude(status=Offer.Status.PUBLISHED).count() >= 3


def check_demo_accounts():
    User = get_user_model()
    editor = User.objects.get(username="redaktion@example.org")
    assert editor.is_staff and editor.is_superuser and editor.check_password("demo-redaktion")
    provider = User.objects.get(username="anbieter@example.org")
    assert not provider.is_staff and provider.check_password("demo-anbieter")
    out = io.StringIO()
    call_command("demo_logins", stdout=out)
    assert "redaktion@example.org / demo-redaktion" in out.getvalue()
    assert "http://127.0.0.1:8000/admin/" in out.getvalue()

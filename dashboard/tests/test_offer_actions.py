"""The actions on an offer: duplicate, archive, withdraw a pending change, confirm one or all
offers as still current."""

import datetime

from django.urls import reverse

from changes import services
from changes.models import ChangeRequest
from freshness import rules
from freshness.models import Confirmation
from offers.models import Offer


def test_duplicating_opens_the_copy_as_a_draft(client, provider, offer):
    client.force_login(provider)
    response = client.post(reverse("dashboard:offer_duplicate", args=[offer.pk]), follow=True)
    copy = Offer.objects.exclude(pk=offer.pk).get()
    assert response.redirect_chain[-1][0] == reverse("dashboard:offer_edit", args=[copy.pk])
    assert copy.title == "Sprachcafé (Kopie)" and copy.status == Offer.Status.DRAFT
    assert copy.places.count() == 1 and copy.times.count() == 1
    assert "Die Kopie ist angelegt" in response.content.decode()


def test_archiving_asks_first_and_then_takes_the_offer_off(client, provider, offer):
    client.force_login(provider)
    url = reverse("dashboard:offer_archive", args=[offer.pk])
    page = client.get(url).content.decode()
    assert "„Sprachcafé“ archivieren?" in page and "Ja, archivieren" in page
    offer.refresh_from_db()
    assert offer.status == Offer.Status.PUBLISHED  # asking changes nothing

    response = client.post(url, follow=True)
    assert "ist archiviert und nicht mehr öffentlich sichtbar" in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ARCHIVED
    assert client.get(reverse("offers:detail", args=[offer.pk])).status_code == 404


def test_withdrawing_a_change_keeps_the_published_version(client, provider, offer):
    data = services.working_data(offer) | {"title": "Sprachkaffee"}
    change = services.save_offer(offer, data, user=provider).change_request
    client.force_login(provider)
    response = client.post(reverse("dashboard:change_withdraw", args=[offer.pk]), follow=True)
    assert "Ihre Änderung ist zurückgezogen" in response.content.decode()
    change.refresh_from_db()
    assert change.status == ChangeRequest.Status.WITHDRAWN
    assert services.working_data(offer)["title"] == "Sprachcafé"


def test_withdrawing_without_a_pending_change_says_so(client, provider, offer):
    client.force_login(provider)
    response = client.post(reverse("dashboard:change_withdraw", args=[offer.pk]), follow=True)
    assert "wartet keine Änderung" in response.content.decode()


def test_confirming_one_offer_sets_last_verified_to_today(client, provider, offer):
    offer.last_verified = datetime.date(2025, 1, 1)
    offer.save()
    client.force_login(provider)
    response = client.post(reverse("dashboard:offer_confirm", args=[offer.pk]), follow=True)
    assert "„Sprachcafé“ ist als aktuell bestätigt" in response.content.decode()
    offer.refresh_from_db()
    assert offer.last_verified == rules.today()  # the pinned day of the tests
    confirmation = Confirmation.objects.get()
    assert confirmation.via == "dashboard" and confirmation.user == provider


def test_only_published_offers_are_confirmed(client, provider, offer):
    offer.status = Offer.Status.DRAFT
    offer.save()
    client.force_login(provider)
    assert client.post(reverse("dashboard:offer_confirm", args=[offer.pk])).status_code == 404


def test_confirming_all_lists_the_offers_and_confirms_the_published_ones(client, provider, offer,
                                                                         make_offer, provider_org):
    old = datetime.date(2025, 1, 1)
    second = make_offer(title="Nähcafé", organisation=provider_org, last_verified=old)
    draft = make_offer(title="Entwurf", organisation=provider_org, status=Offer.Status.DRAFT,
                       last_verified=old)
    client.force_login(provider)
    url = reverse("dashboard:organisation_confirm_all", args=[provider_org.slug])
    page = client.get(url).content.decode()
    assert "Sprachcafé" in page and "Nähcafé" in page and "Entwurf" not in page
    assert "Alle 2 Angebote sind noch aktuell" in page

    response = client.post(url, follow=True)
    assert "2 Angebote" in response.content.decode()
    today = rules.today()
    assert Offer.objects.get(pk=offer.pk).last_verified == today
    assert Offer.objects.get(pk=second.pk).last_verified == today
    assert Offer.objects.get(pk=draft.pk).last_verified == old

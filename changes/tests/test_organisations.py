"""The editors' list of organisations and trusting one (its changes then publish at once)."""

import re

import pytest
from django.urls import reverse

from changes import services
from changes.models import Revision
from changes.snapshot import offer_snapshot
from offers.models import Offer


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _row(page, name):
    [row] = [r for r in page.split("<tr>") if f">{name}</a></th>" in r]
    return row


def test_the_list_counts_offers_proposals_and_members(editor_client, offer, propose, make_offer,
                                                      provider_org, make_user, make_organisation):
    make_offer(title="Zweites Angebot", organisation=provider_org)
    make_offer(title="Entwurf", organisation=provider_org, status=Offer.Status.DRAFT)
    make_user(organisations=[provider_org])
    propose(offer, title="Sprachcafé am Abend")
    make_organisation("Kulturverein Marl", is_trusted=True)
    page = editor_client.get(reverse("changes:organisations")).content.decode()
    cells = re.split(r"<td[^>]*>", _row(page, "Caritas Testverband"))
    assert cells[1].startswith("2</td>")  # published offers
    assert f'?organisation={provider_org.pk}">1</a>' in cells[2]  # pending, links to the queue
    assert cells[3].startswith("2</td>")  # members
    assert "nein" in cells[4] and "Als vertrauenswürdig markieren" in cells[4]
    trusted = _row(page, "Kulturverein Marl")
    assert "ja" in trusted and "Vertrauen entziehen" in trusted
    assert reverse("changes:history", args=["organisation", provider_org.pk]) in cells[5]


def test_the_list_searches_by_name(editor_client, provider_org, make_organisation):
    make_organisation("Kulturverein Marl")
    page = editor_client.get(reverse("changes:organisations"), {"q": "kultur"}).content.decode()
    assert "Kulturverein Marl" in page and "Caritas Testverband" not in page
    page = editor_client.get(reverse("changes:organisations"), {"q": "xyz"}).content.decode()
    assert "Kein Träger mit „xyz“ im Namen." in page


def test_trusting_is_recorded_and_then_changes_publish_at_once(editor_client, editor, provider_org,
                                                                offer, provider):
    list_url = reverse("changes:organisations") + "?q=caritas"
    response = editor_client.post(reverse("changes:organisation_trust", args=[provider_org.pk]),
                                  {"is_trusted": "on", "next": list_url}, follow=True)
    assert response.redirect_chain[-1][0] == list_url
    assert "ist jetzt vertrauenswürdig" in response.content.decode()
    provider_org.refresh_from_db()
    assert provider_org.is_trusted
    revision = Revision.objects.for_object(provider_org).get()
    assert revision.changes == {"is_trusted": [False, True]} and revision.user == editor

    result = services.save_offer(offer, {**offer_snapshot(offer), "title": "Sofort"}, user=provider)
    assert result.outcome == "published"

    history_url = reverse("changes:history", args=["organisation", provider_org.pk])
    page = editor_client.get(history_url).content.decode()
    assert "<del>nein</del>" in page and "<ins>ja</ins>" in page


def test_taking_trust_back(editor_client, make_organisation):
    organisation = make_organisation("Kulturverein Marl", is_trusted=True)
    response = editor_client.post(reverse("changes:organisation_trust", args=[organisation.pk]),
                                  {"next": "https://example.com/"})
    assert response.url == reverse("changes:organisations")  # never off the site
    organisation.refresh_from_db()
    assert not organisation.is_trusted
    assert Revision.objects.for_object(organisation).get().changes == {"is_trusted": [True, False]}


def test_trust_is_only_changed_by_post(editor_client, provider_org):
    url = reverse("changes:organisation_trust", args=[provider_org.pk])
    assert editor_client.get(url).status_code == 405
    assert editor_client.post(reverse("changes:organisation_trust", args=[999999])).status_code == 404

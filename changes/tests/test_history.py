"""The history page (who changed what, when, and was it approved) and restoring a state."""

import re

import pytest
from django.urls import reverse

from changes import services
from changes.models import Revision
from changes.snapshot import offer_snapshot
from offers.models import Offer


def _history_url(kind, obj):
    return reverse("changes:history", args=[kind, obj.pk])


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_history_lists_every_revision_newest_first_in_words(client, editor, offer, propose):
    change = propose(offer, title="Sprachcafé am Abend", is_free=True)
    services.approve(change, user=editor, comment="Passt so.")
    client.force_login(editor)
    page = _page(client, _history_url("offer", offer))
    assert page.index("Änderung freigegeben") < page.index("Änderung vorgeschlagen")
    assert "von redaktion@ki.example.org" in page and "von anbieter@caritas-test.example.org" in page
    assert "Hinweis: Passt so." in page
    assert "Vorschlag freigegeben" in page  # the proposal no longer "waits"
    assert re.search(r'<th scope="row">kostenlos</th>\s*<td data-label="bisher"><del>nein</del></td>\s*'
                     r'<td data-label="neu"><ins>ja</ins></td>', page)
    assert page.count("Diesen Stand wiederherstellen") == 2


def test_the_history_says_what_waits_and_what_was_rejected(client, editor, offer, propose):
    first = propose(offer, title="SPRACHCAFÉ")
    services.reject(first, user=editor, comment="Bitte ohne Großbuchstaben.")
    propose(offer, title="Sprachcafé für alle")
    client.force_login(editor)
    page = _page(client, _history_url("offer", offer))
    assert 'status--rejected">abgelehnt</span>' in page
    assert 'status--pending">wartet auf Prüfung</span>' in page
    assert "Bitte ohne Großbuchstaben." in page


def test_providers_read_their_history_but_cannot_restore(client, provider, offer, propose):
    propose(offer, title="Sprachcafé am Abend")
    client.force_login(provider)
    page = _page(client, _history_url("offer", offer))
    assert "Änderung vorgeschlagen" in page and "Sprachcafé am Abend" in page
    assert "wiederherstellen" not in page


def test_a_deleted_contacts_history_stays_readable_for_editors(client, editor, provider, make_contact,
                                                               provider_org):
    contact = make_contact(organisation=provider_org, name="Leyla Kaya", phone="02361 1")
    services.save_fields(contact, {"phone": "02361 2"}, user=provider)
    services.delete_contact(contact, user=provider)
    url = reverse("changes:history", args=["contact", Revision.objects.first().object_id])
    client.force_login(editor)
    page = _page(client, url)
    assert "Leyla Kaya" in page and "Dieser Eintrag ist gelöscht" in page
    assert "gelöscht" in page and "02361 <ins>2</ins>" in page
    assert "wiederherstellen" not in page  # nothing to restore into
    client.force_login(provider)
    assert client.get(url).status_code == 404


def test_confirmations_appear_in_the_offers_history(client, editor, offer, provider):
    from freshness.models import Confirmation

    Confirmation.objects.create(offer=offer, user=provider, via=Confirmation.Via.DASHBOARD)
    Confirmation.objects.create(offer=offer, email="info@caritas-test.example.org",
                                via=Confirmation.Via.LINK)
    client.force_login(editor)
    page = _page(client, _history_url("offer", offer))
    assert "als aktuell bestätigt (Anbieterbereich)" in page
    assert "von anbieter@caritas-test.example.org" in page
    assert "als aktuell bestätigt (Link in der Erinnerung)" in page
    assert "von info@caritas-test.example.org" in page


def test_an_object_without_history_says_so(client, editor, make_organisation):
    client.force_login(editor)
    assert "Noch keine Einträge." in _page(client, _history_url("organisation", make_organisation()))


# --- restore -----------------------------------------------------------------------------------

def _save(offer, user, **fields):
    return services.save_offer(offer, {**offer_snapshot(offer), **fields}, user=user)


def test_restore_shows_what_would_change_then_restores_and_records_it(client, editor, offer):
    _save(offer, editor, title="Zweite Fassung")
    offer.refresh_from_db()
    _save(offer, editor, title="Dritte Fassung", is_free=True)
    second = Revision.objects.for_object(offer).order_by("pk")[0]
    url = reverse("changes:restore", args=[second.pk])
    client.force_login(editor)

    page = _page(client, url)
    assert '<th scope="col">jetzt</th><th scope="col">nach dem Wiederherstellen</th>' in page
    new = '<td data-label="nach dem Wiederherstellen">'
    assert re.search(rf"<del>Dritte</del> Fassung</td>\s*{new}<ins>Zweite</ins> Fassung", page)
    assert re.search(rf"<del>ja</del></td>\s*{new}<ins>nein</ins>", page)
    assert "nie freigegeben" not in page

    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == _history_url("offer", offer)
    page = response.content.decode()
    assert "ist wiederhergestellt" in page
    assert "wiederhergestellt</h2>" in page and "Stand vom" in page
    offer.refresh_from_db()
    assert offer.title == "Zweite Fassung" and offer.is_free is False
    latest = Revision.objects.for_object(offer).first()
    assert latest.action == "restored" and latest.restored_from == second and latest.user == editor


def test_restoring_the_current_state_offers_nothing_to_do(client, editor, offer):
    _save(offer, editor, title="Zweite Fassung")
    client.force_login(editor)
    page = _page(client, reverse("changes:restore", args=[Revision.objects.first().pk]))
    assert "es gibt nichts wiederherzustellen" in page and "<button" not in page.split("area-content")[1]


def test_restoring_a_state_never_approved_warns(client, editor, offer, propose):
    services.reject(propose(offer, title="SPRACHCAFÉ"), user=editor, comment="Nein")
    client.force_login(editor)
    rejected = Revision.objects.for_object(offer).get(action="rejected")
    assert "wurde nie freigegeben" in _page(client, reverse("changes:restore", args=[rejected.pk]))


@pytest.mark.parametrize("make_revision", ["without_snapshot", "of_a_deleted_contact"])
def test_what_cannot_be_restored_is_not_found(client, editor, offer, make_contact, make_revision):
    if make_revision == "without_snapshot":
        revision = services.record(offer, Revision.Action.IMPORTED, actor="Import")
    else:
        contact = make_contact()
        services.delete_contact(contact, user=editor)
        revision = Revision.objects.get(action="deleted")
    client.force_login(editor)
    url = reverse("changes:restore", args=[revision.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Offer.objects.get(pk=offer.pk).title == "Sprachcafé"

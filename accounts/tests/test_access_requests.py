"""„Als Anbieter mitmachen“: the public form (no cookie, honeypot, rate limit) and the
editors' decision (approve → invitation, reject → reason by e-mail)."""

import datetime
import time
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccessRequest, Invitation, Membership
from providers.models import Organisation
from taxonomy.models import City

from .helpers import form_data, link_paths

FORM = "/de/mitmachen/"
LIST = "/de/redaktion/anfragen/"
PASSWORD = "Sonnenblume-am-Kanal-7"


def request_data(**changes):
    data = {
        "organisation_name": "Nachbarschaftshilfe Marl e. V.", "city": City.objects.get(slug="marl").pk,
        "street": "Bergstraße 5", "postcode": "45768", "website": "https://nachbarn-marl.example.org",
        "contact_name": "Petra Beispiel", "email": "petra@nachbarn-marl.example.org",
        "phone": "02365 12345", "message": "Wir bieten ein Sprachcafé an.", "consent": "on",
    }
    data.update(changes)
    return form_data(**{k: v for k, v in data.items() if v is not None})


@pytest.fixture
def access_request(client, db, mailoutbox):
    response = client.post(FORM, request_data(), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 200
    mailoutbox.clear()
    return AccessRequest.objects.get()


def test_the_form_sets_no_cookie_and_links_the_privacy_notice(client, db):
    assert reverse("accounts:access_request") == FORM
    response = client.get(FORM)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{reverse("pages:datenschutz")}"' in html
    assert 'name="homepage"' in html  # the honeypot
    assert ">Marl</option>" in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_a_request_is_stored_announced_and_confirmed(client, db, mailoutbox):
    response = client.post(FORM, request_data(), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 200
    assert "Danke für Ihre Anfrage" in response.content.decode()
    assert not response.cookies
    stored = AccessRequest.objects.get()
    assert stored.organisation_name == "Nachbarschaftshilfe Marl e. V."
    assert stored.city.slug == "marl"
    assert stored.status == AccessRequest.Status.OPEN
    # a keyed hash of the address, never the address
    assert stored.address_hash and "192.0.2.10" not in stored.address_hash
    assert "192.0.2.10" not in str(AccessRequest.objects.values_list().get())
    to_ki, to_requester = sorted(mailoutbox, key=lambda m: m.to[0] != settings.KI_EMAIL)
    assert to_ki.to == [settings.KI_EMAIL]
    assert "Neue Anfrage" in to_ki.subject
    assert to_ki.reply_to == ["petra@nachbarn-marl.example.org"]
    assert link_paths(to_ki) == [reverse("accounts:request_detail", args=[stored.pk])]
    assert to_requester.to == ["petra@nachbarn-marl.example.org"]
    assert "angekommen" in to_requester.subject
    assert "Guten Tag Petra Beispiel," in to_requester.body


def test_without_consent_nothing_is_stored_and_the_input_is_kept(client, db, mailoutbox):
    response = client.post(FORM, request_data(consent=None, email="kaputt"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_consent_error"' in html and 'id="id_email_error"' in html
    assert 'class="form-errors" role="alert"' in html
    assert 'value="Nachbarschaftshilfe Marl e. V."' in html
    assert "Wir bieten ein Sprachcafé an." in html
    assert not AccessRequest.objects.exists()
    assert not mailoutbox
    assert not response.cookies


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, db, mailoutbox):
    response = client.post(FORM, request_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert "Danke für Ihre Anfrage" in response.content.decode()
    assert not AccessRequest.objects.exists()
    assert not mailoutbox


def test_a_post_from_another_site_is_refused(client, db):
    response = client.post(FORM, request_data(), HTTP_ORIGIN="https://evil.example.org")
    assert response.status_code == 403
    assert not AccessRequest.objects.exists()


def test_a_stale_form_is_shown_again_with_the_input_kept(client, db):
    with mock.patch("time.time", return_value=time.time() - 3 * 24 * 3600):
        data = request_data()
    response = client.post(FORM, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "zu lange geöffnet" in html
    assert 'value="Petra Beispiel"' in html
    assert not AccessRequest.objects.exists()


def test_at_most_five_requests_per_hour_from_one_address(client, db, mailoutbox):
    for n in range(5):
        assert "Danke" in client.post(FORM, request_data(organisation_name=f"Verein {n}"),
                                      REMOTE_ADDR="192.0.2.20").content.decode()
    response = client.post(FORM, request_data(organisation_name="Verein 6"), REMOTE_ADDR="192.0.2.20")
    assert response.status_code == 429
    html = response.content.decode()
    assert "schon 5 Anfragen" in html
    first = AccessRequest.objects.order_by("created_at").first()
    retry = timezone.localtime(first.created_at + datetime.timedelta(hours=1)).strftime("%H:%M")
    assert f"ab {retry} Uhr" in html
    assert 'value="Verein 6"' in html
    assert AccessRequest.objects.count() == 5
    assert not response.cookies
    # another address is not affected
    assert client.post(FORM, request_data(), REMOTE_ADDR="192.0.2.21").status_code == 200
    # an hour later the address may send again
    AccessRequest.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=61))
    assert client.post(FORM, request_data(organisation_name="Verein 6"),
                       REMOTE_ADDR="192.0.2.20").status_code == 200
    assert AccessRequest.objects.filter(organisation_name="Verein 6").exists()


@pytest.mark.parametrize("url", [LIST, "detail"])
def test_the_staff_pages_are_for_editors_only(client, provider, editor, access_request, url):
    url = reverse("accounts:request_detail", args=[access_request.pk]) if url == "detail" else url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(provider)
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "reject", "reason": "x"}).status_code == 403
    client.force_login(editor)
    page = client.get(url)
    assert page.status_code == 200
    assert "Nachbarschaftshilfe Marl e. V." in page.content.decode()
    access_request.refresh_from_db()
    assert access_request.is_open


def test_the_list_shows_open_requests_first(client, editor, db):
    def make(name, status):
        return AccessRequest.objects.create(organisation_name=name, contact_name="X", email="x@example.org",
                                            status=status, address_hash="h")
    make("Alt und offen", AccessRequest.Status.OPEN)
    make("Entschieden", AccessRequest.Status.REJECTED)
    make("Neu und offen", AccessRequest.Status.OPEN)
    client.force_login(editor)
    html = client.get(LIST).content.decode()
    assert html.index("Neu und offen") < html.index("Alt und offen") < html.index("Entschieden")


def test_approving_creates_the_organisation_and_invites_the_requester(client, editor, access_request,
                                                                      make_organisation, mailoutbox):
    make_organisation("Anderer Name", slug="nachbarschaftshilfe-marl-e-v")
    detail = reverse("accounts:request_detail", args=[access_request.pk])
    client.force_login(editor)
    response = client.post(detail, {"action": "approve", "mode": "new"})
    assert response["Location"] == detail
    access_request.refresh_from_db()
    organisation = access_request.organisation
    assert organisation.name == "Nachbarschaftshilfe Marl e. V."
    assert organisation.slug == "nachbarschaftshilfe-marl-e-v-2"
    assert (organisation.street, organisation.postcode, organisation.city.slug) == ("Bergstraße 5", "45768",
                                                                                    "marl")
    assert organisation.email == "" and organisation.phone == ""  # personal details stay private
    assert access_request.status == AccessRequest.Status.APPROVED
    assert access_request.decided_by == editor and access_request.decided_at is not None
    page = client.get(detail).content.decode()
    assert "Angenommen von redaktion@ki.example.org" in page
    # the requester follows the invitation and becomes a member
    message = mailoutbox[-1]
    assert message.to == ["petra@nachbarn-marl.example.org"]
    assert "wir haben sie angenommen" in message.body
    client.logout()
    path = link_paths(message)[0]
    response = client.post(path, form_data(name="Petra Beispiel", new_password1=PASSWORD,
                                           new_password2=PASSWORD))
    assert response.status_code == 302
    user = get_user_model().objects.get(email="petra@nachbarn-marl.example.org")
    assert Membership.objects.filter(user=user, organisation=organisation).exists()


def test_approving_can_link_an_existing_organisation(client, editor, access_request, provider_org,
                                                     mailoutbox):
    detail = reverse("accounts:request_detail", args=[access_request.pk])
    client.force_login(editor)
    response = client.post(detail, {"action": "approve", "mode": "existing"})
    assert 'id="id_organisation_error"' in response.content.decode()
    assert not mailoutbox
    client.post(detail, {"action": "approve", "mode": "existing", "organisation": provider_org.pk})
    access_request.refresh_from_db()
    assert access_request.organisation == provider_org
    assert Organisation.objects.count() == 1
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organisation, invitation.invited_by) == (
        "petra@nachbarn-marl.example.org", provider_org, editor)
    assert len(mailoutbox) == 1


def test_a_new_organisation_may_not_duplicate_a_name(client, editor, access_request, make_organisation):
    make_organisation("Nachbarschaftshilfe Marl e. V.")
    client.force_login(editor)
    response = client.post(reverse("accounts:request_detail", args=[access_request.pk]),
                           {"action": "approve", "mode": "new"})
    assert "gibt es schon" in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.is_open


def test_rejecting_sends_the_reason_to_the_requester(client, editor, access_request, mailoutbox):
    detail = reverse("accounts:request_detail", args=[access_request.pk])
    client.force_login(editor)
    response = client.post(detail, {"action": "reject", "reason": ""})
    assert 'id="id_reason_error"' in response.content.decode()
    response = client.post(detail, {"action": "reject", "reason": "Sie bieten keine Angebote im Kreis an."})
    assert response["Location"] == detail
    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.REJECTED
    assert access_request.decision_note == "Sie bieten keine Angebote im Kreis an."
    assert access_request.decided_by == editor and access_request.decided_at is not None
    message = mailoutbox[-1]
    assert message.to == ["petra@nachbarn-marl.example.org"]
    assert "Sie bieten keine Angebote im Kreis an." in message.body
    assert not Invitation.objects.exists()


def test_a_request_is_decided_only_once(client, editor, access_request, mailoutbox):
    detail = reverse("accounts:request_detail", args=[access_request.pk])
    client.force_login(editor)
    client.post(detail, {"action": "reject", "reason": "Nein."})
    sent = len(mailoutbox)
    response = client.post(detail, {"action": "approve", "mode": "new"}, follow=True)
    assert "schon entschieden" in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.REJECTED
    assert not Organisation.objects.exists()
    assert len(mailoutbox) == sent
    assert 'value="approve"' not in response.content.decode()

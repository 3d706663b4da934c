"""Invitations: the editors' page, the e-mailed single-use link, accepting it."""

import datetime
import hashlib
import re
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, Membership

from .helpers import form_data, link_paths

INVITE = "/de/redaktion/einladen/"
PASSWORD = "Sonnenblume-am-Kanal-7"


@pytest.fixture
def invite(client, editor, mailoutbox):
    """Invite through the editors' page; returns (invitation, path of the e-mailed link)."""

    def send(email, organisation, name=""):
        client.force_login(editor)
        response = client.post(INVITE, {"email": email, "organisation": organisation.pk, "name": name})
        assert response.status_code == 302, response.content.decode()
        client.logout()
        return Invitation.objects.get(email=email, organisation=organisation), link_paths(mailoutbox[-1])[0]

    return send


@pytest.mark.parametrize("url", [INVITE, "/de/redaktion/einladen/1/zurueckziehen/"])
def test_the_invitation_pages_are_for_editors_only(client, provider, editor, url):
    response = client.post(url) if "zurueckziehen" in url else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    client.force_login(provider)
    assert (client.post(url) if "zurueckziehen" in url else client.get(url)).status_code == 403
    if url == INVITE:
        client.force_login(editor)
        page = client.get(url)
        assert page.status_code == 200
        assert 'class="area-nav"' in page.content.decode()


def test_an_editor_invites_and_the_email_carries_a_single_use_link(client, editor, provider_org, invite,
                                                                   mailoutbox):
    invitation, path = invite("Neu@Example.org", provider_org, name="Nora Neu")
    message = mailoutbox[0]
    assert message.to == ["Neu@Example.org"]
    assert "Einladung" in message.subject and provider_org.name in message.subject
    assert "Guten Tag Nora Neu," in message.body
    assert message.alternatives[0][1] == "text/html"
    assert path.startswith("/de/konto/einladung/")
    token = path.rstrip("/").rsplit("/", 1)[1]
    # only the hash of the token is stored
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Invitation.objects.values_list().get(pk=invitation.pk))
    assert invitation.invited_by == editor
    expected_expiry = timezone.now() + datetime.timedelta(days=14)
    assert abs(invitation.expires_at - expected_expiry) < datetime.timedelta(minutes=1)
    client.force_login(editor)
    listing = client.get(INVITE).content.decode()
    assert "Neu@Example.org" in listing and "zurückziehen" in listing


def test_the_invitation_form_explains_bad_input_next_to_the_field(client, editor, provider, provider_org,
                                                                  mailoutbox):
    client.force_login(editor)
    response = client.post(INVITE, {"email": "kein-at", "organisation": provider_org.pk})
    assert 'id="id_email_error"' in response.content.decode()
    assert 'class="form-errors" role="alert"' in response.content.decode()
    response = client.post(INVITE, {"email": provider.email.upper(), "organisation": provider_org.pk})
    assert "gehört schon zu diesem Träger" in response.content.decode()
    response = client.post(INVITE, {"email": "x@example.org"})
    assert 'id="id_organisation_error"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mailoutbox


def test_accepting_creates_the_account_the_membership_and_logs_in(client, provider_org, invite, log_in):
    invitation, path = invite("Neu@Example.org", provider_org, name="Nora Neu")
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert provider_org.name in html and "Neu@Example.org" in html
    assert 'value="Nora Neu"' in html
    assert not page.cookies
    response = client.post(path, form_data(name="Nora Neu", new_password1=PASSWORD, new_password2=PASSWORD))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:after_login")
    user = get_user_model().objects.get(email="Neu@Example.org")
    assert user.username == "neu@example.org"
    assert (user.first_name, user.last_name) == ("Nora", "Neu")
    assert user.check_password(PASSWORD)
    assert Membership.objects.filter(user=user, organisation=provider_org).exists()
    assert int(client.session["_auth_user_id"]) == user.pk
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    # single use
    client.post(reverse("accounts:logout"))
    again = client.get(path)
    assert again.status_code == 410
    assert "schon angenommen" in again.content.decode()
    assert log_in("neu@example.org", PASSWORD).status_code == 302


def test_a_bad_password_keeps_the_name_and_creates_nothing(client, provider_org, invite):
    _, path = invite("neu@example.org", provider_org)
    response = client.post(path, form_data(name="Nora Neu", new_password1="kurz", new_password2="anders"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Nora Neu"' in html
    assert 'id="id_new_password2_error"' in html
    assert not get_user_model().objects.filter(email="neu@example.org").exists()
    assert not response.cookies


def test_a_stale_accept_form_is_shown_again(client, provider_org, invite):
    _, path = invite("neu@example.org", provider_org)
    response = client.post(path, {"form_token": "1:alt:kaputt", "name": "Nora Neu",
                                  "new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 200
    assert "zu lange geöffnet" in response.content.decode()
    assert 'value="Nora Neu"' in response.content.decode()
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_accepting_from_another_site_is_refused(client, provider_org, invite):
    _, path = invite("neu@example.org", provider_org)
    response = client.post(path, form_data(new_password1=PASSWORD, new_password2=PASSWORD),
                           HTTP_ORIGIN="https://evil.example.org")
    assert response.status_code == 403
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_an_expired_link_says_so_and_how_to_get_a_new_one(client, provider_org, invite):
    invitation, path = invite("neu@example.org", provider_org)
    later = timezone.now() + datetime.timedelta(days=15)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.get(path)
    assert response.status_code == 410
    html = response.content.decode()
    assert "abgelaufen" in html
    assert "Eine neue Einladung bekommen Sie vom Kommunalen Integrationszentrum" in html
    invitation.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    invitation.save()
    response = client.post(path, form_data(new_password1=PASSWORD, new_password2=PASSWORD))
    assert response.status_code == 410
    assert not get_user_model().objects.filter(email="neu@example.org").exists()


def test_a_revoked_link_stops_working(client, editor, provider_org, invite):
    invitation, path = invite("neu@example.org", provider_org)
    client.force_login(editor)
    response = client.post(reverse("accounts:invitation_revoke", args=[invitation.pk]))
    assert response["Location"] == INVITE
    assert "ist zurückgezogen" in client.get(INVITE).content.decode()
    assert "neu@example.org" not in client.get(INVITE).content.decode()
    client.logout()
    gone = client.get(path)
    assert gone.status_code == 410
    assert "zurückgezogen" in gone.content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_revoke_is_post_only(client, editor, provider_org, invite):
    invitation, _ = invite("neu@example.org", provider_org)
    client.force_login(editor)
    assert client.get(reverse("accounts:invitation_revoke", args=[invitation.pk])).status_code == 405


def test_an_unknown_link_is_gone(client, db):
    response = client.get(reverse("accounts:invitation_accept", args=["gibt-es-nicht"]))
    assert response.status_code == 410
    assert "ungültig" in response.content.decode()


def test_with_an_account_the_person_logs_in_and_then_joins(client, make_user, make_organisation, invite,
                                                           log_in):
    first_org, second_org = make_organisation("Erster Träger"), make_organisation("Zweiter Träger")
    person = make_user("helga@example.org", organisations=[first_org])
    invitation, path = invite("Helga@Example.org", second_org)
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "gibt es schon einen Zugang" in html
    login_link = reverse("accounts:login") + "?next=" + path.replace("/", "%2F")
    assert login_link in html
    response = log_in(person.email, next=path)
    assert response["Location"] == path
    join_page = client.get(path)
    assert "„Zweiter Träger“ zu meinem Zugang hinzufügen" in join_page.content.decode()
    assert not Membership.objects.filter(user=person, organisation=second_org).exists()
    response = client.post(path)
    assert response["Location"] == reverse("accounts:after_login")
    assert Membership.objects.filter(user=person, organisation=second_org).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert client.post(path).status_code == 410


def test_joining_with_an_account_is_protected_against_csrf(make_user, make_organisation, invite):
    org = make_organisation("Zweiter Träger")
    person = make_user("helga@example.org")
    _, path = invite("helga@example.org", org)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(person)
    assert browser.post(path).status_code == 403
    assert not Membership.objects.filter(user=person, organisation=org).exists()
    page = browser.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    assert browser.post(path, {"csrfmiddlewaretoken": token}).status_code == 302
    assert Membership.objects.filter(user=person, organisation=org).exists()


def test_a_person_logged_in_with_another_account_cannot_use_the_link(client, provider, provider_org,
                                                                      make_organisation, invite):
    other_org = make_organisation("Anderer Träger")
    _, path = invite("jemand@example.org", other_org)
    client.force_login(provider)
    response = client.get(path)
    assert response.status_code == 403
    assert "gilt für" in response.content.decode()
    assert client.post(path).status_code == 403
    assert not Membership.objects.filter(user=provider, organisation=other_org).exists()

"""CSRF protection on every form of the site.

Forms behind a login (the provider area, the KI's area, logout) use Django's CSRF token: a
POST without it is refused with 403 for every such URL, whatever its view does. The public
forms that give anonymous visitors no cookie (config/formguard.py) are refused without their
signed form token (nothing is written) and from another origin (403). The read-only APIs
accept no POST at all.
"""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import AccessRequest, Invitation
from config.tests import test_permission_matrix as matrix
from config.tests.test_permission_matrix import MATRIX, PUBLIC, _named_urls
from reports.models import Report

world = matrix.world  # the objects and users of the permission matrix (a fixture)

# Forms that anonymous visitors send: csrf_exempt, guarded by config/formguard.py instead.
PUBLIC_FORMS = {
    "reports:create", "accounts:login", "accounts:password_reset",
    "accounts:password_reset_confirm", "accounts:invitation_accept", "accounts:access_request",
    "freshness:confirm",
}
# Django's admin (its own CSRF-protected views): a sample of its forms.
ADMIN_FORMS = ["admin:logout", "admin:offers_offer_add", "admin:auth_user_add"]


def test_every_url_that_accepts_a_post_is_covered():
    names = set(_named_urls())
    session_forms = {n for n in names if n in MATRIX}
    read_only = {n for n in PUBLIC if n not in PUBLIC_FORMS}
    assert PUBLIC_FORMS <= PUBLIC
    assert sorted(n for n in names if not n.startswith("admin:")) == sorted(
        session_forms | read_only | PUBLIC_FORMS)


@pytest.mark.parametrize("name", sorted(MATRIX) + ADMIN_FORMS)
def test_a_post_without_the_csrf_token_is_refused(world, name):
    objects, users = world
    needs = MATRIX[name][1] if name in MATRIX else None
    url = reverse(name, kwargs=objects[needs] if needs else None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["editor"])
    response = client.post(url, {"title": "x", "staff_note": "x", "email": "neu@example.org"})
    assert response.status_code == 403, (name, response.status_code)
    if name in MATRIX and MATRIX[name][2]["provider"] in (200, 302):
        # the owner is refused in the same way
        client = Client(enforce_csrf_checks=True)
        client.force_login(users["provider"])
        assert client.post(url, {"title": "x"}).status_code == 403, name


def _public_form_posts(world, offer_pk):
    """name → (url, data without the form token, check that nothing was done)."""
    objects, users = world
    invitation = Invitation.objects.get()
    token = invitation.issue_token()
    invitation.save()
    # the right password: only the token is missing
    users["provider"].set_password("ein-langes-Passwort-42")
    users["provider"].save()
    return {
        "reports:create": (
            reverse("reports:create", args=[offer_pk]), {"message": "Öffnungszeiten falsch"},
            lambda: not Report.objects.filter(message="Öffnungszeiten falsch").exists()),
        "accounts:login": (
            reverse("accounts:login"),
            {"username": users["provider"].email, "password": "ein-langes-Passwort-42"},
            None),
        "accounts:password_reset": (
            reverse("accounts:password_reset"), {"email": users["provider"].email},
            lambda: not mail.outbox),
        "accounts:password_reset_confirm": (
            reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "x"}),
            {"new_password1": "ein-langes-Passwort-42", "new_password2": "ein-langes-Passwort-42"},
            None),
        "accounts:invitation_accept": (
            reverse("accounts:invitation_accept", kwargs={"token": token}),
            {"new_password1": "ein-langes-Passwort-42", "new_password2": "ein-langes-Passwort-42",
             "first_name": "Neu", "last_name": "Person"},
            lambda: Invitation.objects.get().accepted_at is None),
        "accounts:access_request": (
            reverse("accounts:access_request"),
            {"organisation_name": "Verein X", "contact_name": "Ada", "email": "x@example.org",
             "consent": "on", "city": "", "message": "Hallo"},
            lambda: not AccessRequest.objects.filter(organisation_name="Verein X").exists()),
        "freshness:confirm": (
            reverse("freshness:confirm", kwargs={"pk": offer_pk, "token": "x"}), {}, None),
    }


@pytest.mark.parametrize("name", sorted(PUBLIC_FORMS - {"freshness:confirm"}))
def test_a_public_form_without_its_signed_token_writes_nothing(world, name):
    objects, _users = world
    url, data, nothing_done = _public_form_posts(world, objects["offer"]["pk"])[name]
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, data)
    assert response.status_code in (200, 410), (name, response.status_code)
    assert "_auth_user_id" not in client.session
    assert "sessionid" not in response.cookies or not response.cookies["sessionid"].value
    if nothing_done is not None:
        assert nothing_done(), name


@pytest.mark.parametrize("name", sorted(PUBLIC_FORMS))
def test_a_public_form_posted_from_another_site_is_refused(world, name):
    from config.formguard import issue_token

    objects, _users = world
    url, data, nothing_done = _public_form_posts(world, objects["offer"]["pk"])[name]
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {**data, "form_token": issue_token()},
                           HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 403, (name, response.status_code)
    if nothing_done is not None:
        assert nothing_done(), name


@pytest.mark.parametrize("name", ["api:offers", "api:index", "hsds:services", "api_openapi"])
def test_the_read_only_apis_accept_no_post(client, db, name):
    assert client.post(reverse(name), {"title": "x"}).status_code == 405

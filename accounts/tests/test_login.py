"""Login, the page after login, logout."""

import time
from unittest import mock

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from .helpers import form_data

LOGIN = "/de/konto/anmelden/"


def first_existing(*names):
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return reverse("pages:home")


def test_the_login_page_asks_for_the_email_address_and_sets_no_cookie(client, db):
    assert reverse("accounts:login") == LOGIN
    response = client.get(LOGIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'for="id_username">E-Mail-Adresse' in html
    assert 'type="email"' in html and 'type="password"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert reverse("accounts:password_reset") in html


def test_a_failed_login_explains_in_german_keeps_the_address_and_sets_no_cookie(client, provider, log_in):
    response = log_in(provider.email, "falsch")
    assert response.status_code == 200
    html = response.content.decode()
    assert "E-Mail-Adresse oder Passwort stimmen nicht" in html
    assert "Nach 10 Fehlversuchen wird die Anmeldung für 15 Minuten gesperrt." in html
    assert 'class="form-errors" role="alert"' in html
    assert f'value="{provider.email}"' in html
    assert not response.cookies
    assert "_auth_user_id" not in client.session


def test_a_successful_login_sets_the_session_cookie_and_goes_on(client, provider, log_in):
    response = log_in(provider.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:after_login")
    assert int(client.session["_auth_user_id"]) == provider.pk
    # The session cookie and nothing else; Django's CSRF cookie only as long as the CSRF
    # token is not kept in the session (CSRF_USE_SESSIONS).
    expected = {settings.SESSION_COOKIE_NAME}
    if not settings.CSRF_USE_SESSIONS:
        expected.add(settings.CSRF_COOKIE_NAME)
    assert set(response.cookies) == expected


def test_with_csrf_in_the_session_a_login_sets_only_the_session_cookie(client, provider, log_in, settings):
    settings.CSRF_USE_SESSIONS = True
    response = log_in(provider.email)
    assert response.status_code == 302
    assert set(response.cookies) == {settings.SESSION_COOKIE_NAME}


def test_the_address_is_not_case_sensitive(client, provider, log_in):
    response = log_in("  Anbieter@Caritas-Test.example.org ")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == provider.pk


def test_an_inactive_account_cannot_log_in(client, make_user, log_in):
    user = make_user("weg@example.org", is_active=False)
    response = log_in(user.email)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_next_is_honoured_when_it_stays_on_the_site(client, provider, log_in):
    target = reverse("accounts:password_change")
    response = log_in(provider.email, next=target)
    assert response["Location"] == target


@pytest.mark.parametrize("target", ["https://evil.example.org/", "//evil.example.org/x",
                                    "javascript:alert(1)"])
def test_next_to_another_site_is_ignored(client, provider, log_in, target):
    response = log_in(provider.email, next=target)
    assert response["Location"] == reverse("accounts:after_login")


def test_the_form_carries_next_through_a_failed_attempt(client, provider):
    response = client.get(LOGIN + "?next=/de/konto/passwort-aendern/")
    assert 'name="next" value="/de/konto/passwort-aendern/"' in response.content.decode()
    response = client.get(LOGIN + "?next=https://evil.example.org/")
    # (the language switcher's links keep the query; the login never follows it off-site)
    assert 'name="next" value="https://evil' not in response.content.decode()


def test_a_post_from_another_site_is_refused(client, provider):
    response = client.post(LOGIN, form_data(username=provider.email, password="Geheim-Passwort-1"),
                           HTTP_ORIGIN="https://evil.example.org")
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_post_without_the_form_token_is_not_checked(client, provider):
    response = client.post(LOGIN, {"username": provider.email, "password": "Geheim-Passwort-1"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "zu lange geöffnet" in response.content.decode()


def test_a_stale_form_is_shown_again_with_the_input_kept(client, provider):
    with mock.patch("time.time", return_value=time.time() - 3 * 24 * 3600):
        data = form_data(username=provider.email, password="Geheim-Passwort-1")
    response = client.post(LOGIN, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "zu lange geöffnet" in html
    assert f'value="{provider.email}"' in html
    assert "_auth_user_id" not in client.session
    assert not response.cookies
    # the form shown again carries a fresh token and can be sent straight away
    assert data["form_token"] not in html


def test_after_login_editors_go_to_the_review_queue(client, editor):
    client.force_login(editor)
    response = client.get(reverse("accounts:after_login"))
    assert response.status_code == 302
    assert response["Location"] == first_existing("changes:queue", "dashboard:home")


def test_after_login_providers_go_to_their_overview(client, provider):
    client.force_login(provider)
    response = client.get(reverse("accounts:after_login"))
    assert response["Location"] == first_existing("dashboard:home")


def test_after_login_needs_a_login(client, db):
    response = client.get(reverse("accounts:after_login"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN + "?next=")


def test_logout_is_post_only_and_leads_to_the_start_page(client, provider):
    client.force_login(provider)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home")
    assert "_auth_user_id" not in client.session


def test_the_footer_links_to_login_and_access_request(client, db):
    html = client.get(reverse("pages:impressum")).content.decode()
    assert "Für Anbieter" in html
    assert f'href="{LOGIN}"' in html
    assert f'href="{reverse("accounts:access_request")}"' in html
    assert f'href="{reverse("pages:datenschutz")}"' in html  # the existing links stay

"""Password reset by e-mail (without a session) and password change in the area."""

import pytest
from django.conf import settings
from django.urls import reverse

from .helpers import form_data, link_paths

RESET = "/de/konto/passwort-vergessen/"
NEW = "Sonnenblume-am-Kanal-7"


def request_link(client, mailoutbox, email):
    response = client.post(RESET, form_data(email=email))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert not response.cookies
    return link_paths(mailoutbox[-1])[0]


def test_the_request_page_sets_no_cookie(client, db):
    assert reverse("accounts:password_reset") == RESET
    response = client.get(RESET)
    assert response.status_code == 200
    assert 'for="id_email">E-Mail-Adresse' in response.content.decode()
    assert not response.cookies


def test_the_answer_never_reveals_whether_an_address_exists(client, provider, mailoutbox):
    unknown = client.post(RESET, form_data(email="niemand@example.org"))
    known = client.post(RESET, form_data(email=provider.email))
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert not unknown.cookies and not known.cookies
    assert len(mailoutbox) == 1
    done = client.get(known["Location"])
    assert "Wenn es zu dieser Adresse einen Zugang gibt" in done.content.decode()
    assert not done.cookies


def test_the_email_is_german_plain_and_html_with_an_absolute_link(client, provider, mailoutbox):
    path = request_link(client, mailoutbox, provider.email)
    message = mailoutbox[0]
    assert message.to == [provider.email]
    assert "Neues Passwort festlegen" in message.subject
    assert "Der Link gilt 24 Stunden und nur einmal." in message.body
    assert settings.SITE_URL + path in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="{settings.SITE_URL}{path}"' in html
    assert path.startswith("/de/konto/passwort-neu/")


def test_following_the_link_sets_a_new_password_without_any_cookie(client, provider, mailoutbox, log_in):
    path = request_link(client, mailoutbox, provider.email)
    page = client.get(path)
    assert page.status_code == 200
    assert "Neues Passwort festlegen" in page.content.decode()
    assert not page.cookies
    response = client.post(path, form_data(new_password1=NEW, new_password2=NEW))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert not response.cookies
    assert client.get(response["Location"]).status_code == 200
    assert log_in(provider.email, "Geheim-Passwort-1").status_code == 200
    assert log_in(provider.email, NEW).status_code == 302


def test_a_used_link_gives_a_clear_message(client, provider, mailoutbox):
    path = request_link(client, mailoutbox, provider.email)
    client.post(path, form_data(new_password1=NEW, new_password2=NEW))
    again = client.get(path)
    assert again.status_code == 410
    assert "Dieser Link gilt nicht mehr" in again.content.decode()
    assert reverse("accounts:password_reset") in again.content.decode()
    other = "Noch-ein-Passwort-8"
    post_again = client.post(path, form_data(new_password1=other, new_password2=other))
    assert post_again.status_code == 410
    provider.refresh_from_db()
    assert provider.check_password(NEW)


def test_an_expired_link_gives_a_clear_message(client, provider, mailoutbox, settings):
    path = request_link(client, mailoutbox, provider.email)
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link is older than that
    response = client.get(path)
    assert response.status_code == 410
    assert "abgelaufen oder wurde schon benutzt" in response.content.decode()


@pytest.mark.parametrize("path", ["/de/konto/passwort-neu/xx/abc-def/", "/de/konto/passwort-neu/MQ/abc-def/"])
def test_a_made_up_link_gives_the_same_message(client, provider, path):
    assert client.get(path).status_code == 410


def test_a_weak_or_mismatched_password_is_explained_next_to_the_field(client, provider, mailoutbox):
    path = request_link(client, mailoutbox, provider.email)
    response = client.post(path, form_data(new_password1="1234", new_password2="1234"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_new_password2_error"' in html
    response = client.post(path, form_data(new_password1=NEW, new_password2=NEW + "x"))
    assert 'id="id_new_password2_error"' in response.content.decode()
    provider.refresh_from_db()
    assert provider.check_password("Geheim-Passwort-1")


def test_reset_forms_refuse_posts_from_other_sites(client, provider, mailoutbox):
    assert client.post(RESET, form_data(email=provider.email),
                       HTTP_ORIGIN="https://evil.example.org").status_code == 403
    path = request_link(client, mailoutbox, provider.email)
    assert client.post(path, form_data(new_password1=NEW, new_password2=NEW),
                       HTTP_REFERER="https://evil.example.org/page").status_code == 403


def test_password_change_needs_a_login(client, db):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_password_change_in_the_area(client, provider, log_in):
    client.force_login(provider)
    page = client.get(reverse("accounts:password_change"))
    assert page.status_code == 200
    assert 'class="area-nav"' in page.content.decode()
    wrong = client.post(reverse("accounts:password_change"),
                        {"old_password": "falsch", "new_password1": NEW, "new_password2": NEW})
    assert 'id="id_old_password_error"' in wrong.content.decode()
    response = client.post(reverse("accounts:password_change"),
                           {"old_password": "Geheim-Passwort-1", "new_password1": NEW, "new_password2": NEW})
    assert response["Location"] == reverse("accounts:password_change_done")
    assert "Passwort geändert" in client.get(response["Location"]).content.decode()
    client.post(reverse("accounts:logout"))
    assert log_in(provider.email, NEW).status_code == 302

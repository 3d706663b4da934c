"""Login throttling (django-axes) and password hashing (argon2)."""

import importlib

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from .helpers import form_data, link_paths

RIGHT = "Geheim-Passwort-1"


def test_ten_failures_on_one_account_lock_it_even_from_other_addresses(client, provider, log_in):
    for n in range(9):
        assert log_in(provider.email, "falsch", address=f"10.0.1.{n}").status_code == 200
    tenth = log_in(provider.email, "falsch", address="10.0.1.99")
    assert tenth.status_code == 429
    response = log_in(provider.email, RIGHT, address="10.0.2.1")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "15 Minuten" in html
    assert reverse("accounts:password_reset") in html
    assert not response.cookies


def test_ten_failures_from_one_address_lock_that_address(client, make_user, log_in):
    users = [make_user(f"person-{n}@example.org") for n in range(11)]
    for user in users[:10]:
        log_in(user.email, "falsch", address="10.9.9.9")
    locked = log_in(users[10].email, RIGHT, address="10.9.9.9")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    elsewhere = log_in(users[10].email, RIGHT, address="10.9.9.10")
    assert elsewhere.status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, provider, log_in):
    for _ in range(9):
        log_in(provider.email, "falsch")
    assert log_in(provider.email, RIGHT).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(9):
        assert log_in(provider.email, "falsch").status_code == 200
    assert log_in(provider.email, RIGHT).status_code == 302


def test_the_spelling_of_the_address_does_not_dodge_the_limit(client, provider, log_in):
    for n in range(10):
        spelling = provider.email.upper() if n % 2 else provider.email
        log_in(spelling, "falsch", address=f"10.0.3.{n}")
    assert log_in(provider.email, RIGHT, address="10.0.4.1").status_code == 429


def test_a_new_password_by_email_ends_the_lockout_of_the_account(client, provider, log_in, mailoutbox):
    for n in range(10):
        log_in(provider.email, "falsch", address=f"10.0.5.{n}")
    client.post(reverse("accounts:password_reset"), form_data(email=provider.email))
    link = link_paths(mailoutbox[-1])[0]
    client.post(link, form_data(new_password1="Neues-Passwort-2026", new_password2="Neues-Passwort-2026"))
    assert log_in(provider.email, "Neues-Passwort-2026", address="10.0.6.1").status_code == 302


def test_the_real_settings_hash_passwords_with_argon2(db, settings):
    # The test settings use a fast hasher; the module that production loads must not.
    real = importlib.import_module("config.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = real.PASSWORD_HASHERS
    user = get_user_model().objects.create_user("argon@example.org", "argon@example.org", "Ein-Passwort-7")
    assert user.password.startswith("argon2$")
    assert make_password("x").startswith("argon2$")
    assert user.check_password("Ein-Passwort-7")

"""Security headers on every kind of page, and production settings (HSTS, secure cookies).

Each page kind answers with a strict Content-Security-Policy (no 'unsafe-inline' or
'unsafe-eval' in any directive; only embed pages may be framed), nosniff, a Referrer-Policy,
a Permissions-Policy and Cross-Origin-Opener-Policy: same-origin.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

PAGE_KINDS = ["public_html", "api_json", "hsds_json", "atom", "ics", "open_data", "embed", "staff",
              "not_found", "login"]


def _csp(response):
    return {
        parts[0]: parts[1:]
        for parts in (d.split() for d in response["Content-Security-Policy"].split(";") if d.strip())
    }


@pytest.fixture
def page(client, make_offer, editor):
    offer = make_offer(title="Sprachcafé")

    def fetch(kind):
        if kind == "staff":
            client.force_login(editor)
        url = {
            "public_html": reverse("offers:detail", args=[offer.pk]),
            "api_json": reverse("api:offers"),
            "hsds_json": reverse("hsds:services"),
            "atom": reverse("feeds:atom"),
            "ics": reverse("feeds:calendar"),
            "open_data": reverse("opendata_files:file", kwargs={"filename": "offers.csv"}),
            "embed": reverse("sharing:embed"),
            "staff": reverse("changes:queue"),
            "not_found": "/de/gibt-es-nicht/",
            "login": reverse("accounts:login"),
        }[kind]
        return client.get(url)

    return fetch


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_page_kind_carries_the_security_headers(page, kind):
    response = page(kind)
    assert response.status_code == (404 if kind == "not_found" else 200), kind
    csp = _csp(response)
    for directive, sources in csp.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, directive
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    if kind == "embed":
        assert "'none'" not in csp["frame-ancestors"]
        assert "X-Frame-Options" not in response
    else:
        assert csp["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _production_env():
    env = {k: v for k, v in os.environ.items()
           if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY_FILE")}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="integration.example.org")
    return env


def test_production_settings_turn_on_hsts_and_secure_cookies():
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'\n"
        "from django.conf import settings as s\n"
        "assert s.SECURE_HSTS_SECONDS >= 31536000, s.SECURE_HSTS_SECONDS\n"
        "assert s.SECURE_HSTS_INCLUDE_SUBDOMAINS and s.SECURE_SSL_REDIRECT\n"
        "assert s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE and s.SESSION_COOKIE_HTTPONLY\n"
        "assert s.SECURE_PROXY_SSL_HEADER == ('HTTP_X_FORWARDED_PROTO', 'https')\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_production_env(),
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr
    # `check --deploy --fail-level WARNING` is clean: config/tests/test_settings.py


PRODUCTION = dict(
    DEBUG=False, SECURE_SSL_REDIRECT=True, SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True,
    SESSION_COOKIE_SAMESITE="Lax", CSRF_COOKIE_SAMESITE="Lax",
)


@override_settings(**PRODUCTION)
def test_a_production_response_over_https_carries_hsts(client, db):
    response = client.get(reverse("pages:home"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    plain = client.get(reverse("pages:home"))
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


@override_settings(**PRODUCTION, AXES_ENABLED=False)
def test_a_login_in_production_sets_secure_httponly_samesite_cookies(client, provider):
    from config.formguard import issue_token

    provider.set_password("ein-langes-Passwort-42")
    provider.save()
    response = client.post(
        reverse("accounts:login"),
        {"username": provider.email, "password": "ein-langes-Passwort-42", "form_token": issue_token()},
        secure=True,
    )
    assert response.status_code == 302, response.content[:500]
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert response["Strict-Transport-Security"]

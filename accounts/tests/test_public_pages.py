"""The accounts pages anonymous people see: no cookie, nothing inline (strict CSP), every
field labelled."""

import re

import pytest
from django.urls import reverse

from accounts import services

from .helpers import link_paths

INPUT = re.compile(r"<(?:input|select|textarea)\b[^>]*>", re.IGNORECASE)


@pytest.fixture
def public_pages(editor, provider_org, mailoutbox):
    services.invite(email="neu@example.org", organisation=provider_org, invited_by=editor)
    invitation_path = link_paths(mailoutbox[-1])[0]
    return [
        reverse("accounts:login"),
        reverse("accounts:password_reset"),
        reverse("accounts:password_reset_done"),
        reverse("accounts:password_reset_complete"),
        reverse("accounts:password_reset_confirm", args=["MQ", "kaputt"]),
        reverse("accounts:access_request"),
        invitation_path,
        reverse("accounts:invitation_accept", args=["unbekannt"]),
    ]


def test_every_public_accounts_page_is_cookie_free_and_clean(client, public_pages):
    for url in public_pages:
        response = client.get(url)
        assert response.status_code in (200, 410), url
        assert not response.cookies, url
        html = response.content.decode()
        assert " style=" not in html and "<style" not in html, url
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "csrfmiddlewaretoken" not in html, url
        assert html.count("<h1") == 1, url
        for tag in INPUT.findall(html):
            if 'type="hidden"' in tag:
                continue
            field_id = re.search(r'id="([^"]+)"', tag).group(1)
            assert f'for="{field_id}"' in html, (url, tag)

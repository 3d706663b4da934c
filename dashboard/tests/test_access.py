"""Who may open which page of the provider area: one table of URL × person × answer, so a
new page cannot slip through unchecked. Outsiders get 404, never a hint that a thing exists."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

# (URL name, which object it takes, method, status for the organisation's own people)
PAGES = [
    ("dashboard:offer_edit", "offer", "get", 200),
    ("dashboard:offer_archive", "offer", "get", 200),
    ("dashboard:offer_archive", "offer", "post", 302),
    ("dashboard:offer_duplicate", "offer", "post", 302),
    ("dashboard:offer_confirm", "offer", "post", 302),
    ("dashboard:change_withdraw", "offer", "post", 302),
    ("dashboard:organisation_edit", "organisation", "get", 200),
    ("dashboard:organisation_confirm_all", "organisation", "get", 200),
    ("dashboard:organisation_confirm_all", "organisation", "post", 302),
    ("dashboard:contacts", "organisation", "get", 200),
    ("dashboard:contact_create", "organisation", "get", 200),
    ("dashboard:contact_edit", "contact", "get", 200),
    ("dashboard:contact_delete", "contact", "get", 200),
    ("dashboard:contact_delete", "contact", "post", 302),
]


@pytest.fixture
def objects(offer, provider_org, make_contact):
    contact = make_contact(organisation=provider_org)
    return {"offer": offer.pk, "organisation": provider_org.slug, "contact": contact.pk}


def _call(client, name, objects, kind, method):
    return getattr(client, method)(reverse(name, args=[objects[kind]]))


@pytest.mark.parametrize(("name", "kind", "method", "status"), PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client, objects, name, kind, method, status):
    response = _call(client, name, objects, kind, method)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert not response.cookies  # anonymous visitors never get a cookie


@pytest.mark.parametrize(("name", "kind", "method", "status"), PAGES)
def test_a_provider_of_another_organisation_gets_404(client, other_provider, objects, name, kind,
                                                     method, status):
    client.force_login(other_provider)
    assert _call(client, name, objects, kind, method).status_code == 404


@pytest.mark.parametrize(("name", "kind", "method", "status"), PAGES)
def test_the_organisations_provider_may(client, provider, objects, name, kind, method, status):
    client.force_login(provider)
    assert _call(client, name, objects, kind, method).status_code == status


@pytest.mark.parametrize(("name", "kind", "method", "status"), PAGES)
def test_an_editor_may_on_any_organisation(client, editor, objects, name, kind, method, status):
    client.force_login(editor)
    assert _call(client, name, objects, kind, method).status_code == status


@pytest.mark.parametrize("name", ["dashboard:home", "dashboard:offer_create"])
def test_the_pages_without_an_object_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_creating_for_another_organisation_is_404(client, other_provider, provider_org):
    client.force_login(other_provider)
    url = reverse("dashboard:offer_create") + f"?traeger={provider_org.slug}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Fremd"}).status_code == 404


@pytest.mark.parametrize("name", ["dashboard:offer_duplicate", "dashboard:offer_confirm",
                                  "dashboard:change_withdraw"])
def test_actions_that_change_something_refuse_get(client, provider, offer, name):
    client.force_login(provider)
    assert client.get(reverse(name, args=[offer.pk])).status_code == 405

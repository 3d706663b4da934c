"""Who may open the editors' pages: URL × person × expected answer in one table."""

import pytest
from django.urls import reverse

from changes.models import Revision


@pytest.fixture
def pages(offer, propose, editor, make_contact, provider_org):
    """Every page of the area, keyed by name, with the objects they need."""
    change = propose(offer, title="Sprachcafé am Abend")
    contact = make_contact(organisation=provider_org)
    revision = Revision.objects.for_object(offer).first()
    return {
        "queue": ("get", reverse("changes:queue")),
        "review": ("get", reverse("changes:review", args=[change.pk])),
        "decide": ("post", reverse("changes:review", args=[change.pk])),
        "organisations": ("get", reverse("changes:organisations")),
        "trust": ("post", reverse("changes:organisation_trust", args=[provider_org.pk])),
        "restore": ("get", reverse("changes:restore", args=[revision.pk])),
        "offer_history": ("get", reverse("changes:history", args=["offer", offer.pk])),
        "organisation_history": ("get", reverse("changes:history", args=["organisation", provider_org.pk])),
        "contact_history": ("get", reverse("changes:history", args=["contact", contact.pk])),
    }


EDITOR_PAGES = ["queue", "review", "decide", "organisations", "trust", "restore"]
HISTORY_PAGES = ["offer_history", "organisation_history", "contact_history"]


def _open(client, pages, name):
    method, url = pages[name]
    return getattr(client, method)(url)


@pytest.mark.parametrize("name", EDITOR_PAGES + HISTORY_PAGES)
def test_anonymous_visitors_are_sent_to_the_login(client, pages, login_url, name):
    response = _open(client, pages, name)
    assert response.status_code == 302
    assert response.url.startswith(login_url + "?next=")


@pytest.mark.parametrize("name", EDITOR_PAGES)
def test_providers_may_not_open_the_editors_pages(client, pages, provider, name):
    client.force_login(provider)
    assert _open(client, pages, name).status_code == 403


@pytest.mark.parametrize("name", HISTORY_PAGES)
def test_providers_read_the_history_of_their_own_objects(client, pages, provider, name):
    client.force_login(provider)
    assert _open(client, pages, name).status_code == 200


@pytest.mark.parametrize("name", HISTORY_PAGES)
def test_the_history_of_another_organisations_objects_is_not_found(client, pages, make_user,
                                                                     make_organisation, name):
    client.force_login(make_user(organisations=[make_organisation()]))
    assert _open(client, pages, name).status_code == 404


@pytest.mark.parametrize("name", ["queue", "review", "organisations", "restore", *HISTORY_PAGES])
def test_editors_open_every_page(client, pages, editor, name):
    client.force_login(editor)
    assert _open(client, pages, name).status_code == 200


def test_an_unknown_kind_of_history_is_not_found(client, editor, offer):
    client.force_login(editor)
    assert client.get(reverse("changes:history", args=["angebot", offer.pk])).status_code == 404

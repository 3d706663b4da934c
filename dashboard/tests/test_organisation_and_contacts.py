"""The organisation's profile and its contact persons: saved through changes.services (so
recorded and protected against conflicts); consent decides who appears publicly."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from changes.models import Revision
from providers.models import Contact, Organisation


def profile_url(organisation):
    return reverse("dashboard:organisation_edit", args=[organisation.slug])


# --- the organisation ----------------------------------------------------------------------------

def test_a_provider_edits_the_profile_and_it_is_recorded(client, provider, provider_org, fill):
    client.force_login(provider)
    page = client.get(profile_url(provider_org))
    assert 'name="is_trusted"' not in page.content.decode()
    response = client.post(profile_url(provider_org),
                           fill(page, "name", phone="02361 999", website="caritas-test.example.org"),
                           follow=True)
    assert "ist gespeichert" in response.content.decode()
    provider_org.refresh_from_db()
    assert provider_org.phone == "02361 999"
    assert provider_org.website == "https://caritas-test.example.org"
    assert Revision.objects.for_object(provider_org).get().changes["phone"] == ["", "02361 999"]


def test_a_provider_cannot_make_their_organisation_trusted(client, provider, provider_org, fill):
    client.force_login(provider)
    client.post(profile_url(provider_org), fill(client.get(profile_url(provider_org)), "name",
                                                is_trusted="on"))
    provider_org.refresh_from_db()
    assert not provider_org.is_trusted


def test_an_editor_can_make_an_organisation_trusted(client, editor, provider_org, fill):
    client.force_login(editor)
    page = client.get(profile_url(provider_org))
    client.post(profile_url(provider_org), fill(page, "name", is_trusted="on"))
    provider_org.refresh_from_db()
    assert provider_org.is_trusted


def test_profile_errors_keep_the_input(client, provider, provider_org, make_organisation, fill):
    make_organisation("Schon vergeben")
    client.force_login(provider)
    data = fill(client.get(profile_url(provider_org)), "name", name="Schon vergeben",
                email="keine-adresse", phone="0209 1")
    page = client.post(profile_url(provider_org), data).content.decode()
    assert 'id="id_name_error"' in page and 'id="id_email_error"' in page
    assert 'value="0209 1"' in page
    assert Organisation.objects.get(pk=provider_org.pk).name == "Caritas Testverband"


def test_a_conflicting_profile_edit_shows_what_changed(client, provider, provider_org, editor, fill):
    other = Client()
    other.force_login(editor)
    client.force_login(provider)
    mine, theirs = client.get(profile_url(provider_org)), other.get(profile_url(provider_org))
    other.post(profile_url(provider_org), fill(theirs, "name", phone="0800 111"))
    response = client.post(profile_url(provider_org), fill(mine, "name", phone="0800 222"))
    page = response.content.decode()
    assert "Inzwischen hat jemand anderes dieses Profil geändert" in page
    assert "<ins>0800 111</ins>" in page and 'value="0800 222"' in page
    assert client.post(profile_url(provider_org), fill(response, "name")).status_code == 302
    provider_org.refresh_from_db()
    assert provider_org.phone == "0800 222"


# --- contact persons ---------------------------------------------------------------------------

@pytest.fixture
def contact(make_contact, provider_org, offer):
    person = make_contact(organisation=provider_org, name="Erika Beispiel", role="Beratung")
    offer.contacts.add(person)
    return person


def public_page(offer):
    return Client().get(reverse("offers:detail", args=[offer.pk])).content.decode()


def test_the_list_shows_consent_and_the_offers(client, provider, provider_org, contact, make_contact):
    make_contact(organisation=provider_org, name="Max Ohne", consent=False)
    client.force_login(provider)
    page = client.get(reverse("dashboard:contacts", args=[provider_org.slug])).content.decode()
    assert "Erika Beispiel" in page and "am 15.01.2026" in page and "Sprachcafé" in page
    assert "Max Ohne" in page and "keine Einwilligung – wird nicht veröffentlicht" in page


def test_a_new_contact_without_consent_is_not_published(client, provider, provider_org, offer, fill):
    client.force_login(provider)
    url = reverse("dashboard:contact_create", args=[provider_org.slug])
    response = client.post(url, fill(client.get(url), "name", name="Ali Yılmaz", phone="0151 123"),
                           follow=True)
    assert "als Ansprechperson angelegt" in response.content.decode()
    person = Contact.objects.get(name="Ali Yılmaz")
    assert person.consent_given_on is None
    assert Revision.objects.for_object(person).get().action == "created"
    offer.contacts.add(person)
    assert "Ali Yılmaz" not in public_page(offer)


def test_ticking_consent_records_today_and_publishes(client, provider, provider_org, offer, fill,
                                                     make_contact):
    person = make_contact(organisation=provider_org, name="Ali Yılmaz", consent=False)
    offer.contacts.add(person)
    client.force_login(provider)
    url = reverse("dashboard:contact_edit", args=[person.pk])
    client.post(url, fill(client.get(url), "name", consent="on"))
    person.refresh_from_db()
    assert person.consent_given_on == timezone.localdate()
    assert "Ali Yılmaz" in public_page(offer)


def test_unticking_consent_removes_the_person_from_public_pages(client, provider, contact, offer,
                                                                fill):
    assert "Erika Beispiel" in public_page(offer)
    client.force_login(provider)
    url = reverse("dashboard:contact_edit", args=[contact.pk])
    page = client.get(url)
    assert 'name="consent" id="id_consent" checked' in page.content.decode()
    client.post(url, fill(page, "name", consent=None))
    contact.refresh_from_db()
    assert contact.consent_given_on is None
    assert "Erika Beispiel" not in public_page(offer)


def test_a_consent_date_in_the_future_is_refused(client, provider, contact, fill):
    client.force_login(provider)
    url = reverse("dashboard:contact_edit", args=[contact.pk])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page = client.post(url, fill(client.get(url), "name", role="Leitung",
                                 consent_given_on=tomorrow.isoformat())).content.decode()
    assert 'id="id_consent_given_on_error"><li>Das Datum liegt in der Zukunft.' in page
    assert 'value="Leitung"' in page
    contact.refresh_from_db()
    assert contact.role == "Beratung"


def test_deleting_a_contact_asks_first_names_the_offers_and_records_it(client, provider, contact,
                                                                       offer):
    client.force_login(provider)
    url = reverse("dashboard:contact_delete", args=[contact.pk])
    page = client.get(url).content.decode()
    assert "Erika Beispiel löschen?" in page and "Sprachcafé" in page
    assert Contact.objects.filter(pk=contact.pk).exists()
    response = client.post(url, follow=True)
    assert "Erika Beispiel ist gelöscht" in response.content.decode()
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert Revision.objects.filter(object_id=contact.pk, action="deleted").exists()
    assert "Erika Beispiel" not in public_page(offer)


def test_the_offer_form_lists_the_organisations_contacts_with_their_consent(client, provider, offer,
                                                                            contact, make_contact,
                                                                            provider_org, edit_url):
    make_contact(organisation=provider_org, name="Max Ohne", consent=False)
    make_contact(name="Fremde Person")
    client.force_login(provider)
    page = client.get(edit_url(offer)).content.decode()
    assert "Erika Beispiel, Beratung" in page
    assert "Max Ohne (keine Einwilligung – wird nicht veröffentlicht)" in page
    assert "Fremde Person" not in page
    assert f'name="contacts" value="{contact.pk}"' in page

"""Saves and deletes in the Django admin land in the history like any other change."""

import pytest
from django import forms
from django.urls import reverse

from changes.models import ChangeRequest, Revision
from providers.models import Contact
from taxonomy.models import Topic


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin@ki.example.org", superuser=True))
    return client


def _value(bound_field):
    value = bound_field.value()
    if isinstance(bound_field.field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return [str(v) for v in value or []]
    return "" if value is None else str(value)


def _form_data(form, data):
    for bound_field in form:
        if bound_field.widget_type == "checkbox":
            if bound_field.value():
                data[bound_field.html_name] = "on"
        else:
            data[bound_field.html_name] = _value(bound_field)


def _admin_post_data(response, **changes):
    """What the admin's change form would send unchanged, with `changes` applied."""
    data = {}
    _form_data(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _form_data(formset.management_form, data)
        for form in formset.forms:
            _form_data(form, data)
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def test_an_admin_save_records_old_and_new_values_including_topics(admin_client, offer):
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    beratung = Topic.objects.get(slug="beratung")
    topics = [str(pk) for pk in offer.topics.values_list("pk", flat=True)] + [str(beratung.pk)]
    response = admin_client.post(url, _admin_post_data(admin_client.get(url), title="Sprachcafé neu",
                                                       topics=topics))
    assert response.status_code == 302, response.context["adminform"].form.errors
    revision = Revision.objects.for_object(offer).get()
    assert revision.action == "changed" and revision.approved is True
    assert revision.user.email == "admin@ki.example.org" and revision.note == "in der Verwaltung"
    sprache = Topic.objects.get(slug="sprache")
    assert revision.changes == {"title": ["Sprachcafé", "Sprachcafé neu"],
                                "topics": [[sprache.pk], sorted([sprache.pk, beratung.pk])]}
    assert revision.snapshot["title"] == "Sprachcafé neu"
    offer.refresh_from_db()
    assert offer.version == 2  # an edit form opened before notices the change

    admin_client.force_login(revision.user)
    page = admin_client.get(reverse("changes:history", args=["offer", offer.pk])).content.decode()
    assert "Sprache<ins>, Beratung</ins>" in page  # only the added topic is marked


def test_an_admin_save_without_changes_records_nothing(admin_client, offer):
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    assert admin_client.post(url, _admin_post_data(admin_client.get(url))).status_code == 302
    assert not Revision.objects.exists()


def test_status_and_places_changed_in_the_admin_are_recorded(admin_client, offer):
    from taxonomy.models import City

    url = reverse("admin:offers_offer_change", args=[offer.pk])
    data = _admin_post_data(admin_client.get(url), status="archived", **{
        "places-TOTAL_FORMS": "1", "places-0-name": "Bürgerhaus", "places-0-street": "Markt 1",
        "places-0-postcode": "46282", "places-0-city": str(City.objects.get(slug="dorsten").pk)})
    assert admin_client.post(url, data).status_code == 302
    revision = Revision.objects.for_object(offer).get()
    assert revision.changes["status"] == ["published", "archived"]
    assert revision.changes["places"][1][0]["name"] == "Bürgerhaus"
    assert "status" not in revision.snapshot  # a restore brings back the content only


def test_an_offer_added_in_the_admin_is_recorded(admin_client, provider_org):
    url = reverse("admin:offers_offer_add")
    data = _admin_post_data(admin_client.get(url), title="Neu aus der Verwaltung",
                            organisation=str(provider_org.pk))
    assert admin_client.post(url, data).status_code == 302
    revision = Revision.objects.get()
    assert revision.action == "created" and revision.changes["title"] == [None, "Neu aus der Verwaltung"]


def test_contact_persons_changed_inline_on_their_organisation_are_recorded(admin_client, provider_org,
                                                                           make_contact):
    contact = make_contact(organisation=provider_org, name="Leyla Kaya", phone="02361 1")
    url = reverse("admin:providers_organisation_change", args=[provider_org.pk])
    response = admin_client.post(url, _admin_post_data(admin_client.get(url), **{
        "contacts-0-phone": "02361 2", "is_trusted": "on"}))
    assert response.status_code == 302
    assert Revision.objects.for_object(contact).get().changes == {"phone": ["02361 1", "02361 2"]}
    assert Revision.objects.for_object(provider_org).get().changes == {"is_trusted": [False, True]}

    response = admin_client.post(url, _admin_post_data(admin_client.get(url), **{"contacts-0-DELETE": "on"}))
    assert response.status_code == 302 and not Contact.objects.exists()
    deleted = Revision.objects.for_object(contact).first()
    assert deleted.action == "deleted" and deleted.snapshot["phone"] == "02361 2"


def test_a_contact_deleted_in_the_admin_keeps_its_history(admin_client, make_contact):
    contact = make_contact(name="Leyla Kaya")
    url = reverse("admin:providers_contact_delete", args=[contact.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    revision = Revision.objects.get()
    assert revision.action == "deleted" and revision.changes["name"] == ["Leyla Kaya", None]
    page = admin_client.get(reverse("changes:history", args=["contact", revision.object_id])).content.decode()
    assert "Leyla Kaya" in page and "Dieser Eintrag ist gelöscht" in page


def test_proposals_and_history_are_read_only_in_the_admin(admin_client, offer, propose):
    change = propose(offer, title="Neu")
    assert admin_client.get(reverse("admin:changes_changerequest_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:changes_revision_changelist")).status_code == 200
    page = admin_client.get(reverse("admin:changes_changerequest_change", args=[change.pk])).content.decode()
    assert 'name="_save"' not in page
    assert admin_client.get(reverse("admin:changes_changerequest_add")).status_code == 403
    assert ChangeRequest.objects.get().is_pending

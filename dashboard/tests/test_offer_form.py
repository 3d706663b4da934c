"""The offer form as a provider and an editor use it: creating, editing under review,
publishing directly, validation with everything typed kept, adding rows, conflicts."""

import pytest
from django.test import Client
from django.urls import reverse

from changes import services
from changes.models import ChangeRequest, Revision
from offers.models import Offer


def public_page(client, offer):
    return client.get(reverse("offers:detail", args=[offer.pk]))


# --- creating --------------------------------------------------------------------------------

def test_a_providers_new_offer_waits_for_review_and_is_not_public(client, provider, fill, city):
    client.force_login(provider)
    page = client.get(reverse("dashboard:offer_create"))
    assert "Zur Prüfung einreichen" in page.content.decode()
    data = fill(page, title="Hausaufgabenhilfe", summary="Montags nach der Schule",
                **{"places-0-city": str(city("dorsten").pk), "places-0-street": "Markt 1"})
    response = client.post(reverse("dashboard:offer_create"), data, follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard:home")
    assert "wartet auf Prüfung durch das KI" in response.content.decode()
    offer = Offer.objects.get(title="Hausaufgabenhilfe")
    assert offer.status == Offer.Status.PENDING
    assert offer.places.get().city.slug == "dorsten"
    assert offer.change_requests.get().kind == ChangeRequest.Kind.CREATE
    client.logout()
    assert public_page(client, offer).status_code == 404


def test_a_trusted_organisations_new_offer_is_published_at_once(client, provider, provider_org, fill):
    provider_org.is_trusted = True
    provider_org.save()
    client.force_login(provider)
    page = client.get(reverse("dashboard:offer_create"))
    assert "Speichern und veröffentlichen" in page.content.decode()
    response = client.post(reverse("dashboard:offer_create"), fill(page, title="Nähcafé"), follow=True)
    assert "„Nähcafé“ ist veröffentlicht" in response.content.decode()
    offer = Offer.objects.get(title="Nähcafé")
    assert public_page(client, offer).status_code == 200


def test_a_member_of_several_organisations_chooses_one_first(client, make_user, make_organisation):
    first, second = make_organisation("Verein A"), make_organisation("Verein B")
    client.force_login(make_user(organisations=[first, second]))
    page = client.get(reverse("dashboard:offer_create")).content.decode()
    assert '<select name="traeger"' in page and "Verein A" in page and "Verein B" in page
    page = client.get(reverse("dashboard:offer_create") + f"?traeger={second.slug}").content.decode()
    assert "Träger: <strong>Verein B</strong>" in page
    assert "anderen Träger wählen" in page


def test_a_person_without_an_organisation_learns_how_to_get_invited(client, make_user):
    client.force_login(make_user())
    for name in ("dashboard:offer_create", "dashboard:home"):
        page = client.get(reverse(name)).content.decode()
        assert "Ihr Zugang gehört noch zu keinem Träger" in page
        assert "Einladung" in page and reverse("accounts:access_request") in page


# --- editing under review -----------------------------------------------------------------------

def test_a_providers_edit_waits_and_the_public_keeps_the_old_title(client, provider, offer, fill,
                                                                    edit_url, editor):
    client.force_login(provider)
    page = client.get(edit_url(offer))
    response = client.post(edit_url(offer), fill(page, title="Sprachcafé am Abend"), follow=True)
    assert ("Ihre Änderung wartet auf Prüfung durch das KI – öffentlich sichtbar bleibt bis dahin "
            "die bisherige Fassung") in response.content.decode()
    public = public_page(client, offer).content.decode()
    assert "Sprachcafé am Abend" not in public and "Sprachcafé" in public
    again = client.get(edit_url(offer)).content.decode()
    assert 'value="Sprachcafé am Abend"' in again
    assert "wartet seit dem" in again and "Änderung zurückziehen" in again

    services.approve(offer.change_requests.get(), user=editor)
    assert "Sprachcafé am Abend" in public_page(client, offer).content.decode()


def test_a_trusted_providers_edit_is_public_at_once(client, provider, provider_org, offer, fill,
                                                     edit_url):
    provider_org.is_trusted = True
    provider_org.save()
    client.force_login(provider)
    page = client.get(edit_url(offer))
    assert "Speichern und veröffentlichen" in page.content.decode()
    client.post(edit_url(offer), fill(page, title="Sprachcafé am Abend"))
    assert "Sprachcafé am Abend" in public_page(client, offer).content.decode()
    assert not ChangeRequest.objects.exists()


def test_saving_without_a_change_says_so(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    response = client.post(edit_url(offer), fill(client.get(edit_url(offer))), follow=True)
    assert "Keine Änderung" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_the_form_round_trips_every_field(client, provider, offer, fill, edit_url):
    """Opening and saving the form unchanged must not invent a change anywhere."""
    offer.website = "https://example.org/cafe"
    offer.age_min, offer.age_max = 16, 99
    offer.save()
    client.force_login(provider)
    client.post(edit_url(offer), fill(client.get(edit_url(offer))))
    assert not Revision.objects.for_object(offer).exists()


def test_line_breaks_as_a_browser_sends_them_are_no_change(client, provider, offer, fill, edit_url):
    """Browsers send a text area's line breaks as CRLF: saving unchanged changes nothing."""
    offer.description = "Erster Absatz.\n\nZweiter Absatz."
    offer.save()
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)))
    data["description"] = data["description"].replace("\n", "\r\n")
    response = client.post(edit_url(offer), data, follow=True)
    assert "Keine Änderung" in response.content.decode()
    assert not ChangeRequest.objects.exists()


# --- validation ---------------------------------------------------------------------------------

def test_errors_appear_next_to_the_fields_and_everything_typed_is_kept(client, provider, offer,
                                                                         fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), title="", summary="Neu: auch dienstags",
                start_date="2027-03-01", end_date="2027-02-01",
                website="kein link", **{"times-0-opens_at": "12:00", "times-0-closes_at": "10:00",
                                        "places-0-city": "", "places-0-street": "Neue Straße 5"})
    response = client.post(edit_url(offer), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in page
    for field, message in [("id_title", "Dieses Feld ist zwingend erforderlich."),
                           ("id_end_date", "Das Ende liegt vor dem Beginn."),
                           ("id_website", "Bitte eine gültige Adresse eingeben."),
                           ("id_times-0-closes_at", "Das Ende liegt nicht nach dem Beginn."),
                           ("id_places-0-city", "Dieses Feld ist zwingend erforderlich.")]:
        assert f'<ul class="errorlist" id="{field}_error"><li>{message}</li>' in page, field
    for typed in ('>\nNeu: auch dienstags</textarea>', 'value="2027-02-01"', 'value="kein link"',
                  'value="Neue Straße 5"', 'value="12:00"'):
        assert typed in page
    assert not ChangeRequest.objects.exists()
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé"


def test_an_age_range_upside_down_is_refused(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), age_min="18", age_max="10")
    page = client.post(edit_url(offer), data).content.decode()
    assert 'id="id_age_max_error"><li>Das Höchstalter liegt unter dem Mindestalter.' in page
    assert 'name="age_min" value="18"' in page


def test_half_given_coordinates_are_refused(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), **{"places-0-latitude": "51.65"})
    page = client.post(edit_url(offer), data).content.decode()
    assert 'id="id_places-0-longitude_error"><li>Bitte beide Koordinaten angeben oder keine.' in page


# --- rows ---------------------------------------------------------------------------------------

def test_adding_a_row_shows_one_more_and_saves_nothing(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    page = client.get(edit_url(offer))
    assert 'name="places-TOTAL_FORMS" value="2"' in page.content.decode()
    data = fill(page, title="Noch nicht gespeichert", add_place="1",
                **{"places-1-name": "Bücherei", "places-1-city": ""})
    response = client.post(edit_url(offer), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="places-TOTAL_FORMS" value="3"' in html
    assert 'name="times-TOTAL_FORMS" value="2"' in html
    assert 'value="Noch nicht gespeichert"' in html and 'value="Bücherei"' in html
    assert "errorlist" not in html  # the half-filled row is not judged yet
    assert not ChangeRequest.objects.exists() and not Revision.objects.exists()


def test_rows_added_and_removed_are_saved(client, provider, offer, fill, edit_url, city):
    client.force_login(provider)
    page = client.get(edit_url(offer))
    page = client.post(edit_url(offer), fill(page, add_time="1"))
    data = fill(page, **{
        "places-0-DELETE": "on",
        "places-1-name": "Bücherei", "places-1-city": str(city("haltern-am-see").pk),
        "times-1-weekday": "2", "times-1-opens_at": "17:00", "times-1-closes_at": "18:30",
        "times-2-weekday": "4", "times-2-opens_at": "09:00", "times-2-closes_at": "10:00",
    })
    assert client.post(edit_url(offer), data).status_code == 302
    proposal = services.working_data(offer)
    assert [p["name"] for p in proposal["places"]] == ["Bücherei"]
    assert [(t["weekday"], t["opens_at"]) for t in proposal["times"]] == [(0, "10:00"), (2, "17:00"),
                                                                           (4, "09:00")]
    assert city("haltern-am-see").pk in proposal["cities"]


def test_a_row_marked_for_removal_is_not_judged(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), **{"times-0-DELETE": "on", "times-0-closes_at": "08:00"})
    assert client.post(edit_url(offer), data).status_code == 302
    assert services.working_data(offer)["times"] == []


# --- conflicts ----------------------------------------------------------------------------------

def test_two_people_edit_at_once_and_the_second_sees_what_changed(client, provider, offer, fill,
                                                                  edit_url, make_user, provider_org):
    colleague = make_user("kollegin@caritas-test.example.org", organisations=[provider_org])
    second = Client()
    client.force_login(provider)
    second.force_login(colleague)
    first_page, second_page = client.get(edit_url(offer)), second.get(edit_url(offer))

    assert client.post(edit_url(offer), fill(first_page, title="Sprachcafé am Montag")).status_code == 302
    response = second.post(edit_url(offer), fill(second_page, title="Sprachcafé für Frauen"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Inzwischen hat jemand anderes dieses Angebot geändert" in page
    assert ('<th scope="row">Titel</th><td data-label="vorher"><del>Sprachcafé</del></td>'
            '<td data-label="jetzt"><ins>Sprachcafé am Montag</ins>') in page
    assert 'value="Sprachcafé für Frauen"' in page  # the second person's input is kept
    assert services.working_data(offer)["title"] == "Sprachcafé am Montag"

    # saving again is a deliberate decision and goes through
    assert second.post(edit_url(offer), fill(response)).status_code == 302
    assert services.working_data(offer)["title"] == "Sprachcafé für Frauen"


def test_a_form_without_a_valid_base_is_not_saved(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), title="Neu", base="verändert")
    page = client.post(edit_url(offer), data).content.decode()
    assert "Das Formular war unvollständig" in page and 'value="Neu"' in page
    assert not ChangeRequest.objects.exists()


# --- editors and rejections -------------------------------------------------------------------

@pytest.fixture
def proposal(offer, provider):
    data = services.working_data(offer) | {"title": "Sprachkaffee"}
    return services.save_offer(offer, data, user=provider).change_request


def test_an_editors_save_decides_the_pending_change(client, editor, offer, proposal, fill, edit_url):
    client.force_login(editor)
    page = client.get(edit_url(offer))
    html = page.content.decode()
    assert "Ihre Speicherung gibt die Änderung frei (korrigiert)" in html
    assert 'value="Sprachkaffee"' in html and "Speichern und veröffentlichen" in html
    assert reverse("changes:review", args=[proposal.pk]) in html  # rejecting happens there
    assert "Änderung zurückziehen" not in html
    client.post(edit_url(offer), fill(page, title="Sprachcafé für alle",
                                      comment="Schreibweise vereinheitlicht."))
    proposal.refresh_from_db()
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé für alle"
    assert proposal.status == ChangeRequest.Status.APPROVED and proposal.corrected
    assert proposal.review_comment == "Schreibweise vereinheitlicht."


def test_an_editors_unchanged_save_approves_the_proposal(client, editor, offer, proposal, fill,
                                                         edit_url):
    client.force_login(editor)
    response = client.post(edit_url(offer), fill(client.get(edit_url(offer))), follow=True)
    assert "„Sprachkaffee“ ist veröffentlicht" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == ChangeRequest.Status.APPROVED


def test_a_providers_page_offers_no_comment_field(client, provider, offer, proposal, edit_url):
    client.force_login(provider)
    html = client.get(edit_url(offer)).content.decode()
    assert 'name="comment"' not in html and "gibt die Änderung frei" not in html


def test_a_rejected_proposal_can_be_loaded_to_fix_it(client, provider, editor, offer, proposal,
                                                     edit_url):
    services.reject(proposal, user=editor, comment="Bitte ohne Rechtschreibfehler.")
    client.force_login(provider)
    html = client.get(edit_url(offer)).content.decode()
    assert "Bitte ohne Rechtschreibfehler." in html and 'value="Sprachcafé"' in html
    html = client.get(edit_url(offer) + f"?fassung={proposal.pk}").content.decode()
    assert 'value="Sprachkaffee"' in html


def test_the_ki_hears_of_a_submitted_offer(client, provider, fill, settings, mailoutbox,
                                           django_capture_on_commit_callbacks):
    client.force_login(provider)
    page = client.get(reverse("dashboard:offer_create"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboard:offer_create"), fill(page, title="Hausaufgabenhilfe"))
    [message] = mailoutbox
    assert message.to == [settings.KI_EMAIL] and "Hausaufgabenhilfe" in message.body
    change = ChangeRequest.objects.get()
    assert reverse("changes:review", args=[change.pk]) in message.body


def test_the_provider_hears_the_editors_decision_with_the_comment(client, editor, offer, proposal,
                                                                  fill, edit_url, mailoutbox,
                                                                  django_capture_on_commit_callbacks):
    client.force_login(editor)
    page = client.get(edit_url(offer))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(offer), fill(page, title="Sprachcafé für alle",
                                          comment="Schreibweise vereinheitlicht."))
    [message] = mailoutbox
    assert "anbieter@caritas-test.example.org" in message.to
    assert "Schreibweise vereinheitlicht." in message.body

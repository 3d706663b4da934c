"""The queue and the review page: what editors see, how they decide, what the provider hears."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from changes import services
from changes.models import ChangeRequest
from offers.models import Offer
from taxonomy.models import City, Topic


def _links(message):
    return re.findall(re.escape(settings.SITE_URL) + r"(/\S+)", message.body)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _review_url(change):
    return reverse("changes:review", args=[change.pk])


# --- the queue --------------------------------------------------------------------------------

def test_the_queue_shows_the_oldest_proposal_first_with_what_it_is(editor_client, offer, propose,
                                                                     make_offer, make_organisation,
                                                                     make_user):
    other_org = make_organisation("Kulturverein Marl")
    newer = propose(make_offer(title="Nähcafé", organisation=other_org), title="Nähcafé neu",
                    user=make_user("kultur@example.org", organisations=[other_org]))
    older = propose(offer, title="Sprachcafé am Abend", summary="Dienstags")
    ChangeRequest.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    response = editor_client.get(reverse("changes:queue"))
    page = response.content.decode()
    assert page.index("Sprachcafé am Abend") < page.index("Nähcafé neu")
    assert "2 Vorschläge warten auf Prüfung" in page
    assert "Änderung" in page and "Caritas Testverband" in page
    assert "anbieter@caritas-test.example.org" in page
    assert "eingereicht vor 3 Tagen" in page
    [row] = [r for r in page.split("<tr>") if "Sprachcafé am Abend" in r]
    assert '<td data-label="geänderte Felder">2</td>' in row  # title and summary changed
    assert _review_url(newer) in page


def test_the_queue_filters_by_organisation_and_kind(editor_client, offer, propose, make_offer,
                                                    make_organisation, provider, provider_org):
    propose(offer, title="Sprachcafé am Abend")
    created = services.create_offer(provider_org, {"title": "Hausaufgabenhilfe"}, user=provider)
    other_org = make_organisation("Kulturverein Marl")
    propose(make_offer(title="Nähcafé", organisation=other_org), title="Nähcafé neu")
    queue = reverse("changes:queue")

    page = editor_client.get(queue, {"organisation": provider_org.pk}).content.decode()
    table = page.split("<table")[1]
    assert "Sprachcafé am Abend" in table and "Hausaufgabenhilfe" in table and "Nähcafé" not in table

    page = editor_client.get(queue, {"kind": "create"}).content.decode()
    assert "Hausaufgabenhilfe" in page and "Sprachcafé am Abend" not in page
    assert "neues Angebot" in page
    assert created.change_request.kind == "create"


def test_the_queue_pages_and_keeps_the_filter(editor_client, propose, make_offer, provider_org,
                                              monkeypatch):
    from changes.views import review

    monkeypatch.setattr(review, "CHANGES_PER_PAGE", 2)
    for number in range(3):
        propose(make_offer(title=f"Kurs {number}", organisation=provider_org), title=f"Kurs {number} neu")
    page = editor_client.get(reverse("changes:queue"), {"kind": "update"}).content.decode()
    assert "Kurs 0 neu" in page and "Kurs 2 neu" not in page
    assert "?kind=update&amp;page=2" in page
    page = editor_client.get(reverse("changes:queue"), {"kind": "update", "page": 2}).content.decode()
    assert "Kurs 2 neu" in page and "Kurs 0 neu" not in page


def test_the_queue_points_to_the_other_editor_pages(editor_client):
    page = editor_client.get(reverse("changes:queue")).content.decode()
    assert "Es wartet nichts auf Prüfung." in page
    assert f'href="{reverse("reports:staff_list")}"' in page and "0 offene Meldungen" in page


# --- the review page --------------------------------------------------------------------------

def test_the_review_shows_old_and_new_values_in_words(editor_client, offer, propose):
    change = propose(offer, topics=list(Topic.objects.filter(slug__in=["sprache", "beratung"])
                                        .values_list("pk", flat=True)),
                     is_free=True, start_date="2027-03-01")
    page = editor_client.get(_review_url(change)).content.decode()
    assert '<table class="table table--stack diff">' in page
    assert '<th scope="col">bisher</th><th scope="col">neu</th>' in page
    assert re.search(r'<th scope="row">Themenfelder</th>\s*<td data-label="bisher">Sprache</td>\s*'
                     r'<td data-label="neu">Sprache<ins>, Beratung</ins></td>', page)
    assert re.search(r'<th scope="row">kostenlos</th>\s*<td data-label="bisher"><del>nein</del></td>\s*'
                     r'<td data-label="neu"><ins>ja</ins></td>', page)
    assert "1. März 2027" in page
    assert "Caritas Testverband" in page and "nein (seine Änderungen werden geprüft)" in page
    assert "anbieter@caritas-test.example.org" in page
    assert f'href="{offer.get_absolute_url()}"' in page
    assert f'href="{reverse("changes:history", args=["offer", offer.pk])}"' in page
    assert f'href="{reverse("dashboard:offer_edit", args=[offer.pk])}"' in page  # correct and approve


def test_html_in_offer_texts_is_escaped(editor_client, offer, propose):
    change = propose(offer, title="<script>alert(1)</script>", description="<b>fett</b>")
    page = editor_client.get(_review_url(change)).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>fett</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;fett&lt;/b&gt;" in page


def test_a_new_offer_shows_all_its_content(editor_client, provider, provider_org):
    data = {"title": "Hausaufgabenhilfe", "summary": "Für Kinder der Klassen 1 bis 4",
            "cities": list(City.objects.filter(slug="marl")
                           .values_list("pk", flat=True))}
    change = services.create_offer(provider_org, data, user=provider).change_request
    page = editor_client.get(_review_url(change)).content.decode()
    assert "Inhalt des neuen Angebots" in page
    for text in ("Hausaufgabenhilfe", "Für Kinder der Klassen 1 bis 4", "Marl"):
        assert f"<ins>{text}</ins>" in page


def test_the_review_warns_when_the_public_version_changed_meanwhile(editor_client, offer, propose):
    change = propose(offer, title="Sprachcafé am Abend")
    Offer.objects.filter(pk=offer.pk).update(summary="Dienstags", version=F("version") + 1)
    page = editor_client.get(_review_url(change)).content.decode()
    assert "Die öffentliche Fassung hat sich seit dem Vorschlag geändert" in page
    assert re.search(r'<del>Montags</del></td>\s*<td data-label="jetzt öffentlich"><ins>Dienstags</ins>',
                     page)  # meanwhile
    assert re.search(r'<del>Dienstags</del></td>\s*<td data-label="nach der Freigabe"><ins>Montags</ins>',
                     page)  # what approval does


def test_an_unchanged_public_version_gives_no_warning(editor_client, offer, propose):
    page = editor_client.get(_review_url(propose(offer, title="Neu"))).content.decode()
    assert "seit dem Vorschlag geändert" not in page


# --- deciding -----------------------------------------------------------------------------------

def test_approving_publishes_and_tells_the_provider(editor_client, offer, propose, editor,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change = propose(offer, title="Sprachcafé am Abend")
    [submitted] = mail.outbox
    assert submitted.to == [settings.KI_EMAIL]
    assert "Zu prüfen (Änderung): „Sprachcafé“ von Caritas Testverband" in submitted.subject
    assert "schlägt eine Änderung am Angebot „Sprachcafé“ vor" in submitted.body
    [review_path] = _links(submitted)
    assert editor_client.get(review_path).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(_review_url(change), {"decision": "approve",
                                                            "comment": "Danke für die Aktualisierung!"})
    assert response.status_code == 302 and response.url == reverse("changes:queue")
    assert "ist freigegeben" in editor_client.get(response.url).content.decode()
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé am Abend"
    change.refresh_from_db()
    assert change.status == "approved" and change.reviewed_by == editor

    decided = mail.outbox[1]
    assert sorted(decided.to) == ["anbieter@caritas-test.example.org", "info@caritas-test.example.org"]
    assert "Freigegeben" in decided.subject and "Sprachcafé am Abend" in decided.subject
    assert "Danke für die Aktualisierung!" in decided.body
    assert "Titel: Sprachcafé → Sprachcafé am Abend" in decided.body
    html = decided.alternatives[0][0]
    assert "Danke für die Aktualisierung!" in html and "Sprachcafé am Abend" in html
    offer_path, edit_path = _links(decided)
    assert offer_path == offer.get_absolute_url()
    assert edit_path == reverse("dashboard:offer_edit", args=[offer.pk])
    assert "Sprachcafé am Abend" in editor_client.get(offer_path).content.decode()


def test_rejecting_needs_a_comment_next_to_the_field_and_changes_nothing(editor_client, offer, propose,
                                                                         django_capture_on_commit_callbacks):
    change = propose(offer, title="SPRACHCAFÉ")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(_review_url(change), {"decision": "reject", "comment": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<div class="form-errors" role="alert">' in page
    field = page[page.index('<div class="field field--error">'):]
    field = field[:field.index("</div>")]
    assert 'name="comment"' in field and "warum Sie ablehnen" in field
    change.refresh_from_db()
    assert change.is_pending and not mail.outbox
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé"


def test_a_failed_form_keeps_the_comment(editor_client, offer, propose):
    change = propose(offer, title="Neu")
    page = editor_client.post(_review_url(change), {"comment": "Mein Hinweis"}).content.decode()
    assert "Bitte wählen Sie" in page and "Mein Hinweis</textarea>" in page


def test_rejecting_tells_the_provider_why_and_what_to_do(editor_client, offer, propose,
                                                         django_capture_on_commit_callbacks):
    change = propose(offer, title="SPRACHCAFÉ")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(_review_url(change), {
            "decision": "reject", "comment": "Bitte den Titel nicht in Großbuchstaben."})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé"
    [rejected] = mail.outbox
    assert "Nicht freigegeben" in rejected.subject
    assert "Bitte den Titel nicht in Großbuchstaben." in rejected.body
    assert "Öffentlich bleibt die bisherige Fassung" in rejected.body
    assert "Was Sie jetzt tun können" in rejected.body
    assert "Titel: Sprachcafé → SPRACHCAFÉ" in rejected.body
    assert reverse("dashboard:offer_edit", args=[offer.pk]) in _links(rejected)

    page = editor_client.get(_review_url(change)).content.decode()  # decided: read-only
    assert "Bitte den Titel nicht in Großbuchstaben." in page and "redaktion@ki.example.org" in page
    assert 'name="decision"' not in page


def test_a_second_decision_gives_a_clear_message(editor_client, offer, propose, make_user):
    change = propose(offer, title="Neu")
    services.approve(change, user=make_user("kollegin@ki.example.org", staff=True))
    response = editor_client.post(_review_url(change), {"decision": "reject", "comment": "Nein"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "wurde inzwischen schon entschieden: freigegeben von kollegin@ki.example.org" in page
    change.refresh_from_db()
    assert change.status == "approved"


def test_a_proposal_the_offer_cannot_take_is_not_approved_but_explained(editor_client, offer, propose):
    change = propose(offer, age_min=10, age_max=5)
    response = editor_client.post(_review_url(change), {"decision": "approve", "comment": "Gern"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Das Höchstalter liegt unter dem Mindestalter." in page and "Gern</textarea>" in page
    change.refresh_from_db()
    offer.refresh_from_db()
    assert change.is_pending and offer.age_min is None


def test_only_the_changed_words_of_a_long_text_are_marked():
    from changes.templatetags.changes_tags import word_diff

    marked = word_diff("Treffen dienstags 15 bis 17 Uhr im Café.", "Treffen dienstags 15 bis 18 Uhr im Café.")
    assert marked["old"] == "Treffen dienstags 15 bis <del>17</del> Uhr im Café."
    assert marked["new"] == "Treffen dienstags 15 bis <ins>18</ins> Uhr im Café."
    escaped = word_diff("<b>alt</b>", "<script>neu</script>\nzweite Zeile")
    assert "<script>" not in escaped["new"] and "&lt;" in escaped["new"]
    assert "<br>" in escaped["new"]

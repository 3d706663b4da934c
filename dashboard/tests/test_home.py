"""The overview: organisations, offers with their state in words, what waits, what was
rejected, open reports; editors choose an organisation from a paged list."""

import datetime

from django.urls import reverse
from django.utils import timezone

from changes import services
from freshness import rules
from offers.models import Offer
from reports.models import Report


def home(client, query=""):
    return client.get(reverse("dashboard:home") + query).content.decode()


def test_a_provider_sees_their_organisation_and_its_offers(client, provider, provider_org, offer):
    client.force_login(provider)
    page = home(client)
    assert "Caritas Testverband" in page
    assert reverse("dashboard:offer_edit", args=[offer.pk]) in page
    assert reverse("dashboard:organisation_edit", args=[provider_org.slug]) in page
    assert reverse("dashboard:contacts", args=[provider_org.slug]) in page
    assert reverse("dashboard:organisation_confirm_all", args=[provider_org.slug]) in page
    assert reverse("changes:history", args=["offer", offer.pk]) in page
    assert '<span class="status status--published">veröffentlicht</span>' in page
    assert "vertrauenswürdig" not in page


def test_a_trusted_organisation_carries_the_badge(client, provider, provider_org):
    provider_org.is_trusted = True
    provider_org.save()
    client.force_login(provider)
    assert "vertrauenswürdig" in home(client)


def test_other_organisations_offers_are_not_shown(client, provider, make_offer):
    make_offer(title="Fremdes Angebot")
    client.force_login(provider)
    assert "Fremdes Angebot" not in home(client)


def test_each_state_is_named_in_words(client, provider, provider_org, editor, make_offer):
    published = make_offer(title="Geändert", organisation=provider_org)
    services.save_offer(published, services.working_data(published) | {"summary": "neu"},
                        user=provider)
    services.create_offer(provider_org, {"title": "Ganz neu"}, user=provider)
    make_offer(title="Entwurf", organisation=provider_org, status=Offer.Status.DRAFT)
    make_offer(title="Alt", organisation=provider_org, status=Offer.Status.ARCHIVED)
    refused = services.create_offer(provider_org, {"title": "Abgelehnt"}, user=provider)
    services.reject(refused.change_request, user=editor, comment="Bitte einen Ort angeben.")
    client.force_login(provider)
    page = home(client)
    for words in ("Änderung wartet auf Prüfung", "neu, wartet auf Prüfung", "Entwurf", "archiviert",
                  "abgelehnt"):
        assert f">{words}</span>" in page, words
    assert "Kommentar des KI: Bitte einen Ort angeben." in page


def test_freshness_is_shown_where_the_rules_say_so(client, provider, provider_org, make_offer):
    today = rules.today()
    make_offer(title="Fällig", organisation=provider_org,
               last_verified=rules.add_months(today, -7))
    make_offer(title="Ausgeblendet", organisation=provider_org,
               last_verified=rules.add_months(today, -13))
    make_offer(title="Frisch", organisation=provider_org, last_verified=today)
    client.force_login(provider)
    page = home(client)
    assert page.count("Prüfung fällig") == 1 and page.count("ausgeblendet – bitte bestätigen") == 1
    due_row = page[page.index(">Fällig</a>"):]
    assert due_row.index("Prüfung fällig") < due_row.index("</tr>")


def test_pending_rejected_and_reported_have_their_sections(client, provider, provider_org, editor,
                                                          offer, make_offer):
    services.save_offer(offer, services.working_data(offer) | {"title": "Sprachcafé neu"},
                        user=provider)
    other = make_offer(title="Nähcafé", organisation=provider_org)
    change = services.save_offer(other, services.working_data(other) | {"title": "Nähkaffee"},
                                 user=provider).change_request
    services.reject(change, user=editor, comment="Der Titel war richtig.")
    Report.objects.create(offer=other, message="Die Telefonnummer stimmt nicht.", category="contact",
                          address_hash="0" * 64)
    client.force_login(provider)
    page = home(client)
    pending = page[page.index("Wartet auf Prüfung"):page.index('id="rejected-heading"')]
    assert "Sprachcafé" in pending and "Änderung zurückziehen" in pending
    rejected = page[page.index('id="rejected-heading"'):page.index('id="reports-heading"')]
    assert "Der Titel war richtig." in rejected
    assert reverse("dashboard:offer_edit", args=[other.pk]) + f"?fassung={change.pk}" in rejected
    reports = page[page.index('id="reports-heading"'):]
    assert "Die Telefonnummer stimmt nicht." in reports and "Nähcafé" in reports


def test_old_rejections_and_resolved_reports_drop_out(client, provider, provider_org, editor, offer):
    change = services.save_offer(offer, services.working_data(offer) | {"title": "X"},
                                 user=provider).change_request
    services.reject(change, user=editor, comment="Uralt")
    change.refresh_from_db()
    change.reviewed_at = timezone.now() - datetime.timedelta(days=200)
    change.save()
    report = Report.objects.create(offer=offer, message="Erledigte Meldung", address_hash="0" * 64)
    report.resolve(editor)
    client.force_login(provider)
    page = home(client)
    assert "Uralt" not in page and "Erledigte Meldung" not in page
    assert "Keine abgelehnten Änderungen." in page and "Keine offenen Meldungen." in page


def test_editors_page_through_all_organisations_and_choose_one(client, editor, make_organisation,
                                                             make_offer):
    organisations = [make_organisation(f"Verein {n:02}") for n in range(30)]
    make_offer(title="Angebot von Verein 29", organisation=organisations[29])
    client.force_login(editor)
    first = home(client)
    assert "Verein 00" in first and "Verein 29" in first  # in the select
    assert first.count('href="?traeger=') == 25
    assert "Angebot von Verein 29" not in first
    second = home(client, "?page=2")
    assert second.count('href="?traeger=') == 5

    chosen = home(client, f"?traeger={organisations[29].slug}")
    assert "Angebot von Verein 29" in chosen
    assert "Alle Träger" in chosen


def test_an_unknown_organisation_in_the_filter_shows_the_list(client, editor, make_organisation):
    make_organisation("Verein A")
    client.force_login(editor)
    page = home(client, "?traeger=gibt-es-nicht")
    assert "errorlist" in page and "Verein A" in page


def test_a_newer_change_replaces_an_old_rejection(client, provider, editor, offer):
    first = services.save_offer(offer, services.working_data(offer) | {"title": "A"},
                                user=provider).change_request
    services.reject(first, user=editor, comment="So nicht.")
    services.save_offer(offer, services.working_data(offer) | {"title": "B"}, user=provider)
    client.force_login(provider)
    page = home(client)
    assert ">Änderung wartet auf Prüfung</span>" in page
    assert "So nicht." not in page

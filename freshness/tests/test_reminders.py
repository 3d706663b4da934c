"""send_reminders: each step once per offer and cycle, three weeks apart, safe to run daily."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from freshness import services
from freshness.models import Confirmation, Reminder
from offers.models import Offer

D = datetime.date


def run(*args, today=None):
    out = io.StringIO()
    if today:
        args = (*args, "--today", today.isoformat())
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_step_one_is_sent_once_per_organisation_with_a_link_per_offer(
        stale_offer, make_offer, make_user, links):
    organisation = stale_offer.organisation
    second = make_offer("Hausaufgabenhilfe", organisation=organisation, last_verified=D(2026, 1, 10))
    make_offer("Frisch geprüft", organisation=organisation, last_verified=D(2026, 10, 1))
    make_offer("Entwurf", organisation=organisation, last_verified=D(2025, 1, 1), status=Offer.Status.DRAFT)
    make_user("mitglied@nachbarn.example.org", organisations=[organisation])

    output = run()

    assert "1. Erinnerung: 2 Angebote, 2 E-Mails" in output
    assert sorted(m.to[0] for m in mail.outbox) == ["info@nachbarn.example.org",
                                                     "mitglied@nachbarn.example.org"]
    message = mail.outbox[0]
    assert "Sind Ihre Angebote noch aktuell? (Nachbarschaftshilfe Marl)" in message.subject
    assert "Sprachcafé Marl" in message.body and "Hausaufgabenhilfe" in message.body
    assert "Frisch geprüft" not in message.body and "Entwurf" not in message.body
    assert "Angebot ist noch aktuell:" in message.body and "Angebot bearbeiten:" in message.body
    confirm_links = [url for url in links(message) if "/noch-aktuell/" in url]
    assert len(confirm_links) == 2
    assert "Angebot ist noch aktuell" in message.alternatives[0][0]
    assert set(Reminder.objects.values_list("offer_id", "step", "cycle")) == {
        (stale_offer.pk, 1, D(2026, 3, 1)), (second.pk, 1, D(2026, 1, 10))}

    mail.outbox.clear()
    assert "1. Erinnerung: 0 Angebote, 0 E-Mails" in run()
    assert mail.outbox == []
    assert Reminder.objects.count() == 2


def test_each_recipient_gets_links_naming_them(stale_offer, make_user, links):
    make_user("mitglied@nachbarn.example.org", organisations=[stale_offer.organisation])
    run()
    for message in mail.outbox:
        [url] = [u for u in links(message) if "/noch-aktuell/" in u]
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert services.read_token(token, stale_offer.pk).email == message.to[0]


def test_the_second_reminder_comes_three_weeks_after_the_first(stale_offer, travel_to):
    run()
    mail.outbox.clear()
    travel_to(D(2026, 12, 15))  # 20 days later
    assert "2. Erinnerung: 0 Angebote," in run()
    assert mail.outbox == []
    travel_to(D(2026, 12, 16))  # 21 days later
    assert "2. Erinnerung: 1 Angebot, 1 E-Mail" in run()
    [message] = mail.outbox
    assert message.subject.endswith("Zweite Erinnerung: Sind Ihre Angebote noch aktuell? "
                                     "(Nachbarschaftshilfe Marl)")
    assert "Bisher haben wir keine Antwort erhalten" in message.body
    mail.outbox.clear()
    run()
    assert mail.outbox == []


def test_the_ki_is_told_three_weeks_after_the_second(stale_offer, travel_to, settings, links):
    settings.KI_EMAIL = "ki@kreis.example.org"
    run()
    travel_to(D(2026, 12, 16))
    run()
    mail.outbox.clear()
    travel_to(D(2027, 1, 5))
    run()
    assert mail.outbox == []
    travel_to(D(2027, 1, 6))
    assert "Hinweis an das KI: 1 Angebot, 1 E-Mail" in run()
    [message] = mail.outbox
    assert message.to == ["ki@kreis.example.org"]
    assert "Überfällig: 1 Angebot ohne Bestätigung" in message.subject
    assert "Nachbarschaftshilfe Marl" in message.body and "Sprachcafé Marl" in message.body
    assert "Erinnert am 25.11.2026 und 16.12.2026" in message.body
    assert any(url.endswith("/de/redaktion/ueberfaellig/") for url in links(message))
    mail.outbox.clear()
    travel_to(D(2027, 3, 1))
    run()
    assert mail.outbox == []  # each step once per cycle
    assert Reminder.objects.filter(offer=stale_offer).count() == 3


def test_organisations_without_an_address_go_straight_to_the_ki(make_offer, make_organisation, settings):
    settings.KI_EMAIL = "ki@kreis.example.org"
    silent = make_organisation(name="Verein ohne Adresse", email="")
    make_offer("Nähcafé", organisation=silent, last_verified=D(2026, 2, 1))
    output = run()
    assert "1. Erinnerung: 0 Angebote," in output and "Hinweis an das KI: 1 Angebot," in output
    [message] = mail.outbox
    assert message.to == ["ki@kreis.example.org"]
    assert "Verein ohne Adresse" in message.body
    assert "Keine E-Mail-Adresse hinterlegt" in message.body
    assert list(Reminder.objects.values_list("step", flat=True)) == [3]


def test_a_confirmation_starts_a_new_cycle(stale_offer, travel_to):
    run()
    travel_to(D(2026, 12, 16))
    run()
    services.confirm(stale_offer, via="staff")  # reference date: 16 December 2026
    mail.outbox.clear()
    travel_to(D(2027, 1, 6))
    run()
    assert mail.outbox == []  # no KI notice: the offer was confirmed
    travel_to(D(2027, 6, 17))  # six months and a day later: due again, a new cycle
    assert "1. Erinnerung: 1 Angebot," in run()
    assert Reminder.objects.filter(offer=stale_offer, cycle=D(2026, 12, 16), step=1).exists()


def test_following_the_link_from_the_email_confirms(client, stale_offer, links):
    run()
    [message] = mail.outbox
    [url] = [u for u in links(message) if "/noch-aktuell/" in u]
    path = url.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert "Ja, das Angebot ist noch aktuell" in page.content.decode()
    assert not Confirmation.objects.exists()
    assert client.post(path).status_code == 200
    confirmation = Confirmation.objects.get()
    assert (confirmation.offer, confirmation.email) == (stale_offer, "info@nachbarn.example.org")
    stale_offer.refresh_from_db()
    assert stale_offer.last_verified == D(2026, 11, 25)


def test_dry_run_prints_what_would_be_sent_and_writes_nothing(stale_offer, make_offer,
                                                            make_organisation):
    make_offer("Nähcafé", organisation=make_organisation(name="Ohne Adresse"),
               last_verified=D(2026, 2, 1))
    output = run("--dry-run")
    assert "Probelauf" in output
    assert "Nachbarschaftshilfe Marl (info@nachbarn.example.org)" in output
    assert "Sprachcafé Marl" in output and "Nähcafé" in output
    assert "1. Erinnerung: 1 Angebot, 1 E-Mail" in output
    assert "Hinweis an das KI: 1 Angebot, 1 E-Mail" in output
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_ended_offers_get_no_reminders(make_offer, make_organisation):
    make_offer("Kurs vorbei", organisation=make_organisation(email="a@example.org"),
               last_verified=D(2026, 1, 1), end_date=D(2026, 10, 31))
    run()
    assert mail.outbox == []


def test_the_today_option_acts_for_that_day(stale_offer):
    assert "1. Erinnerung: 0 Angebote," in run(today=D(2026, 8, 31))  # 1 March: not yet due
    assert "1. Erinnerung: 1 Angebot," in run(today=D(2026, 9, 2))
    assert "2. Erinnerung: 0 Angebote," in run(today=D(2026, 9, 22))
    assert "2. Erinnerung: 1 Angebot," in run(today=D(2026, 9, 23))


def test_a_bad_today_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="2026-11-30"):
        run("--today", "30.11.2026")


def test_the_run_sweeps_expired_offers_from_the_search(stale_offer, travel_to):
    from search.models import SearchDocument

    travel_to(D(2027, 3, 2))
    assert "1 Angebot hat die Suche verlassen." in run()
    assert not SearchDocument.objects.exists()

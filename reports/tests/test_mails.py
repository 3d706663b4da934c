"""A report reaches the organisation and the KI by e-mail."""

from unittest import mock

import pytest
from django.core import mail

from reports.models import Report


@pytest.fixture
def offer(make_offer, provider_org, make_user):
    make_user("kollegin@caritas-test.example.org", organisations=[provider_org])
    return make_offer(title="Sprachcafé am Markt", organisation=provider_org)


def path_of(url, settings):
    assert url.startswith(settings.SITE_URL + "/")
    return url.removeprefix(settings.SITE_URL)


def mail_to(address):
    [message] = [m for m in mail.outbox if address in m.to]
    return message


def test_the_organisation_and_the_ki_each_get_one_email(client, offer, provider, report_url,
                                                        report_data, settings):
    client.post(report_url(offer), report_data(message="Der Kurs ist jetzt dienstags.",
                                               category="times", email="leser@example.org"))
    assert len(mail.outbox) == 2
    to_organisation = mail_to("info@caritas-test.example.org")
    assert sorted(to_organisation.to) == ["anbieter@caritas-test.example.org",
                                          "info@caritas-test.example.org",
                                          "kollegin@caritas-test.example.org"]
    to_ki = mail_to(settings.KI_EMAIL)
    assert to_ki.to == [settings.KI_EMAIL]
    for message in (to_organisation, to_ki):
        assert "Sprachcafé am Markt" in message.subject
        assert message.reply_to == ["leser@example.org"]
        assert "Der Kurs ist jetzt dienstags." in message.body
        assert "Zeiten oder Termine" in message.body
        assert "leser@example.org" in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and "Der Kurs ist jetzt dienstags." in html


def test_the_offer_link_in_both_emails_opens_the_offer(client, offer, report_url, report_data,
                                                       settings):
    client.post(report_url(offer), report_data())
    offer_url = settings.SITE_URL + offer.get_absolute_url()
    for message in mail.outbox:
        assert offer_url in message.body and f'href="{offer_url}"' in message.alternatives[0][0]
    assert client.get(path_of(offer_url, settings)).status_code == 200


def test_only_the_ki_email_links_to_the_staff_list_which_shows_the_report(
        client, offer, editor, report_url, report_data, settings):
    client.post(report_url(offer), report_data(message="Die Nummer ist veraltet."))
    report = Report.objects.get()
    staff_url = f"{settings.SITE_URL}/de/redaktion/meldungen/#meldung-{report.pk}"
    assert staff_url in mail_to(settings.KI_EMAIL).body
    assert "/redaktion/" not in mail_to("info@caritas-test.example.org").body
    client.force_login(editor)
    response = client.get(path_of(staff_url, settings).split("#")[0])
    html = response.content.decode()
    assert f'id="meldung-{report.pk}"' in html and "Die Nummer ist veraltet." in html


def test_without_an_address_there_is_no_reply_to(client, offer, report_url, report_data):
    client.post(report_url(offer), report_data())
    assert [m.reply_to for m in mail.outbox] == [[], []]
    assert all("keine e-mail-adresse für rückfragen" in m.body.lower() for m in mail.outbox)


def test_an_organisation_without_addresses_is_named_in_the_ki_email(
        client, make_offer, make_organisation, report_url, report_data, settings):
    offer = make_offer(organisation=make_organisation("Ohne Adresse e. V.", email=""))
    client.post(report_url(offer), report_data())
    [message] = mail.outbox
    assert message.to == [settings.KI_EMAIL]
    assert "wurde nicht benachrichtigt" in message.body


def test_html_in_a_report_is_text_in_the_emails(client, offer, report_url, report_data):
    client.post(report_url(offer), report_data(message='<script>alert("x")</script> & <b>fett</b>'))
    for message in mail.outbox:
        html = message.alternatives[0][0]
        assert "<script>" not in html and "<b>fett</b>" not in html
        assert "&lt;script&gt;" in html and "&amp; &lt;b&gt;fett&lt;/b&gt;" in html
        # the plain-text part shows exactly what was typed, not HTML entities
        assert '<script>alert("x")</script> & <b>fett</b>' in message.body


def test_an_offer_title_with_special_characters_is_not_mangled_in_the_subject(
        client, make_offer, provider_org, report_url, report_data):
    offer = make_offer(title="Eltern & Kinder <Treff>", organisation=provider_org)
    client.post(report_url(offer), report_data())
    assert all("„Eltern & Kinder <Treff>“" in m.subject for m in mail.outbox)


def test_a_failing_mail_server_does_not_lose_the_report(client, offer, report_url, report_data):
    with mock.patch("django.core.mail.EmailMultiAlternatives.send",
                    side_effect=ConnectionRefusedError):
        response = client.post(report_url(offer), report_data())
    assert response.status_code == 200 and "Danke für Ihre Meldung" in response.content.decode()
    assert Report.objects.count() == 1

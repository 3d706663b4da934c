"""The public "Fehler melden" form: published offers only, no account, no cookie."""

import pytest
from django.core import mail

from offers.models import Offer
from reports.models import Report


def test_the_form_of_a_published_offer_names_the_offer_and_its_provider(
        client, make_offer, make_organisation, report_url):
    offer = make_offer(title="Sprachcafé am Markt",
                       organisation=make_organisation("Stadtteilbüro Nord"))
    response = client.get(report_url(offer))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sprachcafé am Markt" in html and "Stadtteilbüro Nord" in html
    assert '<label for="id_message">Was ist falsch oder fehlt?' in html
    assert "<textarea" in html and 'maxlength="4000"' in html
    assert "Telefonnummer" in html  # the hint what helps
    assert 'type="email" name="email"' in html and "für Rückfragen" in html
    assert "nur, um bei Fragen zu dieser Meldung nachzufragen" in html
    assert "Das Angebot gibt es nicht mehr" in html  # the optional choice
    assert 'name="homepage"' in html and 'name="form_token"' in html


def test_the_offer_page_links_to_the_form(client, make_offer, report_url):
    offer = make_offer()
    html = client.get(offer.get_absolute_url()).content.decode()
    assert f'href="{report_url(offer)}"' in html
    assert client.get(report_url(offer)).status_code == 200


@pytest.mark.parametrize("status", [Offer.Status.DRAFT, Offer.Status.PENDING, Offer.Status.ARCHIVED])
def test_an_offer_that_is_not_published_cannot_be_reported(client, make_offer, report_url,
                                                            report_data, status):
    offer = make_offer(status=status)
    assert client.get(report_url(offer)).status_code == 404
    assert client.post(report_url(offer), report_data()).status_code == 404
    assert not Report.objects.exists()


def test_an_unknown_offer_cannot_be_reported(client, db):
    assert client.get("/de/angebote/999999/fehler-melden/").status_code == 404


def test_a_report_is_stored_and_thanked_for_with_a_link_back(client, make_offer, report_url,
                                                              report_data):
    offer = make_offer(title="Hausaufgabenhilfe")
    response = client.post(report_url(offer), report_data(
        message="Der Kurs ist jetzt dienstags.", category="times", email="leser@example.org"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Danke für Ihre Meldung" in html
    assert f'href="{offer.get_absolute_url()}"' in html
    report = Report.objects.get()
    assert (report.offer, report.message, report.category, report.email, report.status) == (
        offer, "Der Kurs ist jetzt dienstags.", "times", "leser@example.org", Report.Status.OPEN)
    assert len(report.address_hash) == 64 and "127.0.0.1" not in report.address_hash


def test_a_missing_message_is_shown_next_to_the_field_and_the_input_is_kept(
        client, make_offer, report_url, report_data):
    offer = make_offer()
    response = client.post(report_url(offer), report_data(
        message="   ", email="leser@example.org", category="contact"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in html
    assert '<ul class="errorlist" id="id_message_error"><li>Dieses Feld ist zwingend erforderlich.' in html
    assert 'value="leser@example.org"' in html
    assert 'value="contact" id="id_category_0" checked' in html
    assert not Report.objects.exists() and not mail.outbox


def test_a_too_long_message_is_refused(client, make_offer, report_url, report_data):
    offer = make_offer()
    response = client.post(report_url(offer), report_data(message="x" * 4001))
    assert "höchstens 4000 Zeichen" in response.content.decode()
    assert not Report.objects.exists()


def test_an_invalid_email_is_shown_next_to_its_field(client, make_offer, report_url, report_data):
    response = client.post(report_url(make_offer()), report_data(email="keine-adresse"))
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'value="keine-adresse"' in html
    assert "Die Telefonnummer stimmt nicht mehr." in html
    assert not Report.objects.exists()


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored_or_sent(client, make_offer, report_url,
                                                                     report_data):
    response = client.post(report_url(make_offer()), report_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert "Danke für Ihre Meldung" in response.content.decode()
    assert not Report.objects.exists() and not mail.outbox


def test_a_form_without_a_valid_token_is_shown_again_with_the_input(client, make_offer, report_url,
                                                                   report_data):
    response = client.post(report_url(make_offer()), report_data(form_token="gefälscht"))
    html = response.content.decode()
    assert "Das Formular war zu lange geöffnet" in html
    assert "Die Telefonnummer stimmt nicht mehr." in html
    assert not Report.objects.exists()


def test_a_post_from_another_site_is_refused(client, make_offer, report_url, report_data):
    response = client.post(report_url(make_offer()), report_data(),
                           HTTP_ORIGIN="https://boese.example")
    assert response.status_code == 403
    assert not Report.objects.exists() and not mail.outbox


def test_a_post_from_our_own_page_is_accepted(client, make_offer, report_url, report_data):
    response = client.post(report_url(make_offer()), report_data(), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200 and Report.objects.count() == 1


def test_anonymous_visitors_get_no_cookie_at_any_step(client, make_offer, report_url, report_data):
    offer = make_offer()
    responses = [
        client.get(report_url(offer)),
        client.post(report_url(offer), report_data(message="")),
        client.post(report_url(offer), report_data()),
    ]
    for response in responses:
        assert not response.cookies, response.cookies
        assert "Set-Cookie" not in response.headers
    assert not client.cookies
    assert Report.objects.count() == 1


def test_html_in_a_report_is_shown_as_text_on_the_form_again(client, make_offer, report_url,
                                                              report_data):
    response = client.post(report_url(make_offer()), report_data(
        message="<script>alert(1)</script>", email="falsch"))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_email_longer_than_the_database_allows_is_refused(client, make_offer, report_url,
                                                            report_data):
    address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".de"  # 311 characters, valid otherwise
    assert len(address) > 254
    response = client.post(report_url(make_offer()), report_data(email=address))
    assert 'id="id_email_error"' in response.content.decode()
    assert not Report.objects.exists()

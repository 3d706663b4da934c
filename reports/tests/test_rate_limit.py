"""At most REPORTS_PER_ADDRESS_PER_HOUR reports per address and hour; the address is kept only
as a keyed hash."""

import pytest

from reports.models import Report

LIMIT = 5


@pytest.fixture(autouse=True)
def limit(settings):
    settings.REPORTS_PER_ADDRESS_PER_HOUR = LIMIT


def send(client, url, data, address="198.51.100.7"):
    return client.post(url, data, REMOTE_ADDR=address)


def test_the_report_over_the_limit_is_refused_with_the_input_kept(
        client, make_offer, report_url, report_data, clock):
    url = report_url(make_offer())
    for _ in range(LIMIT):
        assert send(client, url, report_data()).status_code == 200
        clock.advance(minutes=5)
    response = send(client, url, report_data(message="Die Adresse ist falsch.",
                                             email="leser@example.org"))
    html = response.content.decode()
    assert response.status_code == 429
    assert '<div class="form-errors" role="alert">' in html
    assert "in der letzten Stunde schon mehrere Meldungen" in html
    assert "in 36 Minuten noch einmal" in html
    assert "Die Adresse ist falsch." in html and 'value="leser@example.org"' in html
    # the first report leaves the hour 35 minutes from now
    assert int(response["Retry-After"]) == 35 * 60 + 1
    assert not response.cookies
    assert Report.objects.count() == LIMIT


def test_another_address_can_still_report(client, make_offer, report_url, report_data, clock):
    url = report_url(make_offer())
    for _ in range(LIMIT):
        send(client, url, report_data())
    assert send(client, url, report_data()).status_code == 429
    assert send(client, url, report_data(), address="203.0.113.9").status_code == 200
    assert Report.objects.count() == LIMIT + 1


def test_an_hour_later_the_address_can_report_again(client, make_offer, report_url, report_data,
                                                    clock):
    url = report_url(make_offer())
    for _ in range(LIMIT):
        send(client, url, report_data())
    clock.advance(minutes=59)
    assert send(client, url, report_data()).status_code == 429
    clock.advance(minutes=1, seconds=1)
    assert send(client, url, report_data()).status_code == 200
    assert Report.objects.count() == LIMIT + 1


def test_the_limit_counts_reports_on_all_offers(client, make_offer, report_url, report_data, clock):
    offers = [make_offer(title=f"Angebot {n}") for n in range(LIMIT + 1)]
    for offer in offers[:-1]:
        send(client, report_url(offer), report_data())
    assert send(client, report_url(offers[-1]), report_data()).status_code == 429


def test_the_limit_follows_the_setting(client, make_offer, report_url, report_data, settings, clock):
    settings.REPORTS_PER_ADDRESS_PER_HOUR = 2
    url = report_url(make_offer())
    assert [send(client, url, report_data()).status_code for _ in range(3)] == [200, 200, 429]


def test_an_ipv6_network_counts_as_one_address(client, make_offer, report_url, report_data, clock):
    url = report_url(make_offer())
    for n in range(LIMIT):
        send(client, url, report_data(), address=f"2001:db8:1:2::{n + 1}")
    assert send(client, url, report_data(), address="2001:db8:1:2::ffff").status_code == 429
    assert send(client, url, report_data(), address="2001:db8:1:3::1").status_code == 200


def test_the_address_is_stored_only_as_a_keyed_hash(client, make_offer, report_url, report_data,
                                                    settings):
    url = report_url(make_offer())
    send(client, url, report_data())
    settings.SECRET_KEY = "ein-anderer-schluessel-" + "x" * 40
    send(client, url, report_data())
    first, second = Report.objects.order_by("pk").values_list("address_hash", flat=True)
    assert first != second  # the hash depends on the key, so it cannot be looked up without it
    assert "198.51.100.7" not in first

"""The start page's counts agree with the search: hidden and ended offers are not counted."""

import datetime

import pytest
from django.urls import reverse

D = datetime.date


@pytest.fixture(autouse=True)
def _today(travel_to):
    travel_to(D(2026, 11, 25))


def test_topic_and_city_counts_follow_the_date(client, make_offer, travel_to):
    make_offer(topics=["kultur"], cities=["marl"], last_verified=D(2026, 10, 1))
    make_offer(topics=["kultur"], cities=["marl"], last_verified=D(2026, 11, 20))
    make_offer(topics=["kultur"], cities=["marl"], last_verified=D(2025, 10, 1))  # hidden already
    html = client.get(reverse("pages:home")).content.decode()
    assert "2 Angebote" in html
    assert 'href="/de/angebote/?city=marl">Marl <span class="count">(2)</span>' in html
    travel_to(D(2027, 10, 2))
    html = client.get(reverse("pages:home")).content.decode()
    assert "1 Angebot<" in html
    assert 'href="/de/angebote/?city=marl">Marl <span class="count">(1)</span>' in html

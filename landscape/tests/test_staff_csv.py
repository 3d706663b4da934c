"""The staff CSV of the Angebotslandschaft: per city × topic the visible offers, the review
figures and how many were confirmed within 6 / 12 months (today is pinned to 2026-11-25)."""

import csv
import datetime
import io

import pytest
from django.utils import timezone, translation

from offers.models import Offer
from taxonomy.models import City, Topic

CSV = "/de/redaktion/angebotslandschaft/export.csv"
STAFF = "/de/redaktion/angebotslandschaft/"
D = datetime.date
HEADER = ["Stadt", "Themenfeld", "sichtbar", "zur Prüfung fällig", "ausgeblendet", "veröffentlicht",
          "in 6 Monaten bestätigt", "in 12 Monaten bestätigt", "zuletzt geändert"]


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def find(rows, city, topic):
    return next(row for row in rows if row[0] == city and row[1] == topic)


def expected(city, topic, **filters):
    """The row for one cell, counted offer by offer from the database."""
    cell = Offer.objects.filter(cities__slug=city, topics__slug=topic, **filters).distinct()
    published = [offer for offer in cell if offer.status == Offer.Status.PUBLISHED]
    last = max((offer.updated_at for offer in published), default=None)
    return [
        str(Offer.objects.visible().filter(pk__in=cell.values("pk")).count()),
        str(Offer.objects.due_for_review().filter(pk__in=cell.values("pk")).count()),
        str(Offer.objects.hidden_for_review().filter(pk__in=cell.values("pk")).count()),
        str(len(published)),
        str(sum(1 for o in published if o.last_verified and o.last_verified >= D(2026, 5, 25))),
        str(sum(1 for o in published if o.last_verified and o.last_verified >= D(2025, 11, 25))),
        timezone.localdate(last).isoformat() if last else "",
    ]


@pytest.fixture
def offers(make_offer):
    made = {
        "fresh": make_offer(title="frisch", cities=["marl", "dorsten"], topics=["sprache", "arbeit"],
                            target_groups=["gefluechtete"], languages=["de", "ar"],
                            last_verified=D(2026, 10, 1)),
        "due": make_offer(title="fällig", last_verified=D(2026, 3, 1), target_groups=["kinder"]),
        "hidden": make_offer(title="ausgeblendet", last_verified=D(2025, 6, 1)),
        "draft": make_offer(title="Entwurf", status=Offer.Status.DRAFT),
    }
    # Fixed change times, so the "last change" column can be checked.
    for key, day in (("fresh", D(2026, 11, 2)), ("due", D(2026, 9, 14)), ("hidden", D(2025, 6, 1)),
                     ("draft", D(2026, 11, 20))):
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        Offer.objects.filter(pk=made[key].pk).update(updated_at=moment)
    return made


@pytest.fixture
def staff_client(client, editor):
    client.force_login(editor)
    return client


def test_the_csv_is_well_formed(staff_client, offers):
    response = staff_client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="angebotslandschaft-redaktion.csv"' in response["Content-Disposition"]
    assert b"\r\n" in response.content
    translation.activate("de")
    rows = csv_rows(response)
    assert rows[0] == HEADER
    assert len(rows) == 1 + City.objects.count() * Topic.objects.count()
    assert {len(row) for row in rows} == {len(HEADER)}


def test_every_row_agrees_with_the_database(staff_client, offers):
    rows = csv_rows(staff_client.get(CSV))
    for city in City.objects.all():
        for topic in Topic.objects.all():
            assert find(rows, city.name, topic.name)[2:] == expected(city.slug, topic.slug)
    marl = find(rows, "Marl", "Sprache")
    # visible: fresh + due; due: due + hidden; hidden: hidden; published: 3; draft left out
    assert marl[2:] == ["2", "2", "1", "3", "1", "2", "2026-11-02"]
    assert find(rows, "Dorsten", "Arbeit und Ausbildung")[2:] == ["1", "0", "0", "1", "1", "1", "2026-11-02"]
    assert find(rows, "Datteln", "Sprache")[2:] == ["0", "0", "0", "0", "0", "0", ""]


def test_archiving_an_offer_lowers_its_cells(staff_client, offers):
    offers["fresh"].status = Offer.Status.ARCHIVED
    offers["fresh"].save()
    Offer.objects.filter(pk=offers["fresh"].pk).update(
        updated_at=timezone.make_aware(datetime.datetime(2026, 11, 24, 12)))
    rows = csv_rows(staff_client.get(CSV))
    assert find(rows, "Marl", "Sprache")[2:] == ["1", "2", "1", "2", "0", "1", "2026-09-14"]
    assert find(rows, "Dorsten", "Arbeit und Ausbildung")[2:] == ["0", "0", "0", "0", "0", "0", ""]
    assert find(rows, "Marl", "Sprache")[2:] == expected("marl", "sprache")


def test_the_filters_apply_to_every_column(staff_client, offers):
    rows = csv_rows(staff_client.get(CSV, {"target_group": "kinder"}))
    assert find(rows, "Marl", "Sprache")[2:] == ["1", "1", "0", "1", "0", "1", "2026-09-14"]
    assert find(rows, "Marl", "Sprache")[2:] == expected("marl", "sprache", target_groups__slug="kinder")
    rows = csv_rows(staff_client.get(CSV, {"language": "ar"}))
    assert find(rows, "Marl", "Sprache")[2:] == ["1", "0", "0", "1", "1", "1", "2026-11-02"]
    assert find(rows, "Dorsten", "Sprache")[2:] == expected("dorsten", "sprache", languages__slug="ar")


def test_the_sort_is_the_pages_sort(staff_client, offers):
    rows = csv_rows(staff_client.get(CSV, {"sort": "count"}))
    assert rows[1][:3] == ["Marl", "Sprache", "2"]
    visible = [int(row[2]) for row in rows[1:]]
    assert visible == sorted(visible, reverse=True)


def test_odd_parameters_are_ignored(staff_client, offers):
    for query in ({"target_group": "\x00"}, {"language": "xx"}, {"sort": "evil"}):
        assert staff_client.get(CSV, query).status_code == 200


def test_the_staff_page_links_the_staff_csv_with_its_filters(staff_client, offers):
    html = staff_client.get(STAFF, {"target_group": "kinder"}).content.decode()
    assert f"{CSV}?target_group=kinder&amp;sort=city" in html
    assert "/de/angebotslandschaft/export.csv" not in html


def test_the_public_page_keeps_the_public_csv(client, offers):
    html = client.get("/de/angebotslandschaft/").content.decode()
    assert "/de/angebotslandschaft/export.csv" in html and CSV not in html


def test_anonymous_visitors_must_log_in_and_providers_are_refused(client, provider):
    response = client.get(CSV)
    assert response.status_code == 302 and "?next=" in response["Location"]
    client.force_login(provider)
    assert client.get(CSV).status_code == 403

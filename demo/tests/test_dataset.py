"""The demo data set as built (no database writes): size, coverage, variety, fictional contacts."""

import collections
import datetime

import pytest

from demo.seed.build import build_dataset
from taxonomy.models import City, Language, TargetGroup, Topic

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture(scope="module")
def dataset(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        cities = list(City.objects.all())
    return build_dataset(cities, today=TODAY)


def test_it_is_big_enough(dataset):
    assert len(dataset["offers"]) >= 240
    assert len(dataset["organisations"]) >= 45
    assert all(1 <= len(o["contacts"]) <= 3 for o in dataset["organisations"])


@pytest.mark.django_db
def test_it_covers_every_city_topic_and_target_group(dataset):
    cities = collections.Counter(c for o in dataset["offers"] for c in o["cities"])
    topics = collections.Counter(t for o in dataset["offers"] for t in o["topics"])
    groups = collections.Counter(g for o in dataset["offers"] for g in o["target_groups"])
    languages = {lang for o in dataset["offers"] for lang in o["languages"]}
    assert {slug: n for slug, n in cities.items() if n < 12} == {}
    assert set(cities) == set(City.objects.values_list("slug", flat=True))
    assert {slug: n for slug, n in topics.items() if n < 10} == {}
    assert set(topics) == set(Topic.objects.values_list("slug", flat=True))
    assert set(groups) == set(TargetGroup.objects.values_list("slug", flat=True))
    assert groups["migrationshintergrund"] >= 100 and groups["neuzugewanderte"] >= 100
    assert len(languages) >= 12 and languages <= set(Language.objects.values_list("slug", flat=True))


def test_it_is_the_same_on_every_build(dataset):
    with_db_cities = [type("C", (), {"slug": c, "name": c.title(), "postcodes": ["45000"],
                                     "latitude": 51.6, "longitude": 7.2})()
                      for c in {c for o in dataset["offers"] for c in o["cities"]}]
    first = build_dataset(with_db_cities, today=TODAY)
    second = build_dataset(with_db_cities, today=TODAY)
    assert [o["title"] for o in first["offers"]] == [o["title"] for o in second["offers"]]
    assert [o["description"] for o in first["offers"]] == [o["description"] for o in second["offers"]]


def test_its_texts_vary_like_real_providers_write(dataset):
    offers = dataset["offers"]
    titles = {o["title"] for o in offers}
    summaries = {o["summary"] for o in offers}
    openings = collections.Counter(" ".join(o["description"].split()[:3]) for o in offers)
    assert len(summaries) / len(offers) >= 0.9
    assert len(titles) / len(offers) >= 0.8
    assert openings.most_common(1)[0][1] / len(offers) <= 0.05
    assert len(openings) >= 60
    text = " ".join(o["title"] + " " + o["description"] for o in offers)
    for word in ("MBE", "JMD", "BAMF", "Integrationskurs", "DTZ", "Kita", "BuT", "Jobcenter",
                 "Sprachcafé", "Hausaufgabenhilfe", "Möbelbörse", "Frauenfrühstück",
                 "Bewerbungstraining", "Fahrradwerkstatt", "Nähcafé", "B1"):
        assert word in text, word


def test_it_has_the_offers_testers_look_for(dataset):
    offers = dataset["offers"]

    def cities_of(kind):
        return {c for o in offers if o["kind"] == kind for c in o["cities"]}

    assert len(cities_of("sprachcafe")) >= 4
    for kind in ("moebelboerse", "hausaufgabenhilfe", "jmd", "mbe", "frauenschwimmen",
                 "integrationskurs"):
        assert cities_of(kind), kind
    course = next(o for o in offers if o["title"] == "Deutschkurs für Frauen mit Kinderbetreuung"
                  and o["cities"] == ["marl"])
    assert course["childcare"] and course["status"] == "published"
    assert {"frauen", "neuzugewanderte"} <= set(course["target_groups"])
    assert {"sprache", "frauen"} <= set(course["topics"])


def test_every_contact_is_fictional(dataset):
    contacts = [c for o in dataset["organisations"] for c in o["contacts"]]
    emails = [c["email"] for c in contacts] + [o["email"] for o in dataset["organisations"]]
    assert all(e.rsplit("@", 1)[1] == "example.org" for e in emails)
    websites = [o["website"] for o in dataset["organisations"]] + [
        o["website"] for o in dataset["offers"] if o["website"]]
    assert all(w.startswith("https://example.org/") for w in websites)
    assert len({c["name"] for c in contacts}) == len(contacts)
    without_consent = [c for c in contacts if c["consent_given_on"] is None]
    assert 1 <= len(without_consent) <= len(contacts) // 4
    assert all(o["contacts"][0]["consent_given_on"] for o in dataset["organisations"])


def test_its_dates_are_spread_and_plausible(dataset):
    offers = dataset["offers"]
    verified = [o["last_verified"] for o in offers if o["last_verified"]]
    assert 1 <= len(offers) - len(verified) <= 30
    assert min(verified) < TODAY - datetime.timedelta(days=425)
    assert max(o["created_days_ago"] for o in offers) > 600
    for o in offers:
        if o["start_date"] and o["end_date"]:
            assert o["end_date"] >= o["start_date"]
        for _day, opens, closes, _note in o["times"]:
            assert opens < closes
        if o["is_online"]:
            assert o["places"] == []
        for place in o["places"]:
            assert place["city"] in o["cities"]
    statuses = collections.Counter(o["status"] for o in offers)
    assert statuses["published"] >= 0.9 * len(offers)
    assert statuses["draft"] and statuses["pending"] and statuses["archived"]

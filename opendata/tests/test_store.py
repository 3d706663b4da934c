"""Generated on demand, cached until the data changes, written atomically, generated once."""

import datetime
import threading
import time

import pytest

from freshness.services import confirm
from opendata import store


@pytest.fixture
def generations(monkeypatch):
    """How many packages were generated since the test began."""
    start = store.generated
    return lambda: store.generated - start


def test_an_unchanged_database_reuses_the_files_without_generating_again(
        open_data_dir, world, generations):
    first = store.current()
    mtime = first.path("offers.csv").stat().st_mtime_ns
    second = store.current()
    assert generations() == 1
    assert second.directory == first.directory
    assert second.path("offers.csv").stat().st_mtime_ns == mtime


def test_a_changed_offer_produces_a_new_package_and_the_old_one_is_removed(
        open_data_dir, world, generations):
    old = store.current()
    offer = world["offer"]
    offer.title = "Sprachcafé Marl am Markt"
    offer.save()
    new = store.current()
    assert generations() == 2
    assert new.directory != old.directory
    assert not old.directory.exists()
    assert "Sprachcafé Marl am Markt" in new.path("offers.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("change", [
    "contact_consent", "contact_phone", "time_added", "time_changed", "translation", "confirmation",
    "organisation_created", "place_moved", "taxonomy_renamed",
])
def test_every_kind_of_change_that_reaches_the_package_regenerates_it(
        open_data_dir, world, generations, change, make_organisation, make_offer):
    from offers.models import OfferTime, OfferTranslation
    from taxonomy.models import Topic

    second = make_offer(title="Hausaufgabenhilfe", organisation=world["organisation"])
    store.current()
    offer = world["offer"]
    if change == "contact_consent":
        world["secret"].consent_given_on = datetime.date(2026, 11, 1)
        world["secret"].save()
    elif change == "contact_phone":
        world["public"].phone = "+49 2365 55555"
        world["public"].save()
    elif change == "time_added":
        OfferTime.objects.create(offer=offer, weekday=3, opens_at=datetime.time(9),
                                 closes_at=datetime.time(10))
    elif change == "time_changed":  # same row, same id: only search.version.changed_at sees it
        time_row = offer.times.get()
        time_row.closes_at = datetime.time(18)
        time_row.save()
    elif change == "translation":
        OfferTranslation.objects.create(offer=offer, language="en", title="Language café")
    elif change == "confirmation":
        confirm(offer, via="staff")
        store.current()
        # a second offer confirmed the same day: neither the latest confirmation day nor the
        # set of visible offers nor any updated_at moves, only its last_verified
        confirm(second, via="staff")
    elif change == "organisation_created":
        make_organisation("Neuer Verein")
    elif change == "place_moved":
        place = offer.places.get()
        place.street = "Marktplatz 2"
        place.save()
    elif change == "taxonomy_renamed":
        topic = Topic.objects.get(slug="kultur")
        topic.name = "Kultur und Feste"
        topic.save()
    before = generations()
    store.current()
    assert generations() == before + 1


def test_an_offer_leaving_the_search_as_days_pass_regenerates_the_package(
        open_data_dir, world, generations, travel_to):
    first = store.current()
    assert "Sprachcafé Marl" in first.path("offers.csv").read_text(encoding="utf-8")
    travel_to(datetime.date(2027, 10, 2))  # twelve months after its last confirmation
    second = store.current()
    assert generations() == 2
    assert "Sprachcafé Marl" not in second.path("offers.csv").read_text(encoding="utf-8")


def test_a_failed_generation_leaves_no_half_written_package(open_data_dir, world, monkeypatch):
    def broken(directory, **kwargs):
        (directory / "offers.csv").write_text("id\n1\n")
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "build_package", broken)
    with pytest.raises(RuntimeError):
        store.current()
    assert [p.name for p in open_data_dir.iterdir()] == [".lock"]


def test_older_generations_go_but_other_files_of_the_operator_stay(open_data_dir, world):
    open_data_dir.mkdir(parents=True)
    (open_data_dir / "0123456789abcdef01234567").mkdir()  # an old generation
    (open_data_dir / ".tmp-crashed").mkdir()  # left by a crash
    (open_data_dir / "README").write_text("kept")
    (open_data_dir / "backups").mkdir()
    generation = store.current()
    assert sorted(p.name for p in open_data_dir.iterdir()) == sorted(
        [".lock", "README", "backups", generation.directory.name])


def test_concurrent_requests_generate_the_package_only_once(open_data_dir, monkeypatch):
    """Threads stand for workers: all ask at once, one generates, the others wait for it."""
    calls = []

    def slow_build(directory, fingerprint="", today=None):
        calls.append(fingerprint)
        time.sleep(0.2)
        (directory / "manifest.json").write_text(
            '{"created": "2026-11-25T10:00:00Z", "files": [], "offers": 0, "rows": {}}')

    monkeypatch.setattr(store, "fingerprint", lambda today=None: "ab" * 12)
    monkeypatch.setattr(store, "build_package", slow_build)
    results = []
    threads = [threading.Thread(target=lambda: results.append(store.current())) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["ab" * 12]
    assert len({result.directory for result in results}) == 1 and len(results) == 5

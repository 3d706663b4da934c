"""The index follows every change, and bulk imports index once at the end."""

import pytest

from offers.models import Offer, Place
from search.engine import search_offers
from search.indexing import bulk_indexing, reindex_offers
from search.models import SearchDocument, SearchFacet
from search.params import SearchParams
from taxonomy.models import City, Topic

pytestmark = pytest.mark.django_db


def test_an_edited_title_is_found_at_once(make_offer, search):
    offer = make_offer("Nähcafé")
    offer.title = "Fahrradwerkstatt"
    offer.save()
    assert search("Fahrrad") == ["Fahrradwerkstatt"]
    assert search("Nähcafé") == []


def test_unpublishing_removes_the_offer_and_publishing_brings_it_back(make_offer, search):
    offer = make_offer("Elterncafé")
    offer.status = Offer.Status.ARCHIVED
    offer.save()
    assert search("Elterncafé") == []
    offer.status = Offer.Status.PUBLISHED
    offer.save()
    assert search("Elterncafé") == ["Elterncafé"]


def test_changed_cities_and_topics_are_followed(make_offer, search):
    offer = make_offer("Sprachtreff", cities=["marl"], topics=["sprache"])
    offer.cities.add(City.objects.get(slug="herten"))
    offer.topics.remove(Topic.objects.get(slug="sprache"))
    assert search(city=["herten"]) == ["Sprachtreff"]
    assert search(topic=["sprache"]) == []
    City.objects.get(slug="dorsten").offers.add(offer)  # from the other side
    assert search(city=["dorsten"]) == ["Sprachtreff"]
    City.objects.get(slug="dorsten").offers.clear()
    assert search(city=["dorsten"]) == []


def test_a_renamed_provider_is_found_under_its_new_name(make_offer, make_organisation, search):
    org = make_organisation("Alter Verein")
    make_offer("Sprachtreff", organisation=org)
    org.name = "Nachbarschaftsverein Sonnenblume"
    org.save()
    assert search("Sonnenblume") == ["Sprachtreff"]
    assert search("Alter Verein") == []


def test_a_place_makes_its_street_searchable(make_offer, search):
    offer = make_offer("Sprachtreff")
    Place.objects.create(offer=offer, street="Lindenallee 5", city=City.objects.get(slug="marl"))
    assert search("Lindenallee") == ["Sprachtreff"]


def test_a_deleted_offer_disappears(make_offer, search):
    offer = make_offer("Sprachtreff")
    assert search("Sprachtreff") == ["Sprachtreff"]
    offer.delete()
    assert search("Sprachtreff") == []
    assert not SearchDocument.objects.exists()
    assert not SearchFacet.objects.exists()


def test_an_offer_with_places_can_be_deleted_without_leaving_a_document(make_offer, search):
    # Deleting cascades to the places first; their signals must not re-create the
    # offer's document, which would then point at a deleted offer.
    offer = make_offer("Sprachtreff")
    Place.objects.create(offer=offer, street="Lindenallee 5", city=City.objects.get(slug="marl"))
    offer.delete()
    assert search("Sprachtreff") == []
    assert not SearchDocument.objects.exists()
    assert not SearchFacet.objects.exists()


def test_bulk_indexing_indexes_once_at_the_end(make_organisation, django_assert_max_num_queries):
    org = make_organisation()
    with bulk_indexing() as session:
        Offer.objects.create(title="Erstes Angebot", organisation=org, status="published")
        created = Offer.objects.bulk_create(
            [Offer(title=f"Kochkurs {n}", organisation=org, status="published") for n in range(50)]
        )
        session.add(o.pk for o in created)
        assert not SearchDocument.objects.exists()
    assert SearchDocument.objects.count() == 51
    assert search_offers(SearchParams(q="Kochkurs")).count == 50


def test_reindex_offers_rebuilds_documents_in_batches(make_offer):
    offers = [make_offer(f"Kochkurs {n}") for n in range(7)]
    SearchDocument.objects.all().delete()
    assert reindex_offers([o.pk for o in offers] + [999_999], batch_size=3) == 7
    assert search_offers(SearchParams(q="Kochkurs")).count == 7


def test_the_rebuild_command_rebuilds_everything(make_offer):
    from django.core.management import call_command

    make_offer("Kochkurs")
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert search_offers(SearchParams(q="Kochkurs")).count == 1

from taxonomy.loader import read_taxonomy
from taxonomy.models import City, Language, TargetGroup, Topic


def test_every_new_database_has_the_starting_taxonomy(db):
    data = read_taxonomy()
    assert City.objects.count() == len(data["cities"]) == 11
    assert Topic.objects.count() == len(data["topics"]) == 12
    assert TargetGroup.objects.count() == len(data["target_groups"]) == 10
    assert Language.objects.count() == len(data["languages"]) == 21


def test_the_two_seed_filters_are_marked(db):
    seeds = set(TargetGroup.objects.filter(is_seed_filter=True).values_list("slug", flat=True))
    assert seeds == {"migrationshintergrund", "neuzugewanderte"}


def test_kreisweit_is_the_districtwide_city(db):
    assert list(City.objects.filter(is_districtwide=True).values_list("slug", flat=True)) == [
        "kreisweit"
    ]
    assert Language.objects.get(slug="ar").is_rtl

"""Loads the project's copy of the starting taxonomy (taxonomy/data/taxonomy.json)."""

import json
from pathlib import Path

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"


def read_taxonomy():
    return json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))


def load_taxonomy(City, Topic, TargetGroup, Language):
    """Create missing terms; existing ones (possibly renamed by staff) are left alone."""
    data = read_taxonomy()
    for position, city in enumerate(data["cities"]):
        City.objects.get_or_create(
            slug=city["slug"],
            defaults={
                "name": city["name"],
                "position": position,
                "postcodes": city.get("postcodes", []),
                "latitude": city.get("lat"),
                "longitude": city.get("lon"),
                "is_districtwide": city["slug"] == "kreisweit",
            },
        )
    for position, topic in enumerate(data["topics"]):
        Topic.objects.get_or_create(
            slug=topic["slug"],
            defaults={"name": topic["name"], "position": position, "covers": topic.get("covers", "")},
        )
    for position, group in enumerate(data["target_groups"]):
        TargetGroup.objects.get_or_create(
            slug=group["slug"],
            defaults={
                "name": group["name"],
                "position": position,
                "is_seed_filter": bool(group.get("seed_filter")),
            },
        )
    for position, language in enumerate(data["languages"]):
        Language.objects.get_or_create(
            slug=language["code"],
            defaults={
                "name": language["name"],
                "position": position,
                "native_name": language.get("native", ""),
                "is_rtl": bool(language.get("rtl")),
            },
        )

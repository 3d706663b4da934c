"""Build the whole demo data set as plain dicts, deterministically from one seed.

Dates are relative to `today`, so the data looks equally fresh whenever it is loaded; all
other choices come from `random.Random(SEED)`.
"""

import datetime
import random

from django.utils.text import slugify

from . import (
    kinds_arbeit_beratung,
    kinds_frauen_sport,
    kinds_gesundheit_wohnen_familie,
    kinds_kultur_ehrenamt,
    kinds_sprache_bildung,
)
from .compose import compose_offer, make_place
from .organisations import ORGANISATIONS
from .people import ROLES, NamePool, email_for
from .places import AREA_CODES, phone_number, street_address
from .translations import translations_for

SEED = 20260
KINDS = (kinds_sprache_bildung.KINDS + kinds_arbeit_beratung.KINDS
         + kinds_gesundheit_wohnen_familie.KINDS + kinds_frauen_sport.KINDS
         + kinds_kultur_ehrenamt.KINDS)
KINDS_BY_KEY = {k.key: k for k in KINDS}

# Offers per city (by where they take place); "kreisweit" counts district-wide offers.
CITY_TARGETS = {
    "recklinghausen": 28, "marl": 26, "gladbeck": 25, "dorsten": 24, "castrop-rauxel": 24,
    "herten": 23, "haltern-am-see": 20, "datteln": 20, "oer-erkenschwick": 19, "waltrop": 19,
    "kreisweit": 18,
}
# Kinds every tester expects to find somewhere: (kind, cities).
ANCHORS = [
    ("sprachcafe", ("recklinghausen", "marl", "gladbeck", "datteln", "herten", "waltrop")),
    ("moebelboerse", ("marl", "datteln", "waltrop", "gladbeck")),
    ("hausaufgabenhilfe", ("marl", "herten", "dorsten", "castrop-rauxel")),
    ("mbe", ("recklinghausen", "marl", "gladbeck", "castrop-rauxel")),
    ("jmd", ("recklinghausen", "dorsten", "marl")),
    ("frauenschwimmen", ("herten", "haltern-am-see", "waltrop")),
    ("integrationskurs", ("marl", "dorsten", "recklinghausen")),
]
# Organisations that also run offers in other cities than their own.
REGIONAL = {"bwvk", "mdv", "psnv", "lichtblick", "rhv", "jobbruecke", "ki"}

MARL_COURSE_CONTACT = ("Leyla", "Kaya")


def _organisations(rng, names, today):
    orgs = []
    names.used.add(MARL_COURSE_CONTACT)
    for key, name, city, tags, backgrounds, description in ORGANISATIONS:
        phone_city = city if city in AREA_CODES else "recklinghausen"
        roles = ROLES.get(tags[0], ROLES["verein"])
        contacts = []
        if key == "ift-marl":
            first, last = MARL_COURSE_CONTACT
            contacts.append({
                "name": f"{first} {last}", "role": "Kursleitung und Koordination Frauenkurse",
                "phone": "02365 99-4127", "email": email_for(first, last),
                "consent_given_on": today - datetime.timedelta(days=200),
            })
        count = 3 if key in ("ki", "mdv") else rng.choice((1, 2, 2, 2, 3))
        while len(contacts) < count:
            background = rng.choice(backgrounds) if backgrounds and rng.random() < 0.7 else None
            first, last, female = names.person(background)
            role = rng.choice(roles)[0 if female else 1]
            consent = None
            # The first contact always consented; a few others did not (yet).
            if not contacts or rng.random() < 0.8:
                consent = today - datetime.timedelta(days=rng.randint(20, 700))
            contacts.append({
                "name": f"{first} {last}", "role": role, "phone": phone_number(rng, phone_city),
                "email": email_for(first, last), "consent_given_on": consent,
            })
        orgs.append({
            "key": key, "name": name, "slug": slugify(name)[:200], "city": city, "tags": set(tags),
            "description": description, "website": f"https://example.org/{key}/",
            "email": f"{key}@example.org", "phone": phone_number(rng, phone_city),
            "street": street_address(rng), "contacts": contacts,
        })
    return orgs


def _hosts(kind, city_slug, orgs):
    """Organisations that can run `kind` in the city: local ones first, else regional ones."""
    tags = set(kind.hosts)
    local = [o for o in orgs if o["city"] == city_slug and o["tags"] & tags]
    if local:
        return local
    return [o for o in orgs if o["key"] in REGIONAL and o["tags"] & tags]


def _plan(rng, orgs):
    """A list of (kind, city slug, organisation) covering every city and topic."""
    usage = {k.key: 0.0 for k in KINDS}
    plan = []
    per_city = {slug: set() for slug in CITY_TARGETS}
    per_city["marl"].add("deutschkurs_frauen")  # the fixed Marl course

    def add(kind, city):
        hosts = _hosts(kind, city, orgs)
        if not hosts:
            return False
        plan.append((kind, city, rng.choice(hosts)))
        per_city[city].add(kind.key)
        usage[kind.key] += 1.0 / kind.weight
        return True

    for key, cities in ANCHORS:
        for city in cities:
            add(KINDS_BY_KEY[key], city)
    for city, target in CITY_TARGETS.items():
        have = sum(1 for _, c, _ in plan if c == city) + (1 if city == "marl" else 0)
        if city == "kreisweit":
            candidates = [k for k in KINDS if k.scope in ("kreisweit", "both")]
        else:
            candidates = [k for k in KINDS if k.scope in ("city", "both")]
        candidates = [k for k in candidates if _hosts(k, city, orgs)]
        while have < target:
            fresh = [k for k in candidates if k.key not in per_city[city]] or candidates
            kind = min(fresh, key=lambda k: (usage[k.key], rng.random()))
            if add(kind, city):
                have += 1
    return plan


def _marl_womens_course(rng, orgs, cities, today):
    org = next(o for o in orgs if o["key"] == "ift-marl")
    marl = cities["marl"]
    place = make_place(rng, marl, org["name"], KINDS_BY_KEY["deutschkurs_frauen"], "Hüls")
    place.update(name="Stadtteilzentrum Hüls", street="Lindenstraße 12", postcode="45772")
    place.pop("district")
    return {
        "kind": "deutschkurs_frauen", "title": "Deutschkurs für Frauen mit Kinderbetreuung",
        "summary": "Deutsch lernen (A1/A2) nur für Frauen, während die Kinder nebenan betreut "
                   "werden – montags und mittwochs vormittags im Stadtteilzentrum Marl-Hüls.",
        "description": (
            "Unser Deutschkurs ist nur für Frauen. Wir lernen in einer kleinen Gruppe mit "
            "höchstens zwölf Teilnehmerinnen Deutsch für den Alltag: beim Kinderarzt, in der "
            "Kita und Schule, beim Einkaufen und bei Behörden. Der Kurs ist für Anfängerinnen "
            "(A1) und Frauen mit ersten Kenntnissen (A2).\n\n"
            "Während des Unterrichts werden Ihre Kinder (ab 1 Jahr) im Nebenraum von zwei "
            "Erzieherinnen betreut. Bitte melden Sie sich und Ihre Kinder vorher an – am "
            "einfachsten telefonisch bei Frau Kaya. Ein Einstieg ist jederzeit möglich, "
            "solange Plätze frei sind. Erklärungen gibt es bei Bedarf auch auf Arabisch, "
            "Türkisch und Ukrainisch."
        ),
        "organisation": org["key"], "topics": ["sprache", "frauen"],
        "target_groups": ["frauen", "neuzugewanderte", "migrationshintergrund"],
        "languages": ["de", "ar", "tr", "uk"], "cities": ["marl"],
        "contacts": [org["contacts"][0]["name"]], "is_online": False,
        "website": "https://example.org/ift-marl/angebote/deutschkurs-fuer-frauen",
        "schedule_note": "Einstieg jederzeit möglich", "start_date": None, "end_date": None,
        "is_free": True, "cost": "kostenlos", "registration_required": True,
        "registration_deadline": None, "registration_note": "telefonisch oder per E-Mail bei Leyla Kaya",
        "accessibility": "yes", "accessibility_note": "Aufzug vorhanden, barrierefreies WC",
        "childcare": True, "age_min": None, "age_max": None, "places": [place],
        "times": [(0, "09:00", "11:30", ""), (2, "09:00", "11:30", "")],
        "status": "published", "last_verified": today - datetime.timedelta(days=21),
        "created_days_ago": 400,
    }


def build_dataset(cities, today=None):
    """Return {"organisations": [...], "offers": [...]} for the given City records."""
    today = today or datetime.date.today()
    rng = random.Random(SEED)
    cities = {c.slug: c for c in cities}
    names = NamePool(rng)
    orgs = _organisations(rng, names, today)
    by_key = {o["key"]: o for o in orgs}

    offers = [_marl_womens_course(rng, orgs, cities, today)]
    seen = {"marl": {offers[0]["title"]}, "summaries": {offers[0]["summary"]}}
    for kind, city_slug, org in _plan(rng, orgs):
        offer = compose_offer(rng, kind, cities[city_slug], org, org["contacts"], cities, today, seen)
        offers.append(offer)

    # A few offers are not public: drafts, waiting for review, archived.
    # The anchor offers (right after the Marl course) stay published.
    first_free = 1 + sum(len(cities) for _, cities in ANCHORS)
    hidden = rng.sample(range(first_free, len(offers)), 14)
    for i, offer in enumerate(offers, start=1):
        offer["external_id"] = f"demo-{i:04d}"
        if "status" in offer:
            continue
        pos = i - 1
        offer["status"] = ("draft" if pos in hidden[:5] else "pending" if pos in hidden[5:10]
                           else "archived" if pos in hidden[10:] else "published")
        # Like a directory that is looked after: most offers confirmed within half a year,
        # a fifth due for review, a few hidden for lack of confirmation, a few new ones never
        # confirmed yet.
        roll = rng.random()
        if roll < 0.05:
            verified_days = None
        elif roll < 0.10:
            verified_days = rng.randint(430, 640)
        elif roll < 0.30:
            verified_days = rng.randint(190, 360)
        else:
            verified_days = rng.randint(0, 180)
        offer["last_verified"] = (today - datetime.timedelta(days=verified_days)
                                  if verified_days is not None else None)
        created = rng.randint(5, 730) if verified_days is not None else rng.randint(5, 150)
        if verified_days is not None:
            created = max(created, verified_days + rng.randint(1, 60))
        offer["created_days_ago"] = created
        offer["created_minutes"] = rng.randint(7 * 60, 18 * 60)
    for offer in offers:
        offer.setdefault("created_minutes", 9 * 60 + 12)
        offer["translations"] = translations_for(offer)
        assert offer["organisation"] in by_key
    return {"organisations": orgs, "offers": offers}

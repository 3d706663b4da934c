"""Synthetic offer files for benchmarks and tests: `write_synthetic_csv(path, rows)`.

The rows are varied but reproducible (seeded), use the taxonomy's slugs and names, and are
valid for the import. `python manage.py synthetic_offers FILE --rows N` writes one.
"""

import csv
import random

from . import columns as cols

TOPICS = ["sprache", "Bildung und Schule", "arbeit", "beratung", "recht", "gesundheit", "wohnen",
          "familie", "Frauen", "sport", "kultur", "ehrenamt"]
TARGET_GROUPS = ["migrationshintergrund", "neuzugewanderte", "gefluechtete", "frauen", "kinder",
                 "jugendliche", "familien", "senioren", "alle"]
LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru", "ku", "Französisch", "pl", "ro"]
CITIES = {"castrop-rauxel": "44575", "datteln": "45711", "dorsten": "46282", "gladbeck": "45964",
          "Haltern am See": "45721", "herten": "45699", "marl": "45768", "oer-erkenschwick": "45739",
          "recklinghausen": "45657", "waltrop": "45731"}
KINDS = ["Deutschkurs", "Sprachcafé", "Beratung", "Hausaufgabenhilfe", "Nähtreff", "Elterncafé",
         "Bewerbungstraining", "Frauenfrühstück", "Fahrradwerkstatt", "Schwimmkurs", "Möbelbörse",
         "Integrationskurs", "Rechtsberatung", "Gesundheitslotsen", "Begegnungsabend", "Chor"]
FOR_WHOM = ["für Anfänger", "für Frauen", "für Jugendliche", "für Familien", "für alle",
            "für Neuzugewanderte", "mit Kinderbetreuung", "am Abend", "am Wochenende", ""]
PROVIDERS = ["Caritasverband", "Diakonisches Werk", "AWO Ortsverein", "Familienzentrum",
             "Volkshochschule", "Internationaler Kulturverein", "Sportverein", "Jugendmigrationsdienst",
             "Nachbarschaftsinitiative", "Bildungswerk"]
STREETS = ["Hauptstraße", "Kirchplatz", "Bahnhofstraße", "Schulstraße", "Am Markt", "Lindenweg"]
NAMES = ["Erika Beispiel", "Max Mustermann", "Leyla Muster", "Olena Probe", "Ahmad Beispielname"]


def synthetic_rows(count, seed=1):
    rnd = random.Random(seed)
    providers = max(1, count // 25)
    for n in range(1, count + 1):
        city = rnd.choice(list(CITIES))
        kind = rnd.choice(KINDS)
        p = rnd.randrange(providers)
        provider = f"{PROVIDERS[p % len(PROVIDERS)]} {list(CITIES)[p % len(CITIES)].title()} {p}"
        free = rnd.random() < 0.6
        yield {
            "external_id": f"synth-{n:07d}",
            "title": f"{kind} {rnd.choice(FOR_WHOM)}".strip() + f" ({n})",
            "summary": f"{kind} in {city}, offen und kostenarm.",
            "description": f"Wir bieten {kind} an. Treffpunkt ist {rnd.choice(STREETS)}.\n"
                           "Bitte vorher anrufen.",
            "organisation": provider,
            "city": city,
            "postcode": CITIES[city],
            "street": f"{rnd.choice(STREETS)} {rnd.randint(1, 120)}",
            "topics": "; ".join(rnd.sample(TOPICS, rnd.randint(1, 3))),
            "target_groups": "; ".join(rnd.sample(TARGET_GROUPS, rnd.randint(0, 2))),
            "languages": "; ".join(rnd.sample(LANGUAGES, rnd.randint(1, 3))),
            "cost": "kostenlos" if free else f"{rnd.randint(1, 60)} € pro Kurs",
            "contact_name": NAMES[p % len(NAMES)],
            "contact_phone": f"0236{p % 10} {1000 + p}",
            "contact_email": f"kontakt{p}@example.org",
            "contact_consent": "2026-01-15" if p % 2 else "",
            "website": f"https://example.org/angebote/{n}",
            "last_verified": f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2026",
        }


def write_synthetic_csv(path, count, seed=1, delimiter=","):
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=[k for k in cols.KEYS if k != "free"],
                                delimiter=delimiter)
        writer.writeheader()
        writer.writerows(synthetic_rows(count, seed))
    return count

"""Generate N synthetic integration offers as a CSV in the import format of `import_offers`.

Deterministic: the same --offers and --seed give byte-identical files. The vocabulary is
German and shaped like real provider texts, so text queries hit a realistic share of rows:
common terms (Beratung, Frauen, Kurs …) in roughly a fifth of the offers, rare ones (Imkerei,
Schwimmkurs, Möbelbörse …) in about one per cent or less. Everything is fictional
(example.org addresses, made-up names).

    python bench/generate.py --offers 100000 --out var/bench/offers-100000.csv [--stats]
"""

import argparse
import csv
import datetime
import json
import random
import sys
from pathlib import Path

GENERATOR_VERSION = 3  # bump when the output changes, so cached CSVs are rebuilt
ROOT = Path(__file__).resolve().parent.parent
TAXONOMY = ROOT / "taxonomy" / "data" / "taxonomy.json"

COLUMNS = [
    "external_id", "title", "description", "organisation", "city", "postcode", "street",
    "topics", "target_groups", "languages", "cost", "contact_name", "contact_phone",
    "contact_email", "website", "last_verified",
]

CITIES = ["castrop-rauxel", "datteln", "dorsten", "gladbeck", "haltern-am-see", "herten", "marl",
          "oer-erkenschwick", "recklinghausen", "waltrop", "kreisweit"]
# Rough population weights; "kreisweit" offers are fewer.
CITY_WEIGHTS = [73, 34, 74, 75, 38, 62, 84, 31, 110, 29, 25]
CITY_NAMES = {
    "castrop-rauxel": "Castrop-Rauxel", "datteln": "Datteln", "dorsten": "Dorsten",
    "gladbeck": "Gladbeck", "haltern-am-see": "Haltern am See", "herten": "Herten", "marl": "Marl",
    "oer-erkenschwick": "Oer-Erkenschwick", "recklinghausen": "Recklinghausen",
    "waltrop": "Waltrop", "kreisweit": "Kreis Recklinghausen",
}
DISTRICTS = {
    "castrop-rauxel": ["Habinghorst", "Ickern", "Rauxel", "Schwerin", "Henrichenburg"],
    "datteln": ["Meckinghoven", "Horneburg", "Ahsen", "Hagem"],
    "dorsten": ["Hervest", "Wulfen", "Holsterhausen", "Feldmark", "Barkenberg"],
    "gladbeck": ["Brauck", "Butendorf", "Rentfort", "Zweckel", "Ellinghorst"],
    "haltern-am-see": ["Sythen", "Lippramsdorf", "Flaesheim", "Hullern"],
    "herten": ["Herten-Süd", "Langenbochum", "Scherlebeck", "Disteln", "Westerholt"],
    "marl": ["Hüls", "Drewer", "Brassert", "Sinsen", "Hamm", "Polsum"],
    "oer-erkenschwick": ["Klein-Erkenschwick", "Rapen", "Groß-Erkenschwick"],
    "recklinghausen": ["Süd", "Hochlarmark", "König-Ludwig", "Hillerheide", "Stuckenbusch",
                       "Paulusviertel", "Hillen"],
    "waltrop": ["Brockenscheidt", "Elmenhorst", "Oberwiese"],
    "kreisweit": ["Kreishaus", "online"],
}
POSTCODES_FALLBACK = {"kreisweit": ["45657"]}

TOPICS = ["sprache", "bildung", "arbeit", "beratung", "recht", "gesundheit", "wohnen", "familie",
          "frauen", "sport", "kultur", "ehrenamt"]
TARGET_GROUPS = ["migrationshintergrund", "neuzugewanderte", "gefluechtete", "frauen", "kinder",
                 "jugendliche", "familien", "senioren", "fachkraefte", "alle"]
LANGUAGE_NAMES = {
    "de": "Deutsch", "en": "Englisch", "ar": "Arabisch", "fa": "Persisch", "tr": "Türkisch",
    "uk": "Ukrainisch", "ru": "Russisch", "ku": "Kurdisch", "ti": "Tigrinya", "ps": "Paschtu",
    "fr": "Französisch", "pl": "Polnisch", "ro": "Rumänisch", "bg": "Bulgarisch",
    "sq": "Albanisch", "sr": "Serbisch", "so": "Somali", "ur": "Urdu", "es": "Spanisch",
    "it": "Italienisch", "dgs": "Deutsche Gebärdensprache",
}
LANGUAGE_WEIGHTS = {"en": 30, "ar": 28, "tr": 26, "uk": 24, "ru": 18, "fa": 14, "ku": 8, "fr": 6,
                    "pl": 6, "ro": 5, "bg": 4, "ti": 3, "ps": 3, "sq": 3, "sr": 2, "so": 2,
                    "ur": 2, "es": 2, "it": 2, "dgs": 1}

# subject (title noun), topics, default target groups, weight (offers per ~1,000)
SUBJECTS = [
    ("Deutschkurs", ["sprache", "bildung"], ["neuzugewanderte", "migrationshintergrund"], 55),
    ("Sprachkurs", ["sprache"], ["neuzugewanderte"], 20),
    ("Integrationskurs", ["sprache", "bildung"], ["neuzugewanderte", "gefluechtete"], 28),
    ("Alphabetisierungskurs", ["sprache", "bildung"], ["neuzugewanderte"], 10),
    ("Berufssprachkurs", ["sprache", "arbeit"], ["fachkraefte", "neuzugewanderte"], 9),
    ("Sprachcafé", ["sprache", "kultur"], ["alle", "neuzugewanderte"], 28),
    ("Konversationskurs", ["sprache"], ["migrationshintergrund"], 7),
    ("Deutsch-Lerntreff", ["sprache"], ["neuzugewanderte"], 9),
    ("Lesepatenschaft", ["sprache", "bildung", "ehrenamt"], ["kinder"], 5),
    ("Englischkurs", ["sprache", "bildung"], ["alle"], 4),
    ("Hausaufgabenhilfe", ["bildung"], ["kinder", "jugendliche"], 24),
    ("Nachhilfe", ["bildung"], ["kinder", "jugendliche"], 14),
    ("Computerkurs", ["bildung"], ["senioren", "alle"], 11),
    ("Lernförderung", ["bildung"], ["kinder"], 9),
    ("Elternschule", ["bildung", "familie"], ["familien"], 5),
    ("Bildungsberatung", ["bildung", "beratung"], ["migrationshintergrund"], 7),
    ("Schulabschlusskurs", ["bildung"], ["jugendliche"], 4),
    ("Bewerbungstraining", ["arbeit"], ["jugendliche", "neuzugewanderte"], 19),
    ("Jobcoaching", ["arbeit", "beratung"], ["fachkraefte", "migrationshintergrund"], 11),
    ("Berufsorientierung", ["arbeit", "bildung"], ["jugendliche"], 14),
    ("Anerkennungsberatung", ["arbeit", "beratung"], ["fachkraefte"], 7),
    ("Jobbörse", ["arbeit"], ["alle"], 5),
    ("Qualifizierungsmaßnahme", ["arbeit", "bildung"], ["fachkraefte"], 7),
    ("Existenzgründungsberatung", ["arbeit", "beratung"], ["migrationshintergrund"], 3),
    ("Praktikumsvermittlung", ["arbeit"], ["jugendliche", "gefluechtete"], 4),
    ("Migrationsberatung für Erwachsene (MBE)", ["beratung"], ["neuzugewanderte"], 22),
    ("Jugendmigrationsdienst (JMD)", ["beratung"], ["jugendliche", "neuzugewanderte"], 14),
    ("Sozialberatung", ["beratung"], ["alle"], 18),
    ("Schuldnerberatung", ["beratung", "recht"], ["alle"], 7),
    ("Familienberatung", ["beratung", "familie"], ["familien"], 9),
    ("Erstberatung", ["beratung"], ["gefluechtete", "neuzugewanderte"], 11),
    ("Behördenlotsen", ["beratung", "ehrenamt"], ["neuzugewanderte"], 5),
    ("Rechtsberatung", ["recht", "beratung"], ["gefluechtete"], 9),
    ("Asylverfahrensberatung", ["recht", "beratung"], ["gefluechtete"], 9),
    ("Aufenthaltsrechtliche Beratung", ["recht", "beratung"], ["gefluechtete"], 5),
    ("Rückkehrberatung", ["recht", "beratung"], ["gefluechtete"], 2),
    ("Gesundheitslotsen", ["gesundheit"], ["migrationshintergrund"], 7),
    ("Gesundheitskurs", ["gesundheit"], ["alle"], 5),
    ("Psychosoziale Beratung", ["gesundheit", "beratung"], ["gefluechtete"], 7),
    ("Selbsthilfegruppe", ["gesundheit"], ["alle"], 5),
    ("Suchtberatung", ["gesundheit", "beratung"], ["jugendliche", "alle"], 4),
    ("Hebammensprechstunde", ["gesundheit", "familie"], ["frauen", "familien"], 3),
    ("Wohnungssuche", ["wohnen"], ["gefluechtete", "familien"], 7),
    ("Mieterberatung", ["wohnen", "beratung"], ["alle"], 5),
    ("Möbelbörse", ["wohnen", "ehrenamt"], ["gefluechtete", "alle"], 4),
    ("Kleiderkammer", ["wohnen", "ehrenamt"], ["gefluechtete", "familien"], 7),
    ("Umzugshilfe", ["wohnen", "ehrenamt"], ["senioren"], 2),
    ("Elterncafé", ["familie"], ["familien", "migrationshintergrund"], 14),
    ("Mutter-Kind-Gruppe", ["familie", "frauen"], ["frauen", "kinder"], 9),
    ("Krabbelgruppe", ["familie"], ["familien", "kinder"], 7),
    ("Familienfrühstück", ["familie"], ["familien"], 5),
    ("Ferienbetreuung", ["familie", "bildung"], ["kinder"], 7),
    ("Spielgruppe", ["familie"], ["kinder"], 7),
    ("Frauentreff", ["frauen"], ["frauen"], 14),
    ("Frauencafé", ["frauen", "kultur"], ["frauen"], 9),
    ("Nähcafé", ["frauen", "kultur"], ["frauen"], 5),
    ("Frauenberatung", ["frauen", "beratung"], ["frauen"], 5),
    ("Selbstbehauptungskurs", ["frauen", "sport"], ["frauen", "jugendliche"], 3),
    ("Schwimmkurs", ["sport"], ["kinder", "frauen"], 4),
    ("Fußballtraining", ["sport"], ["jugendliche", "kinder"], 9),
    ("Radfahrkurs", ["sport"], ["frauen"], 3),
    ("Fitnessgruppe", ["sport", "gesundheit"], ["frauen", "senioren"], 4),
    ("Boxtraining", ["sport"], ["jugendliche"], 2),
    ("Tanzgruppe", ["sport", "kultur"], ["jugendliche", "frauen"], 4),
    ("Yoga", ["sport", "gesundheit"], ["frauen", "alle"], 2),
    ("Theaterprojekt", ["kultur"], ["jugendliche"], 4),
    ("Chor", ["kultur"], ["alle"], 3),
    ("Kochgruppe", ["kultur"], ["alle", "frauen"], 7),
    ("Interkulturelles Fest", ["kultur"], ["alle"], 4),
    ("Trommelgruppe", ["kultur"], ["kinder", "jugendliche"], 1),
    ("Stadtführung", ["kultur"], ["neuzugewanderte"], 2),
    ("Filmabend", ["kultur"], ["alle"], 3),
    ("Kunstwerkstatt", ["kultur"], ["kinder"], 3),
    ("Patenschaftsprogramm", ["ehrenamt"], ["gefluechtete", "neuzugewanderte"], 7),
    ("Ehrenamtsbörse", ["ehrenamt"], ["alle"], 4),
    ("Lotsenprojekt", ["ehrenamt", "beratung"], ["neuzugewanderte"], 4),
    ("Fahrradwerkstatt", ["ehrenamt", "sport"], ["gefluechtete", "jugendliche"], 4),
    ("Repair-Café", ["ehrenamt", "kultur"], ["alle"], 3),
    ("Gemeinschaftsgarten", ["ehrenamt", "kultur"], ["familien", "alle"], 3),
    ("Imkerei-Projekt", ["ehrenamt", "kultur"], ["jugendliche"], 1),
]

AUDIENCES = [  # title phrase, target group
    ("Frauen", "frauen"), ("Mütter", "frauen"), ("Mädchen", "frauen"), ("Kinder", "kinder"),
    ("Jugendliche", "jugendliche"), ("junge Erwachsene", "jugendliche"),
    ("Senioren", "senioren"), ("Seniorinnen und Senioren", "senioren"),
    ("Geflüchtete", "gefluechtete"), ("Flüchtlinge", "gefluechtete"),
    ("Neuzugewanderte", "neuzugewanderte"), ("Familien", "familien"), ("Eltern", "familien"),
    ("Fachkräfte", "fachkraefte"), ("Pflegekräfte", "fachkraefte"), ("Anfänger", "alle"),
    ("Fortgeschrittene", "alle"), ("Männer", "alle"), ("alle", "alle"),
    ("Menschen mit Migrationsgeschichte", "migrationshintergrund"),
]
LEVELS = ["A1", "A2", "B1", "B2", "C1"]
TAGLINES = [
    "gemeinsam lernen", "Ankommen in {city}", "Neu in {city}", "mit Kinderbetreuung",
    "online", "auch auf {lang}", "offener Treff", "in den Sommerferien", "am Wochenende",
    "für Berufstätige am Abend", "im Stadtteil {district}", "Schritt für Schritt",
]
WEEKDAYS = ["montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags"]

TOPIC_SENTENCES = {
    "sprache": [
        "Im Kurs lernen Sie Deutsch für den Alltag: Einkaufen, Arzttermine und Gespräche mit der Schule.",
        "Der Unterricht findet in kleinen Gruppen mit höchstens zwölf Teilnehmenden statt.",
        "Am Ende können Sie die Prüfung auf Niveau {level} ablegen.",
        "Wir üben Sprechen, Hören, Lesen und Schreiben mit vielen praktischen Beispielen.",
        "Ehrenamtliche Sprachpaten helfen beim Üben zwischen den Unterrichtsstunden.",
        "Ein Einstufungstest vor Kursbeginn zeigt, welche Gruppe zu Ihnen passt.",
    ],
    "bildung": [
        "Schülerinnen und Schüler bekommen Unterstützung bei Hausaufgaben und bei der "
        "Vorbereitung auf Klassenarbeiten.",
        "Wir arbeiten mit Lehrkräften der Schulen im Stadtteil zusammen.",
        "Computer und Lernmaterial sind vorhanden.",
        "Die Lernzeit ist nach Klassenstufen aufgeteilt.",
    ],
    "arbeit": [
        "Wir helfen beim Lebenslauf, beim Anschreiben und bei der Vorbereitung auf das Vorstellungsgespräch.",
        "Gemeinsam suchen wir passende Stellen, Ausbildungsplätze und Praktika.",
        "Ausländische Abschlüsse können anerkannt werden; wir erklären, wie das geht.",
        "Die Zusammenarbeit mit dem Jobcenter und der Agentur für Arbeit ist eng.",
        "Der Weg in Arbeit beginnt oft mit einem Praktikum in einem Betrieb aus der Region.",
    ],
    "beratung": [
        "Die Beratung ist vertraulich und unabhängig von Ihrem Aufenthaltsstatus.",
        "Wir helfen bei Anträgen, Briefen von Behörden und Fragen zu Leistungen.",
        "Termine gibt es nach Vereinbarung, in der offenen Sprechstunde auch ohne Termin.",
        "Bei Bedarf begleiten wir Sie zu Ämtern und Behörden.",
    ],
    "recht": [
        "Fachanwältinnen und Fachanwälte beantworten Fragen zum Aufenthaltsrecht und zum Asylverfahren.",
        "Bringen Sie bitte Ihre Unterlagen und den Bescheid des BAMF mit.",
        "Wir erklären Fristen und helfen beim Widerspruch.",
    ],
    "gesundheit": [
        "Wir erklären, wie das deutsche Gesundheitssystem funktioniert und wie man einen Arzttermin bekommt.",
        "Themen sind Vorsorge, Impfungen, Ernährung und seelische Gesundheit.",
        "Die Gruppe trifft sich in einem geschützten Rahmen.",
    ],
    "wohnen": [
        "Wir unterstützen bei der Suche nach einer Wohnung und beim Gespräch mit Vermietern.",
        "Gut erhaltene Möbel, Kleidung und Haushaltsgegenstände werden gegen eine kleine Spende abgegeben.",
        "Fragen zu Mietvertrag, Nebenkosten und Wohnberechtigungsschein beantworten wir gern.",
    ],
    "familie": [
        "Eltern treffen sich zum Austausch, während die Kinder nebenan spielen.",
        "Erzieherinnen beantworten Fragen zu Kita, Schule und Erziehung.",
        "Zum Abschluss frühstücken alle gemeinsam.",
        "Das Familienzentrum lädt Familien aus allen Herkunftsländern ein.",
    ],
    "frauen": [
        "Der Treff ist ein geschützter Raum nur für Frauen.",
        "Frauen aus vielen Ländern lernen sich kennen und tauschen sich aus.",
        "Themen wählen die Teilnehmerinnen gemeinsam aus.",
    ],
    "sport": [
        "Trainiert wird in der Sporthalle der Schule, Sportkleidung bitte mitbringen.",
        "Vorkenntnisse sind nicht nötig, Anfängerinnen und Anfänger sind willkommen.",
        "Eine qualifizierte Übungsleitung begleitet das Training.",
    ],
    "kultur": [
        "Menschen aus verschiedenen Kulturen kommen zusammen, kochen, singen und feiern.",
        "Die Ergebnisse zeigen wir zum Abschluss bei einer Aufführung im Stadtteil.",
        "Das Programm entsteht gemeinsam mit den Teilnehmenden.",
    ],
    "ehrenamt": [
        "Ehrenamtliche begleiten Neuzugewanderte im Alltag, bei Behördengängen und in der Freizeit.",
        "Wer mitmachen möchte, ist herzlich willkommen; eine Schulung bereitet auf die Aufgabe vor.",
        "Das Projekt lebt vom Engagement vieler Freiwilliger.",
    ],
}
SPECIAL_SENTENCES = {
    "Imkerei-Projekt": "Jugendliche lernen bei einer erfahrenen Imkerin, wie Bienen leben und "
                       "wie Honig entsteht.",
    "Fahrradwerkstatt": "In der Fahrradwerkstatt reparieren wir gemeinsam gespendete Fahrräder.",
    "Möbelbörse": "Die Möbelbörse holt Spenden auch ab.",
    "Schwimmkurs": "Der Schwimmkurs findet im Hallenbad statt; Schwimmhilfen sind vorhanden.",
    "Nähcafé": "Nähmaschinen stehen bereit; wir nähen Kleidung und kleine Geschenke.",
    "Trommelgruppe": "Trommeln werden gestellt.",
}
GENERIC_SENTENCES = [
    "Eine Anmeldung ist erforderlich.",
    "Eine Anmeldung ist nicht nötig, kommen Sie einfach vorbei.",
    "Bitte melden Sie sich vorher telefonisch oder per E-Mail an.",
    "Während des Angebots gibt es eine Kinderbetreuung.",
    "Die Räume sind barrierefrei erreichbar.",
    "Das Angebot ist kostenlos.",
    "Wir sprechen auch {lang}.",
    "Treffpunkt ist {place} in der {street}.",
    "Termine: {weekday} von {h1} bis {h2} Uhr.",
    "Das Angebot findet {weekday} statt, in den Schulferien nach Absprache.",
    "Bei Fragen zu Behörden, Schule oder Arbeit helfen wir gern weiter.",
    "Das Projekt wird gefördert vom Land Nordrhein-Westfalen.",
    "Ansprechperson ist {contact}.",
    "Bus und Bahn halten in der Nähe.",
]
PLACES = ["das Stadtteilbüro", "das Familienzentrum", "das Gemeindehaus", "die Begegnungsstätte",
          "das Bürgerhaus", "die Stadtbücherei", "das Jugendzentrum", "die Volkshochschule",
          "das Nachbarschaftszentrum", "der Treffpunkt im Quartier"]
STREETS = ["Hauptstraße", "Bahnhofstraße", "Kirchplatz", "Schulstraße", "Marktplatz",
           "Lindenstraße", "Gartenstraße", "Bergstraße", "Dorstener Straße", "Hertener Straße",
           "Castroper Straße", "Kampstraße", "Breite Straße", "Mühlenweg", "Am Stadtpark",
           "Zechenstraße", "Bergmannsweg", "Friedrich-Ebert-Straße", "Goethestraße",
           "Schillerstraße", "Ringstraße", "Wallstraße", "Kaiserstraße", "Overbergstraße"]
COSTS = ["5 € pro Termin", "2 € pro Treffen", "Kursgebühr 80 €, Ermäßigung möglich",
         "Eigenanteil 10 €", "über Bildungsgutschein förderfähig",
         "Kosten übernimmt das Jobcenter oder das BAMF", "20 € im Monat, Geschwister frei"]
FIRST_NAMES = ["Anna", "Ayşe", "Olena", "Fatima", "Maria", "Sabine", "Leyla", "Natalia", "Julia",
               "Mehmet", "Ahmad", "Thomas", "Michael", "Dmytro", "Yusuf", "Stefan", "Petra",
               "Hamid", "Elif", "Katrin", "Samira", "Jonas", "Lena", "Omar", "Irina", "Daniel"]
LAST_NAMES = ["Beispiel", "Muster", "Probe", "Exempel", "Testfeld", "Schreiber", "Vogelsang",
              "Kaya", "Demir", "Haddad", "Rahimi", "Kovalenko", "Nowak", "Petrenko", "Brinkmann",
              "Hülsmann", "Kortenbusch", "Ostermann", "Wiegand", "Yıldız", "Sommerfeld",
              "Lindner", "Amiri", "Sadeghi", "Winterberg", "Feldkamp"]
ORG_KINDS = [
    "Familienzentrum {name}", "Stadtteilbüro {district}", "Begegnungszentrum {district}",
    "Integrationsagentur {city}", "Kulturverein {name} e. V.", "Sportverein {name} {city}",
    "Frauenverein {name} e. V.", "Elterninitiative {name}", "Bildungswerk {name}",
    "Nachbarschaftshilfe {district}", "Flüchtlingshilfe {city} e. V.", "Jugendtreff {district}",
    "Förderverein {name} e. V.", "Lernwerkstatt {name}", "Netzwerk {name} {city}",
    "Beratungsstelle {name} {city}", "Sprachschule {name}", "Verein {name} {district}",
    "Initiative {name} {district}", "Treffpunkt {name} {city}",
]
ORG_NAMES = ["Regenbogen", "Sonnenblume", "Brückenschlag", "Miteinander", "Zukunft", "Weltoffen",
             "Nachbarn", "Kompass", "Lichtblick", "Horizont", "Vielfalt", "Willkommen",
             "Zusammen", "Heimatwerk", "Lindenbaum", "Löwenzahn", "Leuchtturm", "Kleeblatt",
             "Sternschnuppe", "Pusteblume", "Mosaik", "Freundeskreis", "Glückauf", "Haldenblick",
             "Emscherbrücke", "Lippeaue", "Förderturm", "Morgenrot", "Ankerplatz", "Wegweiser"]


def load_taxonomy():
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    postcodes = {c["slug"]: c.get("postcodes") or [] for c in data["cities"]}
    languages = [lang["code"] for lang in data["languages"]]
    return postcodes, languages


def make_organisations(rng, count):
    """About `count` distinct fictional provider names, each with a home city."""
    orgs, seen = [], set()
    attempts = 0
    while len(orgs) < count and attempts < count * 50:
        attempts += 1
        city = rng.choices(CITIES, CITY_WEIGHTS)[0]
        kind = rng.choice(ORG_KINDS)
        name = kind.format(name=rng.choice(ORG_NAMES), city=CITY_NAMES[city],
                           district=rng.choice(DISTRICTS[city]))
        if name in seen:
            continue
        seen.add(name)
        orgs.append((name, city))
    n = 1
    while len(orgs) < count:  # the name space is large; this is only a safety net
        name = f"Integrationsprojekt {n}"
        n += 1
        if name not in seen:
            seen.add(name)
            orgs.append((name, rng.choice(CITIES)))
    return orgs


def generate(n, seed=20261125, organisations=2000):
    """Yield n rows (dicts with COLUMNS)."""
    rng = random.Random(seed)
    postcodes, languages = load_taxonomy()
    other_langs = [code for code in languages if code != "de"]
    lang_weights = [LANGUAGE_WEIGHTS.get(code, 1) for code in other_langs]
    orgs = make_organisations(rng, organisations)
    # A few big providers run many offers (Zipf-like), most run a handful.
    org_weights = [1.0 / (i + 1) ** 0.7 for i in range(len(orgs))]
    subject_weights = [s[3] for s in SUBJECTS]
    # relative to today: a fixed date would let the freshness rules hide ever more offers
    base_date = datetime.date.today()
    for i in range(1, n + 1):
        subject, topics, groups, _w = rng.choices(SUBJECTS, subject_weights)[0]
        org_name, org_city = rng.choices(orgs, org_weights)[0]
        city = org_city if rng.random() < 0.8 else rng.choices(CITIES, CITY_WEIGHTS)[0]
        district = rng.choice(DISTRICTS[city])
        topics = list(topics)
        groups = list(groups)
        if rng.random() < 0.25:
            topics.append(rng.choice(TOPICS))
        langs = ["de"] if rng.random() < 0.93 else []
        for _ in range(rng.choices([0, 1, 2, 3], [35, 35, 20, 10])[0]):
            langs.append(rng.choices(other_langs, lang_weights)[0])
        if not langs:
            langs = [rng.choices(other_langs, lang_weights)[0]]
        lang_names = " und ".join(LANGUAGE_NAMES.get(code, code) for code in langs if code != "de")
        lang_names = lang_names or "Englisch"

        pattern = rng.random()
        if pattern < 0.30:
            audience, group = rng.choice(AUDIENCES)
            title = f"{subject} für {audience}"
            groups.append(group)
        elif pattern < 0.42 and "sprache" in topics:
            title = f"{subject} {rng.choice(LEVELS)}"
        elif pattern < 0.55:
            title = f"{subject} in {CITY_NAMES[city]}-{district}" if city != "kreisweit" \
                else f"{subject} im Kreis Recklinghausen"
        elif pattern < 0.75:
            tagline = rng.choice(TAGLINES).format(city=CITY_NAMES[city], lang=lang_names,
                                                  district=district)
            title = f"{subject} – {tagline}"
        else:
            title = subject
        if rng.random() < 0.05:
            groups.append("frauen")
        if rng.random() < 0.3:
            groups.append("migrationshintergrund")

        contact = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        street = f"{rng.choice(STREETS)} {rng.randint(1, 180)}"
        fill = {
            "lang": lang_names, "place": rng.choice(PLACES), "street": street,
            "weekday": rng.choice(WEEKDAYS), "h1": rng.randint(8, 17), "contact": contact,
            "level": rng.choice(LEVELS), "city": CITY_NAMES[city], "district": district,
        }
        fill["h2"] = fill["h1"] + rng.randint(1, 3)
        sentences = []
        pool = []
        for topic in topics:
            pool += TOPIC_SENTENCES.get(topic, [])
        sentences += rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        if subject in SPECIAL_SENTENCES:
            sentences.insert(0, SPECIAL_SENTENCES[subject])
        sentences += rng.sample(GENERIC_SENTENCES, k=rng.randint(1, 4))
        lead = rng.choice([
            "{org} lädt ein: ", "Unser Angebot: ", "", "", "Neu im Programm: ",
            "Seit vielen Jahren bewährt: ",
        ]).format(org=org_name)
        description = lead + " ".join(s.format(**fill) for s in sentences)

        free = rng.random() < 0.55
        cost = "kostenlos" if free else rng.choice(COSTS)
        codes = postcodes.get(city) or POSTCODES_FALLBACK.get(city) or [""]
        yield {
            "external_id": f"bench-{i:07d}",
            "title": title,
            "description": description,
            "organisation": org_name,
            "city": city,
            "postcode": rng.choice(codes),
            "street": street,
            "topics": ";".join(dict.fromkeys(topics)),
            "target_groups": ";".join(dict.fromkeys(groups)),
            "languages": ";".join(dict.fromkeys(langs)),
            "cost": cost,
            "contact_name": contact,
            "contact_phone": f"0{rng.choice(['2361', '2365', '2366', '2043', '2305', '2309', '2362'])}"
                             f" {rng.randint(10000, 99999)}",
            "contact_email": f"{contact.split()[0].lower()}.{i}@example.org".replace("ş", "s"),
            "website": f"https://example.org/angebote/{i}",
            "last_verified": (base_date - datetime.timedelta(days=rng.randint(0, 330))).isoformat(),
        }


def write_csv(path, n, seed=20261125, organisations=2000):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in generate(n, seed=seed, organisations=organisations):
            writer.writerow(row)
    tmp.replace(path)
    return path


def fold(text):
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e")):
        text = text.replace(a, b)
    return text


def term_shares(path, terms):
    """Share of rows whose title+description+organisation contains each term (folded substring).

    A rough lower bound of what a search finds: it ignores synonyms, stemming and typos.
    """
    hits = dict.fromkeys(terms, 0)
    folded = {t: [fold(w) for w in t.split()] for t in terms}
    rows = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            text = fold(" ".join((row["title"], row["description"], row["organisation"])))
            for term, words in folded.items():
                if all(w in text for w in words):
                    hits[term] += 1
    return {t: round(h / max(rows, 1), 4) for t, h in hits.items()}, rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--offers", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--organisations", type=int, default=2000)
    ap.add_argument("--out", default=None)
    ap.add_argument("--stats", action="store_true", help="print the share of rows per bench query")
    args = ap.parse_args(argv)
    out = args.out or ROOT / "var" / "bench" / f"offers-{args.offers}-{args.seed}-v{GENERATOR_VERSION}.csv"
    path = write_csv(out, args.offers, args.seed, args.organisations)
    print(f"wrote {args.offers} offers to {path}")
    if args.stats:
        import scenarios

        shares, _rows = term_shares(path, scenarios.TEXT_QUERIES)
        for term, share in sorted(shares.items(), key=lambda kv: kv[1]):
            print(f"{share * 100:6.2f} %  {term}")


if __name__ == "__main__":
    sys.exit(main())

"""The kinds of request the benchmark measures, as URL lists.

Each kind has a WARM list (about 20 URLs the load generator rotates through, so after the first
round every answer can come from the app's per-filter-state cache) and a COLD pool (URLs that
are all distinct, each requested at most once per server life, so no answer can come from that
cache). Paths are given without the surface prefix; `paths(kind, surface, temperature)` adds it.
"""

import random
from urllib.parse import urlencode

from generate import AUDIENCES, CITIES, CITY_NAMES, LANGUAGE_WEIGHTS, SUBJECTS, TARGET_GROUPS, TOPICS

SURFACES = {
    "html": "/de/angebote/",
    "api": "/api/v1/offers",
}

# ~20 realistic queries: common terms (≈20 % of rows), rare ones (≈1 % and less), compounds,
# a typo, a prefix while typing, an abbreviation, a synonym, folded spellings.
TEXT_QUERIES = [
    "Deutschkurs",            # common course, synonyms Sprachkurs/Integrationskurs
    "Beratung",               # very common, also as compound part (Migrationsberatung …)
    "Frauen",                 # common
    "Kinder",                 # common
    "Kurs",                   # compound part of many titles
    "Hausaufgabenhilfe",      # a few per cent
    "Bewerbung",              # prefix of Bewerbungstraining
    "Schwimmkurs",            # rare (≈0.5 %)
    "Imkerei",                # very rare (≈0.1 %)
    "Fahrradwerkstatt",       # rare
    "Möbelbörse",             # rare, umlauts
    "Sprachcafe",             # accent folding (Sprachcafé)
    "Naehcafe",               # ae = ä
    "Elterncafé",
    "Deutschkurz",            # typo
    "deutsc",                 # prefix while typing
    "Job",                    # synonym of Arbeit/Stelle
    "MBE",                    # abbreviation
    "Integrationskurs Frauen",  # two words
    "Rechtsberatung Asyl",
]

TEXT_CITY = [
    ("Deutschkurs", "marl"), ("Beratung", "recklinghausen"), ("Frauen", "gladbeck"),
    ("Hausaufgabenhilfe", "dorsten"), ("Sprachcafe", "herten"), ("Kurs", "castrop-rauxel"),
    ("Bewerbung", "datteln"), ("Job", "waltrop"), ("Integrationskurs", "haltern-am-see"),
    ("Elterncafe", "oer-erkenschwick"), ("MBE", "kreisweit"), ("Deutschkurz", "recklinghausen"),
    ("Schwimmkurs", "marl"), ("Frauentreff", "herten"), ("Nachhilfe", "gladbeck"),
    ("Rechtsberatung", "recklinghausen"), ("Kleiderkammer", "dorsten"), ("deutsc", "marl"),
    ("Migrationsberatung", "castrop-rauxel"), ("Fahrradwerkstatt", "gladbeck"),
]

BROWSE_FILTER = (
    [[("city", c)] for c in CITIES]
    + [[("topic", "sprache")], [("topic", "familie")], [("topic", "beratung")],
       [("target_group", "frauen")], [("target_group", "neuzugewanderte")],
       [("language", "ar")], [("language", "uk")], [("free", "true")], [("childcare", "true")]]
)

# Near a postcode (search/proximity.py): district postcodes and the filter panel's radii; the
# generated places have no coordinates, so each counts at its city's centre.
NEAR_POSTCODES = ["45768", "45657", "45699", "45964", "46282", "44575", "45711", "45721", "45731",
                  "45739"]
RADIUS_STATES = [[("near", code), ("radius", str(r))] for code, r in zip(
    NEAR_POSTCODES * 2, [5] * 10 + [1, 2, 10, 20, 50, 10, 5, 2, 20, 50], strict=True)]

DEEP_PAGES = list(range(200, 400, 10))  # 20 pages, offsets 3,980 … 7,780 at 20 per page

KINDS = ["text", "text_city", "browse_all", "browse_filter", "deep_page", "radius"]
KIND_LABELS = {
    "text": "text search",
    "text_city": "text + city",
    "browse_all": "browse all, all facets",
    "browse_filter": "browse, 1–2 filters",
    "deep_page": "deep page (browse, page 101–1000)",
    "radius": "near a postcode (radius, by distance)",
}


def _fold(word):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e")):
        word = word.replace(a, b)
    return word


def _typo(word, rng):
    if len(word) < 6:
        return word
    i = rng.randint(2, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swap two inner letters


def subject_words():
    words = []
    for subject, *_ in SUBJECTS:
        head = subject.split(" (")[0]
        for part in head.replace("–", " ").split():
            if len(part) > 3 and part[0].isupper() and part not in words:
                words.append(part)
    return words


def cold_text_queries(seed=7):
    """Thousands of distinct realistic queries, none of them in TEXT_QUERIES."""
    rng = random.Random(seed)
    words = subject_words()
    extra = ["Deutsch", "Sprache", "Arbeit", "Stelle", "Ausbildung", "Praktikum", "Wohnung", "Miete",
             "Schule", "Kita", "Arzt", "Behörde", "Asyl", "Aufenthalt", "Anerkennung", "Bienen",
             "Honig", "Nähen", "Kochen", "Singen", "Tanzen", "Fußball", "Schwimmen", "Fahrrad",
             "Computer", "Hausaufgaben", "Frühstück", "Spenden", "Möbel", "Kleidung", "Paten",
             "Ehrenamt", "Freiwillige", "Lotsen", "Jobcenter", "BAMF", "JMD", "Integration",
             "Flüchtling", "Geflüchtete", "Ukrainisch", "Arabisch", "Türkisch", "Persisch",
             "kostenlos", "Kinderbetreuung", "barrierefrei", "abends", "samstags", "online"]
    singles = []
    for w in words + extra:
        for form in (w, w.lower(), _fold(w.lower()), w[: max(4, len(w) * 2 // 3)], _typo(w, rng)):
            if form not in singles:
                singles.append(form)
    audiences = sorted({a.split()[-1] for a, _g in AUDIENCES if a != "alle"})
    cities = [CITY_NAMES[c] for c in CITIES if c != "kreisweit"]
    combos = []
    for w in words + extra[:30]:
        for a in audiences:
            combos.append(f"{w} {a}")
        for c in cities:
            combos.append(f"{w} {c}")
    rng.shuffle(singles)
    rng.shuffle(combos)
    # Mostly one-word queries (what people type), two-word ones to make the pool large.
    pool, si, ci = [], 0, 0
    while si < len(singles) or ci < len(combos):
        for _ in range(2):
            if si < len(singles):
                pool.append(singles[si])
                si += 1
        if ci < len(combos):
            pool.append(combos[ci])
            ci += 1
    taken = {q.lower() for q in TEXT_QUERIES}
    return [q for q in dict.fromkeys(pool) if q.lower() not in taken]


def _filter_pairs():
    singles = ([("city", c)] for c in CITIES)
    out = [list(s) for s in singles]
    out += [[("topic", t)] for t in TOPICS] + [[("target_group", g)] for g in TARGET_GROUPS]
    out += [[("language", code)] for code in ["de", *LANGUAGE_WEIGHTS]]
    out += [[(flag, v)] for flag in ("free", "accessible", "childcare") for v in ("true", "false")]
    for c in CITIES:
        out += [[("city", c), ("topic", t)] for t in TOPICS]
        out += [[("city", c), ("target_group", g)] for g in TARGET_GROUPS]
        out += [[("city", c), ("language", lang)] for lang in ("ar", "tr", "uk", "ru", "en", "fa")]
    for t in TOPICS:
        out += [[("topic", t), ("target_group", g)] for g in TARGET_GROUPS]
        out += [[("topic", t), ("free", "true")]]
    return out


def query(pairs):
    return "?" + urlencode(pairs) if pairs else ""


def warm_params(kind):
    if kind == "text":
        return [[("q", q)] for q in TEXT_QUERIES]
    if kind == "text_city":
        return [[("q", q), ("city", c)] for q, c in TEXT_CITY]
    if kind == "browse_all":
        return [[]]
    if kind == "browse_filter":
        return [list(p) for p in BROWSE_FILTER]
    if kind == "deep_page":
        return [[("page", str(p))] for p in DEEP_PAGES]
    if kind == "radius":
        return [list(p) for p in RADIUS_STATES]
    raise KeyError(kind)


def cold_params(kind, seed=11):
    rng = random.Random(seed)
    if kind == "text":
        return [[("q", q)] for q in cold_text_queries()]
    if kind == "text_city":
        qs = cold_text_queries()
        singles = [q for q in qs if " " not in q]
        pairs = [[("q", q), ("city", c)] for q in singles for c in CITIES]
        rng.shuffle(pairs)
        return pairs
    if kind == "browse_all":
        return []  # one state only: cold is measured by restarting the workers (see run.py)
    if kind == "browse_filter":
        warm = {tuple(p) for p in BROWSE_FILTER}
        pairs = [p for p in _filter_pairs() if tuple(p) not in warm]
        rng.shuffle(pairs)
        return pairs
    if kind == "deep_page":
        states = [[("page", str(p))] + ([("sort", s)] if s != "relevance" else [])
                  for p in range(101, 1001) for s in ("relevance", "newest", "title")]
        states = [s for s in states if not (len(s) == 1 and int(s[0][1]) in DEEP_PAGES)]
        rng.shuffle(states)
        return states
    if kind == "radius":
        # every (postcode, whole-km radius), alone or with one topic: a new proximity match each
        warm = {tuple(p) for p in RADIUS_STATES}
        states = [[("near", code), ("radius", str(r))] + extra
                  for code in NEAR_POSTCODES for r in range(1, 51)
                  for extra in ([], *([("topic", t)] for t in TOPICS[:3]))]
        states = [s for s in states if tuple(s) not in warm]
        rng.shuffle(states)
        return states
    raise KeyError(kind)


def paths(kind, surface, temperature):
    base = SURFACES[surface]
    params = warm_params(kind) if temperature == "warm" else cold_params(kind)
    return [base + query(p) for p in params]


if __name__ == "__main__":
    for kind in KINDS:
        print(kind, "warm", len(warm_params(kind)), "cold", len(cold_params(kind)))
        print("  ", paths(kind, "api", "warm")[:2], paths(kind, "html", "cold")[:3])

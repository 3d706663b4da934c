"""Addresses for the demo data: districts, plausible street names, venues, phone area codes.

Street names are common German ones, not real addresses of real institutions; coordinates are
the city centre from the taxonomy plus a small deterministic jitter.
"""

DISTRICTS = {
    "castrop-rauxel": ["Habinghorst", "Ickern", "Henrichenburg", "Schwerin", "Frohlinde",
                       "Deininghausen", "Merklinde", "Altstadt"],
    "datteln": ["Innenstadt", "Meckinghoven", "Hagem", "Horneburg", "Ahsen", "Dümmer"],
    "dorsten": ["Hervest", "Holsterhausen", "Wulfen", "Barkenberg", "Feldmark", "Hardt",
                "Altstadt", "Östrich"],
    "gladbeck": ["Butendorf", "Brauck", "Rentfort", "Zweckel", "Ellinghorst", "Schultendorf",
                 "Mitte", "Rosenhügel"],
    "haltern-am-see": ["Stadtmitte", "Sythen", "Lippramsdorf", "Lavesum", "Hullern",
                       "Flaesheim"],
    "herten": ["Westerholt", "Scherlebeck", "Disteln", "Paschenberg", "Langenbochum",
               "Mitte", "Bertlich"],
    "marl": ["Hüls", "Drewer", "Brassert", "Sinsen", "Polsum", "Alt-Marl", "Hamm",
             "Lenkerbeck"],
    "oer-erkenschwick": ["Rapen", "Klein-Erkenschwick", "Groß-Erkenschwick", "Oer",
                         "Stimberg"],
    "recklinghausen": ["Süd", "Hillerheide", "Hochlar", "Speckhorn", "Suderwich",
                       "König-Ludwig", "Grullbad", "Stuckenbusch", "Altstadt", "Berghausen"],
    "waltrop": ["Innenstadt", "Leveringhausen", "Brockenscheidt", "Oberwiese", "Elmenhorst"],
    "kreisweit": ["Kreishaus"],
}

# Area codes (Vorwahlen) of the cities; the numbers behind them are made up.
AREA_CODES = {
    "castrop-rauxel": "02305", "datteln": "02363", "dorsten": "02362", "gladbeck": "02043",
    "haltern-am-see": "02364", "herten": "02366", "marl": "02365", "oer-erkenschwick": "02368",
    "recklinghausen": "02361", "waltrop": "02309", "kreisweit": "02361",
}

STREETS = [
    "Lindenstraße", "Am Marktplatz", "Bahnhofstraße", "Schulstraße", "Kirchplatz",
    "Hauptstraße", "Gartenstraße", "Ringstraße", "Mühlenweg", "Am Stadtpark", "Kanalstraße",
    "Zechenstraße", "Am Förderturm", "Birkenweg", "Eichendorffstraße", "Goethestraße",
    "Schillerstraße", "Friedhofstraße", "Bergstraße", "Wiesenweg", "Am Rathaus",
    "Kampstraße", "Heidestraße", "Rosenstraße", "Kolpingstraße", "Breite Straße",
    "Am Lippeufer", "Hafenweg", "Ahornallee", "Steinstraße", "Dorfstraße", "Am Bürgerhaus",
    "Tulpenweg", "Grüner Weg", "Von-Galen-Straße", "Marienstraße", "Overbergstraße",
    "Am Sportplatz", "Lessingstraße", "Sonnenweg",
]

VENUES = [
    "Stadtteilzentrum {district}", "Begegnungsstätte {district}", "Bürgerhaus {district}",
    "Gemeindehaus", "Familienzentrum Regenbogen", "Nachbarschaftstreff {district}",
    "Stadtteilbüro {district}", "Haus der Vielfalt", "Bildungshaus, Raum 2",
    "Jugendtreff {district}", "Kulturbahnhof {district}", "Treffpunkt Lindenhof",
]


def street_address(rng):
    return f"{rng.choice(STREETS)} {rng.randint(1, 48)}{rng.choice(['', '', '', '', 'a', 'b'])}"


def jitter(rng, value):
    """A coordinate near `value`, at most 0.03° away."""
    return round(value + rng.uniform(-0.025, 0.025), 5)


def phone_number(rng, city_slug):
    """A fictional number in German notation, e.g. '02365 99-4127'."""
    return f"{AREA_CODES[city_slug]} {rng.randint(90, 99)}-{rng.randint(1000, 9899)}"

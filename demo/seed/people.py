"""Fictional contact persons: names from the backgrounds found in the district, roles, e-mails.

First and last names are combined deterministically, so no row is meant to be a real person.
"""

# (first names female, first names male, last names) per background
NAMES = {
    "deutsch": (
        ["Anna", "Katrin", "Sabine", "Julia", "Monika", "Lena", "Birgit", "Claudia", "Hannah"],
        ["Thomas", "Michael", "Jörg", "Stefan", "Lukas", "Frank", "Matthias", "Dirk", "Jan"],
        ["Schneider", "Brinkmann", "Kowalewski", "Hoffmann", "Terhorst", "Becker", "Wessels",
         "Lückemeyer", "Overbeck", "Sandmann", "Niehues", "Kötter", "Hüsken", "Rademacher"],
    ),
    "türkisch": (
        ["Ayşe", "Elif", "Zeynep", "Emine", "Derya", "Songül", "Hatice", "Leyla"],
        ["Mehmet", "Murat", "Emre", "Serkan", "Hakan", "Cem", "Ömer", "Kemal"],
        ["Yılmaz", "Demir", "Kaya", "Öztürk", "Aydın", "Çelik", "Arslan", "Doğan", "Kılıç"],
    ),
    "arabisch": (
        ["Amal", "Rana", "Nour", "Samira", "Huda", "Layla", "Rasha"],
        ["Ahmad", "Khaled", "Omar", "Yousef", "Tarek", "Samir", "Bilal"],
        ["Haddad", "Al-Masri", "Khalil", "Nasser", "Saleh", "Hamdan", "Darwish", "Aziz"],
    ),
    "ukrainisch": (
        ["Olena", "Iryna", "Oksana", "Natalija", "Tetjana", "Switlana"],
        ["Andrij", "Oleksandr", "Taras", "Dmytro", "Serhij"],
        ["Kovalenko", "Bondarenko", "Tkatschenko", "Schewtschuk", "Melnyk", "Hrytsenko"],
    ),
    "polnisch": (
        ["Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ewa"],
        ["Piotr", "Tomasz", "Krzysztof", "Paweł", "Marek"],
        ["Nowak", "Wiśniewski", "Zielińska", "Kamińska", "Lewandowski", "Wójcik"],
    ),
    "persisch": (
        ["Mahsa", "Shirin", "Parisa", "Nasrin", "Fereshteh"],
        ["Reza", "Amir", "Dariush", "Kian", "Farhad"],
        ["Ahmadi", "Karimi", "Rahimi", "Hosseini", "Moradi", "Sadeghi"],
    ),
    "kurdisch": (
        ["Berivan", "Dilan", "Rojda", "Nesrin"],
        ["Azad", "Baran", "Serhat", "Rojhat"],
        ["Amedi", "Bozkurt", "Zana", "Ekinci"],
    ),
    "südosteuropäisch": (
        ["Ivana", "Elena", "Mirela", "Arta"],
        ["Goran", "Adrian", "Florin", "Besnik"],
        ["Popescu", "Petrović", "Dimitrova", "Krasniqi", "Ionescu"],
    ),
    "afrikanisch": (
        ["Senait", "Amina", "Fatou", "Hiwet"],
        ["Yonas", "Abdi", "Mamadou", "Tesfay"],
        ["Tesfamariam", "Diallo", "Mohamed", "Haile", "Osei"],
    ),
}

# Weighted so that the mix resembles the district's people who work in these services.
BACKGROUND_WEIGHTS = [
    ("deutsch", 10), ("türkisch", 5), ("arabisch", 3), ("ukrainisch", 2), ("polnisch", 2),
    ("persisch", 2), ("kurdisch", 1), ("südosteuropäisch", 1), ("afrikanisch", 1),
]

ROLES = {
    "wohlfahrt": [("Migrationsberaterin", "Migrationsberater"), ("Sozialarbeiterin", "Sozialarbeiter"),
                  ("Fachbereichsleitung", "Fachbereichsleitung")],
    "bildung": [("Kursleiterin", "Kursleiter"), ("Kursberatung", "Kursberatung"),
                ("Fachbereichsleitung Deutsch", "Fachbereichsleitung Deutsch")],
    "verein": [("Vorsitzende", "Vorsitzender"), ("Kassiererin", "Kassierer"),
               ("Ansprechpartnerin Integration", "Ansprechpartner Integration")],
    "sport": [("Übungsleiterin", "Übungsleiter"), ("Integrationsbeauftragte im Verein",
              "Integrationsbeauftragter im Verein"), ("Jugendwartin", "Jugendwart")],
    "religion": [("Gemeindereferentin", "Gemeindereferent"), ("Vorstandsmitglied", "Vorstandsmitglied"),
                 ("Ehrenamtskoordinatorin", "Ehrenamtskoordinator")],
    "stadt": [("Integrationsbeauftragte", "Integrationsbeauftragter"), ("Sachbearbeitung Integration",
              "Sachbearbeitung Integration"), ("Quartiersmanagerin", "Quartiersmanager")],
    "jugend": [("Jugendreferentin", "Jugendreferent"), ("Einrichtungsleitung", "Einrichtungsleitung"),
               ("Sozialpädagogin", "Sozialpädagoge")],
    "frauen": [("Beraterin", "Berater"), ("Koordinatorin", "Koordinator"),
               ("Projektleitung", "Projektleitung")],
    "arbeit": [("Jobcoachin", "Jobcoach"), ("Ausbildungsbegleiterin", "Ausbildungsbegleiter"),
               ("Bildungsberaterin", "Bildungsberater")],
    "gesundheit": [("Psychologin", "Psychologe"), ("Gesundheitslotsin", "Gesundheitslotse"),
                   ("Beraterin", "Berater")],
    "ki": [("Koordinatorin Integrationsangebote", "Koordinator Integrationsangebote"),
           ("Referentin Bildung", "Referent Bildung"), ("Sachgebietsleitung", "Sachgebietsleitung")],
}

_FOLD = str.maketrans({
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "ş": "s", "ç": "c", "ğ": "g",
    "é": "e", "ł": "l", "ś": "s", "ń": "n", "ó": "o", "ż": "z", "ź": "z", "ć": "c", "ą": "a",
    "ę": "e", " ": "-", "'": "",
})


def ascii_fold(text):
    return text.lower().translate(_FOLD)


class NamePool:
    """Hands out unique fictional names, deterministically for a given random generator."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()
        self.backgrounds = [b for b, w in BACKGROUND_WEIGHTS for _ in range(w)]

    def person(self, background=None):
        """Return (first, last, female)."""
        for _ in range(200):
            bg = background or self.rng.choice(self.backgrounds)
            female_names, male_names, last_names = NAMES[bg]
            female = self.rng.random() < 0.6
            first = self.rng.choice(female_names if female else male_names)
            last = self.rng.choice(last_names)
            if (first, last) not in self.used:
                self.used.add((first, last))
                return first, last, female
        raise RuntimeError("name pool exhausted")


def email_for(first, last):
    return f"{ascii_fold(first)}.{ascii_fold(last)}@example.org"

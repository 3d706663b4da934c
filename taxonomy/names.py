"""The names of the starting taxonomy, so they are in the message catalogues (generated from
taxonomy/data/taxonomy.json; regenerate when it changes). Cities keep their names in every
language. Templates and the API show term names through taxonomy.names.translated()."""

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

NAMES = [
    _("Sprache"),
    _("Deutschkurse, Integrationskurse, Sprachcafés, Alphabetisierung"),
    _("Bildung und Schule"),
    _("Kita, Schule, Hausaufgabenhilfe, Lernförderung, Weiterbildung"),
    _("Arbeit und Ausbildung"),
    _("Bewerbung, Jobcoaching, Ausbildung, Anerkennung von Abschlüssen"),
    _("Beratung"),
    _("Migrationsberatung (MBE), Jugendmigrationsdienst (JMD), Sozialberatung"),
    _("Recht und Aufenthalt"),
    _("Asylverfahren, Aufenthalt, Einbürgerung, Familiennachzug"),
    _("Gesundheit"),
    _("Gesundheitssystem, psychosoziale Hilfe, Sucht, Schwangerschaft"),
    _("Wohnen"),
    _("Wohnungssuche, Mietrecht, Einrichtung"),
    _("Familie, Kinder und Jugend"),
    _("Elterncafés, Krabbelgruppen, Jugendtreffs"),
    _("Frauen"),
    _("Frauentreffs, Frauenberatung, Schutz"),
    _("Sport und Freizeit"),
    _("Vereine, Schwimmen, Radfahren, Freizeitgruppen"),
    _("Kultur und Begegnung"),
    _("Begegnungscafés, Chöre, Theater, Feste"),
    _("Ehrenamt und Engagement"),
    _("Patenschaften, Sprachmittlung, Engagement finden"),
    _("insbesondere für Menschen mit Migrationshintergrund"),
    _("insbesondere für Neuzugewanderte"),
    _("Geflüchtete"),
    _("Frauen und Mädchen"),
    _("Kinder"),
    _("Jugendliche und junge Erwachsene"),
    _("Eltern und Familien"),
    _("Seniorinnen und Senioren"),
    _("Fachkräfte und Ehrenamtliche"),
    _("für alle Bürgerinnen und Bürger"),
    _("Deutsch"),
    _("Englisch"),
    _("Arabisch"),
    _("Persisch (Farsi/Dari)"),
    _("Türkisch"),
    _("Ukrainisch"),
    _("Russisch"),
    _("Kurdisch"),
    _("Tigrinya"),
    _("Paschtu"),
    _("Französisch"),
    _("Polnisch"),
    _("Rumänisch"),
    _("Bulgarisch"),
    _("Albanisch"),
    _("Serbisch"),
    _("Somali"),
    _("Urdu"),
    _("Spanisch"),
    _("Italienisch"),
    _("Deutsche Gebärdensprache"),
]


def translated(name):
    """A taxonomy name in the current language (as it is if no translation exists, e.g. a
    term staff added later, or a city)."""
    return gettext(name) if name else name

"""The tables of the open-data package: names, fields, types, keys — the one description that
both the writer (opendata/build.py) and datapackage.json (Frictionless Table Schema) use.

The package is normalised: one table per kind of thing, link tables for the many-to-many
relations, integer ids for offers, organisations, contacts, places and times (the ids of the
website and the API, stable while the object exists) and slugs for the taxonomy (the stable
identifiers the search URLs, the API and the import use).

Field descriptions are German, like the data; they belong to the data documentation
(datapackage.json) and are not interface text. Table titles and descriptions are shown on the
open-data page too, so they are translated there (gettext_lazy) and written in German into
datapackage.json.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from offers.models import TRANSLATION_CODES


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # Frictionless types: string, integer, number, boolean, date, time, datetime
    description: str
    required: bool = False
    format: str = ""
    enum: tuple = ()
    minimum: int | None = None
    maximum: int | None = None

    def descriptor(self):
        data = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            data["format"] = self.format
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            data["constraints"] = constraints
        return data


@dataclass(frozen=True)
class Table:
    name: str  # resource name and file name (<name>.csv)
    title: object  # lazy German text
    description: object
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    # (own fields, other table, its fields)
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())

    @property
    def filename(self):
        return f"{self.name}.csv"

    @property
    def field_names(self):
        return [f.name for f in self.fields]


def _id(what):
    return Field("id", "integer", f"Kennung {what} (dieselbe wie auf der Website und in der API).",
                 required=True)


def _text(name, description, required=False):
    return Field(name, "string", description, required=required)


def _bool(name, description):
    return Field(name, "boolean", description + " (true/false)", required=True)


def _offer_ref():
    return Field("offer_id", "integer", "Kennung des Angebots (offers.id).", required=True)


def _slug(what):
    return Field("slug", "string", f"Kürzel {what}; stabil, wird in Such-URLs, API und Import benutzt.",
                 required=True)


POSITION = Field("position", "integer", "Reihenfolge, in der die Website die Einträge zeigt.",
                 required=True)

OFFERS = Table(
    "offers", _("Angebote"),
    _("Alle öffentlich sichtbaren Angebote: veröffentlicht, nicht beendet und in den letzten "
      "zwölf Monaten als aktuell bestätigt – dieselben, die die Suche zeigt."),
    (
        _id("des Angebots"),
        _text("external_id", "Kennung aus dem Quellsystem eines Trägers (leer, wenn keine)."),
        _text("title", "Titel (Deutsch).", required=True),
        _text("summary", "Kurzbeschreibung (Deutsch)."),
        _text("description", "Beschreibung (Deutsch), Absätze durch Zeilenumbrüche getrennt."),
        Field("organisation_id", "integer", "Träger des Angebots (organisations.id).", required=True),
        Field("url", "string", "Seite des Angebots auf der Website.", required=True, format="uri"),
        Field("website", "string", "Eigene Webseite des Angebots.", format="uri"),
        _bool("is_online", "Findet (auch) online statt"),
        _text("schedule_note", "Hinweis zu den Zeiten (z. B. „14-täglich“)."),
        Field("start_date", "date", "Beginn (bei Kursen), JJJJ-MM-TT."),
        Field("end_date", "date", "Ende (bei Kursen), JJJJ-MM-TT."),
        _bool("is_free", "Kostenlos"),
        _text("cost", "Kosten in Worten, wenn nicht kostenlos."),
        _bool("registration_required", "Anmeldung erforderlich"),
        Field("registration_deadline", "date", "Anmeldeschluss, JJJJ-MM-TT."),
        _text("registration_note", "Hinweis zur Anmeldung."),
        Field("accessibility", "string", "Barrierefreiheit: yes, no oder unknown.", required=True,
              enum=("yes", "no", "unknown")),
        _text("accessibility_note", "Hinweis zur Barrierefreiheit."),
        _bool("childcare", "Mit Kinderbetreuung"),
        Field("age_min", "integer", "Mindestalter in Jahren.", minimum=0),
        Field("age_max", "integer", "Höchstalter in Jahren.", minimum=0),
        Field("last_verified", "date", "Tag, an dem der Träger oder das KI das Angebot zuletzt als "
              "aktuell bestätigt hat."),
        Field("created_at", "datetime", "Angelegt am (UTC).", required=True),
        Field("updated_at", "datetime", "Zuletzt inhaltlich geändert am (UTC).", required=True),
    ),
    ("id",),
    ((("organisation_id",), "organisations", ("id",)),),
)

OFFER_TRANSLATIONS = Table(
    "offer_translations", _("Übersetzungen"),
    _("Titel, Kurzbeschreibung und Beschreibung der Angebote in weiteren Sprachen; fehlt eine "
      "Sprache, gilt der deutsche Text."),
    (
        _offer_ref(),
        Field("language", "string", "Sprache der Übersetzung (ISO 639-1).", required=True,
              enum=tuple(TRANSLATION_CODES)),
        _text("title", "Titel.", required=True),
        _text("summary", "Kurzbeschreibung."),
        _text("description", "Beschreibung."),
    ),
    ("offer_id", "language"),
    ((("offer_id",), "offers", ("id",)),),
)

ORGANISATIONS = Table(
    "organisations", _("Träger"),
    _("Alle Träger, die die Website in ihrer Trägerliste zeigt, mit ihren Kontaktdaten."),
    (
        _id("des Trägers"),
        _text("name", "Name.", required=True),
        _text("slug", "Kürzel (Teil der Adresse der Trägerseite).", required=True),
        _text("description", "Beschreibung."),
        Field("url", "string", "Seite des Trägers auf der Website.", required=True, format="uri"),
        Field("website", "string", "Webseite des Trägers.", format="uri"),
        Field("email", "string", "Allgemeine E-Mail-Adresse des Trägers.", format="email"),
        _text("phone", "Allgemeine Telefonnummer des Trägers, wie eingegeben."),
        _text("street", "Straße und Hausnummer."),
        _text("postcode", "Postleitzahl."),
        Field("city", "string", "Stadt (cities.slug)."),
    ),
    ("id",),
    ((("city",), "cities", ("slug",)),),
)

CONTACTS = Table(
    "contacts", _("Ansprechpersonen"),
    _("Nur Personen, die der Veröffentlichung zugestimmt haben."),
    (
        _id("der Ansprechperson"),
        Field("organisation_id", "integer", "Träger (organisations.id).", required=True),
        _text("name", "Name.", required=True),
        _text("role", "Funktion."),
        _text("phone", "Telefonnummer, wie eingegeben."),
        Field("email", "string", "E-Mail-Adresse.", format="email"),
    ),
    ("id",),
    ((("organisation_id",), "organisations", ("id",)),),
)

PLACES = Table(
    "places", _("Orte"),
    _("Wo die Angebote stattfinden, mit Koordinaten (WGS 84; bei importierten Angeboten oft die "
      "Mitte der Stadt)."),
    (
        _id("des Orts"),
        _offer_ref(),
        _text("name", "Bezeichnung (z. B. Stadtteilzentrum, Raum 2)."),
        _text("street", "Straße und Hausnummer."),
        _text("postcode", "Postleitzahl."),
        Field("city", "string", "Stadt (cities.slug).", required=True),
        Field("latitude", "number", "Breitengrad (WGS 84).", minimum=-90, maximum=90),
        Field("longitude", "number", "Längengrad (WGS 84).", minimum=-180, maximum=180),
    ),
    ("id",),
    ((("offer_id",), "offers", ("id",)), (("city",), "cities", ("slug",))),
)

OFFER_TIMES = Table(
    "offer_times", _("Regelmäßige Zeiten"),
    _("Wöchentliche Zeiten der Angebote (Ortszeit Europe/Berlin)."),
    (
        _id("der Zeit"),
        _offer_ref(),
        Field("weekday", "integer", "Wochentag: 0 = Montag … 6 = Sonntag.", required=True,
              minimum=0, maximum=6),
        Field("opens_at", "time", "Beginn, HH:MM:SS.", required=True),
        Field("closes_at", "time", "Ende, HH:MM:SS.", required=True),
        _text("note", "Hinweis (z. B. „nur in den Schulferien“)."),
    ),
    ("id",),
    ((("offer_id",), "offers", ("id",)),),
)

OFFER_CONTACTS = Table(
    "offer_contacts", _("Ansprechpersonen der Angebote"),
    _("Welche Ansprechperson zu welchem Angebot gehört."),
    (_offer_ref(), Field("contact_id", "integer", "Ansprechperson (contacts.id).", required=True)),
    ("offer_id", "contact_id"),
    ((("offer_id",), "offers", ("id",)), (("contact_id",), "contacts", ("id",))),
)

CITIES = Table(
    "cities", _("Städte"),
    _("Die zehn Städte des Kreises und „kreisweit“."),
    (
        _slug("der Stadt"),
        _text("name", "Name.", required=True),
        _text("postcodes", "Postleitzahlen der Stadt, durch Leerzeichen getrennt."),
        Field("latitude", "number", "Breitengrad der Stadtmitte (WGS 84).", minimum=-90, maximum=90),
        Field("longitude", "number", "Längengrad der Stadtmitte (WGS 84).", minimum=-180,
              maximum=180),
        _bool("is_districtwide", "Steht für den ganzen Kreis statt für eine Stadt"),
        POSITION,
    ),
    ("slug",),
)

TOPICS = Table(
    "topics", _("Themenfelder"), _("Die Themenfelder, nach denen die Suche filtert."),
    (_slug("des Themenfelds"), _text("name", "Name (Deutsch).", required=True),
     _text("covers", "Was das Themenfeld umfasst."), POSITION),
    ("slug",),
)

TARGET_GROUPS = Table(
    "target_groups", _("Zielgruppen"), _("Die Zielgruppen, nach denen die Suche filtert."),
    (_slug("der Zielgruppe"), _text("name", "Name (Deutsch).", required=True), POSITION),
    ("slug",),
)

LANGUAGES = Table(
    "languages", _("Sprachen"), _("Die Sprachen, in denen Angebote stattfinden."),
    (
        Field("slug", "string", "Sprachcode (ISO 639, „dgs“ für Deutsche Gebärdensprache).",
              required=True),
        _text("name", "Name (Deutsch).", required=True),
        _text("native_name", "Name in der Sprache selbst."),
        _bool("is_rtl", "Wird von rechts nach links geschrieben"),
        POSITION,
    ),
    ("slug",),
)


def _link_table(name, title, term_field, other, description):
    return Table(
        name, title, description,
        (_offer_ref(), Field(term_field, "string", f"{other}.slug", required=True)),
        ("offer_id", term_field),
        ((("offer_id",), "offers", ("id",)), ((term_field,), other, ("slug",))),
    )


OFFER_CITIES = _link_table("offer_cities", _("Städte der Angebote"), "city", "cities",
                           _("Für welche Städte ein Angebot gilt."))
OFFER_TOPICS = _link_table("offer_topics", _("Themenfelder der Angebote"), "topic", "topics",
                           _("Welche Themenfelder ein Angebot hat."))
OFFER_TARGET_GROUPS = _link_table("offer_target_groups", _("Zielgruppen der Angebote"),
                                  "target_group", "target_groups",
                                  _("Für welche Zielgruppen ein Angebot ist."))
OFFER_LANGUAGES = _link_table("offer_languages", _("Sprachen der Angebote"), "language",
                              "languages", _("In welchen Sprachen ein Angebot stattfindet."))

# In the order of datapackage.json and the open-data page: offers and what hangs on them first.
TABLES = (OFFERS, OFFER_TRANSLATIONS, ORGANISATIONS, CONTACTS, OFFER_CONTACTS, PLACES,
          OFFER_TIMES, OFFER_CITIES, OFFER_TOPICS, OFFER_TARGET_GROUPS, OFFER_LANGUAGES,
          CITIES, TOPICS, TARGET_GROUPS, LANGUAGES)
BY_NAME = {table.name: table for table in TABLES}

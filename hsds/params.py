"""The query parameters of the HSDS lists: parsed once, bad values raise SearchParamError
(api_view turns it into a 400 naming the parameter). Unknown parameters are ignored."""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from search.params import CONTROL_CHARACTERS, MAX_QUERY_LENGTH, SearchParamError
from taxonomy import geo

from .ids import parse_uuid

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
MAX_TERMS = 20
MAX_PROXIMITY = 100_000  # metres; the district is about 40 km across
FORMATS = ("json", "ndjson")
INTEGER = re.compile(r"[+-]?[0-9]{1,12}")
# "+01:00" arrives as " 01:00" when a client forgets to percent-encode the plus sign.
UNENCODED_OFFSET = re.compile(r" (\d\d(?::?\d\d)?)$")
# ASCII decimal, optionally with exponent (1e999 is inf: out of range, not an error of ours)
NUMBER = re.compile(r"[0-9]{1,12}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,3})?")


@dataclass(frozen=True)
class ListParams:
    search: str = ""
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    format: str = "json"
    term_ids: tuple = ()  # HSDS taxonomy term ids, all required (AND)
    organization_id: str | None = None
    modified_after: datetime.datetime | None = None
    postcode: str | None = None
    proximity: float | None = None  # metres
    taxonomy_id: str | None = None

    @property
    def ndjson(self):
        return self.format == "ndjson"

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


def _integer(querydict, name, default, minimum, maximum):
    if name not in querydict:
        return default
    raw = querydict.get(name, "").strip()
    if not INTEGER.fullmatch(raw):
        raise SearchParamError(name, "invalid_integer",
                               _("„%(name)s“ muss eine ganze Zahl sein.") % {"name": name})
    value = int(raw)
    if not minimum <= value <= maximum:
        raise SearchParamError(name, "out_of_range",
                               _("„%(name)s“ muss zwischen %(min)s und %(max)s liegen.")
                               % {"name": name, "min": minimum, "max": maximum})
    return value


def _search(querydict):
    raw = CONTROL_CHARACTERS.sub(" ", querydict.get("search", ""))
    return " ".join(raw.split())[:MAX_QUERY_LENGTH]


def _format(querydict):
    value = querydict.get("format", "").strip().lower() or "json"
    if value not in FORMATS:
        raise SearchParamError("format", "invalid_choice",
                               _("„format“ muss json oder ndjson sein."))
    return value


def _uuid(name, raw):
    value = parse_uuid(raw.strip())
    if value is None:
        raise SearchParamError(name, "invalid_uuid",
                               _("„%(name)s“ muss eine UUID sein, z. B. %(example)s.")
                               % {"name": name, "example": "9e7fa5e8-5975-5c57-9282-8fc9f54bbd90"})
    return value


def _term_ids(querydict, vocabulary):
    chosen = []
    for raw in querydict.getlist("taxonomy_term_id"):
        for part in raw.split(","):
            if not part.strip():
                continue
            value = _uuid("taxonomy_term_id", part)
            if vocabulary.term(value) is None:
                raise SearchParamError("taxonomy_term_id", "unknown_value",
                                       _("„%(value)s“ ist kein bekannter Wert für „%(name)s“.")
                                       % {"value": value, "name": "taxonomy_term_id"})
            if value not in chosen:
                chosen.append(value)
    if len(chosen) > MAX_TERMS:
        raise SearchParamError("taxonomy_term_id", "out_of_range",
                               _("Höchstens %(max)s Werte für „%(name)s“.")
                               % {"max": MAX_TERMS, "name": "taxonomy_term_id"})
    return tuple(chosen)


def parse_modified_after(raw):
    """An aware datetime from an ISO 8601 date-time or date (local time when it has no
    offset; a date means its start). Raises SearchParamError."""
    value = UNENCODED_OFFSET.sub(r"+\1", raw.strip())
    error = SearchParamError(
        "modified_after", "invalid_datetime",
        _("„modified_after“ muss ein Datum oder Zeitpunkt nach ISO 8601 sein, z. B. "
          "2026-11-01 oder 2026-11-01T08:00:00Z."))
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise error
            moment = datetime.datetime.combine(day, datetime.time.min)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
    except ValueError:
        raise error from None
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        # At the very edge of the calendar (year 1 or 9999 with an offset): the earliest or
        # latest moment the database can compare, so such a filter means "all" or "none".
        edge = datetime.datetime.min if moment.year == 1 else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


def _postcode(querydict):
    raw = querydict.get("postcode", "").strip()
    if not raw:
        return None
    postcode = geo.normalise_postcode(raw)
    if postcode is None:
        raise SearchParamError("postcode", "invalid_postcode",
                               _("„postcode“ muss eine Postleitzahl aus fünf Ziffern sein."))
    if geo.city_for_postcode(postcode) is None:
        raise SearchParamError("postcode", "unknown_value",
                               _("Die Postleitzahl %(postcode)s liegt nicht im Kreis Recklinghausen.")
                               % {"postcode": postcode})
    return postcode


def _proximity(querydict, postcode):
    raw = querydict.get("proximity", "").strip()
    if not raw:
        return None
    if not NUMBER.fullmatch(raw):
        raise SearchParamError("proximity", "invalid_number",
                               _("„proximity“ muss eine Entfernung in Metern sein, z. B. 5000."))
    value = float(raw)
    if not 0 < value <= MAX_PROXIMITY:
        raise SearchParamError("proximity", "out_of_range",
                               _("„%(name)s“ muss zwischen %(min)s und %(max)s liegen.")
                               % {"name": "proximity", "min": 1, "max": MAX_PROXIMITY})
    if postcode is None:
        raise SearchParamError("proximity", "missing_postcode",
                               _("„proximity“ braucht eine Postleitzahl in „postcode“."))
    return value


def parse_list_params(querydict, vocabulary=None, filters=()):
    """The parameters every list takes, plus the named `filters` of this list
    ("taxonomy_term_id", "organization_id", "modified_after", "postcode", "taxonomy_id")."""
    fields = {
        "search": _search(querydict),
        "page": _integer(querydict, "page", 1, 1, MAX_PAGE),
        "per_page": _integer(querydict, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
        "format": _format(querydict),
    }
    if "taxonomy_term_id" in filters:
        fields["term_ids"] = _term_ids(querydict, vocabulary)
    if "organization_id" in filters and querydict.get("organization_id", "").strip():
        fields["organization_id"] = _uuid("organization_id", querydict.get("organization_id"))
    if "taxonomy_id" in filters and querydict.get("taxonomy_id", "").strip():
        fields["taxonomy_id"] = _uuid("taxonomy_id", querydict.get("taxonomy_id"))
        if vocabulary.taxonomy(fields["taxonomy_id"]) is None:
            raise SearchParamError("taxonomy_id", "unknown_value",
                                   _("„%(value)s“ ist kein bekannter Wert für „%(name)s“.")
                                   % {"value": fields["taxonomy_id"], "name": "taxonomy_id"})
    if "modified_after" in filters and querydict.get("modified_after", "").strip():
        fields["modified_after"] = parse_modified_after(querydict.get("modified_after"))
    if "postcode" in filters:
        fields["postcode"] = _postcode(querydict)
        fields["proximity"] = _proximity(querydict, fields["postcode"])
    return ListParams(**fields)

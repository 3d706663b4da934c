"""Objects as plain JSON data, and back: the common currency of review and history.

A snapshot is a dict of JSON values (dates as ISO strings, many-to-many fields as sorted id
lists, an offer's places and weekly times as lists of dicts, its translations as
{language: {"title", "summary", "description"}}). Pending changes hold the
proposed snapshot, revisions hold the snapshot after each change (what a restore goes back
to), and diff() compares two snapshots field by field in words a person can read.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import formats
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from offers.models import TRANSLATION_CODES, Offer, OfferTime, OfferTranslation, Place
from providers.models import Contact, Organisation
from taxonomy.models import City, Language, TargetGroup, Topic

# The content of an offer that providers edit and editors review (status and organisation
# are changed by their own actions, never by an edit).
OFFER_FIELDS = [
    "title", "summary", "description", "website", "is_online", "schedule_note", "start_date",
    "end_date", "is_free", "cost", "registration_required", "registration_deadline",
    "registration_note", "accessibility", "accessibility_note", "childcare", "age_min", "age_max",
]
OFFER_M2M = {"topics": Topic, "target_groups": TargetGroup, "languages": Language,
             "cities": City, "contacts": Contact}
PLACE_FIELDS = ["name", "street", "postcode", "city", "latitude", "longitude"]
TIME_FIELDS = ["weekday", "opens_at", "closes_at", "note"]
TRANSLATION_FIELDS = ["title", "summary", "description"]
ORGANISATION_FIELDS = ["name", "description", "website", "email", "phone", "street", "postcode",
                       "city", "is_trusted"]
CONTACT_FIELDS = ["name", "role", "phone", "email", "consent_given_on"]

NESTED_LABELS = {"places": _("Orte"), "times": _("Regelmäßige Zeiten"),
                 "translations": _("Übersetzungen")}
# A change of one translation is its own line in a diff, named "translations.<language>".
TRANSLATIONS = "translations"


def _to_json(value):
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    return value


def _from_json(field, value):
    if value in (None, ""):
        return None if field.null else ("" if field.get_internal_type() in _TEXT_TYPES else value)
    kind = field.get_internal_type()
    if kind == "DateField":
        return datetime.date.fromisoformat(value)
    if kind == "TimeField":
        return datetime.time.fromisoformat(value)
    return value


_TEXT_TYPES = {"CharField", "TextField", "URLField", "EmailField", "SlugField"}


def _fields_snapshot(obj, names):
    data = {}
    for name in names:
        field = obj._meta.get_field(name)
        data[name] = getattr(obj, field.attname) if field.is_relation else _to_json(getattr(obj, name))
    return data


def _apply_fields(obj, names, data):
    for name in names:
        if name not in data:
            continue
        field = obj._meta.get_field(name)
        if field.is_relation:
            setattr(obj, field.attname, data[name])
        else:
            setattr(obj, name, _from_json(field, data[name]))


# --- offers ---------------------------------------------------------------------------------

def offer_snapshot(offer):
    data = _fields_snapshot(offer, OFFER_FIELDS)
    for name in OFFER_M2M:
        data[name] = sorted(getattr(offer, name).values_list("pk", flat=True))
    data["places"] = [_fields_snapshot(p, PLACE_FIELDS) for p in offer.places.order_by("pk")]
    times = offer.times.order_by("weekday", "opens_at", "pk")
    data["times"] = [_fields_snapshot(t, TIME_FIELDS) for t in times]
    data[TRANSLATIONS] = {t.language: _fields_snapshot(t, TRANSLATION_FIELDS)
                          for t in offer.translations.all() if t.title}
    return data


def _apply_translations(offer, translations):
    """Make the offer's translations exactly these (languages without a title have none).
    Only rows that differ are written: each write re-indexes the offer."""
    existing = {t.language: t for t in offer.translations.all()}
    for language in TRANSLATION_CODES:
        values = translations.get(language) or {}
        current = existing.pop(language, None)
        if not values.get("title"):
            if current is not None:
                current.delete()
            continue
        texts = {name: values.get(name) or "" for name in TRANSLATION_FIELDS}
        if current is not None and _fields_snapshot(current, TRANSLATION_FIELDS) == texts:
            continue
        translation = current or OfferTranslation(offer=offer, language=language)
        _apply_fields(translation, TRANSLATION_FIELDS, texts)
        translation.full_clean(exclude=["offer"], validate_unique=False)
        translation.save()
    for stale in existing.values():  # a language no longer offered
        stale.delete()


@transaction.atomic
def apply_offer_snapshot(offer, data):
    """Make the offer's content what `data` says (fields, relations, places, times,
    translations). Keys missing from `data` are left as they are (snapshots recorded before
    translations existed keep today's); the caller saves status and version."""
    _apply_fields(offer, OFFER_FIELDS, data)
    offer.full_clean(exclude=["organisation", "external_id"], validate_unique=False)
    offer.save()
    for name, model in OFFER_M2M.items():
        if name in data:  # ids of rows deleted since (an old revision, a contact) are dropped
            getattr(offer, name).set(model.objects.filter(pk__in=data[name]))
    if "places" in data:
        offer.places.all().delete()
        for place in data["places"]:
            new = Place(offer=offer)
            _apply_fields(new, PLACE_FIELDS, place)
            new.save()
        # the cities of the places always belong to the offer's cities
        offer.cities.add(*{p["city"] for p in data["places"] if p.get("city")})
    if "times" in data:
        offer.times.all().delete()
        for time in data["times"]:
            new = OfferTime(offer=offer)
            _apply_fields(new, TIME_FIELDS, time)
            new.save()
    if TRANSLATIONS in data:
        _apply_translations(offer, data[TRANSLATIONS] or {})
    return offer


# --- organisations and contacts -------------------------------------------------------------

def organisation_snapshot(organisation):
    return _fields_snapshot(organisation, ORGANISATION_FIELDS)


def contact_snapshot(contact):
    return _fields_snapshot(contact, CONTACT_FIELDS)


def apply_fields_snapshot(obj, data):
    names = ORGANISATION_FIELDS if isinstance(obj, Organisation) else CONTACT_FIELDS
    _apply_fields(obj, names, data)
    obj.save()
    return obj


def snapshot(obj):
    if isinstance(obj, Offer):
        return offer_snapshot(obj)
    if isinstance(obj, Organisation):
        return organisation_snapshot(obj)
    if isinstance(obj, Contact):
        return contact_snapshot(obj)
    raise TypeError(f"no snapshot for {type(obj).__name__}")


# --- reading snapshots: labels, values in words, differences --------------------------------

@dataclass
class FieldChange:
    name: str
    label: str
    old: str
    new: str


def _model_for(kind):
    return {"offer": Offer, "organisation": Organisation, "contact": Contact}[kind]


def _translation_language(name):
    """"ar" for "translations.ar", else None."""
    prefix, _dot, language = name.partition(".")
    return language if prefix == TRANSLATIONS and language else None


def language_name(code):
    """A language's name in itself (العربيّة, Українська), as the language switcher shows it."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def label(kind, name):
    language = _translation_language(name)
    if language:
        return _("Übersetzung (%(language)s)") % {"language": language_name(language)}
    if name in NESTED_LABELS:
        return str(NESTED_LABELS[name])
    return str(_model_for(kind)._meta.get_field(name).verbose_name)


def _names(model, ids):
    names = dict(model.objects.filter(pk__in=ids).values_list("pk", "name"))
    return ", ".join(str(names.get(i, f"#{i}")) for i in ids)


def _scalar_display(field, value):
    if value in (None, ""):
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    kind = field.get_internal_type()
    if kind == "BooleanField":
        return _gettext("ja") if value else _gettext("nein")
    if kind == "DateField":
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    if field.is_relation:
        return _names(field.related_model, [value])
    return str(value)


def _place_display(place):
    city = _names(City, [place["city"]]) if place.get("city") else ""
    parts = [place.get("name"), place.get("street"), f"{place.get('postcode') or ''} {city}".strip()]
    return ", ".join(p for p in parts if p)


def _time_display(time):
    weekday = dict(OfferTime.Weekday.choices).get(time["weekday"], time["weekday"])
    text = f"{weekday} {time['opens_at'][:5]}–{time['closes_at'][:5]}"
    return f"{text} ({time['note']})" if time.get("note") else text


def _translation_display(value):
    """One translation in words, a line per text (so a word diff marks only what changed)."""
    if not value or not value.get("title"):
        return "–"
    lines = []
    for field_name in TRANSLATION_FIELDS:
        text = (value.get(field_name) or "").strip()
        if text:
            lines.append(f"{OfferTranslation._meta.get_field(field_name).verbose_name}: {text}")
    return "\n".join(lines)


def display(kind, name, value):
    """A snapshot value in words: names instead of ids, 'ja'/'nein', dates in German."""
    language = _translation_language(name)
    if language:
        return _translation_display(value)
    if name == TRANSLATIONS:  # all of them at once (a revision's recorded change)
        return "\n\n".join(f"{language_name(code)}\n{_translation_display(value[code])}"
                             for code in TRANSLATION_CODES if code in (value or {})) or "–"
    if name == "places":
        return "; ".join(_place_display(p) for p in value or []) or "–"
    if name == "times":
        return "; ".join(_time_display(t) for t in value or []) or "–"
    model = _model_for(kind)
    if kind == "offer" and name in OFFER_M2M:
        return _names(OFFER_M2M[name], value or []) or "–"
    return _scalar_display(model._meta.get_field(name), value)


def changed_names(old, new):
    """The names of the fields whose values differ, in the order of the form (cheap: no
    values in words, e.g. to count the changes of many proposals). Each changed translation
    counts on its own, as "translations.<language>"."""
    old, new = old or {}, new or {}
    names = []
    for name in [*old.keys(), *[k for k in new if k not in old]]:
        if name == TRANSLATIONS:
            names += _changed_translations(old.get(name), new.get(name))
        elif _normalise(old.get(name)) != _normalise(new.get(name)):
            names.append(name)
    return names


def _changed_translations(old, new):
    old, new = old or {}, new or {}
    return [f"{TRANSLATIONS}.{code}" for code in TRANSLATION_CODES
            if _normalise_translation(old.get(code)) != _normalise_translation(new.get(code))]


def _normalise_translation(value):
    if not value or not value.get("title"):
        return None
    return tuple(value.get(name) or "" for name in TRANSLATION_FIELDS)


def _value(snapshot, name):
    language = _translation_language(name)
    if language:
        return (snapshot.get(TRANSLATIONS) or {}).get(language)
    return snapshot.get(name)


def diff(kind, old, new):
    """The fields whose values differ between two snapshots, in the order of the form."""
    old, new = old or {}, new or {}
    return [FieldChange(name, label(kind, name), display(kind, name, _value(old, name)),
                        display(kind, name, _value(new, name)))
            for name in changed_names(old, new)]


def _normalise(value):
    return None if value in ("", None, [], {}) else value


def kind_of(obj_or_model):
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    return {Offer: "offer", Organisation: "organisation", Contact: "contact"}[model]

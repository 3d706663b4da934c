"""The edit form of an offer: its content, its places and its weekly times, as one unit that
reads and writes the snapshot format of changes.snapshot (the currency of changes.services).

Places and times are formsets that work without JavaScript: one empty row is always shown,
"Weitere Zeile hinzufügen" re-renders the form with one more, a row is removed by ticking
"entfernen" or by leaving it empty. Translations of the texts are one small form per language.
"""

import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from changes.snapshot import (
    OFFER_FIELDS,
    OFFER_M2M,
    PLACE_FIELDS,
    TIME_FIELDS,
    TRANSLATION_FIELDS,
    language_name,
)
from offers.models import (
    TRANSLATION_CODES,
    TRANSLATION_LANGUAGES,
    Offer,
    OfferTime,
    OfferTranslation,
    Place,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

DELETE = forms.formsets.DELETION_FIELD_NAME
# The names of the submit buttons that add a row instead of saving.
ADD_PLACE = "add_place"
ADD_TIME = "add_time"


def to_json(value):
    """A cleaned form value in snapshot form (dates and times as ISO strings, objects as ids)."""
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, str):
        return value.replace("\r\n", "\n")  # browsers send a text area's line breaks as CRLF
    return value


class PlainLabels:
    """Labels without the trailing colon (it reads oddly after a checkbox)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def https_by_default(model_field, **kwargs):
    # an address typed without a scheme ("verein.de") means https
    if isinstance(model_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return model_field.formfield(**kwargs)


def contact_label(contact):
    """A contact person as a checkbox label: whether they will appear publicly is visible."""
    label = f"{contact.name}, {contact.role}" if contact.role else contact.name
    if not contact.is_public:
        label = _("%(name)s (keine Einwilligung – wird nicht veröffentlicht)") % {"name": label}
    return label


class OfferForm(PlainLabels, forms.ModelForm):
    """The offer's own fields; validated by the model's rules (end before start, ages)."""

    class Meta:
        model = Offer
        fields = [*OFFER_FIELDS, *OFFER_M2M]
        formfield_callback = https_by_default
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "start_date": DATE_INPUT,
            "end_date": DATE_INPUT,
            "registration_deadline": DATE_INPUT,
            **{name: forms.CheckboxSelectMultiple for name in OFFER_M2M},
        }
        help_texts = {
            "summary": _("Ein, zwei Sätze: erscheinen in der Trefferliste."),
            "website": _("Vollständige Adresse, z. B. https://www.example.org/kurs"),
            "contacts": _("Veröffentlicht werden nur Personen, deren Einwilligung erfasst ist."),
        }

    def __init__(self, *args, organisation, **kwargs):
        # An unsaved instance: the form never writes the offer, changes.services does.
        super().__init__(*args, instance=Offer(organisation=organisation), **kwargs)
        contacts = self.fields["contacts"]
        contacts.queryset = organisation.contacts.order_by("name")
        contacts.label_from_instance = contact_label
        for name in ("age_min", "age_max"):
            self.fields[name].widget.attrs["max"] = 120
            self.fields[name].validators.append(MaxValueValidator(120))

    def snapshot(self):
        data = {name: to_json(self.cleaned_data[name]) for name in OFFER_FIELDS}
        for name in OFFER_M2M:
            data[name] = sorted(obj.pk for obj in self.cleaned_data[name])
        return data


CHOOSE = _("– bitte wählen –")


class RowForm(PlainLabels, forms.ModelForm):
    """One row of a repeated group (a place, a weekly time)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # the same words as every other select of the site
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = CHOOSE
            elif isinstance(field, forms.ChoiceField) and field.choices and field.choices[0][0] == "":
                field.choices = [("", CHOOSE), *field.choices[1:]]

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.cleaned_data.get(DELETE):
            self.errors.clear()  # a row being removed needs no corrections

    @property
    def counts(self):
        """Whether the row is part of the offer: filled in and not marked "entfernen"."""
        return self.has_changed() and not self.cleaned_data.get(DELETE)

    def row(self):
        return {name: to_json(self.cleaned_data[name]) for name in self._meta.fields}


class PlaceForm(RowForm):
    class Meta:
        model = Place
        fields = PLACE_FIELDS
        labels = {
            "latitude": _("Breitengrad (optional)"),
            "longitude": _("Längengrad (optional)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in (("latitude", 90), ("longitude", 180)):
            field = self.fields[name]
            field.validators += [MinValueValidator(-limit), MaxValueValidator(limit)]
            field.widget.attrs.update({"step": "any", "inputmode": "decimal"})

    def clean(self):
        cleaned = super().clean()
        has_latitude = cleaned.get("latitude") is not None
        has_longitude = cleaned.get("longitude") is not None
        if has_latitude != has_longitude:
            missing = "longitude" if has_latitude else "latitude"
            self.add_error(missing, _("Bitte beide Koordinaten angeben oder keine."))
        return cleaned


class TimeForm(RowForm):
    """One weekly time; the model refuses an end that is not after the start."""

    class Meta:
        model = OfferTime
        fields = TIME_FIELDS
        widgets = {"opens_at": TIME_INPUT, "closes_at": TIME_INPUT}


class RowFormSet(forms.BaseFormSet):
    """The rows of a group. Any row may be left empty (not only the extra one), so a row
    drops out when it is cleared or marked "entfernen"."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields[DELETE].label = _("entfernen")

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None:  # the formset's empty_form sets it itself
            kwargs["empty_permitted"] = True
        return kwargs

    def rows(self):
        """The rows that count, in snapshot form (call after is_valid())."""
        return [form.row() for form in self.forms if form.counts]

    def typed_rows(self):
        """What was typed into every row, as initial values ("entfernen" included)."""
        return [{name: form[name].value() for name in form.fields} for form in self.forms]


PlaceFormSet = forms.formset_factory(PlaceForm, formset=RowFormSet, extra=1, can_delete=True)
TimeFormSet = forms.formset_factory(TimeForm, formset=RowFormSet, extra=1, can_delete=True)


class TranslationForm(PlainLabels, forms.Form):
    """The offer's title, summary and description in one other language. All optional, but a
    summary or description needs a title (without one there is no translation)."""

    title = forms.CharField(max_length=OfferTranslation._meta.get_field("title").max_length,
                            required=False)
    summary = forms.CharField(max_length=OfferTranslation._meta.get_field("summary").max_length,
                              required=False, widget=forms.Textarea(attrs={"rows": 3}))
    description = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}))

    LABELS = {"title": _("Titel (%(language)s)"), "summary": _("Kurzbeschreibung (%(language)s)"),
              "description": _("Beschreibung (%(language)s)")}

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, prefix=f"translation-{language}", **kwargs)
        self.language = language
        self.language_name = language_name(language)  # in itself: English, العربيّة
        self.direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
        interface_name = dict(TRANSLATION_LANGUAGES)[language]  # Englisch, Arabisch
        for name, field in self.fields.items():
            field.label = self.LABELS[name] % {"language": interface_name}
            # typed and read in that language: spell-checking, fonts, right to left for ar/fa
            field.widget.attrs.update({"lang": language, "dir": self.direction})

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("title") and (cleaned.get("summary") or cleaned.get("description")):
            self.add_error("title", _("Bitte geben Sie einen Titel an: ohne Titel wird die "
                                      "Übersetzung nicht gezeigt."))
        return cleaned

    @property
    def is_open(self):
        """Shown unfolded when it holds anything (or an error to correct)."""
        return bool(self.errors) or any(self[name].value() for name in self.fields)

    def texts(self):
        """The translation in snapshot form, or None when there is none (call after is_valid())."""
        if not self.cleaned_data.get("title"):
            return None
        return {name: to_json(self.cleaned_data[name]) for name in TRANSLATION_FIELDS}

    def typed(self):
        return {name: self[name].value() for name in self.fields}


class OfferEditor:
    """The whole edit form: OfferForm plus the place and time rows, read from and written
    to the snapshot format."""

    def __init__(self, organisation, data=None, initial=None):
        initial = initial or {}
        self.organisation = organisation
        self.form = OfferForm(data, initial=initial, organisation=organisation)
        self.places = PlaceFormSet(data, initial=initial.get("places") or None, prefix="places")
        self.times = TimeFormSet(data, initial=initial.get("times") or None, prefix="times")
        translations = initial.get("translations") or {}
        self.translations = [TranslationForm(data, initial=translations.get(code), language=code)
                             for code in TRANSLATION_CODES]

    def is_valid(self):
        # every part is validated, so all errors show at once
        return all([self.form.is_valid(), self.places.is_valid(), self.times.is_valid(),
                    *[translation.is_valid() for translation in self.translations]])

    def error_summary(self):
        """(field id or "", message) for every error, for the box at the top of the form."""
        items = [("", error) for error in self.form.non_field_errors()]
        items += [(field.id_for_label, f"{field.label}: {error}")
                  for field in self.form.visible_fields() for error in field.errors]
        for rows, row_label in ((self.places, _("Ort %(number)s")), (self.times, _("Zeit %(number)s"))):
            items += [("", error) for error in rows.non_form_errors()]
            for number, row in enumerate(rows.forms, 1):
                prefix = row_label % {"number": number}
                items += [("", f"{prefix}: {error}") for error in row.non_field_errors()]
                items += [(field.id_for_label, f"{prefix} – {field.label}: {error}")
                          for field in row.visible_fields() for error in field.errors]
        for translation in self.translations:
            items += [(field.id_for_label, f"{field.label}: {error}")
                      for field in translation.visible_fields() for error in field.errors]
        return items

    def snapshot(self):
        """The offer as the form says (call after is_valid())."""
        data = self.form.snapshot()
        data["places"] = self.places.rows()
        data["times"] = sorted(self.times.rows(), key=lambda t: (t["weekday"], t["opens_at"]))
        # the places' cities always belong to the offer's cities (the model keeps it so)
        data["cities"] = sorted({*data["cities"], *(p["city"] for p in data["places"])})
        data["translations"] = {translation.language: texts for translation in self.translations
                                if (texts := translation.texts())}
        return data

    def added_row(self, data):
        """If one of the "Weitere Zeile hinzufügen" buttons was pressed: the same form,
        unsaved and without error messages, with one more empty row in that group."""
        group = next((group for button, group in ((ADD_PLACE, "places"), (ADD_TIME, "times"))
                      if button in data), None)
        if group is None:
            return None
        typed = {name: self.form[name].value() for name in self.form.fields}
        typed["places"] = self.places.typed_rows()
        typed["times"] = self.times.typed_rows()
        typed["translations"] = {t.language: t.typed() for t in self.translations}
        again = OfferEditor(self.organisation, initial=typed)
        # The typed rows (their empty one included) come back as they were; only the group
        # whose button was pressed gets an empty row more.
        for name in ("places", "times"):
            getattr(again, name).extra = 1 if name == group else 0
        return again

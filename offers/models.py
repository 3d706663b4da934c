"""Integration offers, where they take place and when, and their texts in other languages."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Offers are written in German; translations of title, summary and description may follow in
# the other interface languages (settings.LANGUAGES), shown where the page's language has one.
SOURCE_LANGUAGE = "de"
TRANSLATION_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
TRANSLATION_CODES = [code for code, _name in TRANSLATION_LANGUAGES]


class OfferQuerySet(models.QuerySet):
    def published(self):
        """Offers the public may see."""
        return self.filter(status=Offer.Status.PUBLISHED)

    # Visibility over time: the rules live in freshness/rules.py. `today` defaults to the
    # current day there (one function tests can patch).

    def visible(self, today=None):
        """Published, not hidden for review, not ended: what the public search, the
        directories, the counts and the API's lists show. (An offer page answers while
        the offer is published.)"""
        from freshness import rules

        return self.filter(rules.visible_q(today))

    def due_for_review(self, today=None):
        """Published offers whose last confirmation (or creation) is older than the review
        interval."""
        from freshness import rules

        return self.published().filter(rules.reference_before(rules.review_cutoff(today)))

    def hidden_for_review(self, today=None):
        """Published offers not confirmed for so long that they left the public search."""
        from freshness import rules

        return self.published().filter(rules.reference_before(rules.hide_cutoff(today)))

    def editable_by(self, user):
        """The offers this person may change (all for KI editors, their organisations' for
        provider members, none otherwise). Anything outside answers 404."""
        from providers.models import Organisation

        return self.filter(organisation__in=Organisation.objects.editable_by(user))


class Offer(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        PENDING = "pending", _("wartet auf Prüfung")
        PUBLISHED = "published", _("veröffentlicht")
        ARCHIVED = "archived", _("archiviert")

    class Accessibility(models.TextChoices):
        YES = "yes", _("barrierefrei")
        NO = "no", _("nicht barrierefrei")
        UNKNOWN = "unknown", _("unbekannt")

    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    organisation = models.ForeignKey(
        "providers.Organisation", verbose_name=_("Träger"), on_delete=models.PROTECT,
        related_name="offers",
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    external_id = models.CharField(
        _("Externe Kennung"), max_length=100, unique=True, null=True, blank=True,
        help_text=_("Kennung aus einem anderen System; Importe gleichen Angebote darüber ab."),
    )

    topics = models.ManyToManyField("taxonomy.Topic", verbose_name=_("Themenfelder"),
                                    related_name="offers", blank=True)
    target_groups = models.ManyToManyField("taxonomy.TargetGroup", verbose_name=_("Zielgruppen"),
                                           related_name="offers", blank=True)
    languages = models.ManyToManyField(
        "taxonomy.Language", verbose_name=_("Sprachen des Angebots"), related_name="offers",
        blank=True,
    )
    cities = models.ManyToManyField(
        "taxonomy.City", verbose_name=_("Städte"), related_name="offers", blank=True,
        help_text=_("Wo das Angebot gilt; die Städte der Orte gehören immer dazu."),
    )
    contacts = models.ManyToManyField("providers.Contact", verbose_name=_("Ansprechpersonen"),
                                      related_name="offers", blank=True)

    is_online = models.BooleanField(_("online"), default=False)
    website = models.URLField(_("Webseite"), blank=True)

    # When: regular weekly times (OfferTime) and/or a course with dates.
    schedule_note = models.CharField(_("Hinweis zu den Zeiten"), max_length=300, blank=True)
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)

    is_free = models.BooleanField(_("kostenlos"), default=False)
    cost = models.CharField(_("Kosten"), max_length=300, blank=True)
    registration_required = models.BooleanField(_("Anmeldung erforderlich"), default=False)
    registration_deadline = models.DateField(_("Anmeldeschluss"), null=True, blank=True)
    registration_note = models.CharField(_("Hinweis zur Anmeldung"), max_length=300, blank=True)
    accessibility = models.CharField(
        _("Barrierefreiheit"), max_length=10, choices=Accessibility.choices,
        default=Accessibility.UNKNOWN,
    )
    accessibility_note = models.CharField(_("Hinweis zur Barrierefreiheit"), max_length=300,
                                          blank=True)
    childcare = models.BooleanField(_("Kinderbetreuung"), default=False)
    age_min = models.PositiveSmallIntegerField(_("Alter von"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("Alter bis"), null=True, blank=True)

    # Optimistic locking: every applied change increments it, so an edit based on an older
    # version is refused instead of silently overwriting what changed meanwhile.
    version = models.PositiveIntegerField(_("Version"), default=1)

    # Set only when a person confirms the offer is current, never by a save.
    last_verified = models.DateField(_("zuletzt geprüft am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.pk])

    def clean(self):
        errors = {}  # all problems at once, each next to its field
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende liegt vor dem Beginn.")
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            errors["age_max"] = _("Das Höchstalter liegt unter dem Mindestalter.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    def _translations(self):
        # Prefetched translations (prefetch_translations) cost no query per card or row.
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if "translations" in prefetched:
            return prefetched["translations"]
        return self.translations.all()

    def text_in(self, language):
        """Title, summary and description in `language` where a translation exists, else the
        German text (then `is_fallback` is true for any language but German)."""
        if language and language != SOURCE_LANGUAGE:
            for translation in self._translations():
                if translation.language == language:
                    return OfferText(translation.title, translation.summary,
                                     translation.description, language, is_fallback=False)
        return OfferText(self.title, self.summary, self.description, SOURCE_LANGUAGE,
                         is_fallback=bool(language) and language != SOURCE_LANGUAGE)

    def described_in(self):
        """The languages the offer is described in: German first, then the translations in the
        order of settings.LANGUAGES."""
        translated = {translation.language for translation in self._translations()}
        return [SOURCE_LANGUAGE, *(code for code in TRANSLATION_CODES if code in translated)]


@dataclass(frozen=True)
class OfferText:
    """An offer's texts in one language; `language` is the one actually used."""

    title: str
    summary: str
    description: str
    language: str
    is_fallback: bool


def prefetch_translations(offers):
    """Load the translations of these offers with one query (offers that already have them
    loaded are skipped, so calling it again on cached search results costs nothing)."""
    prefetch_related_objects(list(offers), "translations")
    return offers


class OfferTranslation(models.Model):
    """An offer's title, summary and description in another language than German. They are
    content like the German texts: edited in the offer form and reviewed with it."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="translations",
                              verbose_name=_("Angebot"))
    language = models.CharField(_("Sprache"), max_length=10, choices=TRANSLATION_LANGUAGES)
    title = models.CharField(_("Titel"), max_length=200)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        constraints = [models.UniqueConstraint(fields=["offer", "language"],
                                               name="offer_translation_once_per_language")]

    def __str__(self):
        return f"{self.title} ({self.language})"


class Place(models.Model):
    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="places",
                              verbose_name=_("Angebot"))
    name = models.CharField(_("Bezeichnung"), max_length=200, blank=True,
                            help_text=_("z. B. Stadtteilzentrum, Raum 2"))
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    city = models.ForeignKey("taxonomy.City", verbose_name=_("Stadt"), on_delete=models.PROTECT,
                             related_name="places")
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")

    def __str__(self):
        parts = [self.name, self.street, f"{self.postcode} {self.city.name}".strip()]
        return ", ".join(p for p in parts if p)


class OfferTime(models.Model):
    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Montag")
        TUESDAY = 1, _("Dienstag")
        WEDNESDAY = 2, _("Mittwoch")
        THURSDAY = 3, _("Donnerstag")
        FRIDAY = 4, _("Freitag")
        SATURDAY = 5, _("Samstag")
        SUNDAY = 6, _("Sonntag")

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="times",
                              verbose_name=_("Angebot"))
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens_at = models.TimeField(_("von"))
    closes_at = models.TimeField(_("bis"))
    note = models.CharField(_("Hinweis"), max_length=200, blank=True,
                            help_text=_("z. B. „nur in den Schulferien“ oder „14-täglich“"))

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("Regelmäßige Zeit")
        verbose_name_plural = _("Regelmäßige Zeiten")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Das Ende liegt nicht nach dem Beginn.")})

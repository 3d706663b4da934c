"""The shared vocabulary of the database: cities, topics, target groups, languages.

Slugs are stable identifiers used in URLs, the API and the import format; names may change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonomyTerm(models.Model):
    slug = models.SlugField(_("Kürzel"), max_length=60, unique=True)
    name = models.CharField(_("Name"), max_length=200)
    position = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class City(TaxonomyTerm):
    postcodes = models.JSONField(_("Postleitzahlen"), default=list, blank=True)
    latitude = models.FloatField(_("Breitengrad"), null=True, blank=True)
    longitude = models.FloatField(_("Längengrad"), null=True, blank=True)
    is_districtwide = models.BooleanField(_("kreisweit"), default=False)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Stadt")
        verbose_name_plural = _("Städte")


class Topic(TaxonomyTerm):
    covers = models.CharField(_("umfasst"), max_length=300, blank=True)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Themenfeld")
        verbose_name_plural = _("Themenfelder")


class TargetGroup(TaxonomyTerm):
    is_seed_filter = models.BooleanField(
        _("Schnellfilter auf der Startseite"),
        default=False,
        help_text=_("Die Zielgruppe erscheint als Schnellfilter auf der Startseite."),
    )

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Language(TaxonomyTerm):
    """A language an offer is held in; `slug` is the language code (ISO 639 or DGS)."""

    native_name = models.CharField(_("Eigenbezeichnung"), max_length=100, blank=True)
    is_rtl = models.BooleanField(_("von rechts nach links"), default=False)

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("Sprache")
        verbose_name_plural = _("Sprachen")

"""The search index: one normalised document per visible offer, the vocabulary of indexed
tokens (for typo correction), staff-editable synonyms and the data version (cache keys).

The full-text index itself lives next to SearchDocument and is created by migration 0002:
an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """Token strings for one visible offer (published, not hidden for review, not ended);
    other offers have no document."""

    offer = models.OneToOneField(
        "offers.Offer", on_delete=models.CASCADE, primary_key=True, related_name="search_document",
    )
    title_tokens = models.TextField(blank=True)
    summary_tokens = models.TextField(blank=True)
    description_tokens = models.TextField(blank=True)
    provider_tokens = models.TextField(blank=True)
    meta_tokens = models.TextField(blank=True, help_text="cities, topics, target groups, places")
    facet_tokens = models.TextField(blank=True, help_text="filter tokens such as xc12 or xfree1")
    sort_title = models.CharField(max_length=200, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    is_free = models.BooleanField(default=False)
    accessible = models.BooleanField(default=False)
    childcare = models.BooleanField(default=False)
    # The last day the offer is publicly visible (freshness.rules.visible_until): the daily
    # sweep removes documents whose day has passed, so time alone takes offers out.
    visible_until = models.DateField(null=True, db_index=True)

    class Meta:
        verbose_name = _("Suchdokument")
        verbose_name_plural = _("Suchdokumente")

    def __str__(self):
        return self.sort_title


class SearchFacet(models.Model):
    """One row per (visible offer, filter value): city, topic, target group, language, and
    the flags that are true. Facet counts are one GROUP BY over this table."""

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="+",
                              db_constraint=False, db_index=False)
    code = models.BigIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["offer", "code"], name="search_facet_uniq")]
        verbose_name = _("Suchfacette")
        verbose_name_plural = _("Suchfacetten")

    def __str__(self):
        return f"{self.offer_id}:{self.code}"


class SearchTerm(models.Model):
    """Every token ever indexed: the vocabulary for typo correction and prefix checks."""

    term = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("Suchbegriff")
        verbose_name_plural = _("Suchbegriffe")

    def __str__(self):
        return self.term


class SynonymGroup(models.Model):
    """Words and phrases that mean the same in a search (expanded when a query is run)."""

    terms = models.TextField(
        _("Begriffe"),
        help_text=_(
            "Gleichbedeutende Wörter oder Abkürzungen, durch Komma getrennt, z. B. "
            "„MBE, Migrationsberatung für erwachsene Zuwanderer“. Wirkt sofort, ohne Neuaufbau "
            "des Suchindex."
        ),
    )
    note = models.CharField(_("Notiz"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Synonymgruppen")

    def __str__(self):
        return self.terms[:80]

    def term_list(self):
        return [t.strip() for t in self.terms.replace(";", ",").replace("\n", ",").split(",")
                if t.strip()]


def new_token():
    return uuid.uuid4().hex


class DataVersion(models.Model):
    """A single row whose tokens change whenever searchable data (or the vocabulary) changes.

    Random tokens rather than counters, so a rolled-back change can never make an old cache
    key valid again. `changed_at` is when the published data last changed (the API's
    Last-Modified); it also moves for public data that is not searched (contact persons,
    times, confirmations), which leaves the tokens and with them every cache alone.
    """

    token = models.CharField(max_length=32, default=new_token)
    vocab_token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Datenstand")
        verbose_name_plural = _("Datenstände")

    def __str__(self):
        return self.token

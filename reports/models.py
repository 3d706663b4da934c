"""Reports ("Fehler melden") that visitors send about a published offer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def visible_to(self, user):
        """All reports for KI editors, reports on their organisations' offers for provider
        members, none for anybody else (the same rule as Offer.objects.editable_by)."""
        from offers.models import Offer

        return self.filter(offer__in=Offer.objects.editable_by(user))


class Report(models.Model):
    class Category(models.TextChoices):
        CONTACT = "contact", _("Kontakt (Telefon, E-Mail, Ansprechperson)")
        TIMES = "times", _("Zeiten oder Termine")
        PLACE = "place", _("Ort oder Adresse")
        GONE = "gone", _("Das Angebot gibt es nicht mehr")
        OTHER = "other", _("Etwas anderes")

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        RESOLVED = "resolved", _("erledigt")

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE, related_name="reports",
                              verbose_name=_("Angebot"))
    category = models.CharField(_("Was stimmt nicht?"), max_length=20, choices=Category.choices,
                                blank=True)
    message = models.TextField(_("Meldung"))
    email = models.EmailField(_("E-Mail für Rückfragen"), blank=True)
    # A keyed hash (HMAC with SECRET_KEY) of the sender's network address, only to limit how
    # many reports one address sends per hour; the address itself is never stored.
    address_hash = models.CharField(_("Absender (Prüfwert)"), max_length=64, editable=False)
    created_at = models.DateTimeField(_("eingegangen am"), default=timezone.now)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    resolved_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("erledigt von"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="resolved_reports",
    )
    staff_note = models.TextField(_("Notiz der Redaktion"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Fehlermeldung")
        verbose_name_plural = _("Fehlermeldungen")
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["address_hash", "created_at"]),
        ]

    def __str__(self):
        return f"{self.offer} ({timezone.localtime(self.created_at):%d.%m.%Y})"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def resolve(self, user, note=""):
        self.status = self.Status.RESOLVED
        self.resolved_at = timezone.now()
        self.resolved_by = user
        self.staff_note = note
        self.save(update_fields=["status", "resolved_at", "resolved_by", "staff_note"])

    def reopen(self):
        """Back to open; the note stays, so the history of what was tried is not lost."""
        self.status = self.Status.OPEN
        self.resolved_at = None
        self.resolved_by = None
        self.save(update_fields=["status", "resolved_at", "resolved_by"])

"""Who confirmed that an offer is still current, and which reminders went out.

A *verification cycle* of an offer is identified by its reference date (the day it was last
confirmed, or created): a confirmation moves the reference date and so starts a new cycle.
Each reminder step is sent at most once per offer and cycle (the unique constraint).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Confirmation(models.Model):
    class Via(models.TextChoices):
        LINK = "link", _("Link in der Erinnerung")
        DASHBOARD = "dashboard", _("Anbieterbereich")
        STAFF = "staff", _("Redaktion")

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE,
                              related_name="confirmations", verbose_name=_("Angebot"))
    confirmed_at = models.DateTimeField(_("bestätigt am"), default=timezone.now, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+", verbose_name=_("Person"))
    # The address the one-click link was sent to (the person had no login at hand).
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    via = models.CharField(_("Weg"), max_length=20, choices=Via.choices)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("Bestätigung")
        verbose_name_plural = _("Bestätigungen")

    def __str__(self):
        return f"{self.offer} – {self.confirmed_at:%Y-%m-%d}"

    @property
    def confirmed_by(self):
        """The person, or the address the link was sent to."""
        return (self.user.email if self.user else "") or self.email


class Reminder(models.Model):
    class Step(models.IntegerChoices):
        FIRST = 1, _("1. Erinnerung")
        SECOND = 2, _("2. Erinnerung")
        KI_NOTICE = 3, _("Hinweis an das KI")

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE,
                              related_name="reminders", verbose_name=_("Angebot"))
    step = models.PositiveSmallIntegerField(_("Stufe"), choices=Step.choices)
    cycle = models.DateField(
        _("Prüfzyklus"),
        help_text=_("Das Bezugsdatum (zuletzt geprüft oder angelegt), um das es ging."),
    )
    sent_at = models.DateTimeField(_("gesendet am"), default=timezone.now)
    recipients = models.TextField(_("Empfänger"), blank=True,
                                  help_text=_("Eine Adresse je Zeile."))

    class Meta:
        ordering = ["offer", "cycle", "step"]
        constraints = [models.UniqueConstraint(fields=["offer", "step", "cycle"],
                                               name="reminder_once_per_cycle")]
        verbose_name = _("Erinnerung")
        verbose_name_plural = _("Erinnerungen")

    def __str__(self):
        return f"{self.offer} – {self.get_step_display()} ({self.cycle:%Y-%m-%d})"

"""Who may act for which provider. Roles: anonymous visitor; provider member (a Membership in
one or more organisations); KI editor (is_staff); administrator (is_superuser)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships", verbose_name=_("Person"))
    organisation = models.ForeignKey("providers.Organisation", on_delete=models.CASCADE,
                                     related_name="memberships", verbose_name=_("Träger"))
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"],
                                               name="membership_unique")]
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")

    def __str__(self):
        return f"{self.user} – {self.organisation}"

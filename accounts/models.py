"""Who may act for which provider. Roles: anonymous visitor; provider member (a Membership in
one or more organisations); KI editor (is_staff); administrator (is_superuser)."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
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


def default_invitation_expiry():
    return timezone.now() + datetime.timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Neither used, revoked nor expired: the link still works."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True,
                           expires_at__gt=timezone.now())

    def with_token(self, token):
        """The invitation behind a link, or None. Only the hash is stored, so a leaked
        database does not hand out working links."""
        return self.filter(token_hash=hash_token(token)).select_related("organisation").first()


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A single-use link that lets a person join an organisation (creating an account if
    they have none)."""

    email = models.EmailField(_("E-Mail-Adresse"))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    organisation = models.ForeignKey("providers.Organisation", on_delete=models.CASCADE,
                                     related_name="invitations", verbose_name=_("Träger"))
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("eingeladen von"))
    token_hash = models.CharField(_("Prüfsumme des Links"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("eingeladen am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gültig bis"), default=default_invitation_expiry)
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def issue_token(self):
        """A new random token; only its hash is kept. Call before the first save."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        return token

    @property
    def is_open(self):
        return (self.accepted_at is None and self.revoked_at is None
                and self.expires_at > timezone.now())

    @property
    def state(self):
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"


class AccessRequestQuerySet(models.QuerySet):
    def open_first(self):
        return self.annotate(
            is_decided=models.Case(models.When(status=AccessRequest.Status.OPEN, then=0), default=1)
        ).order_by("is_decided", "-created_at")


class AccessRequest(models.Model):
    """„Als Anbieter mitmachen“: an organisation asks for access. Sending it requires
    consent to the processing of these details, so created_at is also when it was given."""

    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        APPROVED = "approved", _("angenommen")
        REJECTED = "rejected", _("abgelehnt")

    organisation_name = models.CharField(_("Name der Organisation"), max_length=200)
    city = models.ForeignKey("taxonomy.City", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("Stadt"))
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    website = models.URLField(_("Webseite"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200)
    email = models.EmailField(_("E-Mail-Adresse"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    message = models.TextField(_("Nachricht"), blank=True)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("entschieden von"))
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decision_note = models.TextField(_("Begründung"), blank=True)
    organisation = models.ForeignKey("providers.Organisation", on_delete=models.SET_NULL, null=True,
                                     blank=True, related_name="access_requests",
                                     verbose_name=_("Träger"))
    # A keyed hash (HMAC) of the sender's address, for the rate limit; never the address.
    address_hash = models.CharField(_("Absender (Prüfsumme)"), max_length=64, editable=False,
                                    db_index=True)
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True, db_index=True)

    objects = AccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Anfrage „Als Anbieter mitmachen“")
        verbose_name_plural = _("Anfragen „Als Anbieter mitmachen“")

    def __str__(self):
        return self.organisation_name

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

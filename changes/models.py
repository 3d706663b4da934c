"""Pending changes (what providers propose and the KI reviews) and revisions (the history of
every change to an offer, organisation or contact: who, when, which fields, old and new
values, and whether it was approved)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ChangeRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ChangeRequest.Status.PENDING)

    def visible_to(self, user):
        """Editors see all; provider members those of their organisations' offers."""
        from offers.models import Offer

        return self.filter(offer__in=Offer.objects.editable_by(user))


class ChangeRequest(models.Model):
    """A proposed version of an offer. While it is pending the public keeps seeing the
    offer as last approved; there is at most one pending change per offer (a second save
    by the provider updates it)."""

    class Kind(models.TextChoices):
        CREATE = "create", _("neues Angebot")
        UPDATE = "update", _("Änderung")

    class Status(models.TextChoices):
        PENDING = "pending", _("wartet auf Prüfung")
        APPROVED = "approved", _("freigegeben")
        REJECTED = "rejected", _("abgelehnt")
        WITHDRAWN = "withdrawn", _("zurückgezogen")

    offer = models.ForeignKey("offers.Offer", on_delete=models.CASCADE,
                              related_name="change_requests", verbose_name=_("Angebot"))
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING, db_index=True)
    data = models.JSONField(_("vorgeschlagene Fassung"))
    base_data = models.JSONField(_("Fassung zum Zeitpunkt des Vorschlags"), null=True, blank=True)
    base_version = models.PositiveIntegerField(_("Version zum Zeitpunkt des Vorschlags"), default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("vorgeschlagen von"))
    created_at = models.DateTimeField(_("vorgeschlagen am"), auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("zuletzt bearbeitet von"))
    updated_at = models.DateTimeField(_("zuletzt bearbeitet am"), auto_now=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("geprüft von"))
    reviewed_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    review_comment = models.TextField(_("Kommentar der Prüfung"), blank=True)
    corrected = models.BooleanField(_("von der Redaktion korrigiert"), default=False)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["offer"], condition=Q(status="pending"),
                                               name="one_pending_change_per_offer")]
        verbose_name = _("Änderungsvorschlag")
        verbose_name_plural = _("Änderungsvorschläge")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.offer}"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class RevisionQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(type(obj)),
                           object_id=obj.pk)


class Revision(models.Model):
    """One recorded change. `changes` holds {field: [old, new]} in snapshot values,
    `snapshot` the whole object afterwards (what a restore goes back to)."""

    class Action(models.TextChoices):
        CREATED = "created", _("angelegt")
        CHANGED = "changed", _("geändert")
        PROPOSED = "proposed", _("Änderung vorgeschlagen")
        APPROVED = "approved", _("Änderung freigegeben")
        REJECTED = "rejected", _("Änderung abgelehnt")
        ARCHIVED = "archived", _("archiviert")
        RESTORED = "restored", _("wiederhergestellt")
        CONFIRMED = "confirmed", _("als aktuell bestätigt")
        DELETED = "deleted", _("gelöscht")
        IMPORTED = "imported", _("importiert")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("Objekt"), max_length=200)
    action = models.CharField(_("Aktion"), max_length=10, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+", verbose_name=_("von"))
    actor = models.CharField(_("von (Text)"), max_length=200, blank=True,
                             help_text=_("z. B. die Adresse, an die ein Bestätigungslink ging"))
    created_at = models.DateTimeField(_("am"), auto_now_add=True, db_index=True)
    changes = models.JSONField(_("Änderungen"), default=dict, blank=True)
    snapshot = models.JSONField(_("Stand danach"), null=True, blank=True)
    approved = models.BooleanField(_("freigegeben"), null=True,
                                   help_text=_("leer: wartet auf Prüfung"))
    change_request = models.ForeignKey(ChangeRequest, null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="revisions")
    restored_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+", verbose_name=_("wiederhergestellt aus"))
    note = models.TextField(_("Hinweis"), blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        verbose_name = _("Revision")
        verbose_name_plural = _("Verlauf")

    def __str__(self):
        return f"{self.object_repr}: {self.get_action_display()}"

    @property
    def who(self):
        if self.user_id:
            return self.user.get_full_name() or self.user.email or self.user.username
        return self.actor or _("System")

"""Providers (Träger) and the contact persons they publish."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class OrganisationQuerySet(models.QuerySet):
    def editable_by(self, user):
        """The organisations this person may change: all for KI editors, their own for
        provider members, none for anybody else."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(memberships__user=user).distinct()


class Organisation(models.Model):
    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kürzel"), max_length=200, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Webseite"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("PLZ"), max_length=10, blank=True)
    city = models.ForeignKey(
        "taxonomy.City", verbose_name=_("Stadt"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="organisations",
    )
    is_trusted = models.BooleanField(
        _("vertrauenswürdig"), default=False,
        help_text=_("Änderungen dieses Trägers werden sofort veröffentlicht (und protokolliert)."),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Träger")
        verbose_name_plural = _("Träger")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("providers:detail", args=[self.slug])


class ContactQuerySet(models.QuerySet):
    def public(self):
        """Contact persons who consented to being published."""
        return self.filter(consent_given_on__isnull=False)

    def editable_by(self, user):
        """Contact persons of the organisations this person may change."""
        return self.filter(organisation__in=Organisation.objects.editable_by(user))


class Contact(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("Träger"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    consent_given_on = models.DateField(
        _("Einwilligung zur Veröffentlichung am"), null=True, blank=True,
        help_text=_("Ohne Einwilligung wird die Person nicht veröffentlicht."),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")

    def __str__(self):
        return self.name

    @property
    def is_public(self):
        return self.consent_given_on is not None

    @property
    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +, German 0 kept)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""

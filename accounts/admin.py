from django.contrib import admin
from django.db import models

from .models import AccessRequest, Invitation, Membership


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "created_at"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    list_filter = ["organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "invited_by", "created_at", "expires_at", "accepted_at",
                    "revoked_at"]
    list_select_related = ["organisation", "invited_by"]
    search_fields = ["email", "name", "organisation__name"]
    date_hierarchy = "created_at"
    # Invitations are sent from the editors' page (which e-mails the link); here they are read.
    readonly_fields = ["email", "name", "organisation", "invited_by", "created_at", "accepted_at"]
    fields = ["email", "name", "organisation", "invited_by", "created_at", "expires_at", "accepted_at",
              "revoked_at"]

    def has_add_permission(self, request):
        return False


@admin.register(AccessRequest)
class AccessRequestAdmin(admin.ModelAdmin):
    list_display = ["organisation_name", "contact_name", "email", "city", "status", "created_at",
                    "decided_by", "decided_at"]
    list_filter = ["status", "city"]
    list_select_related = ["city", "decided_by"]
    search_fields = ["organisation_name", "contact_name", "email"]
    date_hierarchy = "created_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Decisions are made on the editors' page, which sends the e-mails.
    readonly_fields = ["status", "decided_by", "decided_at", "decision_note", "organisation", "created_at"]

    def has_add_permission(self, request):
        return False

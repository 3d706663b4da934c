"""Proposals and history in the Django admin: to look things up, never to edit. Deciding and
restoring go through the editors' pages, which apply the rules and send the e-mails."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ChangeRequest, Revision


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that are written by the application only (history, confirmations)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ChangeRequest)
class ChangeRequestAdmin(ReadOnlyAdmin):
    list_display = ["offer", "kind", "status", "created_by", "created_at", "reviewed_by", "reviewed_at"]
    list_filter = ["status", "kind", "corrected"]
    search_fields = ["offer__title", "offer__organisation__name", "review_comment"]
    list_select_related = ["offer", "created_by", "reviewed_by"]
    date_hierarchy = "created_at"


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "object_repr", "content_type", "action", "by", "approved"]
    list_filter = ["action", "approved", "content_type"]
    search_fields = ["object_repr", "note", "actor", "user__email"]
    list_select_related = ["content_type", "user"]
    date_hierarchy = "created_at"

    @admin.display(description=_("von"))
    def by(self, revision):
        return revision.who

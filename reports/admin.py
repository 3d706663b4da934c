from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "offer", "organisation", "category", "status", "resolved_by"]
    list_filter = ["status", "category", "created_at"]
    search_fields = ["message", "email", "offer__title", "offer__organisation__name"]
    list_select_related = ["offer", "offer__organisation", "resolved_by"]
    autocomplete_fields = ["offer"]
    raw_id_fields = ["resolved_by"]
    readonly_fields = ["created_at", "resolved_at"]
    date_hierarchy = "created_at"

    @admin.display(description=_("Träger"), ordering="offer__organisation__name")
    def organisation(self, report):
        return report.offer.organisation

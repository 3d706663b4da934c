"""Confirmations and reminders are records of what happened: readable, never edited here."""

from django.contrib import admin

from changes.admin import ReadOnlyAdmin

from .models import Confirmation, Reminder


@admin.register(Confirmation)
class ConfirmationAdmin(ReadOnlyAdmin):
    list_display = ["offer", "confirmed_at", "user", "email", "via"]
    list_filter = ["via", "confirmed_at"]
    search_fields = ["offer__title", "email", "user__email"]
    list_select_related = ["offer", "user"]
    date_hierarchy = "confirmed_at"


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ["offer", "step", "cycle", "sent_at", "recipients"]
    list_filter = ["step", "sent_at"]
    search_fields = ["offer__title", "offer__organisation__name", "recipients"]
    list_select_related = ["offer"]
    date_hierarchy = "sent_at"

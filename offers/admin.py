from django.contrib import admin

from changes.admin_history import HistoryAdminMixin

from .models import Offer, OfferTime, OfferTranslation, Place


class PlaceInline(admin.StackedInline):
    model = Place
    extra = 0
    autocomplete_fields = ["city"]


class OfferTimeInline(admin.TabularInline):
    model = OfferTime
    extra = 0


class OfferTranslationInline(admin.StackedInline):
    model = OfferTranslation
    extra = 0
    fields = ["language", "title", "summary", "description"]


@admin.register(Offer)
class OfferAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["title", "organisation", "status", "last_verified", "updated_at"]
    list_filter = ["status", "topics", "cities", "is_free", "accessibility", "childcare"]
    search_fields = ["title", "summary", "external_id", "organisation__name"]
    autocomplete_fields = ["organisation", "contacts"]
    filter_horizontal = ["topics", "target_groups", "languages", "cities"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PlaceInline, OfferTimeInline, OfferTranslationInline]
    list_select_related = ["organisation"]

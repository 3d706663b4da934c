from django.contrib import admin

from changes.admin_history import HistoryAdminMixin

from .models import Contact, Organisation


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["name", "city", "email", "updated_at"]
    list_filter = ["city"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(HistoryAdminMixin, admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "consent_given_on"]
    list_filter = ["consent_given_on"]
    search_fields = ["name", "role", "organisation__name", "email"]
    list_select_related = ["organisation"]

from django.contrib import admin

from .models import City, Language, TargetGroup, Topic


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    search_fields = ["name", "slug"]
    list_display = ["name", "slug", "position", "is_districtwide"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic, TargetGroup)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "native_name", "is_rtl", "position"]

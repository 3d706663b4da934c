from django.urls import path

from . import export_views, views

app_name = "opendata"
urlpatterns = [
    path("offene-daten/", views.index, name="index"),
    path("redaktion/export/", export_views.search_export, name="search_export"),
]

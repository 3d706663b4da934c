"""The open-data package's files under /daten/ (no language prefix: the data is the same)."""

from django.urls import path, re_path

from . import views

app_name = "opendata_files"
urlpatterns = [
    path("datapackage.json", views.datapackage, name="datapackage"),
    path("offene-daten.zip", views.archive, name="archive"),
    # offers.csv, offer_topics.csv, offers.json, … (the names in opendata/schema.py)
    re_path(r"^(?P<filename>[a-z_]+\.(?:csv|json))$", views.data_file, name="file"),
]

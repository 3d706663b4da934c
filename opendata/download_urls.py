"""The open-data package's files under /daten/ (no language prefix: the data is the same)."""

from django.urls import path  # noqa: F401

app_name = "opendata_files"
urlpatterns = []

from django.urls import path

from . import report_views, staff_views, trend_views, views

app_name = "landscape"
urlpatterns = [
    path("angebotslandschaft/", views.matrix, name="matrix"),
    path("angebotslandschaft/export.csv", views.export_csv, name="export_csv"),
    path("angebotslandschaft/entwicklung/", trend_views.page, name="trends"),
    path("angebotslandschaft/entwicklung.csv", trend_views.trends_csv, name="trends_csv"),
    path("angebotslandschaft/bericht/", report_views.report, name="report"),
    path("redaktion/angebotslandschaft/", views.staff, name="staff"),
    path("redaktion/angebotslandschaft/export.csv", staff_views.landscape_csv, name="staff_csv"),
    path("redaktion/angebotslandschaft/aktualitaet/", staff_views.organisations, name="freshness"),
    path("redaktion/angebotslandschaft/aktualitaet/export.csv", staff_views.organisations_csv,
         name="freshness_csv"),
]

from django.urls import path

from . import views

app_name = "landscape"
urlpatterns = [
    path("angebotslandschaft/", views.matrix, name="matrix"),
    path("angebotslandschaft/export.csv", views.export_csv, name="export_csv"),
    path("redaktion/angebotslandschaft/", views.staff, name="staff"),
]

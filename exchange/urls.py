from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("redaktion/import/", views.start, name="start"),
    path("redaktion/import/vorlage.csv", views.template_csv, name="template_csv"),
    path("redaktion/import/vorlage.xlsx", views.template_xlsx, name="template_xlsx"),
    path("redaktion/import/<int:pk>/", views.job, name="job"),
    path("redaktion/import/<int:pk>/status.json", views.job_status, name="job_status"),
    path("redaktion/import/<int:pk>/bestaetigen/", views.job_confirm, name="job_confirm"),
    path("redaktion/import/<int:pk>/neu-starten/", views.job_restart, name="job_restart"),
    path("redaktion/import/<int:pk>/verwerfen/", views.job_discard, name="job_discard"),
]

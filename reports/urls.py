from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("angebote/<int:pk>/fehler-melden/", views.create, name="create"),
    path("redaktion/meldungen/", views.staff_list, name="staff_list"),
    path("redaktion/meldungen/<int:pk>/erledigt/", views.resolve, name="resolve"),
    path("redaktion/meldungen/<int:pk>/wieder-offen/", views.reopen, name="reopen"),
]

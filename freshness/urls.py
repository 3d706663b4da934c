from django.urls import path

from . import views

app_name = "freshness"
urlpatterns = [
    path("angebote/<int:pk>/noch-aktuell/<str:token>/", views.confirm_link, name="confirm"),
    path("redaktion/ueberfaellig/", views.overdue, name="overdue"),
    path("redaktion/ueberfaellig/<int:pk>/bestaetigen/", views.confirm_on_behalf,
         name="confirm_on_behalf"),
]

from django.urls import path

from .views import home, offers, organisations

app_name = "dashboard"
urlpatterns = [
    path("mein-bereich/", home.home, name="home"),
    path("mein-bereich/angebote/neu/", offers.offer_create, name="offer_create"),
    path("mein-bereich/angebote/<int:pk>/bearbeiten/", offers.offer_edit, name="offer_edit"),
    path("mein-bereich/angebote/<int:pk>/zurueckziehen/", offers.change_withdraw,
         name="change_withdraw"),
    path("mein-bereich/angebote/<int:pk>/duplizieren/", offers.offer_duplicate,
         name="offer_duplicate"),
    path("mein-bereich/angebote/<int:pk>/archivieren/", offers.offer_archive, name="offer_archive"),
    path("mein-bereich/angebote/<int:pk>/bestaetigen/", offers.offer_confirm, name="offer_confirm"),
    path("mein-bereich/traeger/<slug:slug>/", organisations.organisation_edit,
         name="organisation_edit"),
    path("mein-bereich/traeger/<slug:slug>/bestaetigen/", organisations.organisation_confirm_all,
         name="organisation_confirm_all"),
    path("mein-bereich/traeger/<slug:slug>/ansprechpersonen/", organisations.contacts,
         name="contacts"),
    path("mein-bereich/traeger/<slug:slug>/ansprechpersonen/neu/", organisations.contact_create,
         name="contact_create"),
    path("mein-bereich/ansprechpersonen/<int:pk>/", organisations.contact_edit, name="contact_edit"),
    path("mein-bereich/ansprechpersonen/<int:pk>/loeschen/", organisations.contact_delete,
         name="contact_delete"),
]

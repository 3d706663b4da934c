from django.urls import path

from . import views

app_name = "sharing"
urlpatterns = [
    path("embed/", views.embed, name="embed"),
    path("embed/angebote/<int:pk>/", views.embed_offer, name="embed_offer"),
    path("einbinden/", views.embed_help, name="embed_help"),
    path("merkliste/", views.merkliste, name="list"),
]

from django.urls import path

from . import views

app_name = "maps"
urlpatterns = [
    path("angebote/karte/", views.map_page, name="map"),
    path("angebote/karte/orte.json", views.places_json, name="places"),
]

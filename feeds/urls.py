"""Included under the language prefix before offers.urls, so these full paths win over the
offer pages' patterns."""

from django.urls import path

from . import views

app_name = "feeds"
urlpatterns = [
    path("angebote/feed.atom", views.atom_feed, name="atom"),
    path("angebote/kalender.ics", views.search_calendar, name="calendar"),
    path("angebote/<int:pk>/kalender.ics", views.offer_calendar, name="offer_calendar"),
]

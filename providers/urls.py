from django.urls import path

from . import views

app_name = "providers"
urlpatterns = [
    path("anbieter/", views.provider_list, name="list"),
    path("anbieter/<slug:slug>/", views.detail, name="detail"),
    path("ansprechpersonen/", views.contacts, name="contacts"),
]

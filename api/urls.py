"""JSON API v1, mounted at /api/v1/. Paths have no trailing slash; anything else is a JSON 404."""

from django.urls import path, re_path

from . import views
from .http import unknown_path

app_name = "api"
urlpatterns = [
    path("", views.index, name="index"),
    path("offers", views.offer_list, name="offers"),
    path("offers/<int:id>", views.offer_detail, name="offer"),
    path("organisations/<int:id>", views.organisation_detail, name="organisation"),
    path("taxonomy", views.taxonomy, name="taxonomy"),
    path("openapi.json", views.openapi_document, name="openapi"),
    # Must stay last: unknown paths under /api/v1/ answer in the API's error shape.
    re_path(r"^(?P<path>.*)$", unknown_path, name="unknown"),
]

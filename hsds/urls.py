"""Open Referral HSDS 3.0 read API, mounted at /api/hsds/ (paths as the HSDS reference API
has them, without a trailing slash; anything else is a JSON 404)."""

from django.urls import path, re_path

from api.http import unknown_path

from . import views

app_name = "hsds"
urlpatterns = [
    path("", views.index, name="index"),
    path("profile", views.profile, name="profile"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:id>", views.service_at_location_detail, name="service_at_location"),
    path("organizations", views.organizations, name="organizations"),
    path("organizations/<str:id>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="taxonomy_term"),
    # Must stay last: unknown paths under /api/hsds/ answer in the API's error shape.
    re_path(r"^(?P<path>.*)$", unknown_path, name="unknown"),
]

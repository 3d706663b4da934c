"""Open Referral HSDS 3.0 read API, mounted at /api/hsds/."""

from django.urls import path  # noqa: F401

app_name = "hsds"
urlpatterns = []

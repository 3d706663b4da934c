from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from api.views import combined_openapi_document

urlpatterns = [
    # One OpenAPI document for /api/v1 and /api/hsds (api/openapi_combined.py).
    path("api/openapi.json", combined_openapi_document, name="api_openapi"),
    path("api/v1/", include("api.urls")),
    path("api/hsds/", include("hsds.urls")),
    # Language-neutral downloads of the open-data package (opendata/download_urls.py).
    path("daten/", include("opendata.download_urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    # Before offers: feed.atom and kalender.ics live under angebote/ too.
    path("", include("feeds.urls")),
    path("", include("maps.urls")),  # angebote/karte/…: the search as a map
    path("angebote/", include("offers.urls")),
    # Each app below names its own full paths: public ones (angebote/…, konto/…),
    # the provider area (mein-bereich/…) and the KI's area (redaktion/…).
    path("", include("accounts.urls")),
    path("", include("dashboard.urls")),
    path("", include("changes.urls")),
    path("", include("freshness.urls")),
    path("", include("reports.urls")),
    path("", include("exchange.urls")),
    path("", include("opendata.urls")),
    path("", include("sharing.urls")),
    path("", include("landscape.urls")),
    path("", include("providers.urls")),
    path("", include("pages.urls")),
    prefix_default_language=True,
)

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("api.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("angebote/", include("offers.urls")),
    path("", include("providers.urls")),
    path("", include("pages.urls")),
    prefix_default_language=True,
)

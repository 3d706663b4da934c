from django.urls import path

from .views import history, organisations, review

app_name = "changes"
urlpatterns = [
    path("redaktion/", review.queue, name="queue"),
    path("redaktion/pruefen/<int:pk>/", review.review, name="review"),
    # before the history: "wiederherstellen" would also match <slug:kind>
    path("redaktion/verlauf/wiederherstellen/<int:revision_pk>/", history.restore, name="restore"),
    path("redaktion/verlauf/<slug:kind>/<int:pk>/", history.history, name="history"),
    path("redaktion/traeger/", organisations.organisations, name="organisations"),
    path("redaktion/traeger/<int:pk>/vertrauen/", organisations.organisation_trust,
         name="organisation_trust"),
]

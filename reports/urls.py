from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("angebote/<int:pk>/fehler-melden/", views.create, name="create"),
]

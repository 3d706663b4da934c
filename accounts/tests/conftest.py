import pytest
from django.urls import reverse

from .helpers import form_data


@pytest.fixture
def log_in(client):
    """Log in through the real login form (django-axes counts attempts per request)."""

    def post(email, password="Geheim-Passwort-1", address="10.0.0.1", **extra):
        return client.post(reverse("accounts:login"), form_data(username=email, password=password, **extra),
                           REMOTE_ADDR=address)

    return post

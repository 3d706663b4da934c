import pytest

from changes import services
from changes.snapshot import offer_snapshot


@pytest.fixture
def login_url(settings):
    # the login page belongs to the accounts area; what matters here is that anonymous
    # visitors are sent there
    settings.LOGIN_URL = "/de/konto/anmelden/"
    return settings.LOGIN_URL


@pytest.fixture
def offer(make_offer, provider_org):
    return make_offer(title="Sprachcafé", organisation=provider_org, summary="Montags")


@pytest.fixture
def propose(provider):
    """propose(offer, title=...) -> the pending ChangeRequest of the provider's edit."""

    def make(offer, user=None, **fields):
        data = {**offer_snapshot(offer), **fields}
        return services.save_offer(offer, data, user=user or provider).change_request

    return make

"""The Django admin lists memberships, invitations and access requests readably."""

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import AccessRequest


@pytest.mark.parametrize("model", ["membership", "invitation", "accessrequest"])
def test_the_admin_lists_the_accounts_models(client, make_user, provider, editor, provider_org, model):
    services.invite(email="neu@example.org", organisation=provider_org, invited_by=editor)
    AccessRequest.objects.create(organisation_name="Sprachcafé Dorsten", contact_name="Ali Beispiel",
                                 email="ali@example.org", address_hash="h")
    client.force_login(make_user("admin@example.org", superuser=True))
    listing = client.get(reverse(f"admin:accounts_{model}_changelist"))
    assert listing.status_code == 200
    html = listing.content.decode()
    expected = {"membership": provider.email, "invitation": "neu@example.org",
                "accessrequest": "Sprachcafé Dorsten"}[model]
    assert expected in html
    obj = listing.context["cl"].result_list[0]
    change_page = client.get(reverse(f"admin:accounts_{model}_change", args=[obj.pk]))
    assert change_page.status_code == 200
    if model == "invitation":
        assert obj.token_hash not in change_page.content.decode()

"""Confirmations and reminders are readable in the admin, and not editable there."""

from django.core.management import call_command

from freshness import services


def test_the_admin_lists_confirmations_and_reminders_read_only(client, make_user, stale_offer):
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    services.confirm(stale_offer, email="info@nachbarn.example.org", via="link")
    client.force_login(make_user("admin@example.org", superuser=True))
    for name in ("confirmation", "reminder"):
        response = client.get(f"/admin/freshness/{name}/")
        assert response.status_code == 200
        assert "Sprachcafé Marl" in response.content.decode()
        assert client.get(f"/admin/freshness/{name}/add/").status_code == 403
    html = client.get("/admin/freshness/confirmation/").content.decode()
    assert "info@nachbarn.example.org" in html and "Link in der Erinnerung" in html

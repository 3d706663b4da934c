"""The admin lists reports readably and filters them by status."""

from reports.models import Report


def test_the_admin_lists_reports_filtered_by_status(client, make_user, make_offer):
    offer = make_offer(title="Sprachcafé am Markt")
    Report.objects.create(offer=offer, message="offen", address_hash="0" * 64)
    Report.objects.create(offer=offer, message="erledigt", address_hash="0" * 64,
                          status=Report.Status.RESOLVED)
    client.force_login(make_user(superuser=True))
    response = client.get("/admin/reports/report/", {"status__exact": "open"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sprachcafé am Markt" in html and offer.organisation.name in html
    assert "1 Fehlermeldung" in html


def test_the_admin_shows_one_report(client, make_user, make_offer):
    report = Report.objects.create(offer=make_offer(), message="<b>Hallo</b>", address_hash="0" * 64)
    client.force_login(make_user(superuser=True))
    response = client.get(f"/admin/reports/report/{report.pk}/change/")
    assert response.status_code == 200 and "&lt;b&gt;Hallo&lt;/b&gt;" in response.content.decode()

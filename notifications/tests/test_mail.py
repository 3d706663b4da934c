import copy

from django.core import mail

from notifications.mail import absolute_url, organisation_recipients, render, send


def test_absolute_url_uses_site_url(settings):
    settings.SITE_URL = "https://angebote.example.org"
    assert absolute_url("/de/angebote/1/") == "https://angebote.example.org/de/angebote/1/"


def test_send_skips_empty_addresses_and_sends_text_and_html(settings, tmp_path):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    (tmp_path / "emails").mkdir()
    (tmp_path / "emails" / "probe_subject.txt").write_text("Hallo\n{{ name }}\n")
    (tmp_path / "emails" / "probe.txt").write_text("Text für {{ name }}")
    (tmp_path / "emails" / "probe.html").write_text("<p>HTML für {{ name }}</p>")
    assert send(["", None, " "], "probe", {"name": "Ada"}) == 0
    assert send(["a@example.org", "a@example.org"], "probe", {"name": "Ada"}) == 1
    message = mail.outbox[-1]
    assert message.to == ["a@example.org"]
    assert message.subject.endswith("Hallo Ada")
    assert "Text für Ada" in message.body
    assert message.alternatives[0][0] == "<p>HTML für Ada</p>"
    assert render  # imported for the other apps' tests


def test_organisation_recipients_include_members(db, make_organisation, django_user_model):
    from accounts.models import Membership

    org = make_organisation(email="info@traeger.example.org")
    user = django_user_model.objects.create_user("m@example.org", "m@example.org", "x")
    Membership.objects.create(user=user, organisation=org)
    assert sorted(organisation_recipients(org)) == ["info@traeger.example.org", "m@example.org"]

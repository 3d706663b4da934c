from django.urls import reverse

from taxonomy.models import TargetGroup, Topic


def test_the_start_page_has_one_search_box_sent_to_the_results_page(client, db):
    html = client.get(reverse("pages:home")).content.decode()
    assert html.count('role="search"') == 1
    assert 'action="/de/angebote/" method="get"' in html
    assert '<label for="q">' in html
    assert "z. B. Deutschkurs, Hausaufgabenhilfe" in html


def test_the_start_page_links_every_topic_with_its_count(client, make_offer):
    make_offer(topics=["sprache"])
    make_offer(title="Sprachcafé", topics=["sprache", "kultur"])
    html = client.get(reverse("pages:home")).content.decode()
    assert Topic.objects.count() == 12
    for topic in Topic.objects.all():
        assert f'href="/de/angebote/?topic={topic.slug}"' in html
    assert "2 Angebote" in html  # Sprache
    assert "1 Angebot<" in html  # Kultur


def test_the_start_page_offers_the_cities_and_the_two_seed_filters(client, make_offer):
    make_offer(cities=["marl"])
    html = client.get(reverse("pages:home")).content.decode()
    assert 'href="/de/angebote/?city=marl">Marl <span class="count">(1)</span>' in html
    assert 'href="/de/angebote/?city=kreisweit"' in html
    seeds = TargetGroup.objects.filter(is_seed_filter=True)
    assert {g.slug for g in seeds} == {"migrationshintergrund", "neuzugewanderte"}
    for group in seeds:
        assert f'href="/de/angebote/?target_group={group.slug}"' in html
        assert group.name in html


def test_the_privacy_notice_covers_cookies_logs_consent_rights_and_the_authority(client, db):
    html = client.get(reverse("pages:datenschutz")).content.decode()
    for phrase in ("keine Cookies", "Server-Protokolle", "Art. 6 Abs. 1 Buchst. a DSGVO",
                   "Einwilligung", "Art. 15", "LDI NRW"):
        assert phrase in html, phrase


def test_the_accessibility_statement_has_a_feedback_route_and_the_ombudsstelle(client, db):
    html = client.get(reverse("pages:barrierefreiheit")).content.decode()
    for phrase in ("BITV", "teilweise vereinbar", "mailto:", "example.org",
                   "Ombudsstelle für barrierefreie Informationstechnik"):
        assert phrase in html, phrase


def test_the_contact_page_shows_the_ki_with_demo_data_marked(client, db):
    html = client.get(reverse("pages:kontakt")).content.decode()
    assert "Kommunales Integrationszentrum Kreis Recklinghausen" in html
    assert "Demo-Kontaktdaten" in html
    assert 'href="mailto:integration@kreis-re.example.org"' in html
    assert 'href="tel:' in html


def test_the_contact_page_prepares_an_error_report_for_an_offer(client, db):
    html = client.get(reverse("pages:kontakt"), {"angebot": "<b>Sprachcafé</b>", "nr": "12"}).content.decode()
    assert "&lt;b&gt;Sprachcafé&lt;/b&gt;" in html
    assert "<b>Sprachcafé</b>" not in html
    assert "subject=Fehler%20im%20Angebot" in html and "Nr.%2012" in html


def test_the_impressum_marks_operator_placeholders(client, db):
    html = client.get(reverse("pages:impressum")).content.decode()
    assert "Platzhalter" in html and "Kommunales Integrationszentrum" in html

"""Provider pages and the contact-person directory: consent rule, published offers only."""

from django.urls import reverse

from offers.models import Offer
from taxonomy.models import City


def test_the_provider_page_shows_its_details_offers_and_contacts(client, make_offer, make_organisation,
                                                                 make_contact):
    organisation = make_organisation(
        name="VHS Beispielstadt", description="Volkshochschule.\n\nSeit 1950.",
        street="Schulstraße 1", postcode="45768", city=City.objects.get(slug="marl"),
        phone="02365 100", email="vhs@example.org", website="https://example.org/vhs",
    )
    make_offer(title="Integrationskurs", organisation=organisation)
    make_offer(title="Entwurf", organisation=organisation, status=Offer.Status.DRAFT)
    make_contact(organisation=organisation, name="Erika Beispiel", phone="02365 100-1")
    make_contact(organisation=organisation, name="Hans Ohnezustimmung", email="hans@example.org",
                 consent=False)
    response = client.get(reverse("providers:detail", args=[organisation.slug]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("<h1>VHS Beispielstadt</h1>", "<p>Volkshochschule.</p>", "Schulstraße 1",
                 "45768 Marl", 'href="tel:02365100"', 'href="mailto:vhs@example.org"',
                 'href="https://example.org/vhs"', "Integrationskurs", "1 Angebot<",
                 "Erika Beispiel", 'href="tel:023651001"'):
        assert text in html, text
    assert "Entwurf" not in html
    assert "Hans Ohnezustimmung" not in html and "hans@example.org" not in html


def test_an_unknown_provider_is_not_found(client, db):
    assert client.get("/de/anbieter/gibt-es-nicht/").status_code == 404


def test_the_provider_directory_counts_published_offers_and_searches_by_name(client, make_offer,
                                                                             make_organisation):
    caritas = make_organisation(name="Caritas Marl")
    make_organisation(name="Sportverein Herten")
    make_offer(organisation=caritas)
    make_offer(organisation=caritas)
    make_offer(organisation=caritas, status=Offer.Status.ARCHIVED)
    html = client.get(reverse("providers:list")).content.decode()
    assert "Caritas Marl" in html and "Sportverein Herten" in html
    assert "2 Angebote" in html and "0 Angebote" in html
    found = client.get(reverse("providers:list"), {"q": "carit"}).content.decode()
    assert "Caritas Marl" in found and "Sportverein Herten" not in found
    assert "1 Anbieter" in found


def test_the_contact_directory_lists_only_consented_people(client, make_contact):
    make_contact(name="Erika Beispiel", email="erika@example.org", phone="02361 123-45")
    make_contact(name="Hans Ohnezustimmung", email="hans@example.org", consent=False)
    response = client.get(reverse("providers:contacts"))
    html = response.content.decode()
    assert "Erika Beispiel" in html
    assert 'href="tel:0236112345"' in html and 'href="mailto:erika@example.org"' in html
    assert "Hans Ohnezustimmung" not in html and "hans@example.org" not in html
    assert "1 Ansprechperson<" in html


def test_the_contact_directory_searches_name_role_and_organisation(client, make_contact,
                                                                   make_organisation):
    awo = make_organisation(name="AWO Gladbeck")
    make_contact(name="Erika Beispiel", role="Migrationsberatung")
    make_contact(name="Max Muster", role="Jugendarbeit", organisation=awo)
    make_contact(name="Geheim Person", role="Migrationsberatung", consent=False)

    def names(**query):
        html = client.get(reverse("providers:contacts"), query).content.decode()
        return {n for n in ("Erika Beispiel", "Max Muster", "Geheim Person") if n in html}

    assert names(q="erika") == {"Erika Beispiel"}
    assert names(q="migrationsberatung") == {"Erika Beispiel"}
    assert names(q="awo") == {"Max Muster"}
    assert names(q="muster jugend") == {"Max Muster"}


def test_the_contact_directory_filters_by_the_organisations_city(client, make_contact, make_organisation):
    marl = make_organisation(city=City.objects.get(slug="marl"))
    herten = make_organisation(city=City.objects.get(slug="herten"))
    make_contact(name="Erika aus Marl", organisation=marl)
    make_contact(name="Otto aus Herten", organisation=herten)
    html = client.get(reverse("providers:contacts"), {"city": "marl"}).content.decode()
    assert "Erika aus Marl" in html and "Otto aus Herten" not in html
    assert '<option value="marl" selected>' in html
    unknown = client.get(reverse("providers:contacts"), {"city": "atlantis", "page": "abc"})
    assert unknown.status_code == 200
    assert "Otto aus Herten" in unknown.content.decode()


def test_the_contact_directory_pages_keep_the_search(client, make_contact, make_organisation):
    organisation = make_organisation(city=City.objects.get(slug="marl"))
    for n in range(35):
        make_contact(name=f"Person {n:02d}", role="Beratung", organisation=organisation)
    html = client.get(reverse("providers:contacts"), {"q": "beratung", "city": "marl"}).content.decode()
    assert 'href="?q=beratung&amp;city=marl&amp;page=2" rel="next"' in html
    page2 = client.get(reverse("providers:contacts"), {"q": "beratung", "city": "marl", "page": "2"})
    assert "Person 34" in page2.content.decode()


def test_a_contact_without_consent_appears_nowhere(client, make_offer, make_contact):
    hidden = make_contact(name="Hans Ohnezustimmung", email="hans@example.org", phone="0171 999",
                          consent=False)
    offer = make_offer(contacts=[hidden], organisation=hidden.organisation)
    for url in (reverse("pages:home"), reverse("offers:search"), offer.get_absolute_url(),
                reverse("providers:detail", args=[hidden.organisation.slug]),
                reverse("providers:list"), reverse("providers:contacts"),
                reverse("providers:contacts") + "?q=hans"):
        html = client.get(url).content.decode()
        assert "Hans Ohnezustimmung" not in html, url
        assert "hans@example.org" not in html and "0171999" not in html, url

"""The report form speaks the page's language, the offer's title included; the e-mails stay
German with links to the German pages."""

import pytest
from django.utils import translation

from offers.models import OfferTranslation


@pytest.fixture(autouse=True)
def _german_afterwards():
    yield
    translation.activate("de")  # the test client leaves the last request's language active


def test_the_form_shows_the_translated_title_or_the_marked_german_one(client, make_offer):
    offer = make_offer(title="Sprachcafé")
    page = client.get(f"/ar/angebote/{offer.pk}/fehler-melden/").content.decode()
    assert 'lang="de" dir="ltr">Sprachcafé</a>' in page
    OfferTranslation.objects.create(offer=offer, language="ar", title="مقهى اللغة")
    page = client.get(f"/ar/angebote/{offer.pk}/fehler-melden/").content.decode()
    assert ">مقهى اللغة</a>" in page and "Sprachcafé" not in page


def test_a_report_from_an_arabic_page_reaches_the_ki_with_german_links(client, make_offer, mailoutbox):
    from config.formguard import issue_token

    offer = make_offer(title="Sprachcafé")
    response = client.post(f"/ar/angebote/{offer.pk}/fehler-melden/",
                           {"message": "الرقم خاطئ", "form_token": issue_token()})
    assert response.status_code == 200
    body = "\n".join(m.body for m in mailoutbox)
    assert "/de/angebote/" in body and "/ar/" not in body

"""The section "Übersetzungen" of the offer form: one unfoldable part per language, marked
with its language and direction; a translation needs a title; it is reviewed like the rest."""

import re

from django.urls import reverse
from django.utils import translation

from changes import services
from changes.models import ChangeRequest, Revision
from offers.models import OfferTranslation

ARABIC_TITLE = "مقهى اللغة"


def test_the_form_has_one_section_per_language_named_in_itself(client, provider, offer, edit_url):
    client.force_login(provider)
    page = client.get(edit_url(offer)).content.decode()
    assert "<legend>Übersetzungen</legend>" in page
    names = re.findall(r'<summary><span lang="(\w+)" dir="(\w+)">([^<]+)</span></summary>', page)
    assert names == [("en", "ltr", "English"), ("ar", "rtl", "العربيّة"), ("fa", "rtl", "فارسی"),
                     ("tr", "ltr", "Türkçe"), ("uk", "ltr", "Українська"), ("ru", "ltr", "Русский")]
    assert page.count('<details class="offer-translation">') == 6  # folded while empty
    assert re.search(r'<label for="id_translation-ar-title">Titel \(Arabisch\)</label>\s*'
                     r'<input type="text" name="translation-ar-title"[^>]* lang="ar" dir="rtl"', page)
    assert re.search(r'<textarea name="translation-uk-description"[^>]* lang="uk" dir="ltr"', page)


def test_a_providers_translation_waits_for_review_then_shows_on_the_arabic_page(
        client, provider, editor, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), **{
        "translation-ar-title": ARABIC_TITLE, "translation-ar-summary": "تدرب على الألمانية",
    })
    assert client.post(edit_url(offer), data).status_code == 302
    change = ChangeRequest.objects.pending().get()
    assert change.data["translations"] == {
        "ar": {"title": ARABIC_TITLE, "summary": "تدرب على الألمانية", "description": ""}}
    assert not OfferTranslation.objects.exists()  # the public sees nothing new yet

    again = client.get(edit_url(offer)).content.decode()  # the form shows the proposal, unfolded
    assert '<details class="offer-translation" open>' in again and f'value="{ARABIC_TITLE}"' in again

    services.approve(change, user=editor)
    client.logout()
    with translation.override("ar"):
        arabic_page = client.get(reverse("offers:detail", args=[offer.pk]))
    assert f"<h1>{ARABIC_TITLE}</h1>" in arabic_page.content.decode()


def test_a_translation_without_a_title_is_refused_next_to_the_field(client, provider, offer, fill,
                                                                    edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), **{"translation-en-summary": "Practise German"})
    response = client.post(edit_url(offer), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="form-errors" role="alert">' in page
    assert '<a href="#id_translation-en-title">Titel (Englisch): Bitte geben Sie einen Titel an' in page
    assert re.search(r'<ul class="errorlist" id="id_translation-en-title_error"><li>Bitte geben Sie '
                     r'einen Titel an', page)
    assert ">\nPractise German</textarea>" in page  # kept, in the unfolded section
    assert '<details class="offer-translation" open>' in page
    assert not ChangeRequest.objects.exists() and not Revision.objects.exists()


def test_a_translation_cleared_is_removed(client, editor, offer, fill, edit_url):
    offer.translations.create(language="en", title="Language café", summary="Practise German")
    client.force_login(editor)
    page = client.get(edit_url(offer))
    assert 'value="Language café"' in page.content.decode()
    data = fill(page, **{"translation-en-title": "", "translation-en-summary": ""})
    assert client.post(edit_url(offer), data).status_code == 302
    assert not offer.translations.exists()
    revision = Revision.objects.for_object(offer).first()
    assert revision.changes["translations"][1] == {}


def test_the_form_round_trips_translations(client, provider, offer, fill, edit_url):
    offer.translations.create(language="uk", title="Мовне кафе", description="Перший.\n\nДругий.")
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)))
    data["translation-uk-description"] = data["translation-uk-description"].replace("\n", "\r\n")
    response = client.post(edit_url(offer), data, follow=True)
    assert "Keine Änderung" in response.content.decode()
    assert not ChangeRequest.objects.exists()


def test_adding_a_row_keeps_the_typed_translations(client, provider, offer, fill, edit_url):
    client.force_login(provider)
    data = fill(client.get(edit_url(offer)), add_place="1", **{"translation-tr-title": "Dil kafesi"})
    page = client.post(edit_url(offer), data).content.decode()
    assert 'value="Dil kafesi"' in page and "errorlist" not in page
    assert not ChangeRequest.objects.exists()

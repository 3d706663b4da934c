"""Translations are content: in the snapshot, reviewed, recorded, restored like the German
texts. Snapshots recorded before translations existed still apply and leave them alone."""

import re

import pytest
from django.urls import reverse

from changes import services
from changes.models import Revision
from changes.snapshot import apply_offer_snapshot, changed_names, diff, offer_snapshot
from offers.models import OfferTranslation

ARABIC = {"title": "مقهى اللغة", "summary": "كل يوم اثنين", "description": ""}
ENGLISH = {"title": "Language café", "summary": "Mondays", "description": ""}


def _texts(offer):
    return {t.language: (t.title, t.summary) for t in OfferTranslation.objects.filter(offer=offer)}


def test_the_snapshot_holds_the_translations_with_a_title(offer):
    offer.translations.create(language="ar", **ARABIC)
    assert offer_snapshot(offer)["translations"] == {"ar": ARABIC}


def test_applying_a_snapshot_adds_changes_and_removes_translations(offer):
    offer.translations.create(language="ar", **ARABIC)
    offer.translations.create(language="ru", title="Языковое кафе")
    data = offer_snapshot(offer)
    data["translations"] = {"ar": {**ARABIC, "summary": "كل يوم ثلاثاء"}, "en": ENGLISH,
                            "tr": {"title": "", "summary": "ohne Titel keine Übersetzung"}}
    apply_offer_snapshot(offer, data)
    assert _texts(offer) == {"ar": ("مقهى اللغة", "كل يوم ثلاثاء"), "en": ("Language café", "Mondays")}


def test_a_snapshot_without_translations_leaves_them_as_they_are(offer):
    offer.translations.create(language="ar", **ARABIC)
    old = {k: v for k, v in offer_snapshot(offer).items() if k != "translations"}  # an old revision
    apply_offer_snapshot(offer, {**old, "title": "Sprachcafé neu"})
    assert _texts(offer) == {"ar": ("مقهى اللغة", "كل يوم اثنين")}
    assert diff("offer", old, offer_snapshot(offer))[0].name == "title"
    assert changed_names({**old, "translations": {}}, old) == []


def test_the_diff_has_one_readable_line_per_changed_language(offer):
    offer.translations.create(language="ar", **ARABIC)
    before = offer_snapshot(offer)
    after = {**before, "translations": {"ar": {**ARABIC, "title": "مقهى اللغة العربية"},
                                        "en": ENGLISH}}
    changes = diff("offer", before, after)
    assert [(c.name, c.label) for c in changes] == [
        ("translations.en", "Übersetzung (English)"), ("translations.ar", "Übersetzung (العربيّة)"),
    ]
    english, arabic = changes
    assert english.old == "–" and english.new == "Titel: Language café\nKurzbeschreibung: Mondays"
    assert arabic.old.startswith("Titel: مقهى اللغة\n") and "العربية" in arabic.new
    assert changed_names(before, after) == ["translations.en", "translations.ar"]
    assert diff("offer", after, {**after, "translations": {"en": ENGLISH}})[0].new == "–"


def test_a_providers_translation_waits_for_review_and_the_public_keeps_none(offer, provider, editor):
    data = {**offer_snapshot(offer), "translations": {"en": ENGLISH}}
    result = services.save_offer(offer, data, user=provider, base=offer_snapshot(offer))
    assert result.outcome == "pending" and _texts(offer) == {}
    services.approve(result.change_request, user=editor)
    assert _texts(offer) == {"en": ("Language café", "Mondays")}
    assert Revision.objects.for_object(offer).first().snapshot["translations"] == {"en": ENGLISH}


def test_a_translation_changed_meanwhile_is_an_edit_conflict(offer, editor):
    base = offer_snapshot(offer)
    services.save_offer(offer, {**base, "translations": {"en": ENGLISH}}, user=editor, base=base)
    with pytest.raises(services.EditConflict) as caught:
        services.save_offer(offer, {**base, "title": "Sprachcafé neu"}, user=editor, base=base)
    assert [c.label for c in caught.value.changes] == ["Übersetzung (English)"]


def test_review_history_and_restore_show_translations_in_words(client, editor, offer, propose):
    change = propose(offer, translations={"ar": ARABIC})
    client.force_login(editor)
    page = client.get(reverse("changes:review", args=[change.pk])).content.decode()
    assert re.search(r'<th scope="row">Übersetzung \(العربيّة\)</th>\s*<td data-label="bisher">–</td>',
                     page)
    assert "<ins>Titel: مقهى اللغة<br>Kurzbeschreibung: كل يوم اثنين</ins>" in page
    services.approve(change, user=editor)

    history = client.get(reverse("changes:history", args=["offer", offer.pk])).content.decode()
    assert '<th scope="row">Übersetzungen</th>' in history and "مقهى اللغة" in history

    first = Revision.objects.for_object(offer).get(action="approved")
    services.save_offer(offer, {**offer_snapshot(offer), "translations": {}}, user=editor)
    assert _texts(offer) == {}
    response = client.post(reverse("changes:restore", args=[first.pk]))
    assert response.status_code == 302
    assert _texts(offer) == {"ar": ("مقهى اللغة", "كل يوم اثنين")}


def test_a_translation_added_in_the_admin_is_recorded(client, make_user, offer):
    from changes.tests.test_admin_history import _admin_post_data

    admin = make_user("admin@ki.example.org", superuser=True)
    client.force_login(admin)
    url = reverse("admin:offers_offer_change", args=[offer.pk])
    data = _admin_post_data(client.get(url), **{
        "translations-TOTAL_FORMS": "1", "translations-0-language": "en",
        "translations-0-title": "Language café", "translations-0-summary": "Mondays",
    })
    response = client.post(url, data)
    assert response.status_code == 302
    revision = Revision.objects.for_object(offer).get()
    assert revision.changes == {"translations": [{}, {"en": ENGLISH}]}
    assert revision.snapshot["translations"] == {"en": ENGLISH}

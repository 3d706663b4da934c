"""The rules of review and history, below the pages: who publishes directly, what the public
sees meanwhile, conflicts, and what the history records."""

import datetime

import pytest

from changes import services
from changes.models import ChangeRequest, Revision
from changes.snapshot import diff, offer_snapshot
from offers.models import Offer


def _edited(offer, **fields):
    data = offer_snapshot(offer)
    data.update(fields)
    return data


@pytest.fixture
def offer(make_offer, provider_org):
    return make_offer(title="Sprachcafé", organisation=provider_org, summary="Montags")


def test_a_providers_change_waits_and_the_public_keeps_the_approved_version(offer, provider):
    base = offer_snapshot(offer)
    result = services.save_offer(offer, _edited(offer, title="Sprachcafé am Abend"),
                                 user=provider, base=base)
    assert result.outcome == "pending"
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé"  # public version unchanged
    change = result.change_request
    assert change.kind == ChangeRequest.Kind.UPDATE and change.is_pending
    assert services.working_data(offer)["title"] == "Sprachcafé am Abend"
    revision = Revision.objects.for_object(offer).get()
    assert revision.action == "proposed" and revision.approved is None
    assert revision.changes == {"title": ["Sprachcafé", "Sprachcafé am Abend"]}


def test_a_second_save_updates_the_same_pending_change(offer, provider):
    services.save_offer(offer, _edited(offer, title="A"), user=provider)
    services.save_offer(offer, _edited(offer, title="B"), user=provider)
    assert ChangeRequest.objects.pending().get().data["title"] == "B"


def test_approve_publishes_and_records(offer, provider, editor):
    change = services.save_offer(offer, _edited(offer, summary="Dienstags"), user=provider).change_request
    services.approve(change, user=editor)
    offer.refresh_from_db()
    assert offer.summary == "Dienstags" and offer.version == 2
    change.refresh_from_db()
    assert change.status == "approved" and change.reviewed_by == editor
    latest = Revision.objects.for_object(offer).first()
    assert latest.action == "approved" and latest.approved is True
    assert latest.changes == {"summary": ["Montags", "Dienstags"]}
    with pytest.raises(services.AlreadyDecided):
        services.approve(change, user=editor)


def test_correct_and_approve(offer, provider, editor):
    change = services.save_offer(offer, _edited(offer, title="Sprachkaffee"), user=provider).change_request
    services.approve(change, user=editor, data=_edited(offer, title="Sprachcafé für alle"))
    offer.refresh_from_db()
    change.refresh_from_db()
    assert offer.title == "Sprachcafé für alle" and change.corrected


def test_reject_keeps_the_public_version_and_needs_a_reason(offer, provider, editor):
    change = services.save_offer(offer, _edited(offer, title="Falsch"), user=provider).change_request
    with pytest.raises(ValueError):
        services.reject(change, user=editor, comment=" ")
    services.reject(change, user=editor, comment="Bitte den Titel nicht in Großbuchstaben.")
    offer.refresh_from_db()
    assert offer.title == "Sprachcafé"
    revision = Revision.objects.for_object(offer).first()
    assert revision.action == "rejected" and revision.approved is False


def test_new_offer_of_a_provider_is_pending_and_not_public(provider, provider_org):
    data = {"title": "Hausaufgabenhilfe", "summary": "", "cities": [], "topics": []}
    result = services.create_offer(provider_org, data, user=provider)
    assert result.outcome == "pending" and result.offer.status == Offer.Status.PENDING
    assert result.change_request.kind == ChangeRequest.Kind.CREATE
    assert not Offer.objects.published().filter(pk=result.offer.pk).exists()


def test_trusted_organisation_and_editor_publish_at_once(offer, provider, provider_org, editor):
    provider_org.is_trusted = True
    provider_org.save()
    result = services.save_offer(offer, _edited(offer, title="Sofort"), user=provider)
    assert result.outcome == "published"
    offer.refresh_from_db()
    assert offer.title == "Sofort"
    assert Revision.objects.for_object(offer).first().approved is True
    result = services.create_offer(provider_org, {"title": "Neu"}, user=editor)
    assert result.offer.status == Offer.Status.PUBLISHED
    assert result.offer.last_verified == datetime.date.today()


def test_concurrent_edit_is_refused_with_what_changed_meanwhile(offer, provider, make_user, provider_org):
    colleague = make_user(organisations=[provider_org])
    base = offer_snapshot(offer)  # both open the form
    services.save_offer(offer, _edited(offer, summary="Mittwochs"), user=colleague, base=base)
    with pytest.raises(services.EditConflict) as caught:
        services.save_offer(offer, _edited(offer, title="Mein Titel"), user=provider, base=base)
    assert [(c.name, c.old, c.new) for c in caught.value.changes] == [
        ("summary", "Montags", "Mittwochs")]
    assert ChangeRequest.objects.pending().get().data["summary"] == "Mittwochs"


def test_signed_base_round_trips_and_rejects_tampering(offer):
    signed = services.sign_base(offer_snapshot(offer))
    assert services.unsign_base(signed) == offer_snapshot(offer)
    assert services.unsign_base(signed[:-2] + "xx") is None


def test_archive_withdraws_the_pending_change(offer, provider):
    services.save_offer(offer, _edited(offer, title="X"), user=provider)
    services.archive(offer, user=provider)
    offer.refresh_from_db()
    assert offer.status == Offer.Status.ARCHIVED
    assert not ChangeRequest.objects.pending().exists()


def test_duplicate_is_a_draft_copy(offer, provider):
    copy = services.duplicate(offer, user=provider)
    assert copy.pk != offer.pk and copy.status == Offer.Status.DRAFT
    assert copy.title == "Sprachcafé (Kopie)"
    assert not diff("offer", {**offer_snapshot(offer), "title": copy.title}, offer_snapshot(copy))


def test_restore_goes_back_and_is_recorded(offer, editor):
    services.save_offer(offer, _edited(offer, title="Zweite Fassung"), user=editor)
    services.save_offer(offer, _edited(offer, title="Dritte Fassung"), user=editor)
    second = Revision.objects.for_object(offer).order_by("pk")[0]
    restored = services.restore(second, user=editor)
    offer.refresh_from_db()
    assert offer.title == "Zweite Fassung"
    assert restored.action == "restored" and restored.restored_from == second


def test_contact_changes_are_recorded_and_trust_is_for_editors(make_contact, provider, provider_org):
    contact = make_contact(organisation=provider_org, name="Leyla Kaya")
    services.save_fields(contact, {"phone": "02365 1"}, user=provider)
    revision = Revision.objects.for_object(contact).get()
    assert revision.changes["phone"][1] == "02365 1"
    services.save_fields(provider_org, {"is_trusted": True}, user=provider)
    provider_org.refresh_from_db()
    assert provider_org.is_trusted is False


def test_places_and_times_travel_with_the_snapshot(offer, editor):
    from taxonomy.models import City

    dorsten = City.objects.get(slug="dorsten")
    data = _edited(offer, places=[{"name": "Bürgerhaus", "street": "Markt 1", "postcode": "46282",
                                   "city": dorsten.pk, "latitude": None, "longitude": None}],
                   times=[{"weekday": 1, "opens_at": "10:00", "closes_at": "12:00", "note": ""}])
    services.save_offer(offer, data, user=editor)
    offer.refresh_from_db()
    assert str(offer.places.get()) == "Bürgerhaus, Markt 1, 46282 Dorsten"
    assert str(offer.times.get()) == "Dienstag 10:00–12:00"
    assert dorsten in offer.cities.all()
    changes = diff("offer", _edited(offer, times=[]), offer_snapshot(offer))
    assert [(c.label, c.new) for c in changes] == [("Regelmäßige Zeiten", "Dienstag 10:00–12:00")]


def test_an_editor_saving_a_proposal_unchanged_approves_it(offer, provider, editor, make_offer):
    change = services.save_offer(offer, _edited(offer, title="Neu"), user=provider).change_request
    result = services.save_offer(offer, services.working_data(offer), user=editor, comment="Passt.")
    change.refresh_from_db()
    assert result.outcome == "published" and change.status == "approved"
    assert change.review_comment == "Passt." and not change.corrected


def test_an_editor_publishing_a_new_offer_decides_it_and_tells_the_provider(
        provider, provider_org, editor, django_capture_on_commit_callbacks, mailoutbox):
    created = services.create_offer(provider_org, {"title": "Elterncafé"}, user=provider)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.save_offer(created.offer, services.working_data(created.offer),
                                     user=editor, comment="Willkommen!")
    change = result.change_request
    change.refresh_from_db()
    assert result.outcome == "published" and change.status == "approved"
    assert Revision.objects.for_object(created.offer).first().action == "approved"
    assert any("Willkommen!" in m.body for m in mailoutbox)


def test_deleting_a_contact_takes_it_out_of_pending_proposals(offer, provider, editor, make_contact,
                                                              provider_org):
    contact = make_contact(organisation=provider_org)
    change = services.save_offer(offer, _edited(offer, contacts=[contact.pk]), user=provider).change_request
    services.delete_contact(contact, user=provider)
    change.refresh_from_db()
    assert change.data["contacts"] == []
    services.approve(change, user=editor)  # no IntegrityError
    assert list(offer.contacts.all()) == []

"""Every change to an offer, organisation or contact made in the work areas goes through
these functions: they decide whether it publishes at once or waits for review, refuse an
edit based on an outdated version, and record the history.

Who publishes directly: KI editors and members of a trusted organisation. Everybody else's
edit of a published offer becomes a pending ChangeRequest while the public keeps seeing the
approved version; a new (or draft, or archived) offer waits with status "pending".
Saving the edit form always means "this should be public": archiving is the explicit way
to take an offer off.
"""

from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.utils import timezone

from accounts.roles import is_editor
from offers.models import Offer

from . import notify
from .models import ChangeRequest, Revision
from .snapshot import (
    apply_fields_snapshot,
    apply_offer_snapshot,
    diff,
    kind_of,
    offer_snapshot,
    snapshot,
)

BASE_SALT = "changes.base"


class EditConflict(Exception):
    """Somebody else changed the object after this person opened the form. `changes` lists
    what changed meanwhile (FieldChange), `current` is the state now."""

    def __init__(self, changes, current):
        super().__init__("edit conflict")
        self.changes = changes
        self.current = current


class AlreadyDecided(Exception):
    """The pending change was approved, rejected or withdrawn in the meantime."""


@dataclass
class SaveResult:
    outcome: str  # "published", "pending" or "unchanged"
    offer: Offer
    change_request: ChangeRequest | None = None


# --- the form's base: what the person saw when the form was opened --------------------------

def sign_base(data):
    """The state an edit form was opened on, signed into a hidden field: on save, anything
    that changed since then is a conflict shown to the person, never silently overwritten."""
    return signing.dumps(data, salt=BASE_SALT, compress=True)


def unsign_base(value):
    try:
        return signing.loads(value or "", salt=BASE_SALT)
    except signing.BadSignature:
        return None


# --- reading -------------------------------------------------------------------------------

def publishes_directly(user, organisation):
    return is_editor(user) or bool(organisation.is_trusted)


def pending_change(offer):
    return offer.change_requests.pending().first()


def working_data(offer):
    """What the edit form shows: the pending proposal if there is one, else the offer."""
    change = pending_change(offer)
    if change is None:
        return offer_snapshot(offer)
    # a proposal saved before offers had translations carries none: keep the live ones
    # (the form would otherwise open empty and its save delete them)
    data = dict(change.data)
    if "translations" not in data:
        data["translations"] = offer_snapshot(offer)["translations"]
    return data


def raw_changes(old, new):
    """{field: [old, new]} of the fields that differ, in snapshot values (what a Revision
    keeps)."""
    old, new = old or {}, new or {}
    return {name: [old.get(name), new.get(name)]
            for name in dict.fromkeys([*old, *new])
            if (old.get(name) or None) != (new.get(name) or None)}


def record(obj, action, *, user=None, actor="", changes=None, snapshot_after=None, approved=True,
           change_request=None, note="", restored_from=None):
    from django.contrib.contenttypes.models import ContentType

    return Revision.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk,
        object_repr=str(obj)[:200], action=action,
        user=user if user is not None and user.is_authenticated else None, actor=actor,
        changes=changes or {}, snapshot=snapshot_after, approved=approved,
        change_request=change_request, note=note, restored_from=restored_from,
    )


def _check_base(kind, base, current):
    if base is None:
        return
    meanwhile = diff(kind, base, current)
    if meanwhile:
        raise EditConflict(meanwhile, current)


def _locked(offer):
    return Offer.objects.select_for_update().select_related("organisation").get(pk=offer.pk)


# --- offers ----------------------------------------------------------------------------------

@transaction.atomic
def create_offer(organisation, data, *, user, note=""):
    offer = Offer(organisation=organisation, status=Offer.Status.DRAFT)
    apply_offer_snapshot(offer, data)
    direct = publishes_directly(user, organisation)
    record(offer, Revision.Action.CREATED, user=user, changes=raw_changes({}, data),
           snapshot_after=data, approved=True if direct else None, note=note)
    return _submit_unpublished(offer, data, user=user, direct=direct, change=None)


@transaction.atomic
def save_offer(offer, data, *, user, base=None, comment=""):
    """Save the edit form. `base` is the (unsigned) state the form was opened on. An
    editor's save of an offer with a pending proposal decides it ("correct and approve");
    `comment` then reaches the provider."""
    offer = _locked(offer)
    change = pending_change(offer)
    current = change.data if change else offer_snapshot(offer)
    _check_base("offer", base, current)
    direct = publishes_directly(user, offer.organisation)
    changed = bool(diff("offer", current, data))
    if offer.status != Offer.Status.PUBLISHED:
        if changed:
            before = offer_snapshot(offer)
            apply_offer_snapshot(offer, data)
            offer.version += 1
            offer.save(update_fields=["version"])
            record(offer, Revision.Action.CHANGED if direct else Revision.Action.PROPOSED,
                   user=user, changes=raw_changes(before, data), snapshot_after=data,
                   approved=True if direct else None, change_request=change)
        elif change is not None and not direct:
            return SaveResult("unchanged", offer, change)
        return _submit_unpublished(offer, data, user=user, direct=direct, change=change,
                                   comment=comment)
    if not changed and not (direct and change is not None):
        return SaveResult("unchanged", offer, change)
    if direct:
        result = _publish(offer, data, user=user, change=change, comment=comment,
                          corrected=change is not None and bool(diff("offer", change.data, data)))
        if change is not None:  # an editor's save of a proposal decides it
            transaction.on_commit(lambda: notify.change_decided(change))
        return result
    # a provider's change to a published offer waits for review
    change = _propose(offer, data, user=user, change=change, kind=ChangeRequest.Kind.UPDATE,
                      base_data=offer_snapshot(offer))
    record(offer, Revision.Action.PROPOSED, user=user, changes=raw_changes(current, data),
           snapshot_after=data, approved=None, change_request=change)
    return SaveResult("pending", offer, change)


def _submit_unpublished(offer, data, *, user, direct, change, comment=""):
    """An offer the public cannot see yet: published at once, or pending as a whole."""
    if direct:
        before = offer.status
        offer.status = Offer.Status.PUBLISHED
        offer.last_verified = offer.last_verified or timezone.localdate()
        offer.save(update_fields=["status", "last_verified"])
        if change is not None:  # an editor publishing a provider's new offer decides it
            _close(change, ChangeRequest.Status.APPROVED, user, comment=comment,
                   corrected=bool(diff("offer", change.data, data)))
            change.data = data
            change.save(update_fields=["data"])
            record(offer, Revision.Action.APPROVED, user=user,
                   changes={"status": [before, offer.status]}, snapshot_after=offer_snapshot(offer),
                   approved=True, change_request=change, note=comment)
            transaction.on_commit(lambda: notify.change_decided(change))
        return SaveResult("published", offer, change)
    if offer.status != Offer.Status.PENDING:
        offer.status = Offer.Status.PENDING
        offer.save(update_fields=["status"])
    change = _propose(offer, data, user=user, change=change, kind=ChangeRequest.Kind.CREATE,
                      base_data=None)
    return SaveResult("pending", offer, change)


def _propose(offer, data, *, user, change, kind, base_data):
    """The offer's one pending proposal, created (the KI is told once) or updated."""
    if change is None:
        change = ChangeRequest.objects.create(
            offer=offer, kind=kind, data=data, base_data=base_data,
            base_version=offer.version, created_by=user, updated_by=user,
        )
        transaction.on_commit(lambda: notify.change_submitted(change))
    else:
        change.data = data
        change.updated_by = user
        change.save(update_fields=["data", "updated_by", "updated_at"])
    return change


def _publish(offer, data, *, user, change, corrected=False, comment=""):
    before = offer_snapshot(offer)
    apply_offer_snapshot(offer, data)
    offer.version += 1
    offer.status = Offer.Status.PUBLISHED
    offer.last_verified = offer.last_verified or timezone.localdate()
    offer.save(update_fields=["version", "status", "last_verified"])
    after = offer_snapshot(offer)
    action = Revision.Action.APPROVED if change is not None else Revision.Action.CHANGED
    record(offer, action, user=user, changes=raw_changes(before, after), snapshot_after=after,
           approved=True, change_request=change, note=comment)
    if change is not None:
        change.data = data
        _close(change, ChangeRequest.Status.APPROVED, user, corrected=corrected, comment=comment)
    return SaveResult("published", offer, change)


def _close(change, status, user, *, corrected=False, comment=""):
    change.status = status
    change.reviewed_by = user if user is not None and user.is_authenticated else None
    change.reviewed_at = timezone.now()
    change.review_comment = comment
    change.corrected = corrected
    change.save()


@transaction.atomic
def approve(change, *, user, data=None, comment=""):
    """Publish a pending change, as proposed or as corrected by the editor (`data`)."""
    offer = _locked(change.offer)
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if not change.is_pending:
        raise AlreadyDecided
    corrected = data is not None and bool(diff("offer", change.data, data))
    result = _publish(offer, data if data is not None else change.data, user=user, change=change,
                      corrected=corrected, comment=comment)
    if change.kind == ChangeRequest.Kind.CREATE:
        offer.last_verified = timezone.localdate()
        offer.save(update_fields=["last_verified"])
    transaction.on_commit(lambda: notify.change_decided(change))
    return result


@transaction.atomic
def reject(change, *, user, comment):
    if not comment.strip():
        raise ValueError("a rejection needs a comment")
    offer = _locked(change.offer)
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if not change.is_pending:
        raise AlreadyDecided
    if change.kind == ChangeRequest.Kind.CREATE and offer.status == Offer.Status.PENDING:
        offer.status = Offer.Status.DRAFT  # stays editable for the provider, not public
        offer.save(update_fields=["status"])
    _close(change, ChangeRequest.Status.REJECTED, user, comment=comment)
    record(offer, Revision.Action.REJECTED, user=user,
           changes=raw_changes(change.base_data or {}, change.data), snapshot_after=change.data,
           approved=False, change_request=change, note=comment)
    transaction.on_commit(lambda: notify.change_decided(change))
    return change


@transaction.atomic
def withdraw(change, *, user):
    """The provider takes back their own pending change."""
    offer = _locked(change.offer)
    change = ChangeRequest.objects.select_for_update().get(pk=change.pk)
    if not change.is_pending:
        raise AlreadyDecided
    if change.kind == ChangeRequest.Kind.CREATE and offer.status == Offer.Status.PENDING:
        offer.status = Offer.Status.DRAFT
        offer.save(update_fields=["status"])
    _close(change, ChangeRequest.Status.WITHDRAWN, user)
    return change


@transaction.atomic
def archive(offer, *, user):
    """Take an offer off the public site (always allowed without review)."""
    offer = _locked(offer)
    if offer.status == Offer.Status.ARCHIVED:
        return offer
    change = pending_change(offer)
    if change is not None:
        _close(change, ChangeRequest.Status.WITHDRAWN, user)
    before = offer.status
    offer.status = Offer.Status.ARCHIVED
    offer.save(update_fields=["status"])
    record(offer, Revision.Action.ARCHIVED, user=user, changes={"status": [before, offer.status]},
           snapshot_after=offer_snapshot(offer))
    return offer


@transaction.atomic
def duplicate(offer, *, user):
    """A draft copy of the offer (as the person currently sees it) to edit and submit."""
    data = dict(working_data(offer))
    data["title"] = f"{data['title']} (Kopie)"[:200]
    copy = Offer(organisation=offer.organisation, status=Offer.Status.DRAFT)
    apply_offer_snapshot(copy, data)
    record(copy, Revision.Action.CREATED, user=user, changes=raw_changes({}, data),
           snapshot_after=data, approved=None, note=f"Kopie von #{offer.pk}")
    return copy


# --- organisations and contacts (they apply at once and are recorded) ----------------------

@transaction.atomic
def save_fields(obj, data, *, user, base=None):
    """Create or change an organisation or contact person. Only editors set `is_trusted`."""
    if "is_trusted" in data and not is_editor(user):
        data = {k: v for k, v in data.items() if k != "is_trusted"}
    created = obj.pk is None
    if not created:
        obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    before = {} if created else snapshot(obj)
    if not created:
        _check_base(kind_of(obj), base, before)
        if not diff(kind_of(obj), before, {**before, **data}):
            return obj
    apply_fields_snapshot(obj, data)
    after = snapshot(obj)
    record(obj, Revision.Action.CREATED if created else Revision.Action.CHANGED, user=user,
           changes=raw_changes(before, after), snapshot_after=after)
    return obj


@transaction.atomic
def delete_contact(contact, *, user):
    """Delete a contact person, and take them out of pending proposals too (approving one
    must not bring back a link to a person who is gone)."""
    before = snapshot(contact)
    for change in ChangeRequest.objects.pending().filter(offer__organisation=contact.organisation):
        if contact.pk in change.data.get("contacts", []):
            change.data["contacts"] = [pk for pk in change.data["contacts"] if pk != contact.pk]
            change.save(update_fields=["data"])
    record(contact, Revision.Action.DELETED, user=user, changes=raw_changes(before, {}),
           snapshot_after=before)
    contact.delete()


# --- restoring an earlier version -------------------------------------------------------------

@transaction.atomic
def restore(revision, *, user):
    """Make the object what it was after `revision` (editors only; recorded itself)."""
    if not is_editor(user):
        raise PermissionError("only editors restore")
    obj = revision.target
    if obj is None or not revision.snapshot:
        raise ValueError("nothing to restore")
    if kind_of(obj) == "offer":
        obj = _locked(obj)
        before = offer_snapshot(obj)
        apply_offer_snapshot(obj, revision.snapshot)
        obj.version += 1
        obj.save(update_fields=["version"])
        after = offer_snapshot(obj)
    else:
        before = snapshot(obj)
        apply_fields_snapshot(obj, revision.snapshot)
        after = snapshot(obj)
    stamp = timezone.localtime(revision.created_at).strftime("%d.%m.%Y %H:%M")
    return record(obj, Revision.Action.RESTORED, user=user, changes=raw_changes(before, after),
                  snapshot_after=after, restored_from=revision,
                  note=f"Stand vom {stamp} wiederhergestellt")

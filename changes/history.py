"""What the history page reads: an object's revisions (and an offer's confirmations) as
entries in words, newest first."""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from offers.models import Offer
from providers.models import Contact, Organisation

from .models import Revision
from .snapshot import (
    CONTACT_FIELDS,
    OFFER_FIELDS,
    OFFER_M2M,
    ORGANISATION_FIELDS,
    FieldChange,
    display,
    label,
)

MODELS = {"offer": Offer, "organisation": Organisation, "contact": Contact}

# The order of the edit forms. PostgreSQL's jsonb does not keep the order of keys, so the
# changes of a revision are sorted by it.
FIELD_ORDER = {
    "offer": [*OFFER_FIELDS, *OFFER_M2M, "places", "times", "status", "organisation"],
    "organisation": ORGANISATION_FIELDS,
    "contact": CONTACT_FIELDS,
}

PROPOSAL_STATE_CLASSES = {"approved": "published", "rejected": "rejected", "withdrawn": "archived"}


@dataclass
class Entry:
    when: datetime
    who: str
    action: str
    state: str = ""  # "freigegeben", "abgelehnt", "wartet" … in words
    state_class: str = ""  # the .status--… modifier
    note: str = ""
    changes: list = field(default_factory=list)
    revision: Revision | None = None


def revisions_of(kind, pk):
    """Every revision of one object, also after it was deleted."""
    return (Revision.objects
            .filter(content_type=ContentType.objects.get_for_model(MODELS[kind]), object_id=pk)
            .select_related("user", "change_request"))


def describe(kind, changes):
    """A revision's {field: [old, new]} as FieldChanges in words, in the order of the form."""
    order = {name: index for index, name in enumerate(FIELD_ORDER[kind])}
    described = []
    for name in sorted(changes, key=lambda n: (order.get(n, len(order)), n)):
        old, new = changes[name]
        try:
            described.append(FieldChange(name, label(kind, name), display(kind, name, old),
                                         display(kind, name, new)))
        except FieldDoesNotExist:  # a field removed since: its values stay readable
            described.append(FieldChange(name, name, str(old), str(new)))
    return described


def _state(revision):
    if revision.approved is True:
        return _("freigegeben"), "published"
    if revision.approved is False:
        return _("abgelehnt"), "rejected"
    proposal = revision.change_request
    if proposal is not None and not proposal.is_pending:
        # the proposal was decided later: say how, not "waiting" forever
        return (_("Vorschlag %(status)s") % {"status": proposal.get_status_display()},
                PROPOSAL_STATE_CLASSES[proposal.status])
    return _("wartet auf Prüfung"), "pending"


def _revision_entry(kind, revision):
    state, state_class = _state(revision)
    return Entry(when=revision.created_at, who=str(revision.who),
                 action=revision.get_action_display(), state=state, state_class=state_class,
                 note=revision.note, changes=describe(kind, revision.changes or {}),
                 revision=revision)


def _confirmation_entries(offer_pk):
    """Confirmations that an offer is still current (the freshness app, when installed)."""
    try:
        confirmation = apps.get_model("freshness", "Confirmation")
    except LookupError:
        return []
    return [
        Entry(when=c.confirmed_at, who=c.confirmed_by or _("unbekannt"),
              action=_("als aktuell bestätigt (%(via)s)") % {"via": c.get_via_display()})
        for c in confirmation.objects.filter(offer_id=offer_pk).select_related("user")
    ]


def entries(kind, pk):
    """The whole history of one object, newest first."""
    found = [_revision_entry(kind, revision) for revision in revisions_of(kind, pk)]
    if kind == "offer":
        found += _confirmation_entries(pk)
    return sorted(found, key=lambda entry: entry.when, reverse=True)

"""Edits in the Django admin are recorded in the history like any other: who, when, which
fields with old and new values, and the state afterwards (what a restore goes back to).

The state before is read from the database in save_model (the many-to-many fields and the
inlines are saved only later, in save_related), the state after at the end of save_related.
"""

from django.db.models import F
from django.utils.translation import gettext as _

from offers.models import Offer
from providers.models import Contact, Organisation

from . import services
from .models import Revision
from .snapshot import snapshot

TRACKED = (Offer, Organisation, Contact)


def _state(obj):
    """The snapshot, plus for offers the two fields only the admin changes in a form of its
    own (a restore never touches them, so they are in the changes, not in the snapshot)."""
    data = snapshot(obj)
    if isinstance(obj, Offer):
        data.update(status=obj.status, organisation=obj.organisation_id)
    return data


def _note():
    return _("in der Verwaltung")


class HistoryAdminMixin:
    """For ModelAdmins of offers, organisations and contact persons (and their inlines of
    contact persons): every save and delete becomes a Revision."""

    def save_model(self, request, obj, form, change):
        obj._state_before_admin_save = _state(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        changes = services.raw_changes(obj._state_before_admin_save, _state(obj))
        if change and not changes:
            return
        if change and isinstance(obj, Offer):
            # like every applied change: edit forms opened before notice it
            Offer.objects.filter(pk=obj.pk).update(version=F("version") + 1)
        services.record(obj, Revision.Action.CHANGED if change else Revision.Action.CREATED,
                        user=request.user, changes=changes, snapshot_after=snapshot(obj), note=_note())

    def save_formset(self, request, form, formset, change):
        """Contact persons edited inline (on their organisation) have a history of their own."""
        if formset.model not in TRACKED:  # places and times are part of the offer's snapshot
            return super().save_formset(request, form, formset, change)
        existing = [f.instance.pk for f in formset.initial_forms if f.instance.pk]
        before = {obj.pk: _state(obj) for obj in formset.model.objects.filter(pk__in=existing)}
        for deleted in formset.deleted_forms:
            if deleted.instance.pk in before:
                _record_deletion(request, deleted.instance)
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            services.record(obj, Revision.Action.CREATED, user=request.user,
                            changes=services.raw_changes({}, _state(obj)),
                            snapshot_after=snapshot(obj), note=_note())
        for obj, _fields in formset.changed_objects:
            changes = services.raw_changes(before[obj.pk], _state(obj))
            if changes:
                services.record(obj, Revision.Action.CHANGED, user=request.user, changes=changes,
                                snapshot_after=snapshot(obj), note=_note())

    def delete_model(self, request, obj):
        _record_deletion(request, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            _record_deletion(request, obj)
        super().delete_queryset(request, queryset)


def _record_deletion(request, obj):
    """Recorded before the row goes, from the database (a form may have changed the object
    in memory): the history keeps the last state, readable afterwards. An organisation takes
    its contact persons with it; their histories say so too."""
    if isinstance(obj, Organisation):
        for contact in obj.contacts.all():
            _record_deletion(request, contact)
    stored = type(obj).objects.get(pk=obj.pk)
    services.record(stored, Revision.Action.DELETED, user=request.user,
                    changes=services.raw_changes(_state(stored), {}), snapshot_after=snapshot(stored),
                    note=_note())

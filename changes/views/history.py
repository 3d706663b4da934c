"""The history of an offer, organisation or contact person, and restoring an earlier state."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.roles import editor_required, is_editor, login_required
from offers.models import Offer
from providers.models import Organisation

from .. import history as history_entries
from .. import services
from ..models import Revision
from ..snapshot import diff, kind_of, snapshot


def _stamp(revision):
    return formats.date_format(revision.created_at, "SHORT_DATETIME_FORMAT")


@login_required
@require_safe
def history(request, kind, pk):
    """Editors see every object's history (also of a deleted contact person); provider
    members those of their own organisations' objects; anybody else gets 404."""
    model = history_entries.MODELS.get(kind)
    if model is None:
        raise Http404
    editor = is_editor(request.user)
    obj = model.objects.editable_by(request.user).filter(pk=pk).first()
    latest = history_entries.revisions_of(kind, pk).first()
    if obj is None and not (editor and latest is not None):
        raise Http404
    return render(request, "changes/history.html", {
        "kind": kind, "kind_label": model._meta.verbose_name, "obj": obj,
        "title": str(obj) if obj is not None else latest.object_repr,
        "public_url": _public_url(obj), "entries": history_entries.entries(kind, pk),
        "can_restore": editor and obj is not None,
    })


def _public_url(obj):
    """The object's public page, where it has one the public can see."""
    if isinstance(obj, Offer):
        return obj.get_absolute_url() if obj.is_public else None
    if isinstance(obj, Organisation):
        return obj.get_absolute_url()
    return None  # contact persons (and deleted objects) have no page of their own


def _restorable(revision_pk):
    """The revision and its object, if both still exist and the revision holds a state."""
    revision = get_object_or_404(Revision.objects.select_related("content_type", "user"),
                                 pk=revision_pk)
    model = revision.content_type.model_class()
    if model not in history_entries.MODELS.values() or not revision.snapshot:
        raise Http404
    obj = model.objects.filter(pk=revision.object_id).first()
    if obj is None:
        raise Http404
    return revision, obj


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def restore(request, revision_pk):
    """GET: what would change; POST: restore it (recorded as a revision of its own)."""
    revision, obj = _restorable(revision_pk)
    kind = kind_of(obj)
    history_url = reverse("changes:history", args=[kind, obj.pk])
    if request.method == "POST":
        try:
            services.restore(revision, user=request.user)
        except ValidationError as error:
            messages.error(request, _("Dieser Stand lässt sich nicht wiederherstellen: %(problem)s")
                           % {"problem": " ".join(error.messages)})
        else:
            messages.success(request, _("Der Stand vom %(when)s ist wiederhergestellt.")
                             % {"when": _stamp(revision)})
        return redirect(history_url)
    current = snapshot(obj)
    # a restore only sets the fields the revision holds; the rest stays as it is
    changes = diff(kind, current, {**current, **revision.snapshot})
    return render(request, "changes/restore.html", {
        "revision": revision, "obj": obj, "kind": kind, "changes": changes,
        "history_url": history_url, "stamp": _stamp(revision),
    })

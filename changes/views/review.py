"""The KI editors' review: the queue of pending proposals and the page to decide one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from accounts.roles import editor_required
from offers.models import Offer
from offers.results import page_links

from .. import services
from ..forms import DecisionForm, QueueFilterForm
from ..models import ChangeRequest
from ..snapshot import changed_names, diff, offer_snapshot
from ..templatetags.changes_tags import person

CHANGES_PER_PAGE = 25


def _reverse_or_none(name, args=()):
    """The URL of a page another area provides, or None while that area is not there."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def _overdue():
    count = Offer.objects.due_for_review().count()
    return ngettext("%(count)s Angebot überfällig", "%(count)s Angebote überfällig",
                    count) % {"count": count}


def _open_reports():
    from reports.models import Report

    count = Report.objects.open().count()
    return ngettext("%(count)s offene Meldung", "%(count)s offene Meldungen", count) % {"count": count}


def _open_requests():
    from accounts.models import AccessRequest

    count = AccessRequest.objects.filter(status=AccessRequest.Status.OPEN).count()
    return ngettext("%(count)s offene Anfrage", "%(count)s offene Anfragen", count) % {"count": count}


# The other editor pages the queue points to, each with its count in words. A page whose URL
# does not exist (its app is not installed) is left out, and its model never asked.
OTHER_EDITOR_PAGES = [
    ("freshness:overdue", _overdue),
    ("reports:staff_list", _open_reports),
    ("accounts:requests", _open_requests),
]


def _other_pages():
    links = []
    for name, describe in OTHER_EDITOR_PAGES:
        url = _reverse_or_none(name)
        if url is not None:
            links.append({"url": url, "label": describe()})
    return links


@editor_required
@require_safe
def queue(request):
    """Pending proposals, oldest first (they have waited longest)."""
    form = QueueFilterForm(request.GET or None)
    pending = ChangeRequest.objects.pending().select_related("offer__organisation", "created_by")
    changes = form.filter(pending).order_by("created_at", "pk")
    page = Paginator(changes, CHANGES_PER_PAGE).get_page(request.GET.get("page"))
    for change in page:
        change.changed_count = len(changed_names(change.base_data, change.data))
    state = [(key, request.GET[key]) for key in ("organisation", "kind") if request.GET.get(key)]

    def page_url(number):
        return "?" + urlencode(state + ([("page", number)] if number > 1 else []))

    return render(request, "changes/queue.html", {
        "form": form, "page": page, "filtered": bool(state),
        "pagination": page_links(page.number, page.paginator.num_pages, page_url),
        "pending_count": pending.count(), "other_pages": _other_pages(),
    })


def _review_context(change, form):
    offer = change.offer
    context = {"change": change, "offer": offer, "organisation": offer.organisation, "form": form,
               "history_url": reverse("changes:history", args=["offer", offer.pk])}
    if change.kind == ChangeRequest.Kind.CREATE:
        context["content"] = diff("offer", {}, change.data)
    else:
        context["changes"] = diff("offer", change.base_data, change.data)
        if change.is_pending and offer.version != change.base_version:
            # the public version moved on since the proposal: show what changed meanwhile
            # and what approving would really do to the version the public sees now
            live = offer_snapshot(offer)
            context["meanwhile"] = diff("offer", change.base_data, live)
            context["effect"] = diff("offer", live, change.data)
    if change.is_pending:
        context["correct_url"] = _reverse_or_none("dashboard:offer_edit", args=[offer.pk])
    return context


def _already_decided(request, change):
    change.refresh_from_db()
    when = formats.date_format(change.reviewed_at, "SHORT_DATETIME_FORMAT") if change.reviewed_at else "–"
    messages.warning(request, _(
        "Dieser Vorschlag wurde inzwischen schon entschieden: %(status)s von %(who)s am %(when)s. "
        "Ihre Entscheidung wurde nicht gespeichert."
    ) % {"status": change.get_status_display(), "who": person(change.reviewed_by), "when": when})
    return redirect("changes:review", change.pk)


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request, pk):
    """One proposal field by field; approve (optional comment) or reject (comment needed)."""
    change = get_object_or_404(
        ChangeRequest.objects.select_related("offer__organisation", "created_by", "updated_by",
                                             "reviewed_by"), pk=pk)
    form = DecisionForm()
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            if not change.is_pending:
                return _already_decided(request, change)
            comment = form.cleaned_data["comment"]
            try:
                if form.cleaned_data["decision"] == DecisionForm.APPROVE:
                    services.approve(change, user=request.user, comment=comment)
                    done = _("„%(title)s“ ist freigegeben; der Anbieter bekommt eine E-Mail.")
                else:
                    services.reject(change, user=request.user, comment=comment)
                    done = _("Die Änderung an „%(title)s“ ist abgelehnt; der Anbieter bekommt eine "
                             "E-Mail mit Ihrem Kommentar.")
            except services.AlreadyDecided:
                return _already_decided(request, change)
            except ValidationError as error:
                form.add_error(None, _("So lässt sich der Vorschlag nicht freigeben: %(problem)s "
                                       "Bitte korrigieren Sie ihn vorher.")
                               % {"problem": " ".join(error.messages)})
            else:
                messages.success(request, done % {"title": change.data.get("title") or change.offer.title})
                return redirect("changes:queue")
    return render(request, "changes/review.html", _review_context(change, form))

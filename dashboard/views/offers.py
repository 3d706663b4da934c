"""Offers in the provider area: create, edit (with review and conflict handling), duplicate,
archive, withdraw a pending change, confirm that an offer is still current."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import is_editor, login_required
from changes import services
from changes.models import ChangeRequest
from freshness import services as freshness
from offers.models import Offer
from providers.models import Organisation

from ..forms import OrganisationChoiceForm, ReviewCommentForm
from ..offer_forms import ADD_PLACE, ADD_TIME, OfferEditor
from ..overview import history_url, shown_rejection
from .common import BASE_FIELD, BASE_LOST, home_url, posted_base


def _editable_offer(request, pk):
    return get_object_or_404(Offer.objects.editable_by(request.user).select_related("organisation"),
                             pk=pk)


def _form_page(request, *, organisation, editor, base="", offer=None, conflict=None,
               comment_form=None, **extra):
    """The edit form of an offer (new or existing), with everything around it."""
    return render(request, "dashboard/offer_form.html", {
        "offer": offer, "organisation": organisation, "editor": editor,
        "form": editor.form, "places": editor.places, "times": editor.times,
        "base": base, "base_field": BASE_FIELD, "conflict": conflict, "comment_form": comment_form,
        "add_place": ADD_PLACE, "add_time": ADD_TIME,
        "publishes_directly": services.publishes_directly(request.user, organisation),
        "back_url": home_url(request.user, organisation),
        **extra,
    })


def _saved_message(request, result, *, new):
    title = result.offer.title
    if result.outcome == "published":
        messages.success(request, _("„%(title)s“ ist veröffentlicht.") % {"title": title})
    elif result.outcome == "unchanged":
        messages.info(request, _("Keine Änderung – es gab nichts zu speichern."))
    elif new or result.change_request.kind == ChangeRequest.Kind.CREATE:
        messages.success(request, _(
            "„%(title)s“ wartet auf Prüfung durch das KI – öffentlich sichtbar wird es erst nach "
            "der Freigabe.") % {"title": title})
    else:
        messages.success(request, _(
            "Ihre Änderung wartet auf Prüfung durch das KI – öffentlich sichtbar bleibt bis dahin "
            "die bisherige Fassung."))


# --- create -------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_create(request):
    """A new offer for one of the person's organisations (?traeger=<slug> chooses it; with
    several, a select comes first, so the form can offer that organisation's contacts)."""
    organisations = Organisation.objects.editable_by(request.user)
    slug = request.GET.get("traeger")
    candidates = list(organisations[:2])
    if slug:
        organisation = get_object_or_404(organisations, slug=slug)
    elif len(candidates) == 1:
        organisation = candidates[0]
    else:
        return render(request, "dashboard/offer_choose_organisation.html", {
            "choice_form": OrganisationChoiceForm(organisations=organisations),
            "has_organisations": bool(candidates), "ki_email": settings.KI_EMAIL,
        })
    if request.method == "POST":
        editor = OfferEditor(organisation, data=request.POST)
        if again := editor.added_row(request.POST):
            return _form_page(request, organisation=organisation, editor=again,
                              choose_other=len(candidates) > 1)
        if editor.is_valid():
            result = services.create_offer(organisation, editor.snapshot(), user=request.user)
            _saved_message(request, result, new=True)
            return redirect(home_url(request.user, organisation))
    else:
        initial = {"cities": [organisation.city_id]} if organisation.city_id else {}
        editor = OfferEditor(organisation, initial=initial)
    return _form_page(request, organisation=organisation, editor=editor,
                      choose_other=len(candidates) > 1)


# --- edit ---------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_edit(request, pk):
    """The whole offer in one form. It opens on the pending proposal if there is one; the
    state it opened on travels along signed, so a save never overwrites unseen changes."""
    offer = _editable_offer(request, pk)
    organisation = offer.organisation
    change = services.pending_change(offer)
    decides = change is not None and is_editor(request.user)
    context = {"offer": offer, "organisation": organisation, "pending": change,
               "history_url": history_url(offer)}
    rejection = shown_rejection(offer, offer.change_requests.order_by("-created_at", "-pk").first())
    context["rejection"] = rejection
    if request.method != "POST":
        data = services.working_data(offer)
        context["base"] = services.sign_base(data)
        if rejection is not None and request.GET.get("fassung") == str(rejection.pk):
            # the rejected proposal to fix; the base stays what is current
            data, context["loaded_rejection"] = rejection.data, True
        return _form_page(request, editor=OfferEditor(organisation, initial=data),
                          comment_form=ReviewCommentForm() if decides else None, **context)

    editor = OfferEditor(organisation, data=request.POST)
    comment_form = ReviewCommentForm(request.POST) if decides else None
    token, base = posted_base(request)
    context["base"] = token
    if again := editor.added_row(request.POST):
        return _form_page(request, editor=again, comment_form=comment_form, **context)
    if not (editor.is_valid() and (comment_form is None or comment_form.is_valid())):
        return _form_page(request, editor=editor, comment_form=comment_form, **context)
    if base is None:
        editor.form.add_error(None, BASE_LOST)
        context["base"] = services.sign_base(services.working_data(offer))
        return _form_page(request, editor=editor, comment_form=comment_form, **context)
    comment = comment_form.cleaned_data["comment"] if comment_form else ""
    try:
        result = services.save_offer(offer, editor.snapshot(), user=request.user, base=base,
                                     comment=comment)
    except services.EditConflict as conflict:
        # The person's input stays; the new base makes a second save a deliberate decision.
        context["base"] = services.sign_base(conflict.current)
        return _form_page(request, editor=editor, comment_form=comment_form,
                          conflict=conflict.changes, **context)
    except services.AlreadyDecided:
        messages.error(request, _("Die Änderung wurde inzwischen entschieden. Bitte prüfen Sie den "
                                  "aktuellen Stand."))
        return redirect("dashboard:offer_edit", pk=offer.pk)
    _saved_message(request, result, new=False)
    return redirect(home_url(request.user, organisation))


@login_required
@require_POST
def change_withdraw(request, pk):
    """The provider takes back the pending change of an offer."""
    offer = _editable_offer(request, pk)
    change = services.pending_change(offer)
    if change is None:
        messages.info(request, _("Zu diesem Angebot wartet keine Änderung (mehr) auf Prüfung."))
        return redirect(home_url(request.user, offer.organisation))
    try:
        services.withdraw(change, user=request.user)
    except services.AlreadyDecided:
        messages.info(request, _("Die Änderung wurde inzwischen schon entschieden."))
    else:
        if change.kind == ChangeRequest.Kind.CREATE:
            messages.success(request, _("Zurückgezogen: „%(title)s“ bleibt als Entwurf erhalten und "
                                        "ist nicht öffentlich.") % {"title": offer.title})
        else:
            messages.success(request, _("Ihre Änderung ist zurückgezogen. Öffentlich bleibt die "
                                        "bisherige Fassung."))
    return redirect(home_url(request.user, offer.organisation))


# --- duplicate, archive, confirm -------------------------------------------------------------

@login_required
@require_POST
def offer_duplicate(request, pk):
    offer = _editable_offer(request, pk)
    copy = services.duplicate(offer, user=request.user)
    messages.success(request, _(
        "Die Kopie ist angelegt. Sie bleibt ein Entwurf, bis Sie sie hier speichern."))
    return redirect("dashboard:offer_edit", pk=copy.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def offer_archive(request, pk):
    """GET asks, POST takes the offer off the public site (no review needed)."""
    offer = _editable_offer(request, pk)
    if request.method == "POST":
        services.archive(offer, user=request.user)
        messages.success(request, _("„%(title)s“ ist archiviert und nicht mehr öffentlich sichtbar.")
                         % {"title": offer.title})
        return redirect(home_url(request.user, offer.organisation))
    return render(request, "dashboard/offer_archive.html", {
        "offer": offer, "pending": services.pending_change(offer),
        "back_url": home_url(request.user, offer.organisation),
    })


@login_required
@require_POST
def offer_confirm(request, pk):
    """„Angaben sind noch aktuell“: moves "zuletzt geprüft" to today."""
    offer = _editable_offer(request, pk)
    if offer.status != Offer.Status.PUBLISHED:
        raise Http404  # only what the public can see is confirmed
    freshness.confirm(offer, user=request.user, via="dashboard")
    messages.success(request, _("Danke! „%(title)s“ ist als aktuell bestätigt.")
                     % {"title": offer.title})
    return redirect(home_url(request.user, offer.organisation))


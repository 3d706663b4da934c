"""The one-click "still current" link from reminders, and the KI's list of overdue offers."""

import contextlib
from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce, TruncDate
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.roles import editor_required
from config.formguard import public_form
from offers.models import Offer
from offers.results import page_links
from providers.models import Organisation

from . import rules, services
from .forms import OverdueFilterForm
from .models import Confirmation, Reminder

OVERDUE_PER_PAGE = 50


# --- the signed link (no login, no cookie) ------------------------------------------------------


@public_form  # no CSRF cookie for people without a session: the signed token is the capability
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_link(request, pk, token):
    """GET shows what is being confirmed and one button (mail scanners follow links, so a
    GET never confirms); POST confirms and thanks."""
    offer = get_object_or_404(Offer.objects.published().select_related("organisation"), pk=pk)
    try:
        link = services.read_token(token, offer.pk)
    except services.ExpiredLink:
        return _link_refused(request, offer, expired=True)
    except services.InvalidLink:
        return _link_refused(request, offer, expired=False)
    context = {"offer": offer, "link": link, "edit_url": services.edit_path(offer)}
    posted = request.method == "POST"
    # A POST locks the offer, so a double click cannot confirm twice; a GET writes nothing.
    with transaction.atomic() if posted else contextlib.nullcontext():
        if posted:
            offer = (Offer.objects.select_for_update(of=("self",)).select_related("organisation")
                     .get(pk=pk))
            context["offer"] = offer
        context["reference"] = rules.reference_date(offer)
        # The reference date moves with every confirmation: another one means a new cycle.
        if context["reference"] != link.cycle:
            template = "freshness/confirm_already.html"
        elif posted:
            services.confirm(offer, email=link.email, via=Confirmation.Via.LINK)
            context["reference"] = offer.last_verified
            template = "freshness/confirm_done.html"
        else:
            template = "freshness/confirm.html"
    return render(request, template, context)


def _link_refused(request, offer, expired):
    return render(request, "freshness/confirm_refused.html", {
        "offer": offer, "expired": expired, "login_url": services.login_path(),
        "link_days": settings.CONFIRM_LINK_MAX_AGE_DAYS, "ki_email": settings.KI_EMAIL,
    }, status=410 if expired else 400)


# --- the KI's overdue list ------------------------------------------------------------------------


@editor_required
@require_safe
def overdue(request):
    """Published offers due for review, oldest first, with the reminders of their current
    cycle and whether they have left the search."""
    today = rules.today()
    due = Offer.objects.due_for_review(today)
    form = OverdueFilterForm(
        request.GET or None,
        organisations=Organisation.objects.filter(pk__in=due.values("organisation")).order_by("name"),
    )
    offers = due.select_related("organisation").annotate(
        reference=Coalesce("last_verified", TruncDate("created_at"))
    ).order_by(F("reference").asc(), "pk")
    state = []
    if form.is_valid():
        if form.cleaned_data["organisation"]:
            offers = offers.filter(organisation=form.cleaned_data["organisation"])
            state.append(("organisation", form.cleaned_data["organisation"].pk))
        if form.cleaned_data["hidden_only"]:
            offers = offers.filter(rules.reference_before(rules.hide_cutoff(today)))
            state.append(("hidden_only", "on"))
    page = Paginator(offers, OVERDUE_PER_PAGE).get_page(request.GET.get("page"))
    rows = _rows(page.object_list, today)

    def page_url(number):
        return "?" + urlencode(state + ([("page", number)] if number > 1 else []))

    return render(request, "freshness/overdue.html", {
        "form": form, "page": page, "rows": rows,
        "pagination": page_links(page.number, page.paginator.num_pages, page_url),
        "current_url": request.get_full_path(),
        "filtered": bool(state),
        "review_months": settings.REVIEW_INTERVAL_MONTHS,
        "hide_months": settings.HIDE_AFTER_MONTHS,
    })


def _rows(offers, today):
    """What each line of the list shows; reminders of earlier cycles are history, not news."""
    offers = list(offers)
    sent = defaultdict(list)
    for reminder in Reminder.objects.filter(offer__in=offers).order_by("step"):
        sent[reminder.offer_id, reminder.cycle].append(reminder)
    return [{
        "offer": offer,
        "reference": offer.reference,
        "confirmed_before": offer.last_verified is not None,
        "reminders": sent.get((offer.pk, offer.reference), []),
        "hidden": rules.is_hidden(offer, today),
        "ended": rules.is_ended(offer, today),
    } for offer in offers]


@editor_required
@require_POST
def confirm_on_behalf(request, pk):
    """An editor confirms an offer (e.g. after a phone call with the provider)."""
    offer = get_object_or_404(Offer.objects.editable_by(request.user).published(), pk=pk)
    services.confirm(offer, user=request.user, via=Confirmation.Via.STAFF)
    messages.success(request, _("„%(title)s“ ist als aktuell bestätigt (heute geprüft).")
                     % {"title": offer.title})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = reverse("freshness:overdue")
    return redirect(target)

"""Fehler melden: the public form on every offer, and the KI editors' list of reports."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import editor_required
from config.formguard import public_form
from config.redirects import back_to_list
from offers.models import Offer
from offers.results import page_links
from offers.texts import fallback_attributes, page_language

from .forms import ReportForm, ResolveForm
from .models import Report
from .notify import send_report_mails
from .ratelimit import address_hash, retry_after

REPORTS_PER_PAGE = 25

# ?status= of the staff list: the value in the address, and which reports it shows
STATUS_FILTERS = {
    "offen": [Report.Status.OPEN],
    "erledigt": [Report.Status.RESOLVED],
    "alle": [Report.Status.OPEN, Report.Status.RESOLVED],
}
DEFAULT_STATUS_FILTER = "offen"


def _texts(offer):
    """The offer and its title in the page's language (German, marked, where untranslated)."""
    text = offer.text_in(page_language())
    return {"offer": offer, "offer_title": text.title, "title_attrs": fallback_attributes(text)}


@public_form
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def create(request, pk):
    """The report form of a published offer. Anonymous visitors get no cookie: no session, no
    messages; success renders the thank-you page directly."""
    offer = get_object_or_404(Offer.objects.published().select_related("organisation"), pk=pk)
    wait = 0  # seconds until an address over the hourly limit may send again
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_spam:  # a robot: it sees success, nothing is stored or sent
            return render(request, "reports/thanks.html", _texts(offer))
        if form.is_valid():
            now = timezone.now()
            sender = address_hash(request)
            wait = retry_after(sender, now)
            if not wait:
                report = Report.objects.create(
                    offer=offer, category=form.cleaned_data["category"],
                    message=form.cleaned_data["message"], email=form.cleaned_data["email"],
                    address_hash=sender, created_at=now,
                )
                send_report_mails(report)
                return render(request, "reports/thanks.html", {**_texts(offer), "report": report})
            minutes = -(-wait // 60)
            form.add_error(None, ngettext(
                "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Meldungen. Bitte "
                "senden Sie diese Meldung in %(minutes)s Minute noch einmal – Ihre Eingaben sind "
                "erhalten.",
                "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Meldungen. Bitte "
                "senden Sie diese Meldung in %(minutes)s Minuten noch einmal – Ihre Eingaben sind "
                "erhalten.",
                minutes,
            ) % {"minutes": minutes})
    else:
        form = ReportForm()
    response = render(request, "reports/create.html", {**_texts(offer), "form": form},
                      status=429 if wait else 200)
    if wait:
        response["Retry-After"] = str(wait)
    return response


@editor_required
@require_http_methods(["GET", "HEAD"])
def staff_list(request):
    """Reports for the KI: open ones first, newest first; filter open / done / all."""
    status_filter = request.GET.get("status", DEFAULT_STATUS_FILTER)
    if status_filter not in STATUS_FILTERS:
        status_filter = DEFAULT_STATUS_FILTER
    reports = (
        Report.objects.visible_to(request.user)
        .filter(status__in=STATUS_FILTERS[status_filter])
        .select_related("offer", "offer__organisation", "resolved_by")
        .order_by(Case(When(status=Report.Status.OPEN, then=Value(0)), default=Value(1),
                       output_field=IntegerField()), "-created_at", "-pk")
    )
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    for report in page:
        report.resolve_form = ResolveForm(prefix=ResolveForm.prefix_for(report),
                                          initial={"staff_note": report.staff_note})

    def page_url(number):
        query = [("status", status_filter)] + ([("page", number)] if number > 1 else [])
        return "?" + urlencode(query)

    return render(request, "reports/staff_list.html", {
        "page": page,
        "pagination": page_links(page.number, page.paginator.num_pages, page_url),
        "status_filter": status_filter,
        "filters": [
            {"value": value, "label": label, "url": "?" + urlencode({"status": value}),
             "current": value == status_filter}
            for value, label in (("offen", _("Offen")), ("erledigt", _("Erledigt")),
                                 ("alle", _("Alle")))
        ],
        "open_count": Report.objects.visible_to(request.user).open().count(),
    })


@editor_required
@require_POST
def resolve(request, pk):
    report = get_object_or_404(Report.objects.visible_to(request.user).select_related("offer"),
                               pk=pk)
    form = ResolveForm(request.POST, prefix=ResolveForm.prefix_for(report))
    form.is_valid()  # the note is optional and unlimited: the form is always valid
    report.resolve(request.user, form.cleaned_data["staff_note"])
    messages.success(request, _("Die Meldung zu „%(offer)s“ ist als erledigt markiert.")
                     % {"offer": report.offer.title})
    return redirect(back_to_list(request, reverse("reports:staff_list")))


@editor_required
@require_POST
def reopen(request, pk):
    report = get_object_or_404(Report.objects.visible_to(request.user).select_related("offer"),
                               pk=pk)
    report.reopen()
    messages.success(request, _("Die Meldung zu „%(offer)s“ ist wieder offen.")
                     % {"offer": report.offer.title})
    return redirect(back_to_list(request, reverse("reports:staff_list")))

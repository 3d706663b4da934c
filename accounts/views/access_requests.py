"""„Als Anbieter mitmachen“: the public request form and the KI editors' pages to decide
requests."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts import services
from accounts.forms import AccessRequestForm, ApproveRequestForm, RejectRequestForm
from accounts.models import AccessRequest
from accounts.roles import editor_required
from config.formguard import public_form


@public_form
@require_http_methods(["GET", "POST"])
def access_request(request):
    status = 200
    if request.method == "POST":
        form = AccessRequestForm(request.POST)
        if form.is_spam:  # a robot: it sees the same thank-you page, nothing is stored or sent
            return render(request, "accounts/access_request_thanks.html")
        if form.is_valid():
            sender = services.address_hash(request)
            retry_at = services.access_request_retry_at(sender)
            if retry_at is None:
                access_request = form.save(commit=False)
                access_request.address_hash = sender
                access_request.save()
                services.announce_access_request(access_request)
                return render(request, "accounts/access_request_thanks.html",
                              {"access_request": access_request})
            form.add_error(None, _(
                "Von Ihrem Anschluss kamen in der letzten Stunde schon %(limit)s Anfragen. Bitte senden "
                "Sie das Formular ab %(time)s Uhr noch einmal – Ihre Eingaben sind erhalten."
            ) % {"limit": services.ACCESS_REQUESTS_PER_ADDRESS_PER_HOUR,
                 "time": formats.time_format(timezone.localtime(retry_at), "H:i")})
            status = 429
    else:
        form = AccessRequestForm()
    return render(request, "accounts/access_request.html", {"form": form}, status=status)


@editor_required
@require_safe
def requests(request):
    access_requests = AccessRequest.objects.open_first().select_related("city", "organisation", "decided_by")
    return render(request, "accounts/requests.html", {"access_requests": access_requests})


@editor_required
@require_http_methods(["GET", "POST"])
def request_detail(request, pk):
    access_request = get_object_or_404(AccessRequest.objects.select_related("city", "organisation"), pk=pk)
    approve_form = ApproveRequestForm(access_request=access_request)
    reject_form = RejectRequestForm()
    if request.method == "POST":
        if not access_request.is_open:
            messages.error(request, _("Über diese Anfrage wurde schon entschieden."))
            return redirect("accounts:request_detail", pk=pk)
        action = request.POST.get("action")
        try:
            if action == "approve":
                approve_form = ApproveRequestForm(request.POST, access_request=access_request)
                if approve_form.is_valid():
                    invitation = services.approve(access_request, editor=request.user,
                                                  organisation=approve_form.existing_organisation())
                    messages.success(request, _("Angenommen. %(email)s ist zu „%(organisation)s“ eingeladen.")
                                     % {"email": invitation.email, "organisation": invitation.organisation})
                    return redirect("accounts:request_detail", pk=pk)
            elif action == "reject":
                reject_form = RejectRequestForm(request.POST)
                if reject_form.is_valid():
                    services.reject(access_request, editor=request.user,
                                    reason=reject_form.cleaned_data["reason"])
                    messages.success(request, _("Abgelehnt. Die Begründung ist an %(email)s verschickt.")
                                     % {"email": access_request.email})
                    return redirect("accounts:request_detail", pk=pk)
        except services.AlreadyDecided:
            messages.error(request, _("Über diese Anfrage wurde schon entschieden."))
            return redirect("accounts:request_detail", pk=pk)
    return render(request, "accounts/request_detail.html", {
        "access_request": access_request, "approve_form": approve_form, "reject_form": reject_form,
    })

"""Invitations: KI editors invite a person to an organisation; the person follows the
e-mailed link once to create an account (or, with an account, to join)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.forms import AcceptInvitationForm, InvitationForm
from accounts.models import Invitation, Membership
from accounts.roles import editor_required
from config.formguard import public_form


@editor_required
@require_http_methods(["GET", "POST"])
def invite(request):
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            invitation = services.invite(invited_by=request.user, **form.cleaned_data)
            messages.success(request, _("Die Einladung an %(email)s zu „%(organisation)s“ ist verschickt.")
                             % {"email": invitation.email, "organisation": invitation.organisation})
            return redirect("accounts:invite")
    else:
        form = InvitationForm()
    open_invitations = Invitation.objects.open().select_related("organisation", "invited_by")
    return render(request, "accounts/invite.html", {
        "form": form, "invitations": open_invitations, "invitation_days": settings.INVITATION_MAX_AGE_DAYS,
    })


@editor_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    if invitation.is_open:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        messages.success(request, _("Die Einladung an %(email)s ist zurückgezogen; der Link gilt nicht mehr.")
                         % {"email": invitation.email})
    else:
        messages.warning(request, _("Diese Einladung war schon angenommen, zurückgezogen oder abgelaufen."))
    return redirect("accounts:invite")


def _gone(request, invitation):
    return render(request, "accounts/invitation_gone.html", {
        "state": invitation.state if invitation else "unknown", "invitation": invitation,
        "ki_email": settings.KI_EMAIL,
    }, status=410)


def _accounts_with_email(email):
    return get_user_model()._default_manager.filter(Q(email__iexact=email) | Q(username=email.lower()))


@public_form
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    invitation = Invitation.objects.with_token(token)
    if invitation is None or not invitation.is_open:
        return _gone(request, invitation)
    if request.user.is_authenticated:
        return _join_with_account(request, invitation)
    if _accounts_with_email(invitation.email).exists():
        login_url = reverse("accounts:login") + "?" + urlencode({"next": request.path})
        return render(request, "accounts/invitation_login.html",
                      {"invitation": invitation, "login_url": login_url})
    return _create_account(request, invitation)


def _accept_once(invitation):
    """Lock the invitation and mark it used; None if somebody used it a moment ago."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not locked.is_open:
        return None
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    return locked


def _create_account(request, invitation):
    # The page is public (guarded form, no cookie) until the account exists.
    new_user = get_user_model()(username=invitation.email.lower(), email=invitation.email)
    if request.method == "POST":
        form = AcceptInvitationForm(new_user, request.POST)
        if form.is_valid():
            with transaction.atomic():
                if _accept_once(invitation) is None:
                    return _gone(request, Invitation.objects.get(pk=invitation.pk))
                if _accounts_with_email(invitation.email).exists():
                    # created a moment ago (another tab): keep the link open, ask to log in
                    transaction.set_rollback(True)
                    return redirect(request.path)
                user = form.save()
                Membership.objects.create(user=user, organisation=invitation.organisation)
            auth_login(request, user, backend="accounts.backends.EmailBackend")
            return redirect(settings.LOGIN_REDIRECT_URL)
    else:
        form = AcceptInvitationForm(new_user, initial={"name": invitation.name})
    return render(request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation})


@csrf_protect
def _join_with_account(request, invitation):
    # Logged in: the usual CSRF protection applies again (the person has a session anyway).
    user = request.user
    if user.email.lower() != invitation.email.lower():
        return render(request, "accounts/invitation_other_account.html", {"invitation": invitation},
                      status=403)
    if request.method == "POST":
        with transaction.atomic():
            if _accept_once(invitation) is None:
                return _gone(request, Invitation.objects.get(pk=invitation.pk))
            Membership.objects.get_or_create(user=user, organisation=invitation.organisation)
        messages.success(request, _("Sie gehören jetzt zu „%(organisation)s“.")
                         % {"organisation": invitation.organisation})
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/invitation_join.html", {"invitation": invitation})

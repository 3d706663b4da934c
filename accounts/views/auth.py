"""Login, logout, the page after login, password reset by e-mail and password change.

The login and reset pages are used by people without a session, so they set no cookie
before a successful login: guarded forms (config/formguard.py) instead of Django's CSRF
cookie, and a reset confirmation that checks the link on every request instead of keeping
the token in a session.
"""

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.forms import (
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    reset_link_hours,
)
from accounts.roles import is_editor, login_required
from config.formguard import public_form


def safe_next_url(request):
    """The ?next= target if it stays on this site, else ''."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return url
    return ""


@public_form
@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login(request):
    next_url = safe_next_url(request)
    if request.method == "POST":
        form = LoginForm(request, data=request.POST)
        if form.is_valid():
            auth_login(request, form.get_user())
            return redirect(next_url or settings.LOGIN_REDIRECT_URL)
    else:
        form = LoginForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


def _first_url(*names):
    # Some areas are built separately; a name that does not resolve (yet) is skipped.
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return reverse("pages:home")


@login_required
@require_safe
def after_login(request):
    if is_editor(request.user):
        return redirect(_first_url("changes:queue", "dashboard:home"))
    return redirect(_first_url("dashboard:home"))


@require_POST
def logout(request):
    auth_logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@public_form
@require_http_methods(["GET", "POST"])
def password_reset(request):
    if request.method == "POST":
        form = PasswordResetRequestForm(request.POST)
        if form.is_valid():
            form.save()
            return redirect("accounts:password_reset_done")
    else:
        form = PasswordResetRequestForm()
    return render(request, "accounts/password_reset.html", {"form": form})


@require_safe
def password_reset_done(request):
    return render(request, "accounts/password_reset_done.html", {"valid_hours": reset_link_hours()})


def user_from_reset_link(uidb64, token):
    """The account a reset link belongs to, or None when the link is wrong, used (the
    token depends on the password hash and the last login) or older than
    PASSWORD_RESET_TIMEOUT."""
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        user = get_user_model()._default_manager.get(pk=pk, is_active=True)
    except (ValueError, OverflowError, UnicodeDecodeError, get_user_model().DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None


@public_form
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request, uidb64, token):
    # The link is checked on GET and again on POST, so no session is needed. The token in the
    # address does not leak: Referrer-Policy is same-origin and pages load nothing from elsewhere.
    user = user_from_reset_link(uidb64, token)
    if user is None:
        return render(request, "accounts/password_reset_invalid.html", {"valid_hours": reset_link_hours()},
                      status=410)
    if request.method == "POST":
        form = NewPasswordForm(user, request.POST)
        if form.is_valid():
            form.save()
            # The lockout page promises that a new password ends a lockout of the account.
            reset_login_failures(username=user.get_username())
            if user.email and user.email.lower() != user.get_username():
                reset_login_failures(username=user.email.lower())
            return redirect("accounts:password_reset_complete")
    else:
        form = NewPasswordForm(user)
    return render(request, "accounts/password_reset_confirm.html", {"form": form})


@require_safe
def password_reset_complete(request):
    return render(request, "accounts/password_reset_complete.html")


password_change = auth_views.PasswordChangeView.as_view(
    form_class=ChangePasswordForm, template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html")

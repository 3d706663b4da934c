"""The roles in one place: every view asks these instead of reading user flags itself."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def is_editor(user):
    """A KI editor (staff) or administrator."""
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def is_member(user):
    """A provider member: logged in and belonging to at least one organisation."""
    return bool(user and user.is_authenticated and user.is_active
                and user.memberships.exists())


def editor_required(view):
    """Anonymous → login page; logged in without the staff role → 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def login_required(view):
    """Anonymous → login page. Which objects a person may touch is decided by the
    `editable_by(user)` querysets, which answer 404 for anything else."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped

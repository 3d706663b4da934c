"""Small helpers of the review and history pages."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person(user):
    """A user as editors know them: the name, else the e-mail address."""
    if user is None:
        return _("eine gelöschte Person")
    return user.get_full_name() or user.email or user.get_username()

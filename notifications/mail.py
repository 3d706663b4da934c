"""Every e-mail the system sends goes through send(): German, plain text plus HTML, built
from three templates per message under templates/emails/:

    <name>_subject.txt   one line
    <name>.txt           the plain-text body
    <name>.html          the HTML body (extends emails/base.html)

Absolute links are built with absolute_url(), from settings.SITE_URL.
"""

import functools

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def in_site_language(function):
    """E-mails go to providers and the KI in the site's language (German), with links to the
    German pages, even when a visitor sent the form from /ar/…: the links are reversed
    inside this, too."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapped


def absolute_url(path):
    """SITE_URL + path (path from reverse() or get_absolute_url())."""
    return settings.SITE_URL + path


def render(name, context):
    """(subject, text, html) of one message."""
    context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL,
               "KI_EMAIL": settings.KI_EMAIL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}_subject.txt", context)
        text = render_to_string(f"emails/{name}.txt", context)
        html = render_to_string(f"emails/{name}.html", context)
    subject = settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    return subject, text.strip() + "\n", html


def send(to, name, context, reply_to=None):
    """Send message `name` to one address or a list; empty addresses are dropped. Returns
    the number of messages sent (0 when there is nobody to send to)."""
    recipients = [to] if isinstance(to, str) else list(to)
    recipients = sorted({address.strip() for address in recipients if address and address.strip()})
    if not recipients:
        return 0
    subject, text, html = render(name, context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, recipients,
        reply_to=[reply_to] if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    return message.send()


def organisation_recipients(organisation):
    """Who hears about an organisation's offers: its public address and its members."""
    addresses = [organisation.email]
    addresses += list(
        organisation.memberships.filter(user__is_active=True)
        .exclude(user__email="").values_list("user__email", flat=True)
    )
    return [a for a in addresses if a]

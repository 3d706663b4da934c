"""The e-mails a new report sends: one to the organisation, one to the KI."""

import logging

from django.conf import settings
from django.urls import reverse

from notifications.mail import absolute_url, in_site_language, organisation_recipients, send

logger = logging.getLogger(__name__)


@in_site_language
def send_report_mails(report):
    """Tell the organisation and the KI. Reply-To is the reporter's address, when given, so
    both can ask back directly."""
    offer = report.offer
    context = {"report": report, "offer": offer,
               "offer_url": absolute_url(offer.get_absolute_url())}
    reply_to = report.email or None
    informed = _send(report, organisation_recipients(offer.organisation), "report_organisation",
                     context, reply_to)
    _send(report, settings.KI_EMAIL, "report_ki", {
        **context,
        "organisation_informed": bool(informed),
        "staff_url": absolute_url(reverse("reports:staff_list")) + f"#meldung-{report.pk}",
    }, reply_to)


def _send(report, to, name, context, reply_to):
    """A failing mail server must not lose the report: it is stored and on the KI's list,
    so the failure is logged and the other message still goes out."""
    try:
        return send(to, name, context, reply_to=reply_to)
    except OSError:  # smtplib errors and refused connections
        logger.exception("Could not send e-mail %s of report %s", name, report.pk)
        return 0

"""python manage.py send_reminders [--dry-run] [--today YYYY-MM-DD]

Safe to run from cron every day: each reminder step goes out once per offer and verification
cycle, whatever the number of runs. See freshness/reminders.py for the steps.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search.indexing import sweep_expired

from ... import reminders, rules

Step = reminders.Step


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--today erwartet ein Datum wie 2026-11-30, nicht „%(value)s“.")
                           % {"value": value}) from None


class Command(BaseCommand):
    help = _("Erinnert Anbieter an Angebote, die lange nicht bestätigt wurden, und informiert das KI "
             "über überfällige Angebote. Täglich per cron ausführen.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help=_("Nur anzeigen, was gesendet würde; nichts senden oder speichern."))
        parser.add_argument("--today", type=_date,
                            help=_("So tun, als wäre heute dieser Tag (JJJJ-MM-TT)."))

    def handle(self, *args, dry_run, today, **options):
        today = today or rules.today()
        plan = reminders.make_plan(today)
        if dry_run:
            self.stdout.write(_("Probelauf: nichts wird gesendet oder gespeichert."))
            counts = self._describe(plan)
        else:
            # The search loses offers that stopped being visible even if nobody searches.
            # Always as of the real day: --today must not empty the live search early.
            swept = sweep_expired(rules.today())
            if swept:
                self.stdout.write(ngettext("%(n)d Angebot hat die Suche verlassen.",
                                           "%(n)d Angebote haben die Suche verlassen.", swept)
                                  % {"n": swept})
            counts = reminders.execute(plan)
        for step in Step:
            offers, messages = counts.offers[step], counts.messages[step]
            offers_text = ngettext("%(n)d Angebot", "%(n)d Angebote", offers) % {"n": offers}
            messages_text = ngettext("%(n)d E-Mail", "%(n)d E-Mails", messages) % {"n": messages}
            self.stdout.write(f"{step.label}: {offers_text}, {messages_text}")

    def _describe(self, plan):
        """Print what would be sent; returns the Counts a real run would have."""
        counts = reminders.Counts()
        for step, by_organisation in plan.by_step():
            for organisation, (to, items) in by_organisation.items():
                self.stdout.write(f"{step.label} → {organisation.name} ({', '.join(to)}):")
                for item in items:
                    self._item(item)
                counts.offers[step] += len(items)
                counts.messages[step] += len(to)
        if plan.ki:
            self.stdout.write(f"{Step.KI_NOTICE.label} → {settings.KI_EMAIL}:")
            for item in plan.ki:
                self._item(item, organisation=True)
            counts.offers[Step.KI_NOTICE] = len(plan.ki)
            counts.messages[Step.KI_NOTICE] = 1
        return counts

    def _item(self, item, organisation=False):
        line = f"  #{item.offer.pk} {item.offer.title} ({date_format(item.cycle, 'SHORT_DATE_FORMAT')})"
        if organisation:
            line += f" – {item.offer.organisation.name}"
        if item.no_address:
            line += " – " + _("keine E-Mail-Adresse")
        self.stdout.write(line)

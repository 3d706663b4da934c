"""python manage.py export_offers FILE [--format csv|xlsx] [--german-headers] [--all]"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exchange.export import FORMATS, export_offers


class Command(BaseCommand):
    help = _("Exportiert Angebote als CSV oder XLSX im Importformat (siehe exchange/README.md).")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS,
                            help=_("csv oder xlsx; sonst nach der Dateiendung"))
        parser.add_argument("--german-headers", action="store_true",
                            help=_("Deutsche Spaltennamen (Titel, Träger, …) schreiben."))
        parser.add_argument("--all", action="store_true",
                            help=_("Alle Angebote statt nur der veröffentlichten."))
        parser.add_argument("--delimiter", choices=[";", ","], default=";",
                            help=_("Trennzeichen der CSV-Datei (Standard: Semikolon)"))

    def handle(self, *args, file, format, german_headers, all, delimiter, **options):
        started = time.perf_counter()
        try:
            count = export_offers(file, fmt=format, german_headers=german_headers, include_all=all,
                                  delimiter=delimiter)
        except OSError as error:
            raise CommandError(_("Die Datei „%(file)s“ lässt sich nicht schreiben: %(reason)s")
                               % {"file": file, "reason": error.strerror}) from None
        self.stdout.write(_("%(n)d Angebote nach %(file)s exportiert (%(seconds).1f s).") % {
            "n": count, "file": file, "seconds": time.perf_counter() - started})

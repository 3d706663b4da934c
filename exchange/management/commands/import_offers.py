"""python manage.py import_offers FILE [--skip-invalid] [--dry-run]"""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exchange.importer import run_import, summary_lines


class Command(BaseCommand):
    help = _("Importiert Angebote aus einer CSV- oder XLSX-Datei (siehe exchange/README.md).")

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("CSV- (UTF-8, Komma oder Semikolon) oder XLSX-Datei"))
        parser.add_argument("--skip-invalid", action="store_true",
                            help=_("Gültige Zeilen importieren, fehlerhafte nur melden."))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("Alles prüfen, aber nichts speichern."))
        parser.add_argument("--chunk-size", type=int, default=2000, help="rows per write batch")

    def handle(self, *args, file, skip_invalid, dry_run, chunk_size, **options):
        try:
            with open(file, "rb") as stream:
                result = run_import(stream, file, dry_run=dry_run, skip_invalid=skip_invalid,
                                    chunk_size=max(1, chunk_size),
                                    actor=f"Import {os.path.basename(file)}")
        except OSError as error:
            raise CommandError(_("Die Datei „%(file)s“ lässt sich nicht öffnen: %(reason)s")
                               % {"file": file, "reason": error.strerror}) from None
        for message in result.messages():
            self.stderr.write(message)
        for warning in result.warnings:
            self.stdout.write(_("Hinweis: %(warning)s") % {"warning": warning})
        for line in summary_lines(result):
            self.stdout.write(line)
        if result.file_error or result.header_errors:
            raise CommandError(_("Die Datei wurde nicht importiert."))
        if result.errors and not skip_invalid:
            raise CommandError(
                _("%(n)d fehlerhafte Zeilen; nichts wurde importiert. Mit --skip-invalid werden die "
                  "gültigen Zeilen importiert.") % {"n": result.invalid_rows})

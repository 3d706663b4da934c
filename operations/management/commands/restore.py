"""python manage.py restore FILE: replace the whole database by a backup of `backup`."""

from django.core.management.base import BaseCommand, CommandError

from operations import dbfile


class Command(BaseCommand):
    help = ("Ersetzt die ganze Datenbank durch eine Sicherung von „manage.py backup“. "
            "Fragt vorher nach, außer mit --noinput oder --force.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Die Sicherungsdatei.")
        parser.add_argument("--database", default="default")
        parser.add_argument("--noinput", "--no-input", "--force", action="store_false",
                            dest="interactive", help="Nicht nachfragen (für Skripte).")

    def handle(self, *args, file, database, interactive, **options):
        try:
            dbfile.check_file(file, alias=database)
        except dbfile.BackupError as error:
            raise CommandError(str(error)) from error
        if interactive:
            answer = input(f"This replaces ALL data of the {dbfile.vendor(database)} database by "
                           f"the backup {file}. Type 'yes' to continue: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            result = dbfile.restore(file, alias=database)
        except dbfile.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Database restored from {file} ({result['seconds']:.1f} s).")

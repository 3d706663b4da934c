"""python manage.py backup FILE: a consistent copy of the whole database, taken online."""

from django.core.management.base import BaseCommand, CommandError

from operations import dbfile


class Command(BaseCommand):
    help = ("Sichert die ganze Datenbank in eine Datei (SQLite: Online-Sicherung, auch während "
            "die Website schreibt; PostgreSQL: pg_dump im Custom-Format).")

    def add_arguments(self, parser):
        parser.add_argument("file", help="Zieldatei der Sicherung (wird überschrieben).")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        try:
            result = dbfile.backup(file, alias=database)
        except dbfile.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup of the {dbfile.vendor(database)} database written to {file} "
                          f"({result['bytes']} bytes, {result['seconds']:.1f} s).")

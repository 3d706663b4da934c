"""python manage.py run_import_jobs — run the staff page's import jobs left waiting.

The page runs each job in a background thread of the web process. If that process stops
(restart, deployment) a job may be left waiting, or "running" without a runner: this command
runs the waiting ones and starts those without a sign of life for two minutes again as a new
check (staff then confirm the fresh preview). Harmless when nothing waits; fine from cron.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from exchange.jobs import run_waiting


class Command(BaseCommand):
    help = _("Führt wartende Importe der Import-Seite aus (z. B. nach einem Neustart).")

    def handle(self, *args, **options):
        count = 0
        for job in run_waiting():
            count += 1
            self.stdout.write(_("Import %(id)d (%(name)s): %(status)s, %(rows)s Zeilen.") % {
                "id": job.pk, "name": job.filename, "status": job.get_status_display(),
                "rows": job.rows_done})
        if not count:
            self.stdout.write(_("Keine wartenden Importe."))

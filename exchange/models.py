"""Import jobs of the staff upload page: the uploaded file, how far its check or import is, and
what they found (exchange/jobs.py runs them, exchange/views.py shows them)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One uploaded file on its way: checked (preview), then, once confirmed, imported.

    While a phase runs, its progress is written to a small file (exchange/progress.py), not to
    this row: the import holds one long transaction, and on SQLite a second writer would wait
    for it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wartet")
        RUNNING = "running", _("läuft")
        CHECKED = "checked", _("geprüft")
        DONE = "done", _("importiert")
        FAILED = "failed", _("nicht importiert")

    class Phase(models.TextChoices):
        CHECK = "check", _("Prüfung")
        IMPORT = "import", _("Import")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("hochgeladen von"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    actor = models.CharField(_("Person (für den Verlauf)"), max_length=200)
    language = models.CharField(_("Sprache der Meldungen"), max_length=10, default="de")
    filename = models.CharField(_("Dateiname"), max_length=255)
    size = models.PositiveIntegerField(_("Größe (Bytes)"), default=0)
    # The file itself, until it is imported or discarded. In the database, not on disk: every
    # web worker and `run_import_jobs` can read it, and deleting the job deletes it.
    data = models.BinaryField(_("Datei"), default=b"")
    status = models.CharField(_("Status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    phase = models.CharField(_("Schritt"), max_length=10, choices=Phase.choices, default=Phase.CHECK)
    skip_invalid = models.BooleanField(_("fehlerhafte Zeilen überspringen"), default=False)
    # Each claim of the job counts up: a runner that was given up as dead (and replaced) may
    # not write its late results over those of its successor.
    attempt = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(_("Zeilen"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("Zeilen erledigt"), default=0)
    # The check's findings: counts, summary lines, file-level errors (the rows are ImportRows)
    preview = models.JSONField(_("Vorschau"), default=dict, blank=True)
    # The import's findings, in the same shape
    result = models.JSONField(_("Ergebnis"), default=dict, blank=True)
    error = models.TextField(_("Fehler"), blank=True)  # a crash of the runner, for staff
    created_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)
    started_at = models.DateTimeField(_("Schritt begonnen am"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("letztes Lebenszeichen"), null=True, blank=True)
    checked_at = models.DateTimeField(_("geprüft am"), null=True, blank=True)
    imported_at = models.DateTimeField(_("importiert am"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Import")
        verbose_name_plural = _("Importe")
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self):
        return self.filename


class ImportRow(models.Model):
    """What the check (or, after it, the import) did with one row of the file."""

    class Action(models.TextChoices):
        CREATED = "created", _("neu")
        UPDATED = "updated", _("geändert")
        UNCHANGED = "unchanged", _("unverändert")
        ERROR = "error", _("Fehler")

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    line = models.PositiveIntegerField(_("Zeile"))
    external_id = models.CharField(_("Kennung"), max_length=100, blank=True)
    title = models.CharField(_("Titel"), max_length=200, blank=True)
    action = models.CharField(_("Ergebnis"), max_length=10, choices=Action.choices)
    offer_id = models.BigIntegerField(null=True, blank=True)  # after the import: the offer
    changed = models.JSONField(default=list, blank=True)  # field keys an update changes
    errors = models.JSONField(default=list, blank=True)  # [[column as written, message], …]
    warnings = models.JSONField(default=list, blank=True)  # [[column, message], …]

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["job", "action", "line"]), models.Index(fields=["job", "line"])]

    def __str__(self):
        return f"{self.line}: {self.action}"

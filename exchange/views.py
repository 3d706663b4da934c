"""The KI editors' import page: upload a file, watch it being checked, read the preview of
every row, confirm, watch the import, read the result. The work runs in exchange/jobs.py."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import OperationalError
from django.db.models import Count
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.roles import editor_required
from offers.results import page_links

from . import columns as cols
from . import jobs, progress, samples
from .forms import MAX_UPLOAD_MB, ConfirmForm, UploadForm
from .models import ImportJob, ImportRow

ROWS_PER_PAGE = 100
ERRORS_SHOWN = 50  # at the top of the preview; all of them behind the filter "Fehler"
RECENT_JOBS = 20
Status, Phase, Action = ImportJob.Status, ImportJob.Phase, ImportRow.Action
# ?nur=… on the preview and result pages
FILTERS = {"fehler": Action.ERROR, "neu": Action.CREATED, "geaendert": Action.UPDATED,
           "unveraendert": Action.UNCHANGED}


def _jobs():
    return ImportJob.objects.defer("data")


def _busy(error):
    """SQLite: another job's check or import holds the write lock longer than the busy timeout
    (20 s). Said as a message instead of an error page; nothing has been changed."""
    if "locked" not in str(error).lower():
        raise error
    return _("Gerade läuft ein anderer Import, die Datenbank ist belegt. Nichts wurde geändert; "
             "bitte versuchen Sie es in einer Minute noch einmal.")


def _number(value):
    return number_format(value or 0, force_grouping=True)


# --- upload --------------------------------------------------------------------------------------


@editor_required
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    """The upload form and the recent imports."""
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        try:
            job = jobs.create(request.user, form.filename, form.data, get_language())
        except OperationalError as error:
            form.add_error("file", _busy(error))
        else:
            return jobs.launch(job.pk, redirect("exchange:job", pk=job.pk))
    recent = list(_jobs().defer("preview", "result").select_related("created_by")[:RECENT_JOBS])
    return render(request, "exchange/import_start.html", {
        "form": form, "recent": [(job, jobs.state(job)) for job in recent],
        "max_mb": MAX_UPLOAD_MB, "columns": cols.COLUMNS, "required": cols.REQUIRED,
    }, status=400 if form.is_bound else 200)


@editor_required
@require_safe
def template_csv(request):
    return _download(samples.template_csv(), "text/csv; charset=utf-8", "vorlage.csv")


@editor_required
@require_safe
def template_xlsx(request):
    return _download(samples.template_xlsx(),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "vorlage.xlsx")


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- one job: progress, preview, result -----------------------------------------------------------


@editor_required
@require_safe
def job(request, pk):
    job = get_object_or_404(_jobs(), pk=pk)
    state = jobs.state(job)
    if state.active or state.stale:
        return render(request, "exchange/import_progress.html", _progress_context(job, state))
    if job.status == Status.CHECKED:
        return _preview(request, job, ConfirmForm(invalid_rows=job.preview.get("invalid", 0)))
    return render(request, "exchange/import_result.html", {
        "job": job, "findings": job.result if job.phase == Phase.IMPORT else job.preview,
        **_rows_context(request, job),
    })


@editor_required
@require_safe
def job_status(request, pk):
    """A small JSON status for import-progress.js (polled once a second)."""
    job = _jobs().defer("preview", "result").filter(pk=pk).first()
    if job is None:
        return JsonResponse({"error": {"code": "not_found", "message": _("Diesen Import gibt es nicht."),
                                       "parameter": "pk"}}, status=404)
    state = jobs.state(job)
    return JsonResponse({
        "status": job.status, "phase": job.phase, "rows_done": state.rows_done,
        "rows_total": state.rows_total, "percent": state.percent, "stale": state.stale,
        "finished": not state.active, "message": _progress_message(job, state),
        "url": reverse("exchange:job", kwargs={"pk": job.pk}),
    }, headers={"Cache-Control": "no-store"})


def _progress_message(job, state):
    if state.stale:
        return _("Abgebrochen – bitte erneut starten.")
    if state.behind_another:
        return _("Wartet, bis ein anderer Import fertig ist …")
    if job.status == Status.QUEUED:
        return _("Wartet auf den Start …")
    if not state.active:
        return _("Fertig.")
    if state.rows_total is None:
        return _("Die Datei wird gelesen …")
    numbers = {"done": _number(state.rows_done), "total": _number(state.rows_total)}
    if job.phase == Phase.IMPORT:
        return _("%(done)s von %(total)s Zeilen importiert") % numbers
    return _("%(done)s von %(total)s Zeilen geprüft") % numbers


def _progress_context(job, state):
    return {"job": job, "state": state, "message": _progress_message(job, state)}


def _preview(request, job, form, status=200):
    findings = job.preview
    errors = list(job.rows.filter(action=Action.ERROR).order_by("line")
                  .values_list("line", "errors")[:ERRORS_SHOWN])
    return render(request, "exchange/import_preview.html", {
        "job": job, "findings": findings, "form": form,
        "top_errors": [(line, column, message) for line, problems in errors for column, message in problems],
        "importable": findings.get("created", 0) + findings.get("updated", 0) > 0,
        **_rows_context(request, job),
    }, status=status)


def _rows_context(request, job):
    """Every row of the file, 100 to a page, optionally only one kind (?nur=fehler)."""
    shown = request.GET.get("nur", "")
    if shown not in FILTERS:
        shown = ""
    counts = dict(job.rows.values_list("action").annotate(n=Count("id")).order_by())
    rows = job.rows.order_by("line")
    if shown:
        rows = rows.filter(action=FILTERS[shown])
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    base = reverse("exchange:job", kwargs={"pk": job.pk})

    def page_url(number):
        query = [("nur", shown)] if shown else []
        query += [("page", number)] if number > 1 else []
        return base + ("?" + urlencode(query) if query else "") + "#zeilen"

    filters = [{"key": "", "label": _("Alle"), "count": sum(counts.values())}]
    labels = {"fehler": _("Fehler"), "neu": _("neu"), "geaendert": _("geändert"),
              "unveraendert": _("unverändert")}
    for key, action in FILTERS.items():
        filters.append({"key": key, "label": labels[key], "count": counts.get(action, 0)})
    for entry in filters:
        entry["url"] = base + ("?" + urlencode({"nur": entry["key"]}) if entry["key"] else "") + "#zeilen"
        entry["current"] = entry["key"] == shown
    return {
        "page": page, "rows": [_row(row) for row in page.object_list], "filters": filters,
        "shown": shown, "error_count": counts.get(Action.ERROR, 0),
        "pagination": page_links(page.number, page.paginator.num_pages, page_url),
    }


FIELD_LABELS = {
    "title": "title", "summary": "summary", "description": "description", "website": "website",
    "last_verified": "last_verified", "cost": "cost", "is_free": "free", "organisation": "organisation",
    "cities": "city", "topics": "topics", "target_groups": "target_groups", "languages": "languages",
    "place": "street", "contacts": "contact_name",
}


def _row(row):
    """A row as the table shows it; changed fields named by the German column headers."""
    changed = [cols.header_for(FIELD_LABELS[name], german=True) if name in FIELD_LABELS else name
               for name in row.changed]
    return {"row": row, "changed": list(dict.fromkeys(changed))}


# --- actions -----------------------------------------------------------------------------------


@editor_required
@require_POST
def job_confirm(request, pk):
    """"Import bestätigen": queue the import of a checked job and start it."""
    job = get_object_or_404(_jobs(), pk=pk)
    if job.status != Status.CHECKED:
        messages.info(request, _("Dieser Import wartet auf keine Bestätigung."))
        return redirect("exchange:job", pk=job.pk)
    form = ConfirmForm(request.POST, invalid_rows=job.preview.get("invalid", 0))
    if not form.is_valid():
        return _preview(request, job, form, status=400)
    if not job.preview.get("created", 0) + job.preview.get("updated", 0):
        messages.info(request, _("Die Datei ändert nichts; es gibt nichts zu importieren."))
        return redirect("exchange:job", pk=job.pk)
    actor = jobs.actor_for(request.user, job.filename)
    return _queue_and_launch(
        request, job,
        lambda: jobs.queue(job, Phase.IMPORT, skip_invalid=form.cleaned_data["skip_invalid"],
                           actor=actor, language=get_language()),
        _("Der Import wurde inzwischen geändert; bitte prüfen Sie ihn erneut."),
    )


@editor_required
@require_POST
def job_restart(request, pk):
    """Start a job again whose runner stopped, or whose import failed: as a new check."""
    job = get_object_or_404(_jobs(), pk=pk)
    state = jobs.state(job)
    # A failed job still has its file (only a finished import lets go of it).
    return _queue_and_launch(
        request, job,
        lambda: (state.stale or job.status == Status.FAILED) and jobs.queue(job, Phase.CHECK),
        _("Dieser Import muss nicht neu gestartet werden."),
    )


def _queue_and_launch(request, job, queue, not_queued_message):
    """Queue the job with queue() and start it. Where the database is busy, or queue() queues
    nothing (then `not_queued_message` says why), back to the job's page with the message."""
    try:
        queued = queue()
    except OperationalError as error:
        messages.error(request, _busy(error))
        return redirect("exchange:job", pk=job.pk)
    if not queued:
        messages.info(request, not_queued_message)
        return redirect("exchange:job", pk=job.pk)
    return jobs.launch(job.pk, redirect("exchange:job", pk=job.pk))


@editor_required
@require_POST
def job_discard(request, pk):
    """"Verwerfen": delete the job with its file and its rows (not while it imports)."""
    job = get_object_or_404(_jobs(), pk=pk)
    state = jobs.state(job)
    if job.phase == Phase.IMPORT and state.active:
        messages.error(request, _("Ein laufender Import lässt sich nicht verwerfen."))
        return redirect("exchange:job", pk=job.pk)
    try:
        ImportJob.objects.filter(pk=job.pk).delete()
    except OperationalError as error:
        messages.error(request, _busy(error))
        return redirect("exchange:job", pk=job.pk)
    progress.clear(job.pk)
    messages.success(request, _("Der Import „%(name)s“ ist verworfen.") % {"name": job.filename})
    return redirect("exchange:start")

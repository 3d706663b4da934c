"""The forms of the staff import page: the upload and the confirmation."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .reader import FileFormatError, open_table
from .validate import HeaderCheck

MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
SUFFIXES = (".csv", ".xlsx")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Datei (CSV oder XLSX)"),
        help_text=_("Höchstens %(size)d MB, im Importformat (siehe Vorlage). Nach dem Hochladen "
                    "wird die Datei geprüft; gespeichert wird erst, wenn Sie bestätigen.")
        % {"size": MAX_UPLOAD_MB},
        widget=forms.FileInput(attrs={"accept": ",".join(SUFFIXES)}),
    )

    def clean_file(self):
        """Refuse what cannot be imported at all before anything is stored: too large, not
        CSV or XLSX, unreadable, or columns the import does not know."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("Die Datei ist %(size).1f MB groß; erlaubt sind höchstens %(max)d MB. Teilen Sie "
                  "sie bitte auf.") % {"size": upload.size / 1024 / 1024, "max": MAX_UPLOAD_MB},
                code="too_large")
        name = Path(upload.name or "").name
        if Path(name).suffix.lower() not in SUFFIXES:
            raise ValidationError(
                _("„%(name)s“ ist weder eine CSV- noch eine XLSX-Datei. Bitte laden Sie eine Datei "
                  "mit der Endung .csv oder .xlsx hoch.") % {"name": name}, code="suffix")
        data = upload.read()
        try:
            table = open_table(data, name)
        except FileFormatError as error:
            raise ValidationError(str(error), code="unreadable") from None
        try:
            check = HeaderCheck(table.headers)
        finally:
            table.close()
        if check.errors:
            raise ValidationError([str(message) for message in check.errors], code="columns")
        self.filename, self.data = name, data
        return upload


class ConfirmForm(forms.Form):
    """"Import bestätigen": with invalid rows only when staff agree to skip them."""

    skip_invalid = forms.BooleanField(
        label=_("Fehlerhafte Zeilen überspringen"), required=False,
        help_text=_("Die fehlerfreien Zeilen werden importiert, die fehlerhaften nicht."))

    def __init__(self, *args, invalid_rows=0, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.invalid_rows = invalid_rows

    def clean_skip_invalid(self):
        skip = self.cleaned_data["skip_invalid"]
        if self.invalid_rows and not skip:
            raise ValidationError(
                _("Die Datei hat fehlerhafte Zeilen. Korrigieren Sie sie und laden Sie die Datei neu "
                  "hoch, oder kreuzen Sie an, dass sie übersprungen werden."), code="errors")
        return skip

"""Printing a document from a record (a decision, a letter, a proposal, a sheet): the date,
a draft or the issue with the register's number, PDF or Word; what was already issued from
the record is listed, and printed again it keeps its number. The record's facts are read and
the file written off the UI thread; a fact the record lacks is said next to the form."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from models.accounts import ISSUE_DOCUMENTS, may
from models.core import clock
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.documents import Paper, act_day, documents_from, write_draft
from reports.papers import print_paper
from ui.tasks import Task, run_task
from ui.widgets.buttons import vietnamese_buttons
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_errors import ErrorLabel
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.save_path import ask_save_path

FORMATS = {".pdf": "PDF để in (*.pdf)", ".docx": "Word để sửa (*.docx)"}
SheetWriter = Callable[[Path, date], object]


class PaperDialog(QDialog):
    """`make_paper()` builds the numbered document's facts (in the task); for a sheet or list
    that takes no number, `write_sheet(target, on)` writes it instead."""

    printed = Signal()  # a file was written (an issued letter's number is now on its record)

    def __init__(self, title: str, file_stem: str, parent=None, make_paper: Callable[[], Paper] | None = None,
                 write_sheet: SheetWriter | None = None, source: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.file_stem, self.make_paper, self.write_sheet = file_stem, make_paper, write_sheet
        self.written: Path | None = None
        form = QFormLayout()
        self.on = DateEdit("Ngày ban hành", "on")
        self.on.set_date(clock.today())
        form.addRow("Ngày ban hành", self.on)
        self.recorded_note = QLabel()
        self.recorded_note.hide()
        form.addRow("", self.recorded_note)
        self.draft = QRadioButton("Bản dự thảo (để trống số)")
        self.issue = QRadioButton("Ban hành: lấy số trong sổ văn bản đi")
        group = QButtonGroup(self)
        for button in (self.draft, self.issue):
            group.addButton(button)
        self.draft.setChecked(True)
        self.issue.setEnabled(make_paper is not None and may(ISSUE_DOCUMENTS))
        if make_paper is not None:
            form.addRow("In", self.draft)
            form.addRow("", self.issue)
        self.format = QComboBox()
        for suffix, label in FORMATS.items():
            self.format.addItem(label, suffix)
        form.addRow("Dạng tệp", self.format)
        self.issued = QLabel(self._issued_text(source))
        self.issued.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.hide()
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                      | QDialogButtonBox.StandardButton.Close))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("In ra tệp…")
        buttons.accepted.connect(self.print_to_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.issued)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._take_recorded_day(source)

    def _take_recorded_day(self, source: str) -> None:
        """A decision whose record gives the day it was signed is dated that day: shown, not
        chosen (the record is where it is corrected)."""
        try:
            recorded = act_day(source) if source and self.make_paper is not None else None
        except ValidationError as error:  # records of one decision giving two days: said now
            self.say(error)
            return
        if recorded is not None:
            self.on.set_date(recorded)
            self.on.setReadOnly(True)
            self.recorded_note.setText("Ngày quyết định ghi trên hồ sơ (sửa trên hồ sơ nếu khác).")
            self.recorded_note.show()

    @staticmethod
    def _issued_text(source: str) -> str:
        done = documents_from([source]) if source else []
        if not done:
            return ""
        lines = [f"Đã ban hành số {number:02d}-{code} ngày {fmt_date(on)}" + (f" — {file}" if file else "")
                 for number, code, on, _title, file in done]
        return "\n".join(lines) + "\nIn lại giữ số và ngày đã ban hành."

    def say(self, error: ValidationError) -> None:
        self.error.setText(error.message)
        self.error.show()

    def print_to_file(self, path: Path | None = None) -> Task | None:
        self.error.hide()
        try:
            on = self.on.date() or clock.today()
        except ValidationError as error:
            self.say(error)
            return None
        suffix = self.format.currentData()
        issue = self.issue.isChecked()
        if path is None:
            name = f"{self.file_stem}{'' if issue or self.write_sheet else '-du-thao'}{suffix}"
            path = ask_save_path(self, self.windowTitle(), name, FORMATS[suffix])
            if path is None:
                return None
        make_paper, write_sheet = self.make_paper, self.write_sheet

        def work(_progress):
            if write_sheet is not None:
                write_draft(path, lambda target, _n: write_sheet(target, on))
                return None
            return print_paper(path, make_paper(), on, issue)

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                self.say(error)  # a fact the record lacks: said here, next to the form
            else:
                task.tell(error)

        task = run_task(self, work, lambda result: self._printed(path, result), on_error=failed,
                        label="Đang ghi văn bản…")
        return task

    def _printed(self, path: Path, result) -> None:
        self.written = path
        number = result[0] if result else None
        self.issued.setText(f"Đã ghi {path}" + (f", số {number:02d}." if number else "."))
        self.printed.emit()
        if path.suffix.lower() == ".pdf":
            PdfPreviewDialog(path, self).exec()

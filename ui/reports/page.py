"""The reports page: open the year-end or half-year report's draft, write the narrative
sections, recompute the figures, save, and print to PDF (as a draft, or issued with its number
from the register); the register of outgoing documents beside it."""

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.accounts import CHANGE_SETTINGS, ISSUE_DOCUMENTS, WRITE_RECORDS, draft_slot, may, whole_bloc
from models.core import clock
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.documents import (
    TYPE_CODES,
    issued_already,
    register_rows,
    save_draft,
    set_term_start,
    term_start,
)
from reports.conference import (
    check_signed_after_count,
    draft_counted_to,
    draft_for,
    figures_advice,
    issue_warning,
    last_year_texts,
    print_report,
    report_period,
    unwritten_advice,
)
from reports.figures import period_figures
from reports.letterhead import letterhead_warnings
from reports.outline import KINDS, Draft, regenerate, report_file_name, to_records
from ui.page import BLOC_ONLY, Page
from ui.reports.templates_tab import TemplatesTab
from ui.tasks import Task, run_task
from ui.widgets.buttons import confirm, inform
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_drafts import DraftKeeper, retire
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.save_path import ask_save_path
from ui.widgets.table_view import column_widths, list_view


class RegisterTableModel(RowsTableModel):
    headers = ["Số", "Loại", "Ngày", "Trích yếu", "Tệp đã ghi"]

    def cells(self, row) -> list[str]:
        number, code, issued_on, title, file_path = row
        return [f"{number:02d}-{code}", TYPE_CODES.get(code, code), fmt_date(issued_on), title, file_path]


class ReportsPage(Page):
    title = "Báo cáo"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.draft: Draft | None = None
        self.keeper: DraftKeeper | None = None  # the open draft's typing, kept against a power cut
        self.editors: dict[str, QPlainTextEdit] = {}
        self.last_year: dict[str, str] = {}  # the clerk's sections of last year's draft
        self.offers: dict[str, QPushButton] = {}
        self.kind = QComboBox()
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year - (1 if clock.today().month < 7 else 0))
        self.year.setPrefix("Năm ")
        open_button = QPushButton("Mở dự thảo")
        open_button.clicked.connect(self.open_draft)
        self.issued_on = DateEdit("Ngày ban hành", "issued_on")
        self.issued_on.set_date(clock.today())
        self.org_table = QCheckBox("Phụ lục kèm bảng xếp loại từng tổ chức cơ sở đảng")
        bar = FlowLayout()
        for widget in (self.kind, self.year, open_button, QLabel("Ngày ký"), self.issued_on, self.org_table):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.editor_area = QScrollArea()
        self.editor_area.setWidgetResizable(True)
        hint = QLabel("Chọn loại báo cáo và năm, rồi bấm “Mở dự thảo”: chương trình lập sẵn các đoạn số liệu "
                      "từ hồ sơ; các phần nhận định để trống cho Văn phòng viết.")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_area.setWidget(hint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton("Lưu dự thảo (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        recompute = QPushButton("Tính lại số liệu")
        recompute.clicked.connect(self.recompute)
        draft_pdf = QPushButton("In bản dự thảo ra PDF…")
        draft_pdf.clicked.connect(lambda: self.export(issue=False))
        self.issue_button = QPushButton("Lấy số văn bản và in ra PDF…")
        self.issue_button.clicked.connect(lambda: self.export(issue=True))
        word = QPushButton("Xuất Word…")
        word.setToolTip("Bản Word (.docx) để sửa trước khi ký; bản PDF vẫn là bản in")
        word.clicked.connect(lambda: self.export(issue=False, word=True))
        actions = FlowLayout()
        for button in (self.save_button, recompute, draft_pdf, self.issue_button, word):
            actions.addWidget(button)
        actions.addStretch(1)
        self.save_button.setEnabled(may(WRITE_RECORDS))
        self.issue_button.setEnabled(may(ISSUE_DOCUMENTS))
        if not whole_bloc():  # the bloc's report counts the whole bloc: not for a limited account
            for button in (self.save_button, draft_pdf, self.issue_button, word):
                button.setEnabled(False)
                button.setToolTip(BLOC_ONLY)
            self.status.setText(BLOC_ONLY)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        editor_tab = QWidget()
        editor_layout = QVBoxLayout(editor_tab)
        editor_layout.addLayout(bar)
        editor_layout.addWidget(self.editor_area, 1)
        editor_layout.addLayout(actions)
        editor_layout.addWidget(self.status)
        self.register = RegisterTableModel(self)
        register_view = list_view(self.register)
        column_widths(register_view, (80, 110, 100, 420))
        register_tab = QWidget()
        register_layout = QVBoxLayout(register_tab)
        self.term_start = DateEdit("Ngày bắt đầu nhiệm kỳ", "term_start")
        self.term_start.set_date(term_start())
        save_term = QPushButton("Lưu")
        save_term.clicked.connect(self.save_term_start)
        save_term.setEnabled(may(CHANGE_SETTINGS))
        term_bar = FlowLayout()
        for widget in (QLabel("Số văn bản đánh từ 01 theo từng loại, tính từ ngày bắt đầu nhiệm kỳ:"),
                       self.term_start, save_term):
            term_bar.addWidget(widget)
        term_bar.addStretch(1)
        register_layout.addLayout(term_bar)
        register_layout.addWidget(register_view)
        tabs = QTabWidget()
        tabs.addTab(editor_tab, "Dự thảo báo cáo")
        tabs.addTab(register_tab, "Sổ văn bản đi")
        self.templates = TemplatesTab()
        tabs.addTab(self.templates, "Mẫu văn bản")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.register.set_rows(register_rows())

    # --- the draft -------------------------------------------------------------------
    def _period(self) -> tuple[date, date]:
        return report_period(self.kind.currentData(), self.year.value())

    def has_unsaved_changes(self) -> bool:
        return (self.draft is not None and self.current_draft() != self.draft) or \
            self.templates.has_unsaved_changes()

    def discard_changes(self) -> None:
        """The clerk chose to drop the edits (the data were replaced from a backup)."""
        self._stop_keeping()
        self.draft = None
        self.templates.reload()

    def open_draft(self) -> Task | None:
        if self.has_unsaved_changes() and not confirm(
            self, "Chưa lưu", "Dự thảo đang sửa chưa được lưu. Mở dự thảo khác và bỏ những thay đổi này?",
            yes="Bỏ thay đổi",
        ):
            return None
        kind, year = self.kind.currentData(), self.year.value()

        def opened(_progress) -> tuple[Draft, dict[str, str], str | None]:
            figures = period_figures(*report_period(kind, year))
            return draft_for(kind, year, figures), last_year_texts(kind, year), figures_advice(figures)

        return run_task(self, opened, self._draft_opened, label="Đang lập dự thảo từ số liệu…")

    def _draft_opened(self, opened: tuple[Draft, dict[str, str], str | None]) -> None:
        self._stop_keeping()  # the draft shown before was saved, or its changes dropped on asking
        self.draft, self.last_year, advice = opened
        self._show_draft()
        self._keep_typing()
        bare = unwritten_advice(self.draft, "Viết vào ô dưới mỗi tiêu đề đó rồi bấm Lưu dự thảo.")
        notes = "".join(f"\n{note}" for note in (advice, bare) if note)
        self.status.setText("Các đoạn có nền vàng được viết từ số liệu; các mục còn lại để trống cho "
                            f"Văn phòng viết. Sửa xong bấm Lưu dự thảo.{notes}")

    def _show_draft(self) -> None:
        holder = QWidget()
        form = QVBoxLayout(holder)
        self.editors, self.offers = {}, {}
        for section in self.draft.sections:
            if section.heading:
                label = QLabel(f"<b>{section.heading}</b>")
                label.setAlignment(Qt.AlignmentFlag.AlignCenter if section.level == 0
                                   else Qt.AlignmentFlag.AlignLeft)
                form.addWidget(label)
            if section.level == 0:
                continue
            editor = QPlainTextEdit(section.text)
            editor.setMinimumHeight(90 if section.computed else 70)
            if section.computed:
                editor.setStyleSheet("background: #fff8dc;")
                editor.setToolTip("Viết từ số liệu; sửa được. “Tính lại số liệu” sẽ viết lại đoạn này.")
            else:
                editor.setPlaceholderText("Văn phòng viết nội dung mục này…")
            self.editors[section.key] = editor
            form.addWidget(editor)
            if not section.computed and section.key in self.last_year:
                form.addWidget(self._offer(section.key, editor))
        form.addStretch(1)
        self.editor_area.setWidget(holder)

    def _offer(self, key: str, editor: QPlainTextEdit) -> QPushButton:
        """Under an empty section: start it from the same section of last year's draft. Shown
        while the section is empty; the text comes in only on the clerk's click."""
        earlier = self.draft.year - 1
        offer = QPushButton(f"Bắt đầu từ mục này của dự thảo năm {earlier}")
        offer.setFlat(True)
        offer.setStyleSheet("text-align: left; color: #1a4f8b;")
        preview = self.last_year[key]
        offer.setToolTip(preview if len(preview) <= 400 else preview[:400] + "…")
        offer.clicked.connect(lambda: self.start_from_last_year(key))
        offer.setVisible(not editor.toPlainText().strip())
        editor.textChanged.connect(lambda: offer.setVisible(not editor.toPlainText().strip()))
        self.offers[key] = offer
        return offer

    def start_from_last_year(self, key: str) -> None:
        editor = self.editors[key]
        editor.setPlainText(self.last_year[key])
        editor.setFocus()
        self.status.setText(f"Đã lấy mục này từ dự thảo năm {self.draft.year - 1}: sửa lại cho năm nay "
                            "(năm, số liệu, nhận định) rồi lưu dự thảo.")

    def _keep_typing(self) -> None:
        """The sections typed since the last save, kept every few seconds (form_drafts.py): an
        office writes its report's assessments here over days, and a power cut took them."""
        kind, year = self.draft.kind, self.draft.year

        def put(values: dict) -> None:
            for key, text in values.items():
                if key in self.editors and isinstance(text, str):
                    self.editors[key].setPlainText(text)
        self.keeper = DraftKeeper(
            self, draft_slot(f"{__name__}.ReportsPage:{kind}:{year}", {}),
            lambda: {key: editor.toPlainText() for key, editor in self.editors.items()}, put,
            lambda: self.draft is not None and self.current_draft() != self.draft,
            lambda: f"Dự thảo {KINDS[kind].lower()} {year}")

    def _stop_keeping(self) -> None:
        retire(self.keeper)
        self.keeper = None

    def current_draft(self) -> Draft | None:
        """The draft with what the clerk has typed."""
        if self.draft is None:
            return None
        sections = tuple(replace(s, text=self.editors[s.key].toPlainText()) if s.key in self.editors else s
                         for s in self.draft.sections)
        return replace(self.draft, sections=sections)

    def save(self) -> bool:
        draft = self.current_draft()
        if draft is None:
            return False
        try:
            save_draft(draft.kind, draft.year, to_records(draft))
        except ValidationError as error:
            inform(self, "Không lưu được", error.message, warning=True)
            return False
        self.draft = draft
        if self.keeper is not None:
            self.keeper.saved()
        self.status.setText("Đã lưu dự thảo.")
        return True

    def recompute(self) -> Task | None:
        draft = self.current_draft()
        if draft is None:
            return None
        if not confirm(self, "Tính lại số liệu", "Các đoạn nền vàng sẽ được viết lại theo số liệu hiện có; "
                       "các mục Văn phòng tự viết giữ nguyên. Tiếp tục?", yes="Tính lại"):
            return None
        period = self._period()

        def recomputed(_progress) -> tuple[Draft, str | None]:
            figures = period_figures(*period)
            return regenerate(draft, figures), figures_advice(figures)

        return run_task(self, recomputed, self._recomputed, label="Đang tính lại số liệu…")

    def _recomputed(self, result: tuple[Draft, str | None]) -> None:
        self.draft, advice = result
        self._show_draft()
        self.status.setText("Đã tính lại các đoạn số liệu. Nhớ lưu dự thảo."
                            + (f"\n{advice}" if advice else ""))

    def export(self, issue: bool, word: bool = False) -> None:
        draft = self.current_draft()
        if draft is None:
            inform(self, "Chưa có dự thảo", "Chọn loại báo cáo, năm và bấm “Mở dự thảo” trước.")
            return
        bare = unwritten_advice(draft, "Viết vào ô dưới mỗi tiêu đề đó trước khi in, hoặc in như vậy.")
        if bare and not confirm(self, "Còn mục chưa viết", f"{bare}\n\nVẫn in báo cáo?", yes="Vẫn in"):
            return
        try:
            issued_on = self.issued_on.date() or clock.today()
            check_signed_after_count(issued_on, draft_counted_to(draft))
        except ValidationError as error:
            inform(self, "Ngày ký", error.message, warning=True)
            return
        if word:
            # The Word copy of a report issued on that date carries its number; never a new one.
            issue = issued_already("BC", draft.subject(), issued_on) is not None
            name = report_file_name(draft.kind, draft.year, draft=not issue, suffix=".docx")
            path = ask_save_path(self, "Lưu bản Word của báo cáo", name, "Word (*.docx)")
        else:
            name = report_file_name(draft.kind, draft.year, draft=not issue)
            path = ask_save_path(self, "Lưu báo cáo PDF", name, "PDF (*.pdf)")
        if path is not None:
            self.write_pdf(draft, path, issued_on, issue, ask=not word)

    def write_pdf(self, draft: Draft, path: Path, issued_on: date, issue: bool, ask: bool = True
                  ) -> Task | None:
        """Render off the UI thread (a .docx path gives the Word copy); an issued report's number
        is committed only once the file is in place (models.documents.issue_document)."""
        if issue and ask:
            warnings = "\n".join(note for note in (issue_warning(draft, issued_on), *letterhead_warnings())
                                  if note)
            question = ("Lấy số tiếp theo trong sổ văn bản đi cho báo cáo này? Số đã lấy không dùng lại "
                        "được. (In lại báo cáo đã ban hành cùng ngày thì giữ số cũ.)")
            if not confirm(self, "Lấy số văn bản", (f"{warnings}\n\n" if warnings else "") + question,
                           yes="Lấy số"):
                return None
        if may(WRITE_RECORDS) and not self.save():
            return None
        org_table = self.org_table.isChecked()
        return run_task(self, lambda _progress: print_report(path, draft, issued_on, issue,
                                                             org_table=org_table),
                        lambda number: self._printed(path, number),
                        label="Đang ghi báo cáo…")

    def _printed(self, path: Path, number: int | None) -> None:
        self.register.set_rows(register_rows())
        self.status.setText(f"Đã ghi {path}" + (f", số {number:02d}-BC." if number else " (bản dự thảo)."))
        if path.suffix.lower() == ".pdf":
            PdfPreviewDialog(path, self).exec()

    def save_term_start(self) -> None:
        try:
            day = self.term_start.date()
            if day is None:
                raise ValidationError("term_start",
                                      "Nhập ngày bắt đầu nhiệm kỳ (ngày sau khi bế mạc Đại hội).")
            set_term_start(day)
        except ValidationError as error:
            inform(self, "Ngày bắt đầu nhiệm kỳ", error.message, warning=True)
            return
        self.status.setText(f"Nhiệm kỳ tính từ ngày {fmt_date(day)}: số văn bản mới đánh lại từ 01.")

    def on_shown(self) -> None:
        self.register.set_rows(register_rows())

    def save_layout(self) -> None:
        """Nothing beyond the last folder, kept when a PDF is written."""


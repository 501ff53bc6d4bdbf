"""The inspection page: cases of a year, discipline, the year's programme, and the figures
of a period with the sentence the office writes."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core.errors import ValidationError
from models.core.text import file_safe
from models.documents import discipline_paper
from models.inspections import (
    PERFORMERS,
    STATUSES,
    DisciplineRow,
    discipline_rows,
    inspection_figures,
    inspection_rows,
    programme,
    remove_discipline,
)
from reports.inspection_words import inspection_sentence
from ui.inspections.dialogs import DisciplineDialog, InspectionDialog
from ui.inspections.tables import (
    DisciplineTableModel,
    InspectionTableModel,
    ProgrammeTableModel,
)
from ui.page import Page
from ui.widgets.buttons import confirm, inform
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_errors import FormErrors
from ui.widgets.paper_dialog import PaperDialog
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class InspectionsPage(Page):
    title = "Kiểm tra, giám sát"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year)
        self.year.setPrefix("Năm ")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._cases_tab(), "Cuộc kiểm tra, giám sát")
        self.tabs.addTab(self._discipline_tab(), "Kỷ luật")
        self.tabs.addTab(self._programme_tab(), "Chương trình")
        self.tabs.addTab(self._figures_tab(), "Số liệu báo cáo")
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)

    def _cases_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        add = QAction("Thêm cuộc kiểm tra, giám sát", self, shortcut=QKeySequence.StandardKey.New)
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add_case)
        add.setEnabled(may(WRITE_RECORDS))
        edit = QAction("Mở", self)
        edit.triggered.connect(self.open_case)
        for action in (add, edit):
            toolbar.addAction(action)
            page.addAction(action)
        self.performer = QComboBox()
        self.performer.addItem("Mọi chủ thể", None)
        for code, label in PERFORMERS.items():
            self.performer.addItem(label, code)
        self.status = QComboBox()
        self.status.addItem("Mọi tình trạng", None)
        for code, label in STATUSES.items():
            self.status.addItem(label, code)
        for combo in (self.performer, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_cases())
        filters = FlowLayout()
        filters.addWidget(self.performer)
        filters.addWidget(self.status)
        filters.addStretch(1)
        self.cases = InspectionTableModel(self)
        self.case_view = list_view(self.cases)
        column_widths(self.case_view, (290, 195, 118, 90, 90, 300))
        open_on_activate(self.case_view, self.open_case)
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.case_view)
        return page

    def _discipline_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        add = QAction("Ghi quyết định kỷ luật", self)
        add.triggered.connect(self.add_discipline)
        edit = QAction("Sửa…", self)
        edit.setToolTip("Sửa số, ngày, cấp quyết định hoặc ghi chú của quyết định đang chọn (Enter)")
        edit.triggered.connect(self.edit_discipline)
        remove = QAction("Bỏ quyết định ghi nhầm", self, shortcut=QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.setToolTip("Bỏ quyết định ghi nhầm người hoặc nhầm tổ chức (Delete)")
        remove.triggered.connect(self.remove_discipline)
        for action in (add, edit, remove):
            action.setEnabled(may(WRITE_RECORDS))
            toolbar.addAction(action)
            page.addAction(action)
        self.disciplines = DisciplineTableModel(self)
        view = self.discipline_view = list_view(self.disciplines)
        column_widths(view, (110, 100, 260, 100, 240))
        if may(WRITE_RECORDS):
            open_on_activate(view, self.edit_discipline)
        decision = toolbar.addAction("In quyết định kỷ luật…")
        decision.setToolTip("Quyết định của Ban Thường vụ Đảng ủy Khối, in từ dòng đang chọn")
        decision.triggered.connect(self.print_discipline)
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addWidget(view)
        return page

    def _programme_tab(self) -> QWidget:
        page = QWidget()
        self.programme = ProgrammeTableModel(self)
        view = list_view(self.programme)
        view.setColumnWidth(0, 260)
        view.setColumnWidth(1, 360)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Việc trong chương trình kiểm tra, giám sát của năm, "
                                "và số việc đã kết luận."))
        layout.addWidget(view)
        return page

    def _figures_tab(self) -> QWidget:
        page = QWidget()
        self.start = DateEdit("Từ ngày", "start")
        self.end = DateEdit("Đến ngày", "end")
        self.pad = QCheckBox("Viết số nhỏ có số 0 đầu (03 tổ chức)")
        self.pad.setChecked(True)
        show = QPushButton("Lập đoạn văn")
        show.clicked.connect(self.compute)
        error_line = QLabel()
        self.errors = FormErrors(error_line)
        self.errors.add("start", self.start)
        self.errors.add("end", self.end)
        bar = FlowLayout()
        for widget in (QLabel("Từ ngày"), self.start, QLabel("đến ngày"), self.end, self.pad, show):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.sentence = QPlainTextEdit()
        self.sentence.setReadOnly(True)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(error_line)
        layout.addWidget(QLabel("Đoạn văn đề xuất cho báo cáo (sao chép để dùng):"))
        layout.addWidget(self.sentence)
        return page

    def compute(self) -> None:
        self.errors.clear()
        try:
            figures = inspection_figures(self.start.date(), self.end.date())
        except ValidationError as error:
            self.errors.show(error)
            return
        self.sentence.setPlainText(inspection_sentence(figures, pad=2 if self.pad.isChecked() else 0))

    def refresh_cases(self) -> None:
        self.cases.set_rows(inspection_rows(self.year.value(), self.performer.currentData(),
                                            self.status.currentData()))

    def refresh(self) -> None:
        year = self.year.value()
        self.refresh_cases()
        self.disciplines.set_rows(discipline_rows(year))
        self.programme.set_rows(programme(year))
        self.start.set_date(date(year, 1, 1))
        self.end.set_date(min(date(year, 12, 31), clock.today()) if year <= clock.today().year
                          else date(year, 12, 31))
        self.compute()

    def add_case(self) -> None:
        if InspectionDialog.ask(parent=self):
            self.refresh()

    def open_case(self) -> None:
        index = self.case_view.currentIndex()
        row = self.cases.row_at(index.row()) if index.isValid() else None
        if row is not None:
            InspectionDialog.ask(row.id, self)
            self.refresh()

    def add_discipline(self) -> None:
        if DisciplineDialog.ask(self):
            self.refresh()

    def _chosen_discipline(self) -> DisciplineRow | None:
        rows = self.discipline_view.selectionModel().selectedRows()
        return self.disciplines.row_at(rows[0].row()) if rows else None

    def edit_discipline(self) -> None:
        entry = self._chosen_discipline()
        if entry is None:
            inform(self, "Sửa quyết định kỷ luật", "Chọn một quyết định kỷ luật trong danh sách trước.")
        elif DisciplineDialog.ask(self, entry):
            self.refresh()

    def remove_discipline(self) -> None:
        entry = self._chosen_discipline()
        if entry is None:
            inform(self, "Bỏ quyết định kỷ luật", "Chọn một quyết định kỷ luật trong danh sách trước.")
            return
        follows = {"KHAI_TRU": " Đảng viên trở lại danh sách như trước khi bị khai trừ.",
                   "GIAI_TAN": " Tổ chức trở lại hoạt động như trước khi bị giải tán."}.get(entry.form, "")
        if not confirm(self, "Bỏ quyết định kỷ luật",
                       f"Bỏ quyết định {entry.decision_no} ({entry.form_label.lower()} {entry.name}) vì "
                       f"đã ghi nhầm?{follows} Việc bỏ được ghi vào nhật ký thay đổi.", yes="Bỏ quyết định"):
            return
        try:
            remove_discipline(entry.id)
        except ValidationError as error:
            inform(self, "Không bỏ được", error.message, warning=True)
        self.refresh()

    def print_discipline(self) -> PaperDialog | None:
        entry = self._chosen_discipline()
        if entry is None:
            inform(self, "Quyết định kỷ luật", "Chọn một quyết định kỷ luật trong danh sách trước.")
            return None
        dialog = PaperDialog(f"In quyết định kỷ luật — {entry.name}",
                             f"quyet-dinh-ky-luat-{file_safe(entry.name)}", self,
                             make_paper=lambda: discipline_paper(entry.id), source=f"ky-luat:{entry.id}")
        dialog.show()
        return dialog

    def on_shown(self) -> None:
        self.refresh()

    def save_layout(self) -> None:
        """Column widths are set on start; nothing else to remember."""

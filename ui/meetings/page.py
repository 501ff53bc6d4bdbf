"""The meetings page: the list with its filters beside a month calendar, the cells that
missed their meetings, and the figures of a period."""

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core.dates import add_months
from models.core.errors import ValidationError
from models.meetings import (
    BODIES,
    KINDS,
    MeetingFilter,
    cells_without_monthly_meeting,
    cells_without_thematic_meeting,
    delete_meeting,
    meeting_days,
    meeting_rows,
)
from reports.glance import CELL_MEETINGS
from reports.meeting_words import meeting_summary
from reports.numbers import integer
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.tables import CellGapTableModel, MeetingTableModel
from ui.page import Page
from ui.tasks import Task
from ui.widgets.buttons import confirm, inform
from ui.widgets.code_combo import code_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_errors import FormErrors
from ui.widgets.org_picker import OrgPicker
from ui.widgets.search_box import SearchBox
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class MeetingsPage(Page):
    title = "Hội nghị, sinh hoạt"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.day_filter: date | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_tab(), "Danh sách, lịch")
        self.tabs.addTab(self._compliance_tab(), "Sinh hoạt chi bộ")
        self.tabs.addTab(self._figures_tab(), "Số liệu báo cáo")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- list and calendar --------------------------------------------------------------
    def _list_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        add = QAction("Ghi hội nghị, sinh hoạt", self, shortcut=QKeySequence.StandardKey.New)
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add_meeting)
        add.setEnabled(may(WRITE_RECORDS))
        open_action = QAction("Mở", self)
        open_action.triggered.connect(self.open_meeting)
        remove = QAction("Xóa", self, shortcut=QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.triggered.connect(self.remove_meeting)
        remove.setEnabled(may(WRITE_RECORDS))
        for action in (add, open_action, remove):
            toolbar.addAction(action)
            page.addAction(action)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year)
        self.year.setPrefix("Năm ")
        self.month = QComboBox()
        self.month.addItem("Cả năm", 0)
        for month in range(1, 13):
            self.month.addItem(f"Tháng {month}", month)
        self.body = code_combo(BODIES, "Mọi cơ quan họp")
        self.kind = code_combo(KINDS, "Mọi loại")
        self.org = OrgPicker(any_label="Mọi tổ chức")
        self.search = SearchBox("Tìm trong tên, chương trình, biên bản…")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        for combo in (self.month, self.body, self.kind, self.org):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.search.connect(lambda _t: self.refresh())
        filters = FlowLayout()
        for widget in (self.year, self.month, self.body, self.kind, self.org):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.meetings = MeetingTableModel(self)
        self.view = list_view(self.meetings)
        self.view.setWordWrap(False)
        column_widths(self.view, (90, 50, 175, 175, 330, 330))
        open_on_activate(self.view, self.open_meeting)
        self.search.lead_to(self.view, self.open_meeting)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        today = clock.today()  # Qt would take its own clock, which the demo's day does not reach
        self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        self.calendar.clicked.connect(self._pick_day)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark_days())
        self.day_note = QLabel()
        self.day_note.setWordWrap(True)
        whole = QPushButton("Bỏ lọc theo ngày")
        whole.clicked.connect(self._clear_day)
        side = QWidget()
        side.setMaximumWidth(360)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.calendar)
        hint = QLabel("Ngày có cuộc họp được tô đậm; bấm một ngày để xem các cuộc họp ngày đó.")
        hint.setWordWrap(True)
        side_layout.addWidget(hint)
        side_layout.addWidget(self.day_note)
        side_layout.addWidget(whole)
        side_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.count_line = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_line)
        return page

    def current_filter(self) -> MeetingFilter:
        year, month = self.year.value(), self.month.currentData()
        start = date(year, month or 1, 1)
        end = add_months(start, 1 if month else 12)
        end = date.fromordinal(end.toordinal() - 1)
        if self.day_filter is not None:
            start = end = self.day_filter
        return MeetingFilter(start, end, self.body.currentData(), self.kind.currentData(), self.org.org_id(),
                             self.search.text())

    def refresh(self) -> Task:
        """A year of a large bloc is some 20,000 meetings: listed off the UI thread."""
        if self.month.currentData() and self.calendar.monthShown() != self.month.currentData():
            self.calendar.setCurrentPage(self.year.value(), self.month.currentData())
        self._mark_days()
        chosen = self.current_filter()
        self.count_line.setText("Đang tải danh sách…")
        return self.load_later("list", lambda: meeting_rows(chosen), self._show_rows)

    def _show_rows(self, rows: list) -> None:
        self.meetings.set_rows(rows)
        self.count_line.setText(f"{integer(len(rows))} cuộc họp.")

    def _mark_days(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        bold.setBackground(Qt.GlobalColor.yellow)
        for day in meeting_days(self.calendar.yearShown(), self.calendar.monthShown()):
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), bold)

    def _pick_day(self, qdate: QDate) -> None:
        self.day_filter = date(qdate.year(), qdate.month(), qdate.day())
        self.day_note.setText(f"Đang xem ngày {self.day_filter:%d/%m/%Y}.")
        self.refresh()

    def _clear_day(self) -> None:
        self.day_filter = None
        self.day_note.clear()
        self.refresh()

    def _chosen(self):
        """The meeting chosen in the list; with none, the clerk is told (a button must never do
        nothing without a word)."""
        index = self.view.currentIndex()
        if not index.isValid():
            inform(self, "Hội nghị, sinh hoạt", "Chọn một cuộc họp trong danh sách trước.")
            return None
        return self.meetings.row_at(index.row())

    def add_meeting(self) -> None:
        MeetingDialog(parent=self).accepted_after_exec()
        self.refresh()

    def open_meeting(self) -> None:
        row = self._chosen()
        if row is not None:
            MeetingDialog(row.id, self).accepted_after_exec()
            self.refresh()

    def remove_meeting(self) -> None:
        row = self._chosen()
        if row is None or not confirm(self, "Xóa cuộc họp", f"Xóa “{row.heading}” ngày {row.date:%d/%m/%Y} "
                                      "cùng điểm danh, nghị quyết và tệp đính kèm?", yes="Xóa"):
            return
        try:
            delete_meeting(row.id)
        except ValidationError as error:
            inform(self, "Không xóa được", error.message, warning=True)
        self.refresh()

    # --- compliance ---------------------------------------------------------------------
    def _compliance_tab(self) -> QWidget:
        page = QWidget()
        self.check_year = QSpinBox()
        self.check_year.setRange(1990, 2100)
        self.check_year.setValue(clock.today().year)
        self.check_year.setPrefix("Năm ")
        self.check_month = QComboBox()
        for month in range(1, 13):
            self.check_month.addItem(f"Tháng {month} (quý {(month - 1) // 3 + 1})", month)
        self.check_month.setCurrentIndex(clock.today().month - 1)
        self.check_year.valueChanged.connect(lambda _v: self.refresh_compliance())
        self.check_month.currentIndexChanged.connect(lambda _i: self.refresh_compliance())
        bar = FlowLayout()
        bar.addWidget(self.check_year)
        bar.addWidget(self.check_month)
        bar.addStretch(1)
        self.monthly = CellGapTableModel(self)
        self.thematic = CellGapTableModel(self)
        self.monthly_label, self.thematic_label = QLabel(), QLabel()
        columns = QHBoxLayout()
        for label, model in ((self.monthly_label, self.monthly), (self.thematic_label, self.thematic)):
            box = QVBoxLayout()
            box.addWidget(label)
            view = list_view(model)
            view.setColumnWidth(0, 260)
            box.addWidget(view)
            columns.addLayout(box)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addLayout(columns)
        return page

    def refresh_compliance(self) -> Task:
        """Every cell against its meetings: off the UI thread."""
        year, month = self.check_year.value(), self.check_month.currentData()
        quarter = (month - 1) // 3 + 1
        return self.load_later(
            "compliance",
            lambda: (cells_without_monthly_meeting(year, month),
                     cells_without_thematic_meeting(year, quarter)),
            lambda gaps: self._show_compliance(year, month, quarter, *gaps))

    def _show_compliance(self, year: int, month: int, quarter: int, monthly: list, thematic: list) -> None:
        self.monthly.set_rows(monthly)
        self.thematic.set_rows(thematic)
        self.monthly_label.setText(f"Chưa ghi sinh hoạt thường kỳ tháng {month}/{year}: "
                                   f"{len(monthly)} chi bộ")
        self.thematic_label.setText(f"Chưa ghi sinh hoạt chuyên đề quý {quarter}/{year}: "
                                    f"{len(thematic)} chi bộ")

    # --- figures ------------------------------------------------------------------------
    def _figures_tab(self) -> QWidget:
        page = QWidget()
        self.start = DateEdit("Từ ngày", "start")
        self.end = DateEdit("Đến ngày", "end")
        self.start.set_date(date(clock.today().year, 1, 1))
        self.end.set_date(clock.today())
        show = QPushButton("Tổng hợp")
        show.clicked.connect(self.compute)
        error_line = QLabel()
        self.figure_errors = FormErrors(error_line)
        self.figure_errors.add("start", self.start)
        self.figure_errors.add("end", self.end)
        bar = FlowLayout()
        for widget in (QLabel("Từ ngày"), self.start, QLabel("đến ngày"), self.end, show):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(error_line)
        layout.addWidget(self.summary)
        return page

    def compute(self) -> Task | None:
        self.figure_errors.clear()
        try:
            start, end = self.start.date(), self.end.date()
        except ValidationError as error:
            self.figure_errors.show(error)
            return None
        return self.load_later("figures", lambda: meeting_summary(start, end), self.summary.setPlainText,
                               refused=self.figure_errors.show)

    def on_shown(self) -> None:
        self.org.refresh()
        self.refresh()
        self.refresh_compliance()
        self.compute()

    def show_part(self, part: str) -> None:
        """"cell_meetings:2026-11": the cells without a meeting that month."""
        kind, _, month = part.partition(":")
        if kind == CELL_MEETINGS:
            self.tabs.setCurrentIndex(1)
            year, number = (int(piece) for piece in month.split("-"))
            self.check_year.setValue(year)
            self.check_month.setCurrentIndex(number - 1)

    def save_layout(self) -> None:
        """Column widths are set on start; nothing else to remember."""

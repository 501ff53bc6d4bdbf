"""The admissions page: cases from the candidate list to full membership, the reminders,
and the targets with their progress."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.admissions import (
    STATES,
    STEPS,
    attention,
    case_rows,
    case_warnings,
    correctable_step,
    get_case,
    remove_target,
    reopen_case,
    steps_for,
    target_lines,
)
from models.admissions import next_step as case_next_step
from models.core import clock
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.documents import documents_about
from models.orgs import full_names
from reports.glance import REMINDERS
from ui.admissions.dialogs import CaseDialog, EndCaseDialog, StepDialog, TargetDialog
from ui.admissions.printing import print_case_decision
from ui.admissions.tables import CaseTableModel, ReminderTableModel, TargetTableModel
from ui.page import Page
from ui.widgets.buttons import confirm, inform
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.org_picker import OrgPicker
from ui.widgets.search_box import SearchBox
from ui.widgets.table_view import column_widths, list_view, open_on_activate

STEP_NUMBERS = {"course": "certificate_no", "cell": "cell_resolution_no", "base": "base_resolution_no",
                "decision": "decision_no", "full": "full_decision_no"}


# An ended case, what ended it, and what taking that back does.
ENDED = {"WITHDRAWN": ("thôi xét", "Người này trở lại danh sách xét kết nạp."),
         "STRUCK_OFF": ("bị xóa tên khi dự bị", "Người này lại là đảng viên dự bị; biến động xóa tên được bỏ "
                                                "khỏi lịch sử đảng viên.")}
# The toolbar's words are short, so every action shows at 1366 px; the tooltip says it whole.
TIPS = {"add": "Thêm người vào danh sách xét kết nạp (Ctrl+N)",
        "withdraw": "Đưa ra khỏi danh sách xét kết nạp, kèm lý do",
        "correct": "Sửa số hay ngày của bước ghi sau cùng; với hồ sơ đã thôi xét hay xóa tên nhầm: mở lại"}


class AdmissionsPage(Page):
    title = "Kết nạp đảng viên"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names = full_names()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._cases_tab(), "Hồ sơ kết nạp")
        self.reminders_tab = self._reminders_tab()
        self.tabs.addTab(self.reminders_tab, "Cần chú ý")
        self.tabs.addTab(self._targets_tab(), "Chỉ tiêu")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- cases ------------------------------------------------------------------------
    def _cases_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        can_write = may(WRITE_RECORDS)
        self.actions_by_name = {}
        for name, text, slot, shortcut in (
            ("add", "Thêm người", self.add_case, QKeySequence.StandardKey.New),
            ("edit", "Sửa thông tin", self.edit_case, None),
            ("step", "Ghi bước tiếp theo", self.next_step, QKeySequence("Ctrl+B")),
            ("correct", "Sửa bước vừa ghi", self.correct_step, None),
            ("strike", "Xóa tên khi dự bị", lambda: self.end_case(True), None),
            ("withdraw", "Thôi xét", lambda: self.end_case(False), None),
        ):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            action.setToolTip(TIPS.get(name, text))
            action.setEnabled(can_write)
            toolbar.addAction(action)
            page.addAction(action)
            self.actions_by_name[name] = action
        toolbar.addSeparator()
        for kind, text in (("ket-nap", "In quyết định kết nạp…"),
                           ("chinh-thuc", "In quyết định chính thức…")):
            action = toolbar.addAction(text)
            action.triggered.connect(
                lambda _c=False, kind=kind: print_case_decision(self, kind, self.selected_case_ids()))
            self.actions_by_name[kind] = action
        self.search = SearchBox("Tìm theo họ tên…")
        self.search.search.connect(lambda _t: self.refresh_cases())
        self.org = OrgPicker(any_label="Tất cả tổ chức")
        self.org.currentIndexChanged.connect(lambda _i: self.refresh_cases())
        self.state = QComboBox()
        self.state.addItem("Đang theo dõi (chưa xong)", ("POOL", "DECIDED", "PROBATION"))
        for code, label in STATES.items():
            self.state.addItem(label, (code,))
        self.state.addItem("Tất cả", ())
        self.state.currentIndexChanged.connect(lambda _i: self.refresh_cases())
        filters = FlowLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.org)
        filters.addWidget(self.state)
        self.cases = CaseTableModel(self.names, self)
        self.case_view = list_view(self.cases)
        # Several cases at once for one decision with a list; the detail follows the current row.
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        column_widths(self.case_view, (200, 250, 200, 220))
        self.case_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_case())
        open_on_activate(self.case_view, self.next_step)
        self.search.lead_to(self.case_view, self.next_step)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setMinimumWidth(300)
        splitter = QSplitter()
        splitter.addWidget(self.case_view)
        splitter.addWidget(self.detail)
        splitter.setSizes([800, 360])
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        return page

    def refresh_cases(self, select: int | None = None) -> None:
        select = select or self.selected_case_id()
        rows = case_rows(self.search.text(), self.org.org_id(), self.state.currentData())
        self.cases.set_rows(rows)
        for position, row in enumerate(rows):
            if row.id == select:
                self.case_view.selectRow(position)
        self._show_case()

    def selected_case_id(self) -> int | None:
        if not hasattr(self, "case_view"):
            return None
        index = self.case_view.currentIndex()
        return self.cases.case_id(index.row()) if index.isValid() else None

    def selected_case_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.case_view.selectionModel().selectedRows())
        return [case_id for case_id in map(self.cases.case_id, rows) if case_id is not None]

    def _show_case(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            self.detail.setText("<i>Chọn một hồ sơ để xem các bước.</i>")
            return
        case = get_case(case_id)
        lines = [f"<h3>{escape(case.full_name)}</h3>",
                 f"{escape(self.names.get(case.org_id, ''))} — {STATES[case.state]}",
                 f"Vào danh sách: {fmt_date(case.listed_on)}", "<br><b>Các bước</b>"]
        for step in steps_for(case):
            label, date_field = STEPS[step]
            done = getattr(case, date_field)
            number = getattr(case, STEP_NUMBERS[step]) if step in STEP_NUMBERS else ""
            mark = "✔" if done else "○"
            extra = f" — số {escape(number)}" if number else ""
            lines.append(f"{mark} {label}: {fmt_date(done) or 'chưa'}{extra}")
        issued = documents_about("ket-nap", case.id) + documents_about("chinh-thuc", case.id)
        if issued:
            lines.append("<br><b>Văn bản đã ban hành</b>")
            lines += [f"Số {number:02d}-{code} ngày {fmt_date(on)}: {escape(title)}"
                      for number, code, on, title, _file in issued]
        warnings = case_warnings(case)
        if warnings:
            lines.append("<br><b>Lưu ý</b>")
            lines += [f"<span style='color:#a35200'>⚠ {escape(w)}</span>" for w in warnings]
        self.detail.setText("<br>".join(lines))

    def add_case(self) -> None:
        case_id = CaseDialog.ask(parent=self, org_id=self.org.org_id())
        if case_id is not None:
            self.refresh_cases(case_id)

    def edit_case(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None and CaseDialog.ask(case_id, self) is not None:
            self.refresh_cases(case_id)

    def next_step(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None or not may(WRITE_RECORDS):
            return
        if case_next_step(get_case(case_id)) is None:
            inform(self, "Hồ sơ đã xong", "Hồ sơ này không còn bước nào để ghi.")
            return
        if StepDialog.ask(case_id, self):
            self.refresh(case_id)

    def correct_step(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None or not may(WRITE_RECORDS):
            return
        case = get_case(case_id)
        if case.state in ENDED:
            self.reopen(case)
            return
        if correctable_step(case) is None:
            inform(self, "Sửa bước vừa ghi", "Hồ sơ này chưa ghi bước nào để sửa.")
            return
        if StepDialog.ask(case_id, self, correcting=True):
            self.refresh(case_id)

    def reopen(self, case) -> None:
        """The last thing recorded on an ended case is its ending: taken back if it was the wrong
        case (asked first)."""
        ending, back = ENDED[case.state]
        reason = f" ({case.end_reason})" if case.end_reason else ""
        if not confirm(self, "Sửa bước vừa ghi", f"Hồ sơ {case.full_name} đã {ending} ngày "
                       f"{fmt_date(case.ended_on)}{reason}. Bỏ việc này vì đã ghi nhầm hồ sơ? {back} Việc "
                       "bỏ được ghi vào nhật ký thay đổi.", yes="Mở lại hồ sơ"):
            return
        try:
            reopen_case(case.id)
        except ValidationError as error:
            inform(self, "Không mở lại được", error.message, warning=True)
            return
        self.refresh(case.id)

    def end_case(self, struck_off: bool) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            return
        # Whether the case may end this way is the models' rule; the form shows its refusal.
        if EndCaseDialog.ask(case_id, struck_off, self):
            self.refresh(case_id)

    # --- reminders and targets --------------------------------------------------------
    def _reminders_tab(self) -> QWidget:
        page = QWidget()
        self.reminders = ReminderTableModel(self)
        view = list_view(self.reminders)
        column_widths(view, (170, 200, 250, 95))
        layout = QVBoxLayout(page)
        about = QLabel("Đảng viên dự bị đến hạn (trong 30 ngày) hoặc quá hạn xét chính thức; hồ sơ không có "
                       "bước mới trong 12 tháng; quyết định kết nạp chưa tổ chức lễ quá 30 ngày làm việc.")
        about.setWordWrap(True)
        layout.addWidget(about)
        layout.addWidget(view)
        return page

    def _targets_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        set_action = QAction("Đặt chỉ tiêu…", self)
        set_action.triggered.connect(self.set_target)
        remove_action = QAction("Bỏ chỉ tiêu", self)
        remove_action.triggered.connect(self.remove_target)
        for action in (set_action, remove_action):
            action.setEnabled(may(WRITE_RECORDS))
            toolbar.addAction(action)
        self.targets = TargetTableModel(self)
        self.target_view = list_view(self.targets)
        column_widths(self.target_view, (300, 170, 90, 100))
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addWidget(self.target_view)
        return page

    def refresh_targets(self) -> None:
        """Each target's progress counts admissions across the registry: off the UI thread."""
        self.load_later("targets", _target_lines, self.targets.set_rows)

    def set_target(self) -> None:
        if TargetDialog.ask(self):
            self.refresh_targets()

    def remove_target(self) -> None:
        index = self.target_view.currentIndex()
        target_id = self.targets.target_id(index.row()) if index.isValid() else None
        if target_id is None:
            inform(self, "Bỏ chỉ tiêu", "Chọn một chỉ tiêu trong danh sách trước.")
        elif confirm(self, "Bỏ chỉ tiêu", "Bỏ chỉ tiêu đã chọn?", yes="Bỏ"):
            remove_target(target_id)
            self.refresh_targets()

    def refresh(self, select: int | None = None) -> None:
        self.names = full_names()
        self.cases.org_names = self.names
        self.refresh_cases(select)
        self.load_later("reminders", lambda: attention(clock.today()), self.reminders.set_rows)
        self.refresh_targets()

    def on_shown(self) -> None:
        self.org.refresh()
        self.refresh()

    def show_part(self, part: str) -> None:
        if part == REMINDERS:
            self.tabs.setCurrentWidget(self.reminders_tab)

    def save_layout(self) -> None:
        """Column widths are set on start; nothing else to remember."""


def _target_lines() -> list[tuple]:
    names = full_names()
    return [(line.id, names.get(line.org_id, "Toàn Đảng bộ Khối"), line.year_from, line.year_to, line.value,
             line.actual) for line in target_lines()]

"""The member registry page: toolbar, filter row, the table and a count."""


from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core import vocab as v
from models.core.errors import ValidationError, failure_reason
from models.members import AGE_BANDS, STATE_GROUPS, MemberFilter, export_members, get_member, matching_count
from models.orgs import size_warning
from reports.numbers import integer
from ui import settings
from ui.members.dialogs import MemberDialog
from ui.members.event_dialog import EventDialog
from ui.members.import_dialog import ImportMembersDialog
from ui.members.printing import print_member_sheet, print_short_record
from ui.members.tables import COLUMNS, MemberTableModel
from ui.page import Page
from ui.tasks import Task, run_task
from ui.widgets.buttons import inform
from ui.widgets.export_table import add_export_action
from ui.widgets.flow_layout import flow_row
from ui.widgets.org_picker import OrgPicker
from ui.widgets.save_path import ask_save_path
from ui.widgets.search_box import SearchBox
from ui.widgets.table_view import column_widths, one_line_cells, open_on_activate, readable_headers


def _combo(items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    for label, data in items:
        combo.addItem(label, data)
    return combo


class MembersPage(Page):
    title = "Đảng viên"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.last_told = ""
        self.model = MemberTableModel(self)

        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = QAction("Thêm đảng viên", self, shortcut=QKeySequence.StandardKey.New)
        self.add_action.setToolTip("Thêm đảng viên (Ctrl+N)")
        self.add_action.triggered.connect(self.add_member)
        self.edit_action = QAction("Xem, sửa hồ sơ", self)
        self.edit_action.setToolTip("Mở hồ sơ đảng viên đang chọn (Enter)")
        self.edit_action.triggered.connect(self.edit_selected)
        self.event_action = QAction("Ghi biến động", self, shortcut=QKeySequence("Ctrl+B"))
        self.event_action.setToolTip("Ghi biến động cho đảng viên đang chọn (Ctrl+B)")
        self.event_action.triggered.connect(self.record_event_for_selected)
        self.import_action = QAction("Nhập từ Excel…", self)
        self.import_action.triggered.connect(self.import_members)
        self.export_action = QAction("Xuất danh sách Excel…", self)
        self.export_action.setToolTip("Toàn bộ danh sách theo mẫu nhập lại được (bảng đang lọc: Ctrl+E)")
        self.export_action.triggered.connect(self.export_registry)
        self.sheet_action = QAction("In phiếu đảng viên…", self)
        self.sheet_action.triggered.connect(lambda: print_member_sheet(self, self.selected_member_id()))
        self.short_action = QAction("In trích ngang…", self)
        self.short_action.setToolTip("Danh sách trích ngang các đảng viên đang chọn (Ctrl hoặc Shift để chọn "
                                     "nhiều người)")
        self.short_action.triggered.connect(lambda: print_short_record(self, self.selected_member_ids()))
        for action in (self.add_action, self.edit_action, self.event_action, self.import_action,
                       self.export_action, self.sheet_action, self.short_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toolbar.addAction(action)
            self.addAction(action)

        can_write = may(WRITE_RECORDS)
        self.add_action.setEnabled(can_write)
        self.import_action.setEnabled(can_write)
        self.event_action.setEnabled(can_write)
        if not can_write:
            self.edit_action.setText("Xem hồ sơ")

        self.search = SearchBox("Tìm theo họ tên, số thẻ, số lý lịch… (Ctrl+F)")
        self.search.setMinimumWidth(280)
        self.search.search.connect(lambda _text: self.apply_filter())
        self.org = OrgPicker(any_label="Tất cả tổ chức")
        self.membership = _combo([("Dự bị và chính thức", None)]
                                 + [(label, code) for code, label in v.MEMBERSHIPS.items()])
        self.state = _combo([(label, key) for key, label in STATE_GROUPS.items()])
        self.sex = _combo([("Nam và nữ", None)] + [(label, code) for code, label in v.SEXES.items()])
        self.age = _combo([("Mọi độ tuổi", None)] + [(f"Tuổi {band}", band) for band in AGE_BANDS])
        for combo in (self.org, self.membership, self.state, self.sex, self.age):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        filters = flow_row(self.search, self.org, self.membership, self.state, self.sex, self.age)

        self.view = QTableView()
        readable_headers(self.view)
        add_export_action(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once for a short record; a record opens from the current row.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        one_line_cells(self.view)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().setMinimumWidth(48)
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setStretchLastSection(True)
        column_widths(self.view, (175, 70, 85, 190, 215, 85, 165, 80))
        column, order = 0, Qt.SortOrder.AscendingOrder
        saved = settings.MEMBER_COLUMNS.get()
        if not saved.isEmpty() and header.restoreState(saved):
            column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if not 0 <= column < len(COLUMNS):
                column, order = 0, Qt.SortOrder.AscendingOrder
        # Sorting on: Qt sorts column 0 descending at once, so sort explicitly afterwards.
        self.view.setSortingEnabled(True)
        header.setSortIndicator(column, order)
        # A new order starts the list again from its first page: the chosen member stays chosen
        # (chosen again after the view's own slot, connected above with sorting, has sorted).
        self._chosen_before_reset: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_choice)
        header.sortIndicatorChanged.connect(lambda _column, _order: self._choose_again())
        open_on_activate(self.view, self.edit_selected)
        self.search.lead_to(self.view, self.edit_selected)

        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.apply_filter()

    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            text=self.search.text(),
            org_id=self.org.org_id(),
            membership=self.membership.currentData(),
            state=self.state.currentData(),
            sex=self.sex.currentData(),
            age_band=self.age.currentData(),
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._show_count()

    def _show_count(self) -> None:
        """Counted off the UI thread (14 ms for "n" at 100,000 members): typing never waits
        for it, and only the count for the newest filter is shown."""
        flt = self.model.current_filter()
        self.load_later("count", lambda: matching_count(flt),
                        lambda count: self.count_label.setText(f"{integer(count)} đảng viên"))

    def _remember_choice(self) -> None:
        self._chosen_before_reset = self.selected_member_id()

    def _choose_again(self) -> None:
        chosen, self._chosen_before_reset = self._chosen_before_reset, None
        if chosen is not None:
            self._select(chosen)

    def records_changed(self) -> None:
        # Another page (an admission) or another clerk may have saved members, not only orgs:
        # the rows are read again (reload_orgs does), the chosen member stays chosen.
        chosen = self.selected_member_id()
        self.reload()
        if chosen is not None:
            self._select(chosen)

    def reload(self) -> None:
        """After organisations changed elsewhere (names, tree)."""
        self.org.reload()
        self.model.reload_orgs()
        self._show_count()

    def _after_change(self, member_id: int) -> None:
        self.model.refresh()
        self._show_count()
        self._select(member_id)
        warning = size_warning(get_member(member_id).org_id)
        if warning:
            inform(self, "Lưu ý về tổ chức", warning, warning=True)

    def tell(self, sentence: str) -> None:
        """A line in the window's status bar: where a member who left the list went."""
        self.last_told = sentence
        window = self.window()
        if sentence and hasattr(window, "statusBar"):
            window.statusBar().showMessage(sentence, 20_000)

    def selected_member_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.member_id(rows[0].row()) if rows else None

    def selected_member_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.view.selectionModel().selectedRows())
        return [member_id for member_id in map(self.model.member_id, rows) if member_id is not None]

    def _select(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            # The current row too, not only the highlight: after a reload the view has no current
            # row, and taking the focus back it made the first row current (and Enter opened it).
            self.view.setCurrentIndex(self.model.index(row, 0))
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def import_members(self) -> None:
        if ImportMembersDialog(self).exec():
            self.reload()

    def export_registry(self) -> Task | None:
        """Everyone in the registry today, in the layout that import reads back."""
        name = f"danh-sach-dang-vien-{clock.today():%Y%m%d}.xlsx"
        path = ask_save_path(self, "Xuất danh sách đảng viên", name, "Excel (*.xlsx)")
        if path is None:
            return None
        return run_task(self, lambda _progress: export_members(path),
                        lambda count: inform(self, "Đã xuất",
                                             f"Đã ghi {integer(count)} đảng viên ra {path}."),
                        on_error=lambda error: self._not_exported(path, error),
                        label="Đang xuất danh sách đảng viên…")

    def _not_exported(self, path, error: BaseException) -> None:
        if isinstance(error, OSError):
            inform(self, "Không xuất được", f"Không ghi được {path}: {failure_reason(error)}.",
                   warning=True)
        elif isinstance(error, ValidationError):
            inform(self, "Không xuất được", error.message, warning=True)
        else:
            raise error

    def add_member(self) -> None:
        member_id = MemberDialog.open_new(self, org_id=self.org.org_id())
        if member_id is not None:
            self._after_change(member_id)

    def edit_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is not None and MemberDialog.open_existing(member_id, self):
            self._after_change(member_id)

    def record_event_for_selected(self) -> None:
        member_id = self.selected_member_id()
        if member_id is None:
            return
        name = self.model.data(self.model.index(self.model.row_of(member_id), 0))
        outcome = EventDialog.ask(member_id, name, self)
        if outcome is not None:
            self._after_change(member_id)
            self.tell(outcome)

    def save_layout(self) -> None:
        settings.MEMBER_COLUMNS.set(self.view.horizontalHeader().saveState())

"""Administrators' page: the audit trail, filtered, exported, and checked for tampering.
It offers no way to edit or delete an entry."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from models.accounts import (
    INSERT_MANY,
    PAGE_LIMIT,
    TABLE_LABELS,
    AuditFilter,
    AuditRow,
    audit_rows,
    audit_usernames,
    batch_entry_rows,
    export_audit_csv,
    field_label,
    user_label,
    verify_chain,
)
from models.core import clock
from models.core.errors import ValidationError
from reports.numbers import integer
from ui.audit.tables import AuditTableModel
from ui.page import Page
from ui.tasks import Cancelled, Task, run_task
from ui.widgets.buttons import inform
from ui.widgets.date_edit import DateEdit
from ui.widgets.export_table import add_export_action
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_errors import FormErrors
from ui.widgets.save_path import ask_save_path
from ui.widgets.table_view import column_widths, one_line_cells, readable_headers


def describe_change(entry: AuditRow, record_id: str = "") -> str:
    """The old and new values, one field a line, for the detail pane; the rows of a batch
    (an import, the demo), or only the record asked for."""
    if entry.action == INSERT_MANY:
        return _describe_batch(entry, record_id)
    old = json.loads(entry.old_values) if entry.old_values else {}
    new = json.loads(entry.new_values) if entry.new_values else {}
    return _fields(entry.table_name, old, new)


def _fields(table: str, old: dict, new: dict) -> str:
    lines = []
    for key in sorted(set(old) | set(new)):
        label = field_label(table, key)
        if key in old and key in new:
            lines.append(f"{label}: {old[key]!r} → {new[key]!r}")
        elif key in new:
            lines.append(f"{label}: {new[key]!r}")
        else:
            lines.append(f"{label}: {old[key]!r} (bản ghi đã xóa)")
    return "\n".join(lines)


BATCH_SHOWN = 100  # rows of a batch in the pane; the CSV export has every one


def _describe_batch(entry: AuditRow, record_id: str) -> str:
    rows = batch_entry_rows(entry.id, record_id or None)
    if rows is None:
        return "Mục này ghi giá trị không đọc được (đã bị sửa ngoài phần mềm)."
    if record_id:
        said = f"Thêm cùng lúc với các bản ghi mã {entry.record_label}."
        return "\n\n".join(f"{said}\n{_fields(entry.table_name, {}, values)}" for _record, values in rows)
    parts = [f"{integer(len(rows))} bản ghi được thêm cùng lúc (nhập từ Excel, dữ liệu mẫu, bảng nhập nhiều "
             "dòng)."]
    parts += [f"— Mã {record}\n{_fields(entry.table_name, {}, values)}"
              for record, values in rows[:BATCH_SHOWN]]
    if len(rows) > BATCH_SHOWN:
        more = integer(len(rows) - BATCH_SHOWN)
        parts.append(f"… và {more} bản ghi khác: lọc theo mã hồ sơ, hoặc xuất CSV để xem đủ.")
    return "\n\n".join(parts)


class AuditPage(Page):
    title = "Nhật ký thay đổi"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AuditTableModel(self)
        self.user = QComboBox()
        # Filled later from a task: sized to what it will hold, not to its empty start.
        self.user.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.user.setMinimumContentsLength(len("Mọi người dùng"))
        self.table = QComboBox()
        self.table.addItem("Mọi loại hồ sơ", None)
        for name, label in TABLE_LABELS.items():
            self.table.addItem(label, name)
        self.record = QLineEdit()
        self.record.setPlaceholderText("Mã hồ sơ")
        self.record.setMaximumWidth(110)
        self.start = DateEdit("Từ ngày", "start")
        self.end = DateEdit("Đến ngày", "end")
        error_line = QLabel()
        self.errors = FormErrors(error_line)
        self.errors.add("start", self.start)
        self.errors.add("end", self.end)
        show = QPushButton("Lọc")
        show.clicked.connect(self.refresh)
        export = QPushButton("Xuất CSV…")
        export.clicked.connect(self.export)
        check = QPushButton("Kiểm tra toàn vẹn")
        check.clicked.connect(self.check_chain)
        bar = FlowLayout()
        for widget in (self.user, self.table, self.record, QLabel("Từ"), self.start, QLabel("đến"),
                       self.end, show, export, check):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.view = QTableView()
        readable_headers(self.view)
        add_export_action(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        one_line_cells(self.view)
        self.view.horizontalHeader().setStretchLastSection(True)
        column_widths(self.view, (70, 150, 140, 110, 190))  # "Thêm hàng loạt" on one line
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([500, 180])
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(error_line)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count)

    def _fill_users(self, names: list[str]) -> None:
        current = self.user.currentData()
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItem("Mọi người dùng", None)
        for name in names:
            self.user.addItem(user_label(name), name)
        index = self.user.findData(current)
        self.user.setCurrentIndex(max(index, 0))
        self.user.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(self.user.currentData(), self.table.currentData(),
                           self.record.text() or None, self.start.date(), self.end.date())

    def refresh(self, with_users: bool = False) -> Task | None:
        """The newest entries that match the filter, read off the UI thread: a large bloc's
        trail holds a million entries (and the list of who wrote them is a scan of all)."""
        self.errors.clear()
        try:
            flt = self.current_filter()
        except ValidationError as error:
            self.errors.show(error)
            return None
        def read() -> tuple[list[str] | None, list[AuditRow]]:
            return audit_usernames() if with_users else None, audit_rows(flt)

        return self.load_later("entries", read, self._show_entries, refused=self.errors.show)

    def _show_entries(self, loaded: tuple[list[str] | None, list[AuditRow]]) -> None:
        names, rows = loaded
        if names is not None:
            self._fill_users(names)
        self.model.set_rows(rows)
        more = " (mới nhất; lọc để xem các mục cũ hơn)" if len(rows) == PAGE_LIMIT else ""
        self.count.setText(f"{integer(len(rows))} mục{more}")
        self.detail.clear()

    def _show_detail(self, current, _previous) -> None:
        entry = self.model.entry(current.row())
        self.detail.setPlainText(describe_change(entry, self.record.text().strip()) if entry else "")

    def export(self) -> Task | None:
        """Every matching entry (no limit) to CSV, with progress and a stop button."""
        try:
            flt = self.current_filter()
        except ValidationError as error:
            self.errors.show(error)
            return None
        path = ask_save_path(self, "Xuất nhật ký thay đổi", f"nhat-ky-thay-doi-{clock.today():%Y%m%d}.csv",
                             "Tệp CSV (*.csv)")
        if path is None:
            return None

        def work(progress) -> int:
            def step(done: int, total: int) -> None:
                progress.check()
                progress.step(done, total, f"Đã ghi {integer(done)}/{integer(total)} mục…")
            return export_audit_csv(flt, path, step)

        def done(count: int) -> None:
            inform(self, "Đã xuất", f"Đã ghi {integer(count)} mục vào {path}.")

        return run_task(self, work, done, on_error=lambda error: self._not_exported(path, error),
                        label="Đang xuất nhật ký thay đổi…", cancellable=True)

    def _not_exported(self, path, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            inform(self, "Đã dừng", f"Đã dừng xuất; {path.name} giữ nguyên như trước.")
        elif isinstance(error, ValidationError):
            inform(self, "Không xuất được", error.message, warning=True)
        else:
            raise error

    def check_chain(self) -> Task:
        """Every entry's hash recomputed: long on a large trail, so off the UI thread."""
        return run_task(self, lambda _progress: verify_chain(), self._chain_checked,
                        label="Đang kiểm tra nhật ký thay đổi…")

    def _chain_checked(self, result) -> None:
        if result.intact:
            inform(self, "Nhật ký nguyên vẹn",
                   f"Đã kiểm tra {integer(result.entries)} mục: không có mục nào bị sửa hay xóa.")
        else:
            inform(self, "Nhật ký đã bị can thiệp",
                   f"Mục số {result.first_broken_id} (hoặc mục ngay trước nó) đã bị sửa hoặc xóa "
                   "ngoài phần mềm. Hãy báo cho quản trị viên.", warning=True)

    def on_shown(self) -> None:
        self.refresh(with_users=True)

    def save_layout(self) -> None:
        """Column widths are fixed; nothing to remember."""

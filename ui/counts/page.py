"""Headcount and movement of members for a period, for the bloc or any organisation."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.core import clock
from models.core.errors import ValidationError
from models.members import headcount_by_grassroots, movement
from reports.numbers import integer
from ui.counts.tables import GrassrootsTableModel, MovementTableModel
from ui.page import Page
from ui.tasks import Task
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_errors import FormErrors
from ui.widgets.org_picker import OrgPicker
from ui.widgets.table_view import list_view


class CountsPage(Page):
    title = "Số lượng, biến động"

    def __init__(self, parent=None):
        super().__init__(parent)
        today = clock.today()
        self.org = OrgPicker(any_label="Toàn Đảng bộ Khối")
        self.start = DateEdit("Từ ngày", "start")
        self.start.set_date(date(today.year, 1, 1))
        self.end = DateEdit("Đến ngày", "end")
        self.end.set_date(today)
        show = QPushButton("Xem số liệu")
        show.setDefault(True)
        show.clicked.connect(self.compute)
        refresh = QAction(self, shortcut=QKeySequence.StandardKey.Refresh)
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.compute)
        self.addAction(refresh)
        error_line = QLabel()
        self.errors = FormErrors(error_line)
        self.errors.add("start", self.start)
        self.errors.add("end", self.end)

        bar = FlowLayout()
        for label, widget in (("Tổ chức", self.org), ("Từ ngày", self.start), ("đến ngày", self.end)):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(show)
        bar.addStretch(1)

        self.movement_model = MovementTableModel(self)
        self.grassroots_model = GrassrootsTableModel(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Biến động đảng viên trong kỳ</b>"))
        left_layout.addWidget(list_view(self.movement_model, stretch_first=True))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.grassroots_title = QLabel()
        right_layout.addWidget(self.grassroots_title)
        right_layout.addWidget(list_view(self.grassroots_model, stretch_first=True))
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 620])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(error_line)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def compute(self) -> Task | None:
        """The movement table replays the history of the whole registry: off the UI thread."""
        self.errors.clear()
        org_id = self.org.org_id()
        try:
            start, end = self.start.date(), self.end.date()
        except ValidationError as error:
            self.errors.show(error)
            return None
        return self.load_later("figures", lambda: (movement(start, end, org_id),
                                                   headcount_by_grassroots(end, org_id)),
                               lambda figures: self._show(*figures), refused=self.errors.show)

    def _show(self, table, rows: list) -> None:
        self.movement_model.set_movement(table)
        self.grassroots_model.set_rows(rows)
        probationary = sum(r.probationary for r in rows)
        self.grassroots_title.setText(f"<b>Số đảng viên ngày {self.end.text()} theo tổ chức cơ sở đảng</b>")
        self.summary.setText(
            f"Ngày {self.end.text()}: {integer(table.closing)} đảng viên "
            f"(dự bị {integer(probationary)}, chính thức {integer(table.closing - probationary)}); "
            f"kiểm tra A + B − C = D: {integer(table.opening)} + {integer(table.added)} − "
            f"{integer(table.removed)} = {integer(table.closing)}."
        )

    def on_shown(self) -> None:
        self.compute()

    def records_changed(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.org.reload()
        self.compute()

    def save_layout(self) -> None:
        """Nothing to remember yet beyond the window's own layout."""

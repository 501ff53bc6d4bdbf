"""Chỉ tiêu, chương trình: the main targets of a year and of the congress term, with what the
records say of each, judged as the year-end report judges them."""


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.targets import delete_target, target_results
from reports.glance import WORK_ITEMS
from reports.target_words import judgement_text, target_sentence, threshold_text, value_text
from ui.page import ActionSpec, Page
from ui.programme.movements_tab import MovementsTab
from ui.programme.target_dialog import TargetDialog
from ui.programme.workplan_tab import WorkplanTab
from ui.widgets.buttons import confirm, inform
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class TargetTableModel(RowsTableModel):
    headers = ["Chỉ tiêu", "Năm", "Mức", "Kết quả", "Đánh giá", "Nguồn"]

    def cells(self, row) -> list[str]:
        years = str(row.year_from) if not row.term else f"{row.year_from} - {row.year_to}"
        source = row.source or ("số liệu trong phần mềm" if row.value is not None else "")
        return [row.wording, years, threshold_text(row), value_text(row), judgement_text(row), source]


class ProgrammePage(Page):
    title = "Chỉ tiêu, chương trình"

    def __init__(self, parent=None):
        super().__init__(parent)
        tabs = self.tabs = QTabWidget()
        tabs.addTab(self._targets_tab(), "Chỉ tiêu chủ yếu")
        self.workplan = WorkplanTab()
        tabs.addTab(self.workplan, "Chương trình công tác")
        self.movements = MovementsTab()
        tabs.addTab(self.movements, "Phong trào, mô hình")
        # The other tabs read their lists when the clerk turns to them, not with the page.
        tabs.currentChanged.connect(lambda _i: self._load_tab())
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)

    def show_part(self, part: str) -> None:
        if part == WORK_ITEMS:
            self.tabs.setCurrentWidget(self.workplan)

    def _load_tab(self) -> None:
        shown = self.tabs.currentWidget()
        if shown in (self.workplan, self.movements):
            shown.load()

    def _targets_tab(self) -> QWidget:
        page = QWidget()
        can_write = may(WRITE_RECORDS)
        bar, _actions = self.toolbar([
            ActionSpec("Thêm chỉ tiêu", self.add_target, QKeySequence.StandardKey.New, enabled=can_write),
            ActionSpec("Sửa", self.edit_target, enabled=can_write),
            ActionSpec("Xóa", self.remove_target, QKeySequence.StandardKey.Delete, enabled=can_write),
        ], owner=page)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year)
        self.year.setPrefix("Năm ")
        self.year.valueChanged.connect(lambda _v: self.refresh())
        bar.addWidget(self.year)
        self.targets = TargetTableModel(self)
        self.view = list_view(self.targets)
        column_widths(self.view, (390, 90, 100, 130, 175))
        open_on_activate(self.view, self.edit_target)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.sentence)
        return page

    def refresh(self) -> None:
        year = self.year.value()
        self.load_later("targets", lambda: target_results(year), lambda rows: self._show(year, rows))

    def _show(self, year: int, rows: list) -> None:
        chosen = self._chosen()
        self.targets.set_rows(rows)
        for position, row in enumerate(rows):
            if chosen is not None and row.id == chosen.id:
                self.view.selectRow(position)
        sentence = target_sentence(rows, year)
        self.sentence.setText(f"Trong báo cáo tổng kết: {sentence}" if sentence else
                              f"Chưa có chỉ tiêu chủ yếu nào cho năm {year}.")

    def _chosen(self):
        index = self.view.currentIndex()
        return self.targets.row_at(index.row()) if index.isValid() else None

    def add_target(self) -> None:
        if TargetDialog(year=self.year.value(), parent=self).accepted_after_exec():
            self.refresh()

    def edit_target(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            inform(self, "Chỉ tiêu chủ yếu", "Chọn một chỉ tiêu trong danh sách trước.")
        elif TargetDialog(chosen.id, parent=self).accepted_after_exec():
            self.refresh()

    def remove_target(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            inform(self, "Chỉ tiêu chủ yếu", "Chọn một chỉ tiêu trong danh sách trước.")
            return
        if confirm(self, "Xóa chỉ tiêu", f"Xóa chỉ tiêu “{chosen.wording}”? Việc xóa được ghi vào nhật ký.",
                   yes="Xóa"):
            delete_target(chosen.id)
            self.refresh()

    def on_shown(self) -> None:
        self.refresh()
        self._load_tab()

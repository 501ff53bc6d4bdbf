"""Chỉ tiêu, chương trình › Phong trào, mô hình: the movements, who registered for each and
what was built under it, and the sentences the reports will print for the year."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.movements import (
    ITEM_KINDS,
    KINDS,
    create_social_org,
    delete_movement,
    entry_rows,
    item_rows,
    movement_figures,
    movement_rows,
    remove_item,
    unregister,
)
from reports.movement_words import campaign_sentences, movement_sentences
from reports.numbers import integer
from ui.programme.movement_dialogs import EntryDialog, ItemDialog, MovementDialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class MovementTableModel(RowsTableModel):
    headers = ["Tên", "Loại", "Phát động", "Kết thúc", "Đăng ký", "Mô hình, công trình", "Đã hoàn thành"]

    def cells(self, row) -> list[str]:
        return [row.name, KINDS[row.kind].split(" (")[0], fmt_date(row.start_date), fmt_date(row.end_date),
                str(row.entries), str(row.items), str(row.completed)]


class EntryTableModel(RowsTableModel):
    headers = ["Tổ chức đăng ký", "Ngày đăng ký"]

    def cells(self, row) -> list[str]:
        return [row.name, fmt_date(row.registered_on)]


class ItemTableModel(RowsTableModel):
    headers = ["Loại", "Tên", "Đơn vị thực hiện", "Đăng ký", "Hoàn thành", "Giá trị (đồng)"]

    def cells(self, row) -> list[str]:
        return [ITEM_KINDS[row.kind], row.name, row.by, fmt_date(row.registered_on),
                fmt_date(row.completed_on), "" if row.value is None else integer(row.value)]


def _buttons(specs: list[tuple[str, object]], enabled: bool) -> QHBoxLayout:
    bar = FlowLayout()
    for text, slot in specs:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(enabled)
        bar.addWidget(button)
    bar.addStretch(1)
    return bar


class MovementsTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        can_write = may(WRITE_RECORDS)
        self.movements, self.entries, self.items = (MovementTableModel(self), EntryTableModel(self),
                                                    ItemTableModel(self))
        self.movement_view = list_view(self.movements)
        column_widths(self.movement_view, (300, 190, 95, 95, 70, 130))
        self.movement_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_movement())
        open_on_activate(self.movement_view, self.edit_movement)
        self.entry_view, self.item_view = list_view(self.entries), list_view(self.items)
        column_widths(self.entry_view, (270,))
        column_widths(self.item_view, (90, 220, 200, 95, 95))
        open_on_activate(self.item_view, self.edit_item)
        entries_box, items_box = QWidget(), QWidget()
        entries_layout, items_layout = QVBoxLayout(entries_box), QVBoxLayout(items_box)
        entries_layout.addWidget(self.entry_view)
        entries_layout.addLayout(_buttons([("Thêm đăng ký…", self.add_entry),
                                           ("Bỏ đăng ký", self.remove_entry),
                                           ("Tổ chức chính trị - xã hội…", self.add_social_org)], can_write))
        items_layout.addWidget(self.item_view)
        items_layout.addLayout(_buttons([("Thêm mô hình, công trình…", self.add_item),
                                         ("Sửa…", self.edit_item), ("Xóa", self.remove_item)], can_write))
        lower = QSplitter()
        lower.addWidget(entries_box)
        lower.addWidget(items_box)
        lower.setSizes([420, 680])
        self.sentences = QLabel()
        self.sentences.setWordWrap(True)
        self.sentences.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(_buttons([("Thêm phong trào, mô hình…", self.add_movement),
                                   ("Sửa…", self.edit_movement), ("Xóa", self.remove_movement)], can_write))
        layout.addWidget(self.movement_view, 2)
        layout.addWidget(lower, 3)
        layout.addWidget(self.sentences)
        if can_write:  # the keys every list of the app answers to
            QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_movement,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- loading --------------------------------------------------------------------
    def load(self, select: int | None = None) -> None:
        select = select or (self._movement().id if self._movement() else None)
        rows = movement_rows()
        self.movements.set_rows(rows)
        for position, row in enumerate(rows):
            if row.id == select:
                self.movement_view.selectRow(position)
        self._show_movement()
        year = clock.today().year
        start, end = date(year, 1, 1), date(year, 12, 31)
        figures = movement_figures(start, end)
        said = " ".join(part for part in (movement_sentences(figures, start, end),
                                          campaign_sentences(figures, start, end)) if part)
        self.sentences.setText(f"Trong báo cáo năm {year}: {said}" if said else "")

    def _movement(self):
        index = self.movement_view.currentIndex()
        return self.movements.row_at(index.row()) if index.isValid() else None

    def _show_movement(self) -> None:
        movement = self._movement()
        self.entries.set_rows(entry_rows(movement.id) if movement else [])
        self.items.set_rows(item_rows(movement.id) if movement else [])

    def _chosen(self, view, model, what: str):
        index = view.currentIndex()
        row = model.row_at(index.row()) if index.isValid() else None
        if row is None:
            inform(self, "Phong trào, mô hình", f"Chọn {what} trước.")
        return row

    # --- movements ------------------------------------------------------------------
    def add_movement(self) -> None:
        dialog = MovementDialog(parent=self)
        if dialog.accepted_after_exec():
            self.load(dialog.row.id)

    def edit_movement(self) -> None:
        movement = self._chosen(self.movement_view, self.movements, "một phong trào")
        if movement and MovementDialog(movement, self).accepted_after_exec():
            self.load(movement.id)

    def remove_movement(self) -> None:
        movement = self._chosen(self.movement_view, self.movements, "một phong trào")
        if movement and confirm(self, "Xóa phong trào", f"Xóa “{movement.name}” cùng {movement.entries} đăng "
                                f"ký và {movement.items} mô hình, công trình của nó?", yes="Xóa"):
            delete_movement(movement.id)
            self.load()

    # --- registrations and items -----------------------------------------------------
    def add_entry(self) -> None:
        movement = self._chosen(self.movement_view, self.movements, "một phong trào")
        if movement and EntryDialog(movement.id, self).accepted_after_exec():
            self.load(movement.id)

    def remove_entry(self) -> None:
        entry = self._chosen(self.entry_view, self.entries, "một tổ chức đã đăng ký")
        if entry and confirm(self, "Bỏ đăng ký", f"Bỏ đăng ký của “{entry.name}”?", yes="Bỏ đăng ký"):
            unregister(entry.id)
            self.load()

    def add_item(self) -> None:
        movement = self._chosen(self.movement_view, self.movements, "một phong trào")
        if movement and ItemDialog(movement.id, parent=self).accepted_after_exec():
            self.load(movement.id)

    def edit_item(self) -> None:
        movement = self._movement()
        item = self._chosen(self.item_view, self.items, "một mô hình, công trình")
        if movement and item and ItemDialog(movement.id, item, self).accepted_after_exec():
            self.load(movement.id)

    def remove_item(self) -> None:
        item = self._chosen(self.item_view, self.items, "một mô hình, công trình")
        if item and confirm(self, "Xóa", f"Xóa “{item.name}”?", yes="Xóa"):
            remove_item(item.id)
            self.load()

    def add_social_org(self) -> None:
        name, given = QInputDialog.getText(self, "Tổ chức chính trị - xã hội",
                                           "Tên tổ chức chính trị - xã hội trực thuộc Đảng bộ Khối:")
        if not given:
            return
        try:
            create_social_org(name)
        except ValidationError as error:
            inform(self, "Tổ chức chính trị - xã hội", error.message, warning=True)

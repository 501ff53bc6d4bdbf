"""Chỉ tiêu, chương trình › Chương trình công tác: the year's (and the term's) programme of
the executive and standing committees, month by month, with key tasks, schemes and thematic
resolutions; each item with the body in charge, the document that carried it out, its status."""


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core.dates import fmt_date
from models.workplan import (
    BODIES,
    KINDS,
    STATUSES,
    create_work_item,
    delete_work_item,
    update_work_item,
    work_items,
)
from ui.widgets.buttons import confirm, inform
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_dialog import FormDialog
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.table_view import column_widths, list_view, open_on_activate


def _combo(items: dict, chosen: str | None) -> QComboBox:
    combo = code_combo(items)
    select_code(combo, chosen)
    return combo


class WorkItemDialog(FormDialog):
    def __init__(self, row=None, year: int | None = None, parent=None):
        super().__init__("Chương trình công tác", parent)
        self.row = row
        form = QFormLayout()
        self.year_from, self.year_to, self.month = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, value in ((self.year_from, row.year_from if row else year),
                            (self.year_to, row.year_to if row else year)):
            spin.setRange(1990, 2100)
            spin.setValue(value or clock.today().year)
        self.month.setRange(0, 12)
        self.month.setSpecialValueText("(cả năm)")
        self.month.setValue(row.month or 0 if row else 0)
        self.kind = _combo(KINDS, row.kind if row else None)
        self.body = _combo(BODIES, row.body if row else "BTV_DUK")
        self.content = QPlainTextEdit(row.content if row else "")
        self.content.setMaximumHeight(80)
        self.in_charge = QLineEdit(row.in_charge if row else "")
        self.carried_out_by = QLineEdit(row.carried_out_by if row else "")
        self.carried_out_by.setPlaceholderText("ví dụ Nghị quyết số 15-NQ/ĐUK ngày 10/3/2025")
        self.status = _combo(STATUSES, row.status if row else None)
        self.done_on = DateEdit("Ngày thực hiện", "done_on")
        self.done_on.set_date(row.done_on if row else None)
        rows = (("kind", "Loại (*)", self.kind), ("body", "Chương trình của (*)", self.body),
                ("year_from", "Năm (*)", self.year_from), ("year_to", "Đến năm (toàn khóa)", self.year_to),
                ("month", "Tháng", self.month), ("content", "Nội dung (*)", self.content),
                ("in_charge", "Chủ trì", self.in_charge),
                ("carried_out_by", "Văn bản thực hiện", self.carried_out_by),
                ("status", "Tình trạng", self.status), ("done_on", "Ngày thực hiện", self.done_on))
        for field, label, widget in rows:
            self.errors.add_row(form, field, label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(640, self.sizeHint().height())
        self.mark_clean()

    def write(self) -> None:
        fields = {"year_from": self.year_from.value(), "year_to": self.year_to.value(),
                  "month": self.month.value() or None, "kind": self.kind.currentData(),
                  "body": self.body.currentData(), "content": self.content.toPlainText(),
                  "in_charge": self.in_charge.text(), "carried_out_by": self.carried_out_by.text(),
                  "status": self.status.currentData(), "done_on": self.done_on.date()}
        if self.row is None:
            self.row = create_work_item(fields)
        else:
            update_work_item(self.row.id, fields)


class WorkTableModel(RowsTableModel):
    headers = ["Tháng", "Loại", "Nội dung", "Chủ trì", "Văn bản thực hiện", "Tình trạng"]

    def cells(self, row) -> list[str]:
        when = f"{row.month}/{row.year_from}" if row.month else (
            str(row.year_from) if row.year_from == row.year_to else f"{row.year_from} - {row.year_to}")
        status = STATUSES[row.status] + (f" ({fmt_date(row.done_on)})" if row.done_on else "")
        return [when, KINDS[row.kind], row.content, row.in_charge, row.carried_out_by, status]


class WorkplanTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(clock.today().year)
        self.year.setPrefix("Năm ")
        self.year.valueChanged.connect(lambda _v: self.load())
        self.model = WorkTableModel(self)
        self.view = list_view(self.model)
        column_widths(self.view, (80, 190, 380, 170, 220))
        open_on_activate(self.view, self.edit_item)
        bar = FlowLayout()
        for text, slot in (("Thêm…", self.add_item), ("Sửa…", self.edit_item), ("Xóa", self.remove_item)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(may(WRITE_RECORDS))
            bar.addWidget(button)
        bar.addWidget(self.year)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        if may(WRITE_RECORDS):  # the keys every list of the app answers to
            for keys, slot in ((QKeySequence.StandardKey.New, self.add_item),
                               (QKeySequence.StandardKey.Delete, self.remove_item)):
                QShortcut(keys, self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def load(self) -> None:
        self.model.set_rows(work_items(self.year.value()))

    def _chosen(self):
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            inform(self, "Chương trình công tác", "Chọn một nội dung trong danh sách trước.")
        return row

    def add_item(self) -> None:
        if WorkItemDialog(year=self.year.value(), parent=self).accepted_after_exec():
            self.load()

    def edit_item(self) -> None:
        row = self._chosen()
        if row and WorkItemDialog(row, parent=self).accepted_after_exec():
            self.load()

    def remove_item(self) -> None:
        row = self._chosen()
        if row and confirm(self, "Xóa", f"Xóa “{row.content}” khỏi chương trình công tác?", yes="Xóa"):
            delete_work_item(row.id)
            self.load()

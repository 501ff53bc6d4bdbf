"""The forms of a movement, of a registration for it, and of one of its mô hình or công
trình. Who registers is a Party organisation or one of the bloc's socio-political
organisations, chosen in one list."""

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout

from models.core import clock
from models.movements import (
    ITEM_KINDS,
    KINDS,
    REPLICATED,
    add_item,
    create_movement,
    register,
    social_orgs,
    update_item,
    update_movement,
)
from models.orgs import org_rows, tree_order
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog


def who_picker() -> QComboBox:
    """Party organisations of the tree, then the socio-political organisations; the data is
    "org:12" or "social:3" (a string: Qt finds it again, which it does not for a tuple)."""
    combo = QComboBox()
    for depth, row in tree_order(org_rows()):
        if row.parent_id is not None and row.dissolved_on is None:
            combo.addItem("   " * (depth - 1) + row.name, f"org:{row.id}")
    for social in social_orgs(clock.today()):
        combo.addItem(f"{social.name} (tổ chức chính trị - xã hội)", f"social:{social.id}")
    return combo


def _who(combo: QComboBox) -> dict:
    kind, _, number = (combo.currentData() or "").partition(":")
    record_id = int(number) if number else None
    return {"org_id": record_id if kind == "org" else None,
            "social_org_id": record_id if kind == "social" else None}


def _dates(dialog: FormDialog, form: QFormLayout, fields: dict[str, tuple[str, date | None]]) -> dict:
    edits = {}
    for field, (label, value) in fields.items():
        edit = DateEdit(label, field)
        edit.set_date(value)
        dialog.errors.add_row(form, field, label, edit)
        edits[field] = edit
    return edits


class MovementDialog(FormDialog):
    def __init__(self, row=None, parent=None):
        super().__init__("Phong trào, mô hình", parent)
        self.row = row
        form = QFormLayout()
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText("ví dụ Dân vận khéo làm theo lời Bác")
        self.errors.add_row(form, "name", "Tên (*)", self.name)
        self.kind = code_combo(KINDS)
        select_code(self.kind, row.kind if row else None)
        self.errors.add_row(form, "kind", "Loại (*)", self.kind)
        self.dates = _dates(self, form, {
            "start_date": ("Ngày phát động (*)", row.start_date if row else None),
            "end_date": ("Ngày kết thúc", row.end_date if row else None)})
        self.item_noun = QLineEdit(row.item_noun if row else "")
        self.item_noun.setPlaceholderText("mô hình nhân rộng: ví dụ phòng truyền thống tại cơ sở")
        self.errors.add_row(form, "item_noun", "Cái được đếm", self.item_noun)
        self.item_unit = QLineEdit(row.item_unit if row else "")
        self.item_unit.setPlaceholderText("ví dụ phòng")
        self.errors.add_row(form, "item_unit", "Đơn vị đếm", self.item_unit)
        self.count_before = QSpinBox()
        self.count_before.setRange(0, 100_000)
        self.count_before.setValue(row.count_before if row else 0)
        self.errors.add_row(form, "count_before", "Số đã có trước khi nhập vào phần mềm", self.count_before)
        self.kind.currentIndexChanged.connect(lambda _i: self._enable())
        self._enable()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(620, self.sizeHint().height())
        self.mark_clean()

    def _enable(self) -> None:
        replicated = self.kind.currentData() == REPLICATED
        for widget in (self.item_noun, self.item_unit, self.count_before):
            widget.setEnabled(replicated)

    def write(self) -> None:
        fields = {"name": self.name.text(), "kind": self.kind.currentData(),
                  "start_date": self.dates["start_date"].date(), "end_date": self.dates["end_date"].date(),
                  "item_noun": self.item_noun.text(), "item_unit": self.item_unit.text(),
                  "count_before": self.count_before.value()}
        if self.row is None:
            self.row = create_movement(fields)
        else:
            update_movement(self.row.id, fields)


class EntryDialog(FormDialog):
    def __init__(self, movement_id: int, parent=None):
        super().__init__("Đăng ký phong trào", parent)
        self.movement_id = movement_id
        form = QFormLayout()
        self.who = who_picker()
        self.errors.add_row(form, "org", "Tổ chức (*)", self.who)
        self.dates = _dates(self, form, {"registered_on": ("Ngày đăng ký (*)", clock.today())})
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        register(self.movement_id, self.dates["registered_on"].date(), **_who(self.who))


class ItemDialog(FormDialog):
    def __init__(self, movement_id: int, row=None, parent=None):
        super().__init__("Mô hình, công trình", parent)
        self.movement_id, self.row = movement_id, row
        form = QFormLayout()
        self.kind = code_combo(ITEM_KINDS)
        self.name = QLineEdit(row.name if row else "")
        self.who = who_picker()
        if row:
            select_code(self.kind, row.kind)
            self.who.setCurrentIndex(self.who.findData(f"org:{row.org_id}" if row.org_id
                                                       else f"social:{row.social_org_id}"))
        self.errors.add_row(form, "kind", "Loại (*)", self.kind)
        self.errors.add_row(form, "name", "Tên (*)", self.name)
        self.errors.add_row(form, "org", "Đơn vị thực hiện (*)", self.who)
        self.dates = _dates(self, form, {
            "registered_on": ("Ngày đăng ký (*)", row.registered_on if row else clock.today()),
            "completed_on": ("Ngày hoàn thành", row.completed_on if row else None)})
        self.value = QLineEdit("" if row is None or row.value is None else str(row.value))
        self.value.setPlaceholderText("đồng, ví dụ 170000000")
        self.errors.add_row(form, "value", "Giá trị (đồng)", self.value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(560, self.sizeHint().height())
        self.mark_clean()

    def write(self) -> None:
        fields = {"kind": self.kind.currentData(), "name": self.name.text(), **_who(self.who),
                  "registered_on": self.dates["registered_on"].date(),
                  "completed_on": self.dates["completed_on"].date(),
                  "value": self.value.text().replace(".", "").replace(" ", "")}
        if self.row is None:
            add_item(self.movement_id, fields)
        else:
            update_item(self.row.id, fields)

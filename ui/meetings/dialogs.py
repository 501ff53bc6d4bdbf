"""The smaller forms of the meetings page: a resolution of a meeting; and the name its minutes
are saved under."""

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from models.meetings import (
    RESOLUTION_KINDS,
    add_resolution,
    update_resolution,
)
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog


def text_box(height: int = 60) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setMaximumHeight(height)
    return box


class ResolutionDialog(FormDialog):
    def __init__(self, meeting_id: int, row=None, parent=None):
        super().__init__("Nghị quyết, kết luận", parent)
        self.meeting_id, self.row = meeting_id, row
        self.kind = code_combo(RESOLUTION_KINDS)
        self.number = QLineEdit()
        self.number.setPlaceholderText("05-NQ/ĐUK")
        self.day = DateEdit("Ngày ban hành", "date")
        self.text = QPlainTextEdit()
        self.votes = {}
        form = QFormLayout()
        for field, label, widget in (("kind", "Loại", self.kind), ("number", "Số", self.number),
                                     ("date", "Ngày", self.day), ("text", "Nội dung", self.text)):
            self.errors.add_row(form, field, label, widget)
        for field, label in (("votes_for", "Tán thành"), ("votes_against", "Không tán thành"),
                             ("abstentions", "Không biểu quyết")):
            spin = QSpinBox()
            spin.setRange(-1, 10_000)
            spin.setSpecialValueText("(không ghi)")
            spin.setValue(-1)
            self.votes[field] = spin
            self.errors.add_row(form, field, label, spin)
        if row is not None:
            select_code(self.kind, row.kind)
            self.number.setText(row.number)
            self.day.set_date(row.date)
            self.text.setPlainText(row.text)
            for field, spin in self.votes.items():
                value = getattr(row, field)
                spin.setValue(-1 if value is None else value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        fields = {"kind": self.kind.currentData(), "number": self.number.text(), "date": self.day.date(),
                  "text": self.text.toPlainText()}
        fields.update({field: (spin.value() if spin.value() >= 0 else None)
                       for field, spin in self.votes.items()})
        if self.row is None:
            add_resolution(self.meeting_id, fields)
        else:
            update_resolution(self.row.id, fields)


def minutes_file_name(meeting_id: int) -> str:
    return f"bien-ban-hop-{meeting_id}.pdf"

"""Record one change of a member's state: the kinds offered are those the status machine
accepts next; the fields shown are those the chosen kind needs."""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.admissions import correct_registry_event
from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.members import (
    LEAVING_PAPERS,
    HistoryRow,
    allowed_kinds,
    check_leaving_papers,
    record_event,
)
from ui.widgets.buttons import confirm
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_errors import FormErrors
from ui.widgets.org_picker import OrgPicker

PLACE_LABELS = {
    v.TRANSFER_IN: "Chuyển đến từ",
    v.TRANSFER_OUT: "Chuyển đến nơi",
    v.TEMP_OUT_START: "Sinh hoạt tạm thời tại",
    v.TEMP_IN_START: "Đảng bộ nơi sinh hoạt chính thức",
    v.READMITTED: "Nơi kết nạp lại",
}
NEEDS_MEMBERSHIP = (v.TRANSFER_IN, v.TEMP_IN_START)
# Events after which the member is no longer on the list of those active here.
OFF_THE_LIST = {
    v.TRANSFER_OUT: "chuyển sinh hoạt chính thức đến {place}; hồ sơ ra khỏi danh sách đang sinh hoạt "
                    "và xem lại ở bộ lọc “Đã chuyển đi”",
    v.TEMP_OUT_START: "sinh hoạt tạm thời tại {place}; vẫn được tính vào đảng số của Đảng bộ",
    v.STRUCK_OFF_EVENT: "bị xóa tên; hồ sơ ra khỏi danh sách đang sinh hoạt",
    v.RESIGNED_EVENT: "ra khỏi Đảng; hồ sơ ra khỏi danh sách đang sinh hoạt",
    v.EXPELLED_EVENT: "bị khai trừ; hồ sơ ra khỏi danh sách đang sinh hoạt",
    v.DECEASED_EVENT: "được ghi là đã từ trần; hồ sơ ra khỏi danh sách đang sinh hoạt",
}


class EventFields(QWidget):
    """The fields of one event; used by the event dialog and by the new-member form."""

    def __init__(self, kinds: list[str], parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for kind in kinds:
            self.kind.addItem(v.EVENT_KINDS[kind], kind)
        self.date = DateEdit("Ngày", "date")
        self.decision_no = QLineEdit()
        self.decision_no.setPlaceholderText("ví dụ 125-QĐ/ĐUK")
        self.org = OrgPicker(cells_only=True)
        self.place = QLineEdit()
        self.membership = QComboBox()
        for code, label in v.MEMBERSHIPS.items():
            self.membership.addItem(label, code)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(54)

        error_line = QLabel()
        self.errors = FormErrors(error_line)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self._labels: dict[str, QLabel] = {}
        for field, label, widget in (
            ("kind", "Loại biến động (*)", self.kind),
            ("date", "Ngày (*)", self.date),
            ("decision_no", "Số quyết định", self.decision_no),
            ("org", "Chi bộ", self.org),
            ("place", "Nơi đi / đến", self.place),
            ("membership", "Là đảng viên", self.membership),
            ("note", "Ghi chú", self.note),
        ):
            self._labels[field] = QLabel(label)
            self.errors.add_row(self.form, field, self._labels[field], widget)
        self.form.addRow(error_line)
        self.kind.currentIndexChanged.connect(self._fit_to_kind)
        self._fit_to_kind()

    def current_kind(self) -> str | None:
        return self.kind.currentData()

    def _fit_to_kind(self) -> None:
        kind = self.current_kind()
        self.form.setRowVisible(self._labels["org"], kind in v.EVENTS_WITH_ORG)
        self.form.setRowVisible(self._labels["place"], kind in PLACE_LABELS)
        self.form.setRowVisible(self._labels["membership"], kind in NEEDS_MEMBERSHIP)
        needed = LEAVING_PAPERS.get(kind, ())
        mark = {field: " (*)" if field in needed else "" for field in ("place", "decision_no")}
        self._labels["place"].setText(PLACE_LABELS.get(kind, "Nơi đi / đến") + mark["place"])
        self._labels["decision_no"].setText("Số quyết định" + mark["decision_no"])

    def values(self) -> dict:
        """What record_event() takes; raises ValidationError for a date that is not a date."""
        kind = self.current_kind()
        return {
            "kind": kind,
            "date": self.date.date(),
            "decision_no": self.decision_no.text(),
            "org_id": self.org.org_id() if kind in v.EVENTS_WITH_ORG else None,
            "place": self.place.text() if kind in PLACE_LABELS else "",
            "membership": self.membership.currentData() if kind in NEEDS_MEMBERSHIP else None,
            "note": self.note.toPlainText(),
        }


class EventDialog(FormDialog):
    def __init__(self, member_id: int, member_name: str, parent=None):
        super().__init__(f"Ghi biến động — {member_name}", parent)
        self.member_id = member_id
        self.member_name = member_name
        self.outcome = ""  # what happened, in a sentence for the status line
        self.fields = EventFields(allowed_kinds(member_id))
        self.errors = self.fields.errors  # the fields carry their own error lines
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.make_buttons())
        self.resize(520, self.sizeHint().height())
        self.mark_clean()

    def save(self) -> bool:
        """An event that takes the member off the list is checked, then confirmed, then saved."""
        self.clear_errors()
        try:
            values = self.fields.values()
            check_leaving_papers(values["kind"], values["decision_no"], values["place"])
        except ValidationError as error:
            self.show_error(error)
            return False
        sentence = OFF_THE_LIST.get(values["kind"])
        if sentence and values["date"] is not None:
            what = sentence.format(place=values["place"].strip())
            if not confirm(self, v.EVENT_KINDS[values["kind"]],
                           f"Từ ngày {fmt_date(values['date'])}, đồng chí {self.member_name} {what}.\n\n"
                           "Ghi biến động này?", yes="Ghi biến động"):
                return False
            self.outcome = f"Đã ghi: đồng chí {self.member_name} {what}."
        return super().save()

    def write(self) -> None:
        record_event(self.member_id, **self.fields.values())

    @classmethod
    def ask(cls, member_id: int, member_name: str, parent=None) -> str | None:
        """None when cancelled; else what happened, as a sentence (empty for a plain event)."""
        dialog = cls(member_id, member_name, parent)
        return dialog.outcome if dialog.accepted_after_exec() else None


class EventCorrectionDialog(FormDialog):
    """The day or the number of an event typed wrong, put right in place: the history is
    replayed with it, so a day that breaks what followed is refused next to the day."""

    def __init__(self, event: HistoryRow, member_name: str, parent=None):
        super().__init__(f"Sửa ngày, số của biến động — {member_name}", parent)
        self.event_id = event.id
        self.date = DateEdit("Ngày", "date")
        self.date.set_date(event.date)
        self.decision_no = QLineEdit(event.decision_no)
        form = QFormLayout()
        form.addRow("Biến động", QLabel(event.kind_label))
        self.errors.add_row(form, "date", "Ngày", self.date)
        self.errors.add_row(form, "decision_no", "Số quyết định", self.decision_no)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(480, self.sizeHint().height())
        self.mark_clean()

    def show_error(self, error: ValidationError) -> None:
        # The replay names the rule it broke ("kind"); what the clerk changed here is the day.
        field = error.field if error.field == "decision_no" else "date"
        self.errors.show(ValidationError(field, error.message))

    def write(self) -> None:
        correct_registry_event(self.event_id, self.date.date(), self.decision_no.text())

    @classmethod
    def ask(cls, event: HistoryRow, member_name: str, parent=None) -> bool:
        return cls(event, member_name, parent).accepted_after_exec()

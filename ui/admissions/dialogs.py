"""Forms of the admissions page: the person on the list, the next step of a case, the end
of a case (struck off during probation, or taken off the list), and a target."""


from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from models.admissions import (
    STEP_FIELDS,
    STEPS,
    case_fields,
    correctable_step,
    create_case,
    fail_probation,
    full_member_date,
    get_case,
    next_step,
    set_target,
    update_case,
    withdraw,
)
from models.core import clock
from models.core import vocab as v
from models.core.dates import fmt_date
from models.documents import DECIDED_STEPS, issued_decision, record_step_as_issued
from models.members import TEXT_FIELDS, MemberFilter, member_ids, member_rows
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.org_picker import OrgPicker

FIELD_LABELS = {
    "course_from": "Lớp học từ ngày", "course_to": "đến ngày", "certificate_no": "Số giấy chứng nhận",
    "certificate_date": "Ngày cấp giấy chứng nhận", "history_verified_on": "Ngày thẩm tra xong lý lịch",
    "cell_resolution_no": "Số nghị quyết chi bộ", "cell_resolution_date": "Ngày chi bộ xét",
    "votes_for": "Số tán thành", "votes_total": "Số đảng viên chính thức của chi bộ",
    "base_resolution_no": "Số nghị quyết đảng ủy cơ sở", "base_resolution_date": "Ngày nghị quyết",
    "decision_no": "Số quyết định kết nạp", "decision_date": "Ngày quyết định",
    "decision_body": "Cơ quan quyết định", "ceremony_date": "Ngày lễ kết nạp",
    "review_date": "Ngày chi bộ xét công nhận", "full_decision_no": "Số quyết định công nhận",
    "full_decision_date": "Ngày quyết định công nhận",
}


class CaseDialog(FormDialog):
    """A person on the candidate list: details, cell, date listed, the two introducers."""

    def __init__(self, case_id: int | None = None, parent=None, org_id: int | None = None):
        super().__init__("Thêm người vào danh sách xét kết nạp" if case_id is None
                         else "Thông tin người được xét kết nạp", parent)
        self.case_id = case_id
        self.seen_version: int | None = None
        form = QFormLayout()
        self.inputs = {}

        def row(field, label, widget):
            self.inputs[field] = widget
            self.errors.add_row(form, field, label, widget)

        row("full_name", "Họ và tên (*)", QLineEdit())
        sex = QComboBox()
        sex.addItem("", None)
        for code, label in v.SEXES.items():
            sex.addItem(label, code)
        row("sex", "Giới tính (*)", sex)
        row("birth_date", "Ngày sinh (*)", DateEdit("Ngày sinh", "birth_date"))
        for field, label in (("ethnicity", "Dân tộc"), ("religion", "Tôn giáo"),
                             ("home_town", "Quê quán"), ("residence", "Nơi ở"),
                             ("education", "Trình độ học vấn"), ("occupation", TEXT_FIELDS["occupation"])):
            row(field, label, QLineEdit())
        row("identity_number", "Số CCCD", QLineEdit())
        row("youth_union", "", QCheckBox("Là đoàn viên Đoàn TNCS Hồ Chí Minh"))
        self.org = OrgPicker(cells_only=True)
        row("org", "Chi bộ (*)", self.org)
        row("listed_on", "Ngày vào danh sách (*)", DateEdit("Ngày vào danh sách", "listed_on"))
        for index in (1, 2):
            row(f"introducer{index}", f"Người giới thiệu {index}", QComboBox())
            row(f"introducer{index}_since", "công tác cùng từ ngày",
                DateEdit("Ngày bắt đầu công tác cùng", f"introducer{index}_since"))
        note = QPlainTextEdit()
        note.setFixedHeight(50)
        row("note", "Ghi chú", note)
        self.org.currentIndexChanged.connect(lambda _i: self._fill_introducers())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        if case_id is not None:
            self.load(case_id)
        else:
            self.org.set_org_id(org_id)
            self.inputs["listed_on"].set_date(clock.today())
            self._fill_introducers()
        self.mark_clean()

    def _fill_introducers(self) -> None:
        """The introducers are members of the same cell, chosen from the registry."""
        org_id = self.org.org_id()
        ids = member_ids(MemberFilter(org_id=org_id)) if org_id else []
        rows = member_rows(ids)
        for index in (1, 2):
            combo = self.inputs[f"introducer{index}"]
            chosen = combo.currentData()
            combo.clear()
            combo.addItem("(chưa chọn)", None)
            for member_id in ids:
                row = rows[member_id]
                combo.addItem(f"{row.full_name} — {v.MEMBERSHIPS.get(row.membership, '')}", member_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def load(self, case_id: int) -> None:
        case = get_case(case_id)
        self.seen_version = case.version  # a save over someone else's later one is refused
        fields = case_fields(case)
        self.org.set_org_id(fields["org_id"])
        self._fill_introducers()
        for key, widget in self.inputs.items():
            value = fields.get(f"{key}_id" if key.startswith("introducer") and "since" not in key else key)
            if key == "org":
                continue
            if isinstance(widget, DateEdit):
                widget.set_date(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")

    def values(self) -> dict:
        out = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, DateEdit):
                out[key] = widget.date()
            elif isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif key == "org":
                out["org_id"] = widget.org_id()
            elif isinstance(widget, QComboBox):
                out[f"{key}_id" if key.startswith("introducer") else key] = widget.currentData()
            elif isinstance(widget, QPlainTextEdit):
                out[key] = widget.toPlainText()
            else:
                out[key] = widget.text()
        return out

    def write(self) -> None:
        if self.case_id is None:
            self.case_id = create_case(self.values()).id
        else:
            self.seen_version = update_case(self.case_id, self.values(), self.seen_version).version

    @classmethod
    def ask(cls, case_id: int | None = None, parent=None, org_id: int | None = None) -> int | None:
        dialog = cls(case_id, parent, org_id)
        return dialog.case_id if dialog.accepted_after_exec() else None


class StepDialog(FormDialog):
    """The fields of the case's next step, and nothing else."""

    def __init__(self, case_id: int, parent=None, correcting: bool = False):
        case = get_case(case_id)
        self.step = correctable_step(case) if correcting else next_step(case)
        self.correcting = correcting
        title = f"Sửa bước “{STEPS[self.step][0]}”" if correcting else STEPS[self.step][0]
        super().__init__(f"{title} — {case.full_name}", parent)
        self.setMinimumWidth(480)  # "Ban Thường vụ Đảng ủy Khối" whole in its field
        self.case_id = case_id
        form = QFormLayout()
        self.inputs = {}
        for field in STEP_FIELDS[self.step]:
            if field.endswith(("_date", "_on", "_from", "_to")):
                widget = DateEdit(FIELD_LABELS[field], field)
            elif field.startswith("votes"):
                widget = QSpinBox()
                widget.setRange(0, 999)
            else:
                widget = QLineEdit()
            self.inputs[field] = widget
            self.errors.add_row(form, field, FIELD_LABELS[field], widget)
        if self.step == "decision":
            self.inputs["decision_body"].setText("Ban Thường vụ Đảng ủy Khối")
        if correcting:  # what was recorded, to be put right
            self._show_recorded(case)
        issued = issued_decision(self.step, case_id)
        if issued is not None:  # printed and numbered already: the step takes that number and day
            _kind, number_field, day_field = DECIDED_STEPS[self.step]
            self.inputs[number_field].setText(issued[0])
            self.inputs[day_field].set_date(issued[1])
            note = QLabel(f"Quyết định đã ban hành số {issued[0]} ngày {fmt_date(issued[1])} "
                          "(sổ văn bản đi).")
            note.setWordWrap(True)
            form.addRow(note)
        if self.step == "full":
            due = full_member_date(case)
            explain = QLabel(f"Đủ 12 tháng dự bị ngày {fmt_date(due)}. Ngày trở thành đảng viên chính "
                             "thức là ngày này, kể cả khi quyết định ký sau.")
            explain.setWordWrap(True)
            form.addRow(explain)
        if self.step == "ceremony":
            explain = QLabel("Khi lưu, ngày vào Đảng trong hồ sơ đảng viên cũng được sửa; thời gian dự bị "
                             "12 tháng tính từ ngày mới." if correcting else
                             "Khi lưu, người này được ghi vào danh sách đảng viên là đảng viên dự bị "
                             "của chi bộ, kèm biến động “Kết nạp”.")
            explain.setWordWrap(True)
            form.addRow(explain)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def _show_recorded(self, case) -> None:
        for field, widget in self.inputs.items():
            value = getattr(case, field)
            if isinstance(widget, DateEdit):
                widget.set_date(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(value or 0)
            else:
                widget.setText(value or "")

    def values(self) -> dict:
        out = {}
        for field, widget in self.inputs.items():
            if isinstance(widget, DateEdit):
                out[field] = widget.date()
            elif isinstance(widget, QSpinBox):
                out[field] = widget.value()
            else:
                out[field] = widget.text()
        return out

    def write(self) -> None:
        record_step_as_issued(self.case_id, self.step, self.values(), correcting=self.correcting)

    @classmethod
    def ask(cls, case_id: int, parent=None, correcting: bool = False) -> bool:
        return cls(case_id, parent, correcting).accepted_after_exec()


class EndCaseDialog(FormDialog):
    """Struck off during probation (with the reason), or taken off the candidate list."""

    def __init__(self, case_id: int, struck_off: bool, parent=None):
        case = get_case(case_id)
        title = "Xóa tên đảng viên dự bị" if struck_off else "Đưa ra khỏi danh sách xét kết nạp"
        super().__init__(f"{title} — {case.full_name}", parent)
        self.case_id, self.struck_off = case_id, struck_off
        form = QFormLayout()
        self.on = self.errors.add_row(form, "ended_on", "Ngày (*)", DateEdit("Ngày", "ended_on"))
        self.on.set_date(clock.today())
        self.reason = self.errors.add_row(form, "end_reason", "Lý do (*)", QLineEdit())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons(ok="Xóa tên" if struck_off else "Đưa ra"))
        self.mark_clean()

    def write(self) -> None:
        action = fail_probation if self.struck_off else withdraw
        action(self.case_id, self.on.date(), self.reason.text())

    @classmethod
    def ask(cls, case_id: int, struck_off: bool, parent=None) -> bool:
        return cls(case_id, struck_off, parent).accepted_after_exec()


class TargetDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__("Đặt chỉ tiêu kết nạp", parent)
        form = QFormLayout()
        # Targets are set for the whole bloc or for a grassroots organisation.
        self.org = OrgPicker(any_label="Toàn Đảng bộ Khối", levels=v.GRASSROOTS)
        self.errors.add_row(form, "org", "Đơn vị", self.org)
        this_year = clock.today().year
        self.year_from = QSpinBox()
        self.year_to = QSpinBox()
        for spin in (self.year_from, self.year_to):
            spin.setRange(1990, 2100)
            spin.setValue(this_year)
        self.errors.add_row(form, "year_from", "Từ năm (*)", self.year_from)
        self.errors.add_row(form, "year_to", "Đến năm (nhiệm kỳ: năm cuối)", self.year_to)
        self.value = QSpinBox()
        self.value.setRange(0, 100_000)
        self.errors.add_row(form, "value", "Số đảng viên kết nạp (*)", self.value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        set_target(self.org.org_id(), self.year_from.value(), self.year_to.value(), self.value.value())

    @classmethod
    def ask(cls, parent=None) -> bool:
        return cls(parent).accepted_after_exec()

"""Forms of the inspection page: a case with its subjects, a subject's conclusion, and a
decision of discipline."""


from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.core import clock
from models.core.errors import ValidationError
from models.inspections import (
    BLOC_PERFORMERS,
    CONCLUSIONS,
    FORMS,
    KINDS,
    PERFORMERS,
    STATUSES,
    SUBJECT_TYPES,
    TO_CHUC,
    DisciplineRow,
    add_subject,
    conclude_subject,
    correct_discipline,
    create_inspection,
    get_inspection,
    record_discipline,
    remove_subject,
    subject_rows,
    update_inspection,
)
from ui.inspections.tables import SubjectTableModel
from ui.widgets.buttons import confirm
from ui.widgets.code_combo import code_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.export_table import add_export_action
from ui.widgets.form_dialog import FormDialog
from ui.widgets.member_picker import MemberPicker
from ui.widgets.org_picker import OrgPicker
from ui.widgets.screen import fit_to_screen, scrolling
from ui.widgets.table_view import column_widths, one_line_cells, open_on_activate, readable_headers


class InspectionDialog(FormDialog):
    """The case, and (once saved) its subjects with their conclusions."""

    def __init__(self, case_id: int | None = None, parent=None):
        super().__init__("Cuộc kiểm tra, giám sát", parent)
        self.case_id = case_id
        self.seen_version: int | None = None
        form = QFormLayout()
        self.performer = code_combo(PERFORMERS)
        self.performer_org = OrgPicker(any_label="(cấp Khối)")
        self.kind = code_combo(KINDS)
        self.status = code_combo(STATUSES)
        self.planned = QCheckBox("Nằm trong chương trình kiểm tra, giám sát của năm")
        self.plan_year = QSpinBox()
        self.plan_year.setRange(1990, 2100)
        self.plan_year.setValue(clock.today().year)
        self.plan_month = QSpinBox()
        self.plan_month.setRange(0, 12)
        self.plan_month.setSpecialValueText("(cả năm)")
        self.title = QLineEdit()
        self.decision_no = QLineEdit()
        self.decision_date = DateEdit("Ngày quyết định", "decision_date")
        self.start_date = DateEdit("Ngày bắt đầu", "start_date")
        self.end_date = DateEdit("Ngày kết thúc", "end_date")
        self.team = QLineEdit()
        for field, label, widget in (
            ("performer", "Chủ thể tiến hành", self.performer),
            ("performer_org", "Tổ chức của chủ thể", self.performer_org),
            ("kind", "Loại việc", self.kind), ("status", "Tình trạng", self.status),
            ("planned", "", self.planned), ("plan_year", "Năm chương trình", self.plan_year),
            ("plan_month", "Tháng dự kiến", self.plan_month), ("title", "Nội dung", self.title),
            ("decision_no", "Số quyết định", self.decision_no),
            ("decision_date", "Ngày quyết định", self.decision_date),
            ("start_date", "Từ ngày", self.start_date), ("end_date", "Đến ngày", self.end_date),
            ("team", "Đoàn kiểm tra, giám sát", self.team),
        ):
            self.errors.add_row(form, field, label, widget)
        self.performer.currentIndexChanged.connect(self._fit_performer)
        self.subjects = SubjectTableModel(self)
        self.subject_view = QTableView()
        readable_headers(self.subject_view)
        add_export_action(self.subject_view)
        self.subject_view.setModel(self.subjects)
        self.subject_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.subject_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.subject_view.horizontalHeader().setStretchLastSection(True)
        one_line_cells(self.subject_view)
        open_on_activate(self.subject_view, self.conclude_selected)
        column_widths(self.subject_view, (95, 230, 240, 220))
        self.subject_type = code_combo({key: label.capitalize() for key, label in SUBJECT_TYPES.items()})
        self.subject_org = OrgPicker()
        self.subject_member = MemberPicker()
        add = QPushButton("Thêm đối tượng")
        add.clicked.connect(self.add_subject)
        conclude = QPushButton("Kết luận, kiến nghị…")
        conclude.clicked.connect(self.conclude_selected)
        drop = QPushButton("Bỏ đối tượng")
        drop.clicked.connect(self.remove_selected)
        adder = QHBoxLayout()
        for widget in (self.subject_type, self.subject_org, self.subject_member, add):
            adder.addWidget(widget)
        self.subject_type.currentIndexChanged.connect(self._fit_subject)
        buttons = QHBoxLayout()
        buttons.addWidget(conclude)
        buttons.addWidget(drop)
        buttons.addStretch(1)
        self.subject_form = QFormLayout()
        self.errors.add_row(self.subject_form, "subject_type", "Đối tượng", self.subject_view)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addLayout(self.subject_form)
        inner.addLayout(adder)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        fit_to_screen(self, 900, 760)
        if case_id is not None:
            self.load(case_id)
        self._fit_performer()
        self._fit_subject()
        self.mark_clean()

    def _fit_performer(self) -> None:
        self.performer_org.setEnabled(self.performer.currentData() not in BLOC_PERFORMERS)

    def _fit_subject(self) -> None:
        is_org = self.subject_type.currentData() == TO_CHUC
        self.subject_org.setVisible(is_org)
        self.subject_member.setVisible(not is_org)

    def load(self, case_id: int) -> None:
        case = get_inspection(case_id)
        self.seen_version = case.version  # a save over someone else's later one is refused
        for combo, value in ((self.performer, case.performer), (self.kind, case.kind),
                             (self.status, case.status)):
            combo.setCurrentIndex(combo.findData(value))
        self.performer_org.set_org_id(case.performer_org_id)
        self.planned.setChecked(case.planned)
        self.plan_year.setValue(case.plan_year or clock.today().year)
        self.plan_month.setValue(case.plan_month or 0)
        for edit, value in ((self.title, case.title), (self.decision_no, case.decision_no),
                            (self.team, case.team)):
            edit.setText(value)
        for edit, value in ((self.decision_date, case.decision_date), (self.start_date, case.start_date),
                            (self.end_date, case.end_date)):
            edit.set_date(value)
        self.subjects.set_rows(subject_rows(case_id))

    def values(self) -> dict:
        return {"performer": self.performer.currentData(), "performer_org_id": self.performer_org.org_id(),
                "kind": self.kind.currentData(), "status": self.status.currentData(),
                "planned": self.planned.isChecked(), "plan_year": self.plan_year.value(),
                "plan_month": self.plan_month.value() or None, "title": self.title.text(),
                "decision_no": self.decision_no.text(), "decision_date": self.decision_date.date(),
                "start_date": self.start_date.date(), "end_date": self.end_date.date(),
                "team": self.team.text()}

    def write(self) -> None:
        if self.case_id is None:
            self.case_id = create_inspection(self.values()).id
        else:
            self.seen_version = update_inspection(self.case_id, self.values(), self.seen_version).version

    def add_subject(self) -> None:
        """Subjects need a saved case: save it first if it is new."""
        if self.case_id is None and not self.save():
            return
        self.clear_errors()
        try:
            if self.subject_type.currentData() == TO_CHUC:
                add_subject(self.case_id, TO_CHUC, org_id=self.subject_org.org_id())
            else:
                add_subject(self.case_id, self.subject_type.currentData(),
                            member_id=self.subject_member.member_id())
        except ValidationError as error:
            self.errors.show(ValidationError("subject_type", error.message))
            return
        self.subjects.set_rows(subject_rows(self.case_id))

    def _selected_subject(self):
        rows = self.subject_view.selectionModel().selectedRows()
        return self.subjects.row_at(rows[0].row()) if rows else None

    def conclude_selected(self) -> None:
        subject = self._selected_subject()
        if subject is not None and ConclusionDialog.ask(subject, self):
            self.subjects.set_rows(subject_rows(self.case_id))

    def remove_selected(self) -> None:
        subject = self._selected_subject()
        if subject is not None and confirm(self, "Bỏ đối tượng", f"Bỏ “{subject.name}” khỏi cuộc "
                                           "kiểm tra, giám sát này?", yes="Bỏ"):
            remove_subject(subject.id)
            self.subjects.set_rows(subject_rows(self.case_id))

    @classmethod
    def ask(cls, case_id: int | None = None, parent=None) -> bool:
        dialog = cls(case_id, parent)
        dialog.exec()
        return dialog.case_id is not None


class ConclusionDialog(FormDialog):
    def __init__(self, subject, parent=None):
        super().__init__(f"Kết luận — {subject.name}", parent)
        self.subject_id = subject.id
        form = QFormLayout()
        self.conclusion = QComboBox()
        self.conclusion.addItem("Chưa kết luận", None)
        for code, label in CONCLUSIONS.items():
            self.conclusion.addItem(label, code)
        self.conclusion.setCurrentIndex(max(0, self.conclusion.findData(subject.conclusion)))
        self.recommendations = QPlainTextEdit(subject.recommendations)
        self.follow_up = QCheckBox("Kiến nghị đã được thực hiện")
        self.follow_up.setChecked(subject.follow_up_done)
        self.errors.add_row(form, "conclusion", "Kết luận", self.conclusion)
        self.errors.add_row(form, "recommendations", "Kiến nghị", self.recommendations)
        form.addRow("", self.follow_up)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        conclude_subject(self.subject_id, self.conclusion.currentData(),
                         self.recommendations.toPlainText(), self.follow_up.isChecked())

    @classmethod
    def ask(cls, subject, parent=None) -> bool:
        return cls(subject, parent).accepted_after_exec()


class DisciplineDialog(FormDialog):
    """A new decision, or (`entry`) one already recorded put right: its subject and form stay as
    recorded and are shown, not offered — another form is another decision."""

    def __init__(self, parent=None, entry: DisciplineRow | None = None):
        super().__init__("Sửa quyết định kỷ luật" if entry else "Ghi quyết định kỷ luật", parent)
        self.entry = entry
        form = QFormLayout()
        self.subject_type = code_combo({TO_CHUC: "Tổ chức đảng", "DANG_VIEN": "Đảng viên",
                                    "CAP_UY_VIEN": "Cấp ủy viên"})
        self.org = OrgPicker()
        self.member = MemberPicker()
        self.form_combo = code_combo(FORMS)
        self.deciding_body = QLineEdit("Ủy ban Kiểm tra Đảng ủy Khối")
        self.decision_no = QLineEdit()
        self.decision_date = DateEdit("Ngày quyết định", "decision_date")
        self.effective_date = DateEdit("Ngày có hiệu lực", "effective_date")
        self.note = QLineEdit()
        if entry is None:
            subject = (("subject_type", "Đối tượng", self.subject_type), ("org", "Tổ chức đảng", self.org),
                       ("member", "Đảng viên", self.member), ("form", "Hình thức", self.form_combo))
        else:
            whom = f"{SUBJECT_TYPES[entry.subject_type].capitalize()}: {entry.name}"
            subject = (("subject_type", "Đối tượng", QLabel(whom)),
                       ("form", "Hình thức", QLabel(entry.form_label)))
            self.deciding_body.setText(entry.deciding_body)
            self.decision_no.setText(entry.decision_no)
            self.decision_date.set_date(entry.decision_date)
            self.effective_date.set_date(entry.effective_date)
            self.note.setText(entry.note)
        for field, label, widget in (
            *subject, ("deciding_body", "Cấp quyết định", self.deciding_body),
            ("decision_no", "Số quyết định", self.decision_no),
            ("decision_date", "Ngày quyết định", self.decision_date),
            ("effective_date", "Ngày có hiệu lực", self.effective_date), ("note", "Ghi chú", self.note),
        ):
            self.errors.add_row(form, field, label, widget)
        self.subject_type.currentIndexChanged.connect(self._fit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if entry is not None and entry.form in ("KHAI_TRU", "GIAI_TAN"):
            follows = QLabel("Sửa ngày có hiệu lực thì ngày khai trừ trong lịch sử đảng viên, hoặc ngày "
                             "giải thể của tổ chức, cũng được sửa theo.")
            follows.setWordWrap(True)
            layout.addWidget(follows)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(700, self.sizeHint().height())
        self._fit()
        self.mark_clean()

    def _fit(self) -> None:
        is_org = self.subject_type.currentData() == TO_CHUC
        self.org.setEnabled(is_org)
        self.member.setEnabled(not is_org)

    def save(self) -> bool:
        # Expulsion and dissolution change the registry and the tree: ask first.
        form = self.form_combo.currentData()
        if self.entry is None and form in ("KHAI_TRU", "GIAI_TAN") and not confirm(
            self, "Xác nhận", f"Ghi kỷ luật {FORMS[form].lower()}? Việc này ghi luôn biến động "
            "khai trừ của đảng viên, hoặc giải thể tổ chức, từ ngày có hiệu lực.", yes=FORMS[form],
        ):
            return False
        return super().save()

    def write(self) -> None:
        if self.entry is not None:
            correct_discipline(self.entry.id, {
                "deciding_body": self.deciding_body.text(), "decision_no": self.decision_no.text(),
                "decision_date": self.decision_date.date(), "effective_date": self.effective_date.date(),
                "note": self.note.text()})
            return
        is_org = self.subject_type.currentData() == TO_CHUC
        record_discipline(self.subject_type.currentData(), self.form_combo.currentData(),
                          self.deciding_body.text(), self.decision_no.text(), self.decision_date.date(),
                          self.effective_date.date(), org_id=self.org.org_id() if is_org else None,
                          member_id=None if is_org else self.member.member_id(), note=self.note.text())

    @classmethod
    def ask(cls, parent=None, entry: DisciplineRow | None = None) -> bool:
        return cls(parent, entry).accepted_after_exec()

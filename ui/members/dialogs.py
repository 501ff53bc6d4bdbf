"""The member form: biography, Party details, photo and, for an existing record, its history.

A new record is saved together with its opening event (admitted, transferred in…); later
changes of state are recorded from the history tab, never by editing a status field.
"""


from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.documents import member_documents
from models.inspections import inspection_history
from models.members import (
    TEXT_FIELDS,
    check_photo,
    create_member,
    get_member,
    get_photo,
    history,
    member_fields,
    remove_event,
    set_photo,
    update_member,
)
from models.orgs import committees_above, get_org
from ui import settings
from ui.members.event_dialog import NEEDS_MEMBERSHIP, EventCorrectionDialog, EventDialog, EventFields
from ui.members.photo import PhotoBox
from ui.members.printing import chosen_event, print_letter, print_member_sheet
from ui.members.tables import HistoryTableModel
from ui.widgets.buttons import confirm, inform
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.screen import fit_to_screen
from ui.widgets.table_view import column_widths, list_view

DATE_FIELDS = {
    "birth_date": "Ngày sinh",
    "admission_date": "Ngày quyết định kết nạp",
    "ceremony_date": "Ngày vào Đảng (lễ kết nạp)",
    "full_member_date": "Ngày chính thức",
}
# Fields of the opening event, shown in its own box on a new record.
OPENING_FIELDS = {"kind", "date", "org", "place", "membership", "decision_no"}
ID_FIELDS = {
    "identity_number": ("Số CCCD", "12 chữ số"),
    "card_number": ("Số thẻ đảng viên", "8 chữ số, ví dụ 01234567"),
    "dossier_number": ("Số lý lịch", "ví dụ 012345QN"),
}


class MemberDialog(PhotoBox, FormDialog):
    def __init__(self, member_id: int | None = None, parent=None, org_id: int | None = None):
        super().__init__("Thêm đảng viên" if member_id is None else "Hồ sơ đảng viên", parent)
        self.member_id = member_id
        self.seen_version: int | None = None
        self.saved = False
        self._photo: bytes | None = None
        self._photo_changed = False
        self.inputs: dict[str, QWidget] = {}
        self.edit_buttons: list[QPushButton] = []  # photo and history buttons

        # Where the member stands now, above the tabs: the state changes only through events.
        self.state_label = QLabel()
        self.state_label.setStyleSheet("font-weight: bold; color: #8b1a1a; padding: 2px 0 6px 0;")
        self.state_label.setWordWrap(True)
        self.state_label.setVisible(member_id is not None)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._biography_tab(), "Sơ yếu lý lịch")
        self.tabs.addTab(self._party_tab(), "Thông tin đảng viên")
        self.history_model = HistoryTableModel(self)
        if member_id is not None:
            self.tabs.addTab(self._history_tab(), "Quá trình, biến động")
            self.inspection_list = QPlainTextEdit()
            self.inspection_list.setReadOnly(True)
            self.tabs.addTab(self.inspection_list, "Kiểm tra, kỷ luật, văn bản")

        buttons = self.make_buttons()
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_and_close)
        self.read_only = not may(WRITE_RECORDS)
        if self.read_only:  # a viewer reads; models/ would refuse the write anyway
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Đóng")

        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addLayout(self._photo_box())
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(top)
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 600)
        geometry = settings.MEMBER_DIALOG_GEOMETRY.get()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if member_id is not None:
            self.load(member_id)
        elif org_id is not None:
            self.opening.org.set_org_id(org_id)
        if self.read_only:
            for button in self.edit_buttons:
                button.setEnabled(False)
            self.setWindowTitle(self.windowTitle() + " (chỉ xem)")
        self.mark_clean()

    # --- building the form ------------------------------------------------------------
    def _row(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        self.inputs[field] = widget
        self.errors.add_row(form, field, label, widget)

    def _biography_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._row(form, "full_name", "Họ và tên (*)", QLineEdit())
        self._row(form, "other_name", "Tên gọi khác", QLineEdit())
        sex = QComboBox()
        sex.addItem("", None)
        for code, label in v.SEXES.items():
            sex.addItem(label, code)
        self._row(form, "sex", "Giới tính (*)", sex)
        self._row(form, "birth_date", "Ngày sinh (*)", DateEdit("Ngày sinh", "birth_date"))
        for field in ("ethnicity", "religion", "home_town", "residence"):
            self._row(form, field, TEXT_FIELDS[field], QLineEdit())
        label, hint = ID_FIELDS["identity_number"]
        self._row(form, "identity_number", label, self._id_edit(hint))
        for field in ("education", "professional_level"):
            self._row(form, field, TEXT_FIELDS[field], QLineEdit())
        theory = QComboBox()
        theory.setEditable(True)
        theory.addItems(v.POLITICAL_THEORY)
        self._row(form, "political_theory", TEXT_FIELDS["political_theory"], theory)
        self._row(form, "occupation", TEXT_FIELDS["occupation"], QLineEdit())
        return page

    def _id_edit(self, hint: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        edit.setMaxLength(20)
        return edit

    def _party_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        for field in ("card_number", "dossier_number"):
            label, hint = ID_FIELDS[field]
            self._row(form, field, label, self._id_edit(hint))
        for field in ("admission_date", "ceremony_date", "full_member_date"):
            self._row(form, field, DATE_FIELDS[field], DateEdit(DATE_FIELDS[field], field))
        self._row(form, "party_posts", TEXT_FIELDS["party_posts"], QLineEdit())
        self._row(form, "youth_union", "Khi vào Đảng", QCheckBox("là đoàn viên Đoàn TNCS Hồ Chí Minh"))
        note = QPlainTextEdit()
        note.setFixedHeight(60)
        self._row(form, "note", "Ghi chú", note)
        layout.addLayout(form)
        self.opening: EventFields | None = None
        if self.member_id is None:
            self.opening = EventFields(list(v.OPENING_EVENTS))
            group = QGroupBox("Vào danh sách đảng viên của Đảng bộ bằng")
            inner = QVBoxLayout(group)
            inner.addWidget(self.opening)
            layout.addWidget(group)
            self.inputs["full_member_date"].editingFinished.connect(self._full_date_given)
        layout.addStretch(1)
        return page

    def _full_date_given(self) -> None:
        """A member who arrives with a full-membership date arrives as a full member: the form
        says so at once instead of refusing on save (the rule itself is models.members')."""
        try:
            full = self.inputs["full_member_date"].date()
        except ValidationError:
            return
        choice = self.opening.membership
        if full is not None and self.opening.kind.currentData() in NEEDS_MEMBERSHIP:
            choice.setCurrentIndex(max(0, choice.findData(v.FULL)))

    def _history_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.history_view = list_view(self.history_model)
        # Set widths, the long ones cut with their tooltip: fitted to contents, an organisation's
        # full name pushed the column's title out of sight.
        column_widths(self.history_view, (85, 225, 105, 240, 180, 130, 160, 90))
        add = QPushButton("Ghi biến động…")
        add.clicked.connect(self.add_event)
        correct = QPushButton("Sửa ngày, số…")
        correct.setToolTip("Sửa ngày hoặc số quyết định của biến động đang chọn, nếu đã nhập sai")
        correct.clicked.connect(self.correct_selected_event)
        remove = QPushButton("Bỏ biến động nhập nhầm")
        remove.clicked.connect(self.remove_selected_event)
        self.edit_buttons += [add, correct, remove]
        letter = QPushButton("In giấy giới thiệu…")
        letter.clicked.connect(lambda: print_letter(self, self.member_id, *chosen_event(self.history_view)))
        sheet = QPushButton("In phiếu đảng viên…")
        sheet.clicked.connect(lambda: print_member_sheet(self, self.member_id))
        buttons = QHBoxLayout()
        for button in (add, correct, remove, letter, sheet):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.history_view)
        layout.addLayout(buttons)
        return page

    # --- load and save ----------------------------------------------------------------
    def load(self, member_id: int) -> None:
        member = get_member(member_id)
        self.member_id = member_id
        self.seen_version = member.version  # a save over someone else's later one is refused
        for field, value in member_fields(member).items():
            widget = self.inputs[field]
            if isinstance(widget, DateEdit):
                widget.set_date(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif field == "sex":
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(value or "")
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value or "")
            else:
                widget.setText(value or "")
        self.setWindowTitle(f"Hồ sơ đảng viên — {member.full_name}")
        self._show_photo(get_photo(member_id))
        self._photo_changed = False
        self.refresh_history()

    def refresh_history(self) -> None:
        if self.member_id is None:
            return
        member = get_member(self.member_id)
        self.seen_version = member.version  # an event entered here saved the record too
        self.history_model.set_rows(history(self.member_id))
        lines = [f"{fmt_date(line.on)}  {line.text}" for line in inspection_history(member_id=self.member_id)]
        lines += [f"{fmt_date(on)}  Văn bản số {number:02d}-{code}: {title}" + (f" ({file})" if file else "")
                  for number, code, on, title, file in member_documents(self.member_id)]
        self.inspection_list.setPlainText("\n".join(lines) or "Chưa có cuộc kiểm tra, giám sát, kỷ luật hay "
                                                              "văn bản nào.")
        place = ""
        if member.org_id:
            org = get_org(member.org_id)
            above = committees_above().get(org.id)  # the đảng bộ bộ phận too: twin cells are common
            place = org.name + (f" — {above}" if above and above != org.name else "")
        parts = [f"Đảng viên {v.MEMBERSHIPS.get(member.membership, '').lower()}",
                 v.STATUSES.get(member.status, "").lower(), place]
        self.state_label.setText("Hiện nay: " + ", ".join(p for p in parts if p))

    def values(self) -> dict:
        """The typed values; raises ValidationError for a date field that is not a date."""
        out = {}
        for field, widget in self.inputs.items():
            if isinstance(widget, DateEdit):
                out[field] = widget.date()
            elif isinstance(widget, QCheckBox):
                out[field] = widget.isChecked()
            elif field == "sex":
                out[field] = widget.currentData()
            elif isinstance(widget, QComboBox):
                out[field] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                out[field] = widget.toPlainText()
            else:
                out[field] = widget.text()
        return out

    def write(self) -> None:
        fields = self.values()
        if self._photo_changed and self._photo is not None:
            check_photo(self._photo)
        if self.opening is not None and self.member_id is None:
            self.member_id = create_member(fields, self.opening.values()).id
        else:
            self.seen_version = update_member(self.member_id, fields, self.seen_version).version
        if self._photo_changed:
            set_photo(self.member_id, self._photo)
            self._photo_changed = False

    def save(self) -> bool:
        if not super().save():
            return False
        self.saved = True
        return True

    def clear_errors(self) -> None:
        self.errors.clear()
        if self.opening:
            self.opening.errors.clear()

    def show_error(self, error: ValidationError) -> None:
        # A refused opening event belongs in its own box on the Party tab.
        if self.opening is not None and self.member_id is None and error.field in OPENING_FIELDS:
            self.tabs.setCurrentIndex(1)
            self.opening.errors.show(error)
        else:
            self.errors.show(error)

    def has_unsaved_changes(self) -> bool:
        return self._photo_changed or super().has_unsaved_changes()

    def done(self, result: int) -> None:
        settings.MEMBER_DIALOG_GEOMETRY.set(self.saveGeometry())
        super().done(result)

    # --- photo and events -------------------------------------------------------------
    def add_event(self) -> None:
        name = self.inputs["full_name"].text()
        if EventDialog.ask(self.member_id, name, self) is not None:
            self.saved = True
            self.refresh_history()

    def _chosen_event(self, title: str, which: str):
        """The history row chosen, or None after saying which one to choose."""
        rows = self.history_view.selectionModel().selectedRows()
        if not rows:
            inform(self, title, f"Chọn biến động {which} trong bảng trước.")
            return None
        return self.history_model.row_at(rows[0].row())

    def correct_selected_event(self) -> None:
        event = self._chosen_event("Sửa biến động", "cần sửa")
        if event is None or not EventCorrectionDialog.ask(event, self.inputs["full_name"].text(), self):
            return
        self.saved = True
        self.refresh_history()
        # The days of admission and full membership follow their events: shown as stored, not typed.
        member = get_member(self.member_id)
        for field in ("admission_date", "full_member_date"):
            self.inputs[field].set_date(getattr(member, field))
            self.mark_input_clean(self.inputs[field])

    def remove_selected_event(self) -> None:
        event = self._chosen_event("Bỏ biến động", "nhập nhầm")
        if event is None or not confirm(self, "Bỏ biến động", "Bỏ biến động đã chọn khỏi quá trình của "
                                        "đảng viên?", yes="Bỏ biến động"):
            return
        try:
            remove_event(event.id)
        except ValidationError as error:
            inform(self, "Không bỏ được", error.message, warning=True)
            return
        self.saved = True
        self.refresh_history()

    # --- entry points -----------------------------------------------------------------
    @classmethod
    def open_new(cls, parent=None, org_id: int | None = None) -> int | None:
        dialog = cls(None, parent, org_id=org_id)
        dialog.exec()
        return dialog.member_id if dialog.saved else None

    @classmethod
    def open_existing(cls, member_id: int, parent=None) -> bool:
        dialog = cls(member_id, parent)
        dialog.exec()
        return dialog.saved

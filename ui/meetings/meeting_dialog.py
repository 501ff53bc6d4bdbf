"""The meeting form: when, who, the agenda, attendance with its quorum, minutes, resolutions and
attached files."""


from pathlib import Path

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.core import clock
from models.core.errors import ValidationError
from models.meetings import (
    BCH_DUK,
    BODIES,
    CAP_UY_CO_SO,
    CHI_BO,
    KINDS,
    RESOLUTION_KINDS,
    attendance,
    create_meeting,
    default_roster,
    get_meeting,
    meeting_warnings,
    next_bch_number,
    quorum_of,
    remove_resolution,
    resolutions,
    set_attendance,
    update_meeting,
)
from reports.minutes import minutes_of, render_minutes
from ui.meetings.dialogs import ResolutionDialog, minutes_file_name, text_box
from ui.meetings.files_tab import MeetingFilesTab
from ui.meetings.tables import AttendanceModel, ResolutionTableModel
from ui.widgets.buttons import confirm, inform
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.org_picker import OrgPicker
from ui.widgets.pdf_preview import PdfPreviewDialog
from ui.widgets.save_path import ask_save_path
from ui.widgets.screen import fit_to_screen, scrolling
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class MeetingDialog(FormDialog):
    def __init__(self, meeting_id: int | None = None, parent=None):
        super().__init__("Hội nghị, sinh hoạt", parent)
        self.meeting_id = meeting_id
        self.seen_version: int | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), "Thông tin chung")
        self.tabs.addTab(self._attendance_tab(), "Điểm danh")
        self.minutes = QPlainTextEdit()
        self.minutes.setPlaceholderText("Diễn biến hội nghị, ý kiến thảo luận, kết luận của chủ trì…")
        self.tabs.addTab(self.minutes, "Biên bản")
        self.tabs.addTab(self._resolutions_tab(), "Nghị quyết, kết luận")
        self.files_tab = MeetingFilesTab(lambda: self.meeting_id if self._saved() else None)
        self.tabs.addTab(self.files_tab, "Tệp đính kèm")
        self.warning_line = QLabel()
        self.warning_line.setWordWrap(True)
        self.warning_line.setStyleSheet("color: #8a1c1c;")
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(self.tabs), 1)
        layout.addWidget(self.warning_line)
        layout.addWidget(self.fallback)
        buttons = self.make_buttons()
        print_button = buttons.addButton("In biên bản (PDF)…", buttons.ButtonRole.ActionRole)
        print_button.clicked.connect(self.print_minutes)
        layout.addWidget(buttons)
        fit_to_screen(self, 960, 720)
        if meeting_id is not None:
            self.load(meeting_id)
        else:
            self.propose_number()
        self._fit_body()
        self.mark_clean()

    # --- tabs ---------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        self.body = code_combo(BODIES)
        self.org = OrgPicker()
        self.kind = code_combo(KINDS)
        self.number = QSpinBox()
        self.number.setRange(0, 999)
        self.number.setSpecialValueText("(tự đánh số)")
        self.title = QLineEdit()
        self.title.setPlaceholderText("Ví dụ: Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ 13, sơ kết "
                                      "công tác 6 tháng đầu năm")
        self.day = DateEdit("Ngày họp", "date")
        self.day.set_date(clock.today())
        self.time = QLineEdit()
        self.time.setPlaceholderText("08:00")
        self.time.setMaximumWidth(80)
        self.place = QLineEdit()
        self.chairs = text_box(45)
        self.secretary = QLineEdit()
        self.body_size = QSpinBox()
        self.body_size.setRange(0, 500)
        self.body_size.setSpecialValueText("(chưa ghi)")
        self.guests = text_box()
        self.guests.setPlaceholderText("Mỗi dòng một đại biểu, đúng như in trong báo cáo: đồng chí Trần Duy "
                                       "Hùng - UVBTV, Trưởng Ban Tổ chức Tỉnh ủy")
        self.presenters = text_box(45)
        self.standing_visitors = text_box(45)
        self.standing_visitors.setPlaceholderText("Ủy viên Ban Thường vụ Đảng ủy Khối dự sinh hoạt chi bộ, "
                                                  "mỗi dòng một đồng chí")
        self.agenda = text_box()
        when = QHBoxLayout()
        for widget in (self.day, QLabel("Giờ"), self.time, QLabel("Địa điểm"), self.place):
            when.addWidget(widget)
        form = QFormLayout(page)
        for field, label, widget in (
            ("body", "Cơ quan họp", self.body), ("org_id", "Tổ chức đảng", self.org),
            ("kind", "Loại", self.kind), ("number", "Hội nghị lần thứ", self.number),
            ("title", "Tên hội nghị", self.title), ("date", "Ngày, giờ, địa điểm", when),
            ("chairs", "Chủ trì", self.chairs), ("secretary", "Thư ký", self.secretary),
            ("body_size", "Số thành viên cơ quan họp", self.body_size),
            ("guests", "Đại biểu dự và chỉ đạo", self.guests),
            ("presenters", "Trình bày báo cáo", self.presenters),
            ("standing_visitors", "Ủy viên BTV dự sinh hoạt", self.standing_visitors),
            ("agenda", "Chương trình, nội dung", self.agenda),
        ):
            if isinstance(widget, QHBoxLayout):
                holder = QWidget()
                holder.setLayout(widget)
                holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                widget.setContentsMargins(0, 0, 0, 0)
                widget = holder
            self.errors.add_row(form, field, label, widget)
        self.body.currentIndexChanged.connect(lambda _i: self._fit_body())
        self.day.editingFinished.connect(self.propose_number)
        return page

    def _attendance_tab(self) -> QWidget:
        page = QWidget()
        self.sheet = AttendanceModel(self)
        self.sheet.edited.connect(self._attendance_edited)
        self.sheet_view = list_view(self.sheet)
        self.sheet_view.setEditTriggers(self.sheet_view.EditTrigger.AllEditTriggers)
        column_widths(self.sheet_view, (230, 90, 110, 70))
        self.roster_button = QPushButton("Lấy danh sách đảng viên của chi bộ")
        self.roster_button.clicked.connect(self.fill_roster)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText("Họ tên thành viên (cơ quan không phải chi bộ)")
        self.new_name.returnPressed.connect(self.add_person)
        add = QPushButton("Thêm")
        add.clicked.connect(self.add_person)
        drop = QPushButton("Bỏ dòng đã chọn")
        drop.clicked.connect(lambda: self.sheet.remove_line(self.sheet_view.currentIndex().row()))
        self.quorum_line = QLabel()
        bar = QHBoxLayout()
        for widget in (self.roster_button, self.new_name, add, drop):
            bar.addWidget(widget)
        form = QFormLayout()
        self.errors.add_row(form, "attendance", "Danh sách", self.sheet_view)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(QLabel("Dấu ở cột “Có mặt”: phím cách hoặc chuột; vắng mặt thì ghi lý do."))
        layout.addLayout(form)
        layout.addWidget(self.quorum_line)
        return page

    def _resolutions_tab(self) -> QWidget:
        page = QWidget()
        self.resolutions = ResolutionTableModel(self)
        self.resolution_view = list_view(self.resolutions)
        open_on_activate(self.resolution_view, self.edit_resolution)
        column_widths(self.resolution_view, (90, 110, 90, 80, 115, 125))
        add = QPushButton("Thêm nghị quyết, kết luận…")
        add.clicked.connect(self.add_resolution)
        edit = QPushButton("Sửa…")
        edit.clicked.connect(self.edit_resolution)
        drop = QPushButton("Xóa")
        drop.clicked.connect(self.remove_resolution)
        bar = QHBoxLayout()
        for widget in (add, edit, drop):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.resolution_view)
        return page

    # --- behaviour ----------------------------------------------------------------------
    def _fit_body(self) -> None:
        body = self.body.currentData()
        self.org.setEnabled(body in (CHI_BO, CAP_UY_CO_SO))
        self.number.setEnabled(body == BCH_DUK)
        self.standing_visitors.setEnabled(body == CHI_BO)
        self.body_size.setEnabled(body != CHI_BO)
        self.roster_button.setEnabled(body == CHI_BO)

    def propose_number(self) -> None:
        """The next "lần thứ N" of the term, unless the clerk typed one."""
        if self.body.currentData() != BCH_DUK or self.number.value():
            return
        try:
            day = self.day.date() or clock.today()
        except ValidationError:
            return
        self.number.setSpecialValueText(f"(tự đánh số: {next_bch_number(day, self.meeting_id)})")

    def load(self, meeting_id: int) -> None:
        meeting = get_meeting(meeting_id)
        self.seen_version = meeting.version  # a save over someone else's later one is refused
        select_code(self.body, meeting.body)
        select_code(self.kind, meeting.kind)
        self.org.set_org_id(meeting.org_id)
        self.number.setValue(meeting.number or 0)
        self.day.set_date(meeting.date)
        self.body_size.setValue(meeting.body_size or 0)
        for edit, value in ((self.title, meeting.title), (self.time, meeting.time),
                            (self.place, meeting.place), (self.secretary, meeting.secretary)):
            edit.setText(value)
        for box, value in ((self.chairs, meeting.chairs), (self.guests, meeting.guests),
                           (self.presenters, meeting.presenters),
                           (self.standing_visitors, meeting.standing_visitors),
                           (self.agenda, meeting.agenda), (self.minutes, meeting.minutes)):
            box.setPlainText(value)
        self.sheet.set_lines(attendance(meeting_id))
        self.refresh_children()

    def values(self) -> dict:
        return {"body": self.body.currentData(), "org_id": self.org.org_id(), "kind": self.kind.currentData(),
                "number": self.number.value() or None, "title": self.title.text(), "date": self.day.date(),
                "time": self.time.text(), "place": self.place.text(), "chairs": self.chairs.toPlainText(),
                "secretary": self.secretary.text(), "guests": self.guests.toPlainText(),
                "presenters": self.presenters.toPlainText(),
                "standing_visitors": self.standing_visitors.toPlainText(),
                "agenda": self.agenda.toPlainText(),
                "minutes": self.minutes.toPlainText(), "body_size": self.body_size.value() or None}

    def show_error(self, error: ValidationError) -> None:
        super().show_error(error)
        self.tabs.setCurrentIndex(1 if error.field == "attendance" else
                                  2 if error.field == "minutes" else 0)

    def write(self) -> None:
        if self.meeting_id is None:
            self.meeting_id = create_meeting(self.values()).id
        else:
            self.seen_version = update_meeting(self.meeting_id, self.values(), self.seen_version).version
        if self.tables_changed():
            set_attendance(self.meeting_id, self.sheet.lines)
        self.refresh_children()

    def table_state(self) -> dict:
        return {"attendance": self.sheet.as_draft()}

    def put_table_state(self, state: dict) -> None:
        if "attendance" in state:
            self.sheet.put_draft(state["attendance"])

    def _saved(self) -> bool:
        return self.meeting_id is not None or self.save()

    def refresh_children(self) -> None:
        if self.meeting_id is None:
            return
        self.resolutions.set_rows(resolutions(self.meeting_id))
        self.files_tab.load(self.meeting_id)
        self.warning_line.setText("\n".join(meeting_warnings(self.meeting_id)))

    def _attendance_edited(self) -> None:
        self.errors.clear_field("attendance")  # "vắng mặt thì ghi lý do" stayed after the reason came
        if self.meeting_id is not None:
            self.warning_line.setText("\n".join(meeting_warnings(self.meeting_id, self.sheet.lines)))
        check = quorum_of(self.body.currentData(), self.body_size.value() or None, self.sheet.lines)
        verdict = "đủ" if check.ok else "KHÔNG đủ"
        away = (f" (không tính {check.away} người miễn, tạm thời sinh hoạt nơi khác hay bị đình chỉ)"
                if check.away else "")
        self.quorum_line.setText(f"Có mặt {check.present}/{check.convened} được triệu tập{away}; cần ít nhất "
                                 f"{check.needed} (2/3): {verdict} số lượng để họp. Nghị quyết cần ít nhất "
                                 f"{check.majority} phiếu tán thành.")

    def fill_roster(self) -> None:
        if not self._saved():
            return
        if self.sheet.lines and not confirm(self, "Lấy lại danh sách", "Thay danh sách điểm danh đang có "
                                            "bằng danh sách đảng viên của chi bộ vào ngày họp?", yes="Thay"):
            return
        self.sheet.set_lines(default_roster(self.meeting_id))

    def add_person(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self.sheet.add_line(name)
            self.new_name.clear()

    def add_resolution(self) -> None:
        if self._saved() and ResolutionDialog(self.meeting_id, None, self).accepted_after_exec():
            self.refresh_children()

    def _chosen_resolution(self):
        index = self.resolution_view.currentIndex()
        return self.resolutions.row_at(index.row()) if index.isValid() else None

    def edit_resolution(self) -> None:
        row = self._chosen_resolution()
        if row is not None and ResolutionDialog(self.meeting_id, row, self).accepted_after_exec():
            self.refresh_children()

    def remove_resolution(self) -> None:
        row = self._chosen_resolution()
        if row is not None and confirm(self, "Xóa", f"Xóa {RESOLUTION_KINDS[row.kind].lower()} {row.number}?",
                                       yes="Xóa"):
            remove_resolution(row.id)
            self.refresh_children()

    def print_minutes(self) -> None:
        """Saved first, so the minutes print what the form shows."""
        if not self.save():
            return
        path = ask_save_path(self, "Lưu biên bản PDF", minutes_file_name(self.meeting_id), "PDF (*.pdf)")
        if path is None:
            return
        try:
            render_minutes(path, minutes_of(self.meeting_id))
        except PermissionError:
            inform(self, "Tệp đang mở", f"Không ghi được {path}: tệp đang mở ở chương trình khác.",
                   warning=True)
            return
        PdfPreviewDialog(Path(path), self).exec()

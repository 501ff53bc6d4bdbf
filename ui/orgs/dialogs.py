"""Forms for the organisation tree: add or edit, move under another parent, dissolve."""


from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.core import clock
from models.core import vocab as v
from models.core.errors import ValidationError
from models.orgs import create_org, dissolve_org, get_org, move_org, redate_dissolution, update_org
from ui.widgets.buttons import confirm
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.org_picker import OrgPicker


class _OrgForm(FormDialog):
    """One form layout with Lưu / Hủy; write() returns the id of the organisation written."""

    def __init__(self, title: str, parent=None):
        super().__init__(title, parent)
        self.form = QFormLayout()
        self.buttons = self.make_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.buttons)
        self.result_id: int | None = None

    def add_row(self, field: str, label: str, widget: QWidget) -> QWidget:
        return self.errors.add_row(self.form, field, label, widget)

    def write(self) -> None:
        self.result_id = self.write_org()

    def write_org(self) -> int:
        raise NotImplementedError


class OrgDialog(_OrgForm):
    def __init__(self, org_id: int | None = None, parent_id: int | None = None, parent=None):
        super().__init__("Thêm tổ chức đảng" if org_id is None else "Sửa tổ chức đảng", parent)
        self.org_id = org_id
        self.seen_version = None
        self.name = self.add_row("name", "Tên tổ chức (*)", QLineEdit())
        self.level = QComboBox()
        for code, label in v.ORG_LEVELS.items():
            self.level.addItem(label, code)
        self.add_row("level", "Cấp (*)", self.level)
        self.parent_picker = OrgPicker(any_label="(không có — cấp cao nhất)")
        if org_id is None:
            self.add_row("parent", "Trực thuộc", self.parent_picker)
        self.code = self.add_row("code", "Ký hiệu trên văn bản", QLineEdit())
        self.code.setPlaceholderText("ví dụ ĐU, CB")
        self.agency = self.add_row("agency", "Cơ quan, đơn vị", QLineEdit())
        self.org_type = QComboBox()
        self.org_type.addItem("", "")
        for code, label in v.ORG_TYPES.items():
            self.org_type.addItem(label, code)
        self.add_row("org_type", "Loại hình", self.org_type)
        self.founded_on = self.add_row("founded_on", "Ngày thành lập",
                                       DateEdit("Ngày thành lập", "founded_on"))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(60)
        self.add_row("note", "Ghi chú", self.note)
        self.name.setMinimumWidth(380)
        if org_id is not None:
            self.load(org_id)
        elif parent_id is not None:
            self.parent_picker.set_org_id(parent_id)
            self._propose_level(parent_id)
        self.mark_clean()

    def _propose_level(self, parent_id: int) -> None:
        """Under a đảng bộ cơ sở one usually adds a chi bộ; under the bloc, a grassroots one."""
        parent_level = get_org(parent_id).level
        proposal = {v.BLOC: v.CBCS, v.DBCS: v.CBTT, v.DBBP: v.CBTT}.get(parent_level)
        if proposal:
            self.level.setCurrentIndex(self.level.findData(proposal))

    def load(self, org_id: int) -> None:
        org = get_org(org_id)
        self.seen_version = org.version  # a save over someone else's later one is refused
        self.name.setText(org.name)
        self.level.setCurrentIndex(self.level.findData(org.level))
        self.code.setText(org.code)
        self.agency.setText(org.agency)
        self.org_type.setCurrentIndex(max(0, self.org_type.findData(org.org_type)))
        self.founded_on.set_date(org.founded_on)
        self.note.setPlainText(org.note)

    def write_org(self) -> int:
        fields = {
            "name": self.name.text(),
            "level": self.level.currentData(),
            "code": self.code.text(),
            "agency": self.agency.text(),
            "org_type": self.org_type.currentData(),
            "founded_on": self.founded_on.date(),
            "note": self.note.toPlainText(),
        }
        if self.org_id is None:
            return create_org(parent_id=self.parent_picker.org_id(), **fields).id
        org = update_org(self.org_id, seen_version=self.seen_version, **fields)
        self.seen_version = org.version
        return org.id

    @classmethod
    def ask(cls, org_id: int | None = None, parent_id: int | None = None, parent=None) -> int | None:
        dialog = cls(org_id, parent_id, parent)
        return dialog.result_id if dialog.exec() == QDialog.DialogCode.Accepted else None


class MoveOrgDialog(_OrgForm):
    def __init__(self, org_id: int, parent=None):
        org = get_org(org_id)
        super().__init__(f"Chuyển “{org.name}”", parent)
        self.org_id = org_id
        self.form.addRow(QLabel(f"Chuyển {v.ORG_LEVELS[org.level].lower()} “{org.name}” "
                                "sang trực thuộc:"))
        self.target = self.add_row("parent", "Tổ chức cấp trên mới", OrgPicker())
        self.target.set_org_id(org.parent_id)
        self.mark_clean()

    def write_org(self) -> int:
        target = self.target.org_id()
        if target is None:
            raise ValidationError("parent", "Chọn tổ chức cấp trên mới.")
        return move_org(self.org_id, target).id

    @classmethod
    def ask(cls, org_id: int, parent=None) -> bool:
        return cls(org_id, parent).exec() == QDialog.DialogCode.Accepted


class DissolveOrgDialog(_OrgForm):
    """Dissolve an organisation; or, for one already dissolved, put its day right or take the
    dissolution back (the wrong organisation chosen)."""

    def __init__(self, org_id: int, parent=None):
        org = get_org(org_id)
        self.correcting = org.dissolved_on is not None
        super().__init__(f"Sửa ngày giải thể “{org.name}”" if self.correcting else f"Giải thể “{org.name}”",
                         parent)
        self.org_id, self.org_name = org_id, org.name
        explain = QLabel(
            "Tổ chức giải thể vẫn giữ nguyên lịch sử và số liệu các năm trước; chỉ không còn "
            "nhận đảng viên hay tổ chức trực thuộc mới."
            + (" Nếu đã chọn nhầm tổ chức để giải thể, bấm “Khôi phục tổ chức”." if self.correcting else "")
        )
        explain.setWordWrap(True)
        self.form.addRow(explain)
        self.on = self.add_row("dissolved_on", "Ngày giải thể (*)",
                               DateEdit("Ngày giải thể", "dissolved_on"))
        self.on.set_date(org.dissolved_on or clock.today())
        if self.correcting:
            restore = self.buttons.addButton("Khôi phục tổ chức", QDialogButtonBox.ButtonRole.ResetRole)
            restore.clicked.connect(self.take_back)
        else:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Giải thể")
        self.resize(max(self.sizeHint().width(), 480), self.sizeHint().height())
        self.mark_clean()

    def write_org(self) -> int:
        if self.correcting:
            return redate_dissolution(self.org_id, self.on.date()).id
        return dissolve_org(self.org_id, self.on.date()).id

    def take_back(self) -> None:
        if not confirm(self, "Khôi phục tổ chức", f"Bỏ việc giải thể “{self.org_name}” vì đã chọn nhầm? Tổ "
                       "chức trở lại hoạt động như trước; việc này được ghi vào nhật ký thay đổi.",
                       yes="Khôi phục tổ chức"):
            return
        self.clear_errors()
        try:
            self.result_id = redate_dissolution(self.org_id, None).id
        except ValidationError as error:
            self.show_error(error)
            return
        self.mark_clean()
        self.accept()

    @classmethod
    def ask(cls, org_id: int, parent=None) -> bool:
        return cls(org_id, parent).exec() == QDialog.DialogCode.Accepted

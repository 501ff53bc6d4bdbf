"""First start (the office's details and the first administrator), sign-in, and changing
one's own password."""


from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from models.accounts import (
    CLERK,
    ROLES,
    Actor,
    any_user_exists,
    authenticate,
    create_user,
    first_start,
    get_user,
    office_details,
    set_password,
    update_user,
    user_orgs,
)
from models.core import vocab as v
from models.core.errors import ValidationError
from models.core.text import fold
from models.orgs import org_rows, tree_order
from ui import settings
from ui.users.office_form import OfficeFields, confirm_off_form
from ui.widgets.buttons import vietnamese_buttons
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_errors import FormErrors
from ui.widgets.guarded_dialog import looking_only
from ui.widgets.screen import fit_to_screen


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def check_repeated(first: QLineEdit, second: QLineEdit, field: str) -> None:
    if first.text() != second.text():
        raise ValidationError(field, "Hai lần nhập mật khẩu không giống nhau.")


class FirstStartDialog(FormDialog):
    """Shown while the database has no account."""

    def __init__(self, parent=None):
        super().__init__("Thiết lập lần đầu — Đảng vụ", parent)
        intro = QLabel("Nhập thông tin của cơ quan (dùng trên văn bản) và tạo tài khoản quản trị "
                       "đầu tiên. Sau đó mọi người làm việc bằng tài khoản của mình.")
        intro.setWordWrap(True)
        self.office = OfficeFields(self.errors)
        self.details = self.office.edits
        account = QGroupBox("Tài khoản quản trị")
        account_form = QFormLayout(account)
        self.username = self.errors.add_row(account_form, "username", "Tên đăng nhập", QLineEdit())
        self.full_name = self.errors.add_row(account_form, "full_name", "Họ và tên", QLineEdit())
        self.password = self.errors.add_row(account_form, "password", "Mật khẩu", password_edit())
        self.repeat = self.errors.add_row(account_form, "repeat", "Nhập lại mật khẩu", password_edit())
        buttons = self.make_buttons(ok="Bắt đầu", cancel="Thoát")
        layout = QVBoxLayout(self)
        for widget in (intro, self.office, account, self.fallback, buttons):
            layout.addWidget(widget)
        self.resize(self.sizeHint())
        self.mark_clean()

    def write(self) -> None:
        check_repeated(self.password, self.repeat, "repeat")
        confirm_off_form(self, self.office)
        first_start(self.office.details(), self.username.text(), self.full_name.text(), self.password.text())

    @staticmethod
    def needed() -> bool:
        return not any_user_exists()

    @classmethod
    def ask(cls) -> str | None:
        """The administrator's user name when the account was made (offered at sign-in)."""
        dialog = cls()
        return dialog.username.text().strip().lower() if dialog.accepted_after_exec() else None


class SignInDialog(QDialog):
    """The user name is filled in with the account just made, else the one last signed in
    here (reported: sign-in did not offer the account just created); the password is typed."""

    def __init__(self, parent=None, username: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Đăng nhập — Đảng vụ")
        self.actor: Actor | None = None
        office = office_details()
        heading = QLabel(f"<b>{office.bloc_name or 'Đảng vụ'}</b>")
        fallback = QLabel()
        self.errors = FormErrors(fallback)
        form = QFormLayout()
        self.username = self.errors.add_row(form, "username", "Tên đăng nhập (*)", QLineEdit())
        self.password = self.errors.add_row(form, "password", "Mật khẩu (*)", password_edit())
        self.username.setText(username or settings.LAST_USERNAME.get())
        buttons = vietnamese_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Đăng nhập")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Thoát")
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(fallback)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        (self.password if self.username.text() else self.username).setFocus()

    def sign_in(self) -> bool:
        self.errors.clear()
        try:
            self.actor = authenticate(self.username.text(), self.password.text())
        except ValidationError as error:
            self.password.clear()  # never keep a wrong password on screen
            self.errors.show(error)
            return False
        settings.LAST_USERNAME.set(self.actor.username)
        return True

    def _try(self) -> None:
        if self.sign_in():
            self.accept()

    @classmethod
    def ask(cls, username: str = "") -> Actor | None:
        dialog = cls(username=username)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class ChangePasswordDialog(FormDialog):
    """Own password (old one required), or an administrator resetting someone else's."""

    def __init__(self, user_id: int, username: str, own: bool, parent=None):
        title = f"Đổi mật khẩu — {username}" if own else f"Đặt lại mật khẩu — {username}"
        super().__init__(title, parent)
        self.user_id, self.own = user_id, own
        form = QFormLayout()
        self.old = password_edit()
        if own:
            self.errors.add_row(form, "old_password", "Mật khẩu hiện tại (*)", self.old)
        self.new = self.errors.add_row(form, "password", "Mật khẩu mới (*)", password_edit())
        self.repeat = self.errors.add_row(form, "repeat", "Nhập lại mật khẩu mới (*)", password_edit())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        check_repeated(self.new, self.repeat, "repeat")
        set_password(self.user_id, self.new.text(), self.old.text() if self.own else None)

    @classmethod
    def ask(cls, user_id: int, username: str, own: bool, parent=None) -> bool:
        return cls(user_id, username, own, parent).accepted_after_exec()


class UserDialog(FormDialog):
    def __init__(self, user_id: int | None = None, parent=None):
        super().__init__("Thêm tài khoản" if user_id is None else "Sửa tài khoản", parent)
        self.user_id = user_id
        form = QFormLayout()
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for code, label in ROLES.items():
            self.role.addItem(label, code)
        self.active = QCheckBox("Được đăng nhập")
        self.active.setChecked(True)
        self.password = password_edit()
        self.repeat = password_edit()
        self.orgs = QListWidget()
        self.orgs.setMinimumHeight(160)
        # Long names wrap instead of scrolling the list sideways.
        self.orgs.setWordWrap(True)
        self.orgs.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.orgs.setTextElideMode(Qt.TextElideMode.ElideNone)
        for _depth, row in tree_order(org_rows(include_dissolved=False)):
            if row.level in v.GRASSROOTS:
                item = QListWidgetItem(row.name, self.orgs)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setCheckState(Qt.CheckState.Unchecked)
        if user_id is None:
            self.errors.add_row(form, "username", "Tên đăng nhập (*)", self.username)
        self.errors.add_row(form, "full_name", "Họ và tên (*)", self.full_name)
        self.errors.add_row(form, "role", "Vai trò (*)", self.role)
        form.addRow("", self.active)
        if user_id is None:
            self.errors.add_row(form, "password", "Mật khẩu (*)", self.password)
            self.errors.add_row(form, "repeat", "Nhập lại mật khẩu (*)", self.repeat)
        form.addRow(self._org_choice())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.role.setCurrentIndex(self.role.findData(CLERK))
        if user_id is not None:
            self.load(user_id)
        self._count_orgs()
        fit_to_screen(self, 640, 680)
        self.mark_clean()

    def _org_choice(self) -> QVBoxLayout:
        """The whole width of the form, with a filter: 75–200 organisations were found only by
        scrolling a list 250 px wide, their names wrapped."""
        hint = QLabel("Chỉ làm việc với các tổ chức cơ sở đảng được chọn (để trống: toàn Đảng bộ):")
        hint.setWordWrap(True)
        self.org_filter = looking_only(QLineEdit())
        self.org_filter.setPlaceholderText("Lọc theo tên tổ chức…")
        self.org_filter.setClearButtonEnabled(True)
        self.org_filter.textChanged.connect(self._filter_orgs)
        self.org_count = QLabel()
        self.orgs.itemChanged.connect(self._count_orgs)
        row = QHBoxLayout()
        row.addWidget(self.org_filter, 1)
        row.addWidget(self.org_count)
        box = QVBoxLayout()
        box.setSpacing(4)
        box.addWidget(hint)
        box.addLayout(row)
        box.addWidget(self.orgs, 1)
        box.addWidget(self.errors.add("orgs", self.orgs))
        return box

    def _filter_orgs(self, text: str) -> None:
        wanted = fold(text)
        for index in range(self.orgs.count()):
            item = self.orgs.item(index)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def _count_orgs(self, _item=None) -> None:
        chosen = len(self.chosen_orgs())
        self.org_count.setText(f"Đã chọn {chosen} tổ chức" if chosen else "Toàn Đảng bộ")

    def load(self, user_id: int) -> None:
        user = get_user(user_id)
        self.full_name.setText(user.full_name)
        self.role.setCurrentIndex(self.role.findData(user.role))
        self.active.setChecked(user.active)
        chosen = set(user_orgs(user_id))
        for index in range(self.orgs.count()):
            item = self.orgs.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)

    def chosen_orgs(self) -> list[int]:
        return [self.orgs.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.orgs.count())
                if self.orgs.item(i).checkState() == Qt.CheckState.Checked]

    def table_state(self) -> dict:
        return {"orgs": self.chosen_orgs()}

    def put_table_state(self, state: dict) -> None:
        orgs = state.get("orgs")
        if isinstance(orgs, list):
            for index in range(self.orgs.count()):
                item = self.orgs.item(index)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in orgs
                                   else Qt.CheckState.Unchecked)

    def write(self) -> None:
        if self.user_id is None:
            check_repeated(self.password, self.repeat, "repeat")
            self.user_id = create_user(self.username.text(), self.full_name.text(),
                                       self.role.currentData(), self.password.text(),
                                       self.chosen_orgs()).id
        else:
            update_user(self.user_id, self.full_name.text(), self.role.currentData(),
                        self.active.isChecked(), self.chosen_orgs())

    @classmethod
    def ask(cls, user_id: int | None = None, parent=None) -> bool:
        return cls(user_id, parent).accepted_after_exec()

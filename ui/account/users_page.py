"""Administrators' page: user accounts, their roles and organisation limits."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
)

from models.accounts import CLERK, ROLES, create_user, get_user, update_user, user_orgs, user_rows
from models.core import vocab as v
from models.core.dates import fmt_date
from models.orgs import org_rows, tree_order
from ui.account.sign_in import ChangePasswordDialog, check_repeated, password_edit
from ui.page import Page
from ui.widgets.export_table import add_export_action
from ui.widgets.form_dialog import FormDialog
from ui.widgets.rows_model import RowsTableModel


class UserTableModel(RowsTableModel):
    headers = ["Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái"]

    def refresh(self) -> None:
        self.set_rows(user_rows())

    def user_id(self, row: int) -> int | None:
        entry = self.row_at(row)
        return entry[0] if entry else None

    def cells(self, row) -> list[str]:
        _id, username, full_name, user_role, active, locked_until = row
        state = "Đang dùng" if active else "Đã khóa"
        if active and locked_until and locked_until > datetime.now():
            state = f"Tạm khóa đến {locked_until:%H:%M} {fmt_date(locked_until.date())}"
        return [username, full_name, ROLES.get(user_role, user_role), state]


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
        for _depth, row in tree_order(org_rows(include_dissolved=False)):
            if row.level in v.GRASSROOTS:
                item = QListWidgetItem(row.name, self.orgs)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                item.setCheckState(Qt.CheckState.Unchecked)
        if user_id is None:
            self.errors.add_row(form, "username", "Tên đăng nhập", self.username)
        self.errors.add_row(form, "full_name", "Họ và tên", self.full_name)
        self.errors.add_row(form, "role", "Vai trò", self.role)
        form.addRow("", self.active)
        if user_id is None:
            self.errors.add_row(form, "password", "Mật khẩu", self.password)
            self.errors.add_row(form, "repeat", "Nhập lại mật khẩu", self.repeat)
        hint = QLabel("Chỉ làm việc với các tổ chức cơ sở đảng được chọn (để trống: toàn Đảng bộ):")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.errors.add_row(form, "orgs", "", self.orgs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.role.setCurrentIndex(self.role.findData(CLERK))
        if user_id is not None:
            self.load(user_id)
        self.mark_clean()

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

    def has_unsaved_changes(self) -> bool:
        return super().has_unsaved_changes() or self.chosen_orgs() != self._orgs_at_load

    def mark_clean(self) -> None:
        super().mark_clean()
        self._orgs_at_load = self.chosen_orgs()

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


class UsersPage(Page):
    title = "Người dùng"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = UserTableModel(self)
        toolbar = QToolBar()
        for text, slot in (("Thêm tài khoản", self.add_user), ("Sửa", self.edit_selected),
                           ("Đặt lại mật khẩu", self.reset_password)):
            action = QAction(text, self)
            action.triggered.connect(slot)
            toolbar.addAction(action)
        self.view = QTableView()
        add_export_action(self.view)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.view)
        self.model.refresh()
        for column, width in enumerate((160, 240, 160)):
            self.view.setColumnWidth(column, width)

    def selected_user_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.user_id(rows[0].row()) if rows else None

    def add_user(self) -> None:
        if UserDialog.ask(parent=self):
            self.model.refresh()

    def edit_selected(self) -> None:
        user_id = self.selected_user_id()
        if user_id is not None and UserDialog.ask(user_id, self):
            self.model.refresh()

    def reset_password(self) -> None:
        user_id = self.selected_user_id()
        if user_id is not None:
            ChangePasswordDialog.ask(user_id, get_user(user_id).username, own=False, parent=self)
            self.model.refresh()

    def on_shown(self) -> None:
        self.model.refresh()

    def save_layout(self) -> None:
        """Column widths are fixed for this short list."""

"""Administrators' page: user accounts, their roles and organisation limits."""


from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QToolBar,
    QVBoxLayout,
)

from models.accounts import accounts_kept_here, get_user
from ui.page import Page
from ui.users.dialogs import ChangePasswordDialog, UserDialog
from ui.users.tables import UserTableModel
from ui.widgets.buttons import inform
from ui.widgets.table_view import column_widths, list_view, open_on_activate


class UsersPage(Page):
    title = "Người dùng"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = UserTableModel(self)
        toolbar = QToolBar()
        self.changing_actions = []
        for text, slot, shortcut in (("Thêm tài khoản", self.add_user, QKeySequence.StandardKey.New),
                                     ("Sửa", self.edit_selected, None),
                                     ("Đặt lại mật khẩu", self.reset_password, None)):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
                action.setToolTip(f"{text} (Ctrl+N)")
            action.triggered.connect(slot)
            toolbar.addAction(action)
            self.changing_actions.append(action)
        # On the office's server the workstations' account may not change accounts (the server
        # itself refuses): said before the clerk fills a form, not after.
        self.owner_only = QLabel("Trên máy chủ dữ liệu, tài khoản chỉ thêm, sửa và đặt lại mật khẩu được khi "
                                 "kết nối bằng tài khoản chủ của cơ sở dữ liệu (quản trị viên giữ mật khẩu "
                                 "đó). Kết nối hiện tại là của máy trạm: chỉ xem được danh sách.")
        self.owner_only.setWordWrap(True)
        self.owner_only.hide()
        self.view = list_view(self.model)
        open_on_activate(self.view, self.edit_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.owner_only)
        layout.addWidget(self.view)
        self.model.refresh()
        column_widths(self.view, (150, 220, 140, 150))

    def selected_user_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            inform(self, "Người dùng", "Chọn một tài khoản trong danh sách trước.")
            return None
        return self.model.user_id(rows[0].row())

    def add_user(self) -> None:
        if UserDialog.ask(parent=self):
            self.model.refresh()

    def edit_selected(self) -> None:
        if not self.changing_actions[1].isEnabled():
            return
        user_id = self.selected_user_id()
        if user_id is not None and UserDialog.ask(user_id, self):
            self.model.refresh()

    def reset_password(self) -> None:
        user_id = self.selected_user_id()
        if user_id is not None:
            ChangePasswordDialog.ask(user_id, get_user(user_id).username, own=False, parent=self)
            self.model.refresh()

    def on_shown(self) -> None:
        kept = accounts_kept_here()
        self.owner_only.setVisible(not kept)
        for action in self.changing_actions:
            action.setEnabled(kept)
        self.model.refresh()

    def save_layout(self) -> None:
        """Column widths are fixed for this short list."""

"""Tệp › Kết nối máy chủ dữ liệu: the office's PostgreSQL server (host, port, database,
account), tried before it is chosen. The password is asked here and, if the clerk wishes, kept
in the operating system's credential store — never in the program's settings. Also shown at
start when the chosen server cannot be reached, so the clerk can fix the address or go back
to the local file."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from models.core.db import probe_server
from models.core.errors import ValidationError
from models.core.where import Server
from ui import settings
from ui.credentials import can_store, forget_password, store_password
from ui.tasks import run_and_wait
from ui.widgets.buttons import inform
from ui.widgets.form_dialog import FormDialog


class ServerDialog(FormDialog):
    def __init__(self, server: Server | None = None, problem: ValidationError | None = None, parent=None):
        super().__init__("Kết nối máy chủ dữ liệu", parent)
        self.chosen: Server | None = None
        self.local_chosen = False
        layout = QVBoxLayout(self)
        intro = QLabel("Nhiều cán bộ cùng làm trên một cơ sở dữ liệu PostgreSQL đặt trên máy chủ của cơ "
                       "quan. Hỏi người quản trị các thông tin dưới đây (xem hướng dẫn cài đặt máy chủ).")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = self.errors.add_row(form, "host", "Máy chủ (*)", QLineEdit(server.host if server else ""))
        self.host.setPlaceholderText("tên hoặc địa chỉ IP, ví dụ 192.168.1.10")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server.port if server else 5432)
        self.port.setMaximumWidth(110)
        self.errors.add_row(form, "port", "Cổng", self.port)
        self.dbname = self.errors.add_row(form, "dbname", "Cơ sở dữ liệu (*)",
                                          QLineEdit(server.dbname if server else "dangvu"))
        # The workstations' account, not the owner's: the set-up script's default name for it.
        self.user = self.errors.add_row(form, "user", "Tài khoản (*)",
                                        QLineEdit(server.user if server else "dangvu_may"))
        self.password = QLineEdit(server.password if server else "")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors.add_row(form, "password", "Mật khẩu", self.password)
        self.remember = QCheckBox("Ghi nhớ mật khẩu trong kho mật khẩu của hệ điều hành")
        self.remember.setChecked(bool(server and server.password and can_store()))
        self.remember.setEnabled(can_store())
        if not can_store():
            self.remember.setToolTip("Máy này không có kho mật khẩu dùng được: mật khẩu sẽ được hỏi mỗi lần "
                                     "mở.")
        form.addRow("", self.remember)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        self.fallback.setWordWrap(True)
        buttons = self.make_buttons("Dùng máy chủ này", "Đóng")
        self.try_button = QPushButton("Thử kết nối")
        self.try_button.clicked.connect(self.try_connection)
        buttons.addButton(self.try_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.local_button = QPushButton("Dùng tệp trên máy này")
        self.local_button.clicked.connect(self.use_local_file)
        buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout.addWidget(buttons)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        if problem is not None:  # shown next to the detail to put right (models say which)
            self.errors.show(problem)
        self.mark_clean()

    def server(self) -> Server:
        """The typed address; a missing part is refused next to its field."""
        required = (("host", self.host, "máy chủ"), ("dbname", self.dbname, "tên cơ sở dữ liệu"),
                    ("user", self.user, "tài khoản"))
        for field, edit, what in required:
            if not edit.text().strip():
                raise ValidationError(field, f"Nhập {what}.")
        return Server(self.host.text().strip(), self.port.value(), self.dbname.text().strip(),
                      self.user.text().strip(), self.password.text())

    def _probe(self) -> Server:
        server = self.server()
        # Off the UI thread: an unreachable host answers only after the 10 s timeout. A refusal
        # names the detail to put right as its field.
        run_and_wait(self, lambda _progress: probe_server(server), f"Đang kết nối {server.name}…")
        return server

    def try_connection(self) -> bool:
        self.clear_errors()
        try:
            server = self._probe()
        except ValidationError as error:
            self.show_error(error)
            self.status.setText("")
            return False
        self.status.setText(f"Kết nối được tới {server.name}.")
        return True

    def write(self) -> None:
        server = self._probe()
        settings.DATA_SERVER.set(server.key)
        if not (self.remember.isChecked() and store_password(server)):
            forget_password(server)  # a password kept earlier goes when the box is cleared
        self.chosen = server

    def use_local_file(self) -> None:
        settings.DATA_SERVER.set("")
        self.local_chosen = True
        self.mark_clean()
        self.accept()

    @classmethod
    def choose(cls, current: Server | None = None, parent=None) -> None:
        """From the menu: the choice takes effect when the program next opens."""
        dialog = cls(current, parent=parent)
        if not dialog.accepted_after_exec():
            return
        where = dialog.chosen.name if dialog.chosen else "tệp dữ liệu trên máy này"
        inform(parent, "Kết nối máy chủ dữ liệu", f"Từ lần mở sau, Đảng vụ dùng {where}. Đóng và mở lại "
               "Đảng vụ để chuyển ngay (những gì đã lưu không mất).")

    @classmethod
    def at_start(cls, server: Server, problem: ValidationError) -> "ServerDialog":
        """The chosen server could not be opened: the clerk fixes it (`chosen`, the server to
        open), goes back to the local file (`local_chosen`), or gives up (neither)."""
        dialog = cls(server, problem)
        dialog.exec()
        return dialog

"""Starting the GUI: the application object, its look, the crash path, the database."""

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from models.accounts import lockout_reason, session
from models.core import clock
from models.core.db import close_database, open_database, probe_server
from models.core.errors import ValidationError, failure_reason, os_reason
from models.core.where import Server
from models.core.workdays import public_holidays
from models.storage import (
    acquire_lock,
    before_opening,
    held_words,
    leave_as_found,
    open_checked,
    release_lock,
)
from resources import resource_path
from ui.storage import anchor_on_exit, backup_on_exit, offer_restore_at_start
from ui.tasks import run_and_wait, wait_for_tasks
from ui.translation import install_vietnamese
from ui.users.dialogs import FirstStartDialog, SignInDialog
from ui.users.server_dialog import ServerDialog
from ui.widgets.form_drafts import tell_drafts_left

log = logging.getLogger("dangvu")
PRELOAD_AFTER_MS = 150  # the sign-in window paints first


def log_folder() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def install_crash_handler() -> Path:
    """Unexpected errors go to one place: a log file in the app data folder and a dialog."""
    path = log_folder() / "dangvu.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)

    def on_error(kind, value, tb):
        log.error("Lỗi không lường trước:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is not None:
            box = QMessageBox(QMessageBox.Icon.Critical, "Đảng vụ gặp lỗi",
                              "Đã xảy ra lỗi không lường trước. Dữ liệu đã lưu không bị ảnh hưởng; "
                              "thao tác vừa rồi có thể chưa hoàn tất.\n\n"
                              f"Chi tiết đã ghi vào tệp nhật ký:\n{path}\n\n{value}")
            box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
            box.exec()

    sys.excepthook = on_error
    return path


def make_application(argv: list[str] | None = None) -> QApplication:
    QCoreApplication.setOrganizationName("DangVu")
    QCoreApplication.setApplicationName("dangvu")
    app = QApplication.instance() or QApplication(argv or sys.argv)
    app.setApplicationDisplayName("Đảng vụ")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource_path("icons", "dangvu.png"))))
    install_vietnamese(app)
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return app


def run_gui(db_path: Path | Server, local_file: Path | None = None) -> int:
    """`local_file`: the workstation's own file, for a clerk who leaves an unreachable server."""
    app = make_application()
    install_crash_handler()
    if isinstance(db_path, Server):
        status = _run_on_server(app, db_path)
        if status != LOCAL_FILE or local_file is None:
            return 1 if status == LOCAL_FILE else status
        db_path = local_file
    try:
        other = acquire_lock(db_path)  # one window per data file
    except ValidationError as error:  # its folder not there (a USB stick not plugged in), or a folder given
        _tell("Không mở được dữ liệu", error.message)
        return 1
    except OSError as error:  # a read-only folder or share
        _tell("Không mở được dữ liệu", f"Không mở được tệp dữ liệu:\n{db_path}\n\n{os_reason(error)}.")
        return 1
    if other is not None:
        _tell("Dữ liệu đang được mở", f"Tệp dữ liệu\n{db_path}\n{held_words(db_path, other)}")
        return 1
    # A file this start makes (none there, or an empty one): if the first start is left without
    # an office, it goes again, with no backup of it (a mistyped path left a data file and a
    # "sao-luu" folder behind).
    existed = db_path.exists()
    made_here = not existed or db_path.stat().st_size == 0
    try:
        check = before_opening(db_path) if existed else None
        if check is not None and not check.ok and not offer_restore_at_start(db_path, check.problem):
            return 1
        try:
            open_database(db_path)
        except Exception as error:  # any failure to open: say so plainly, touch nothing
            log.exception("Không mở được cơ sở dữ liệu %s", db_path)
            _tell("Không mở được dữ liệu", f"Không mở được tệp dữ liệu:\n{db_path}\n\n"
                  f"{failure_reason(error)}.\n\nTệp có thể không phải dữ liệu của Đảng vụ hoặc đã hỏng. "
                  "Tệp không bị thay đổi.")
            return 1
        try:
            return _sign_in_loop(app, db_path)
        finally:
            wait_for_tasks()  # work under way finishes on its own connection before the file closes
            session.set_current(None)
            if made_here and FirstStartDialog.needed():
                close_database()
                leave_as_found(db_path, existed)
            else:
                backup_on_exit(db_path)
                anchor_on_exit(db_path)
                close_database()
    finally:
        release_lock(db_path)


LOCAL_FILE = -1  # _run_on_server's answer when the clerk chose the workstation's own file


def _run_on_server(app: QApplication, server: Server) -> int:
    """The office's server: no file to lock or restore; a server that cannot be reached (or a
    password that is missing or wrong) brings up the connection dialog to put it right."""
    while True:
        try:
            # Reached first off the UI thread, with its progress shown: an unreachable host
            # answers only after the connection timeout. The program's own connection is then
            # opened here, on the thread that uses it.
            run_and_wait(None, lambda _progress, where=server: probe_server(where),
                         f"Đang kết nối máy chủ dữ liệu {server.name}…")
            open_checked(server)
            break
        except ValidationError as error:
            log.warning("Không mở được dữ liệu trên máy chủ %s: %s", server, error.message)
            answer = ServerDialog.at_start(server, error)
            if answer.local_chosen:
                return LOCAL_FILE
            if answer.chosen is None:
                return 1
            server = answer.chosen
    try:
        return _sign_in_loop(app, server)
    finally:
        wait_for_tasks()
        session.set_current(None)
        backup_on_exit(server)  # each workstation's daily copy of the office's data
        anchor_on_exit(server)
        close_database()


def _tell(title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def load_main_window_soon() -> None:
    """The main window's modules (every page, reportlab, openpyxl: some 0.3 s of imports) load
    once the sign-in window is on screen, while the clerk types the password."""
    QTimer.singleShot(PRELOAD_AFTER_MS, _load_main_window)


def _load_main_window() -> None:
    import ui.main_window  # noqa: F401 — loaded now so that signing in opens the window at once

    # The holiday package loads every country's calendar on its first use (0.1 s), which the
    # home page's deadlines in working days would otherwise wait for after signing in.
    public_holidays(clock.today().year)


def _sign_in_loop(app: QApplication, db_path: Path) -> int:
    """First start if the office has no account; then sign in, work, sign out, repeat."""
    # The loop below decides when the program ends, not the closing of a dialog.
    app.setQuitOnLastWindowClosed(False)
    created = ""
    if FirstStartDialog.needed():
        created = FirstStartDialog.ask()
        if created is None:
            return 0
    reason = lockout_reason()  # no account, and none may be made here: said, not a sign-in that never works
    if reason:
        _tell("Không đăng nhập được", reason)
        return 1
    while True:
        load_main_window_soon()
        actor = SignInDialog.ask(created)
        created = ""
        if actor is None:
            return 0
        from ui.main_window import MainWindow  # already loaded while the password was typed

        session.set_current(actor)
        window = MainWindow(db_path, actor)
        window.closed.connect(app.quit)
        window.show()
        # With the window as context: never called on a window already gone.
        QTimer.singleShot(0, window, lambda shown=window: tell_drafts_left(shown))
        status = app.exec()
        window.deleteLater()
        session.set_current(None)
        if not window.signed_out:
            return status

"""Reported on a real display: the first-start dialog's title bar read "Đảng vụ — thiết lập lần đầu —
Đảng vụ", and the main window's "Đảng vụ — <name> — demo.db — Đảng vụ". Qt appends the
application's display name to every title that does not already end with it (" - Đảng vụ" on
Windows, " — Đảng vụ" on X11), so the program names itself at the end of a title or not at all."""

from pathlib import Path

from models.accounts import session
from models.accounts.users import authenticate, create_user
from ui.app import make_application
from ui.help import GuideDialog
from ui.main_window import MainWindow
from ui.users.dialogs import FirstStartDialog, SignInDialog

PASSWORD = "mat-khau-du-dai"


def _as_the_title_bar_shows(title: str) -> str:
    """QPlatformWindow::formatWindowTitle, the rule every platform plugin applies."""
    name = make_application().applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


def test_the_program_is_named_once_in_each_title_bar(qtbot, db):
    first = FirstStartDialog()
    qtbot.addWidget(first)
    create_user("quantri", "Nguyễn Thị Quản", "ADMIN", PASSWORD)
    actor = authenticate("quantri", PASSWORD)
    session.set_current(actor)
    window = MainWindow(Path(db.database), actor)
    qtbot.addWidget(window)
    sign_in = SignInDialog()
    qtbot.addWidget(sign_in)
    guide = GuideDialog()
    qtbot.addWidget(guide)
    for widget in (first, window, sign_in, guide):
        shown = _as_the_title_bar_shows(widget.windowTitle())
        assert shown.count("Đảng vụ") == 1, shown
    assert "Nguyễn Thị Quản" in window.windowTitle() and Path(db.database).name in window.windowTitle()

"""Driving the main window as a clerk does, for the tests: its actions found by their text and
triggered, and what they open (dialogs, message boxes, file choosers) recorded and answered
instead of waiting for a hand that never comes offscreen."""

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QToolBar

from models.accounts import session
from models.demo.build import DemoSize, build_demo
from ui.main_window import MainWindow
from ui.tasks import Task, wait_for_tasks
from ui.widgets import file_dialog


@dataclass
class Seen:
    """What the window showed, in order: ("dialog", class name, title), ("box", title, text),
    ("file", caption, ""). `answer` is pressed in the next message box ("yes" or "no");
    `file` is what the next file chooser returns ("" is Hủy)."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: str = "no"
    file: str | list[str] = ""
    on_dialog: object = None  # called with each dialog before it "closes" (to fill it in)
    suggested: list[str] = field(default_factory=list)  # the path or folder each file chooser opened on

    def titles(self) -> list[str]:
        return [title for _kind, title, _text in self.shown]

    def texts(self) -> str:
        return "\n".join(f"{title}: {text}" for _kind, title, text in self.shown)


def record(monkeypatch) -> Seen:
    seen = Seen()

    def box_exec(box: QMessageBox) -> int:
        seen.shown.append(("box", box.windowTitle(), box.text()))
        roles = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole) if seen.answer == "yes" \
            else (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
        for button in box.buttons():
            if box.buttonRole(button) in roles:
                button.click()
                break
        else:
            box.buttons()[0].click()
        return 0

    def dialog_exec(dialog: QDialog) -> int:
        seen.shown.append(("dialog", type(dialog).__name__, dialog.windowTitle()))
        if seen.on_dialog is not None:
            return seen.on_dialog(dialog)
        return QDialog.DialogCode.Rejected.value

    def chooser(kind: str):
        def choose(_parent=None, caption="", *args, **kwargs):
            seen.shown.append(("file", caption, kind))
            seen.suggested.append(str(args[0]) if args else "")
            chosen, seen.file = seen.file, ""
            if kind == "folder":
                return str(chosen)
            if kind == "files":
                return ([str(path) for path in chosen] if chosen else []), ""
            return str(chosen), ""
        return choose

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(file_dialog, "get_save_file_name", chooser("save"))
    monkeypatch.setattr(file_dialog, "get_open_file_name", chooser("open"))
    monkeypatch.setattr(file_dialog, "get_open_file_names", chooser("files"))
    monkeypatch.setattr(file_dialog, "get_existing_directory", chooser("folder"))
    return seen


def menu_action(window, menu: str, text: str) -> QAction:
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if action.text() == text:
                    return action
    raise LookupError(f"{menu} › {text}")


def toolbar_action(page, text: str) -> QAction:
    for bar in page.findChildren(QToolBar):
        for action in bar.actions():
            if action.text() == text:
                return action
    raise LookupError(f"{page.title}: {text}")


def window_actions(window) -> list[tuple[str, str]]:
    """Every menu item and every toolbar button of every page: (where, text)."""
    found = [(top.text().replace("&", ""), action.text()) for top in window.menuBar().actions()
             for action in top.menu().actions() if action.text()]
    for page in window.pages:
        for bar in page.findChildren(QToolBar):
            found += [(page.title, action.text()) for action in bar.actions() if action.text()]
    return found


PRESSED: set[tuple[str, str]] = set()


PASSWORD = "mat-khau-du-dai"


def open_office(qtbot, db, monkeypatch):
    """The demo in a window, its administrator signed in (as a clerk's office runs: the local
    administrator of a file without accounts reads the accounts at each check, which hid the
    backup's missing connection), with every page built once."""
    from models.accounts.users import authenticate, create_user

    build_demo(DemoSize(orgs=4, members=80, seed=3))
    create_user("quantri", "Quản Trị Viên", session.ADMIN, PASSWORD)
    actor = authenticate("quantri", PASSWORD)
    session.set_current(actor)
    window = MainWindow(Path(db.database), actor)
    qtbot.addWidget(window)
    window.show()
    for index in range(len(window.page_classes)):
        window.sidebar.setCurrentRow(index)
        settled()
    window.sidebar.setCurrentRow(0)
    seen = record(monkeypatch)
    return window, seen


def settled(timeout_s: float = 30) -> None:
    """Every task's work done and its result handed back to the window (by a queued signal)."""
    deadline = time.monotonic() + timeout_s
    while Task._running and time.monotonic() < deadline:
        wait_for_tasks()
        QApplication.processEvents()
    assert not Task._running, "a task did not finish"


def press(window, where: str, text: str, come_to_page: bool = True) -> None:
    """Trigger the action as its button or menu item does, and let its work finish. The page
    comes to the front first (as a click on it does), unless it is there already."""
    page = next((page for page in window.pages if page.title == where), None)
    if page is None:
        action = menu_action(window, where, text)
    else:
        if come_to_page:
            window.sidebar.setCurrentRow(window.page_classes.index(type(page)))
        action = toolbar_action(page, text)
    assert action.isEnabled(), f"{where} › {text} is greyed out for an administrator"
    action.trigger()
    settled()
    PRESSED.add((where, text))


def open_papers() -> list[str]:
    """The print dialogs (they stay open beside the window) now on screen, by title."""
    from ui.widgets.paper_dialog import PaperDialog

    titles = [widget.windowTitle() for widget in QApplication.topLevelWidgets()
              if isinstance(widget, PaperDialog) and widget.isVisible()]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PaperDialog):
            widget.close()
    return titles


def choose_first_row(view) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    view.selectRow(0)

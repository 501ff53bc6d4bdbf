"""Driving the main window as a clerk does, for the tests: its actions found by their text and
triggered, and what they open (dialogs, message boxes, file choosers) recorded and answered
instead of waiting for a hand that never comes offscreen."""

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QToolBar

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


def as_path(value) -> Path:
    return Path(value)

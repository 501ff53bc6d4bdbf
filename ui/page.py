"""The base of every page of the main window.

A page is built the first time the clerk opens it — never at start-up — and `on_shown()` runs
each time it comes to the front; that is where it loads what it shows. Figures that read the
whole registry come from `load_later` (a task off the UI thread): the page is on screen at
once and the figures follow, so nothing freezes at 30,000 members.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QToolBar, QWidget

from models.accounts import whole_bloc
from models.core.errors import ValidationError
from ui.tasks import Task, run_task

# Why a bloc document's button is greyed for an account limited to some organisations.
BLOC_ONLY = "Văn bản của Đảng ủy Khối tính số liệu cả Khối: tài khoản giới hạn tổ chức không in được."


@dataclass(frozen=True)
class ActionSpec:
    """One toolbar button: its text, what it does, an optional shortcut, whether it writes."""

    text: str
    slot: Callable[[], None]
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    tip: str = ""
    enabled: bool = True


def bloc_document(text: str, slot: Callable[[], None], shortcut: str | None = None) -> ActionSpec:
    """A button that prints a document of the bloc: greyed, with the reason, for an account
    limited to some organisations (the print refuses it in models/ too)."""
    whole = whole_bloc()
    return ActionSpec(text, slot, shortcut, tip="" if whole else BLOC_ONLY, enabled=whole)


class Page(QWidget):
    title = ""
    changed = Signal()  # this page changed records that other pages show
    search: QLineEdit | None = None  # the page's search field, which Ctrl+F reaches

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loads: dict[str, int] = {}
        self._pending: set[Task] = set()

    # --- keyboard -------------------------------------------------------------------
    def main_control(self) -> QWidget | None:
        """Where the keyboard goes when the page comes to the front: its search, else its
        first list."""
        if self.search is not None:
            return self.search
        # A list on the tab in front: one on a hidden tab cannot take the focus, and then the
        # page's keys (Ctrl+N after Ctrl+8) did nothing until Tab was pressed.
        views = [view for view in self.findChildren(QAbstractItemView) if view.isVisibleTo(self)]
        return views[0] if views else None

    def focus_main_control(self) -> None:
        control = self.main_control()
        if control is not None and control.isEnabled():
            control.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        """Ctrl+F: into the search field with its text selected, for typing over it."""
        if self.search is not None:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
        else:
            self.focus_main_control()

    # --- what the main window calls -------------------------------------------------
    def on_shown(self) -> None:
        """The page came to the front: load what it shows (another page may have changed it)."""

    def records_changed(self) -> None:
        """Another page changed records this page shows while it stays open (the tree, say)."""

    def save_layout(self) -> None:
        """Remember column widths and the like when the window closes."""

    def has_unsaved_changes(self) -> bool:
        return False

    def show_part(self, part: str) -> None:
        """Bring forward the list a line of the home page is about (reports.glance's parts)."""

    def discard_changes(self) -> None:
        """The clerk chose to drop unsaved edits (the data were replaced from a backup)."""

    # --- for the pages themselves ---------------------------------------------------
    def toolbar(self, specs: list[ActionSpec],
                owner: QWidget | None = None) -> tuple[QToolBar, list[QAction]]:
        """A toolbar whose shortcuts work while `owner` (the page by default) has the focus."""
        owner = owner or self
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions = []
        for spec in specs:
            action = QAction(spec.text, self)
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if spec.tip:
                action.setToolTip(spec.tip)
            action.setEnabled(spec.enabled)
            action.triggered.connect(lambda _checked=False, slot=spec.slot: slot())
            bar.addAction(action)
            owner.addAction(action)
            actions.append(action)
        return bar, actions

    def load_later(self, key: str, work: Callable[[], Any], show: Callable[[Any], None],
                   refused: Callable[[ValidationError], None] | None = None) -> Task:
        """Compute `work()` off the UI thread and `show` its result; when the same figures are
        asked for again before the first answer came, only the newest answer is shown. A rule's
        refusal goes to `refused` (a message beside the field) when given."""
        generation = self._loads.get(key, 0) + 1
        self._loads[key] = generation

        def shown_if_newest(result: Any) -> None:
            if self._loads.get(key) == generation:
                show(result)

        def failed(error: BaseException) -> None:
            if refused is not None and isinstance(error, ValidationError):
                if self._loads.get(key) == generation:  # an older refusal never covers a newer answer
                    refused(error)
            else:
                task.tell(error)

        task = run_task(self, lambda _progress: work(), shown_if_newest, on_error=failed)
        self._pending.add(task)
        task.finished.connect(lambda: self._pending.discard(task))
        return task

    def loading(self) -> bool:
        """Whether figures are still on their way (the tests wait for them)."""
        return bool(self._pending)

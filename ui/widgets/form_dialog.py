"""The shape of every form in the app: fields built by the subclass, `write()` through
models/, a refused write shown next to its field with the dialog left open, and a question
before closing over unsaved typing (GuardedDialog)."""

import logging

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from models.core.errors import ValidationError
from ui.widgets.buttons import vietnamese_buttons
from ui.widgets.form_drafts import DraftKeeper, form_keeper
from ui.widgets.form_errors import FormErrors
from ui.widgets.guarded_dialog import GuardedDialog

log = logging.getLogger(__name__)


def tab_chain_by_layout(dialog: QWidget) -> list[QWidget]:
    """Tab goes top to bottom, left to right, as the form reads — not in the order the code
    happened to build the widgets (the buttons came first in some forms). Returns the chain."""
    shown = [widget for widget in dialog.findChildren(QWidget)
             if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
             and widget.focusProxy() is None and not isinstance(widget.parentWidget(), QComboBox)
             and not isinstance(widget, QTabBar)]
    inputs = [widget for widget in shown if not isinstance(widget, QAbstractButton)
              or isinstance(widget, QCheckBox)]
    buttons = [widget for widget in shown if widget not in inputs]

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(dialog, QPoint(0, 0))
        return corner.y() // 8, corner.x()

    chain = sorted(inputs, key=place) + sorted(buttons, key=place)
    for first, second in zip(chain, chain[1:], strict=False):
        QWidget.setTabOrder(first, second)
    return chain


class FormDialog(GuardedDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fallback = QLabel()  # for a message that belongs to no single field
        self.errors = FormErrors(self.fallback)
        self._tabs_ordered = False
        self._drafts: DraftKeeper | None = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._tabs_ordered:
            self._tabs_ordered = True
            for text in self.findChildren(QPlainTextEdit):  # Tab leaves a note for the next field
                text.setTabChangesFocus(True)
            chain = tab_chain_by_layout(self)
            if chain and self.focusWidget() not in chain[:1]:
                chain[0].setFocus(Qt.FocusReason.TabFocusReason)  # the keyboard starts in the first field
            try:
                self._drafts = form_keeper(self)  # typing survives a power cut (form_drafts.py)
            except Exception:  # noqa: BLE001 - keeping a draft must never stop the form being typed in
                log.exception("Không giữ được bản nhập dở của biểu mẫu %s", type(self).__name__)
        elif self._drafts is not None and self._drafts.slot is not None:
            self._drafts.timer.start()

    def hideEvent(self, event) -> None:
        # A hidden form is typed into by nobody: its timer rests (a form hidden and kept by a
        # page, its inputs half gone, made Qt fall over when the timer read them).
        if self._drafts is not None:
            self._drafts.timer.stop()
        super().hideEvent(event)

    def done(self, result: int) -> None:
        # Saved, or closed on purpose after the question about unsaved typing: no draft to offer.
        if self._drafts is not None:
            self._drafts.closed()
        super().done(result)

    def write(self) -> None:
        """Save what the form shows; raise ValidationError to refuse."""
        raise NotImplementedError

    def show_error(self, error: ValidationError) -> None:
        self.errors.show(error)

    def clear_errors(self) -> None:
        self.errors.clear()

    def save(self) -> bool:
        self.clear_errors()
        try:
            self.write()
        except ValidationError as error:
            self.show_error(error)
            return False
        self.mark_clean()
        return True

    def can_save_before_close(self) -> bool:
        button = self.findChild(QDialogButtonBox)
        save = button.button(QDialogButtonBox.StandardButton.Save) if button else None
        return save is not None and save.isEnabled()

    def save_before_close(self) -> bool:
        return self.save()

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def make_buttons(self, ok: str | None = None, cancel: str | None = None) -> QDialogButtonBox:
        buttons = vietnamese_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        if ok:
            buttons.button(QDialogButtonBox.StandardButton.Save).setText(ok)
        if cancel:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        return buttons

    def accepted_after_exec(self) -> bool:
        return self.exec() == QDialog.DialogCode.Accepted

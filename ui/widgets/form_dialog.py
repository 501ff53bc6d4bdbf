"""The shape of every form in the app: fields built by the subclass, `write()` through
models/, a refused write shown next to its field with the dialog left open, and a question
before closing over unsaved typing (GuardedDialog)."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from models.core.errors import ValidationError
from ui.widgets.buttons import vietnamese_buttons
from ui.widgets.form_errors import FormErrors
from ui.widgets.guarded_dialog import GuardedDialog


class FormDialog(GuardedDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fallback = QLabel()  # for a message that belongs to no single field
        self.errors = FormErrors(self.fallback)

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

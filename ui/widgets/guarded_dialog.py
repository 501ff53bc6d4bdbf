"""A dialog that does not let typed work vanish: closing it with unsaved changes asks first."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QPlainTextEdit, QWidget

from ui.widgets.buttons import confirm


def form_state(root: QWidget) -> tuple:
    """Everything a clerk can type or choose in the widgets below root, in a fixed order."""
    values: list = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLineEdit):
            values.append(widget.text())
        elif isinstance(widget, QComboBox):
            values.append(widget.currentIndex())
        elif isinstance(widget, QPlainTextEdit):
            values.append(widget.toPlainText())
        elif isinstance(widget, QCheckBox):
            values.append(widget.isChecked())
    return tuple(values)


class GuardedDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._clean_state: tuple = ()

    def mark_clean(self) -> None:
        """Call once the form shows what is stored (after load, after save)."""
        self._clean_state = form_state(self)

    def has_unsaved_changes(self) -> bool:
        return form_state(self) != self._clean_state

    def reject(self) -> None:
        # Esc, the close box and Hủy all come here.
        if self.has_unsaved_changes() and not confirm(
            self, "Chưa lưu", "Những gì vừa nhập chưa được lưu. Đóng và bỏ những thay đổi này?",
            yes="Bỏ thay đổi",
        ):
            return
        super().reject()

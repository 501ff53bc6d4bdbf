"""A dialog that does not let typed work vanish: closing it with unsaved changes asks first.

A change is a value that differs from what the form showed once loaded — each input is
compared with its own loaded value, so viewing a tab (which reorders Qt's child list) or a
read-only box refreshed after an event never counts as typing."""

import shiboken6
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

SAVE, DISCARD, CONTINUE = "save", "discard", "continue"


def _address(widget: QWidget) -> int:
    """The widget's C++ address: stable for its life, unlike the id() of a Python wrapper,
    which Qt-made children (a spin box's line edit) may get anew at each lookup."""
    return shiboken6.getCppPointer(widget)[0]


_NOT_TYPED = object()
LOOKING_ONLY = "looking_only"  # a property on an input that narrows a list (a filter): not typing


def looking_only(widget: QWidget) -> QWidget:
    """Mark an input whose text only narrows what is shown: never "chưa được lưu", never a draft."""
    widget.setProperty(LOOKING_ONLY, True)
    return widget


def _typed(widget: QWidget) -> object:
    """What a clerk typed or chose in one input; _NOT_TYPED for anything else."""
    # An editable combo box's own line edit (the combo box speaks for it), or a filter.
    if isinstance(widget.parentWidget(), QComboBox) or widget.property(LOOKING_ONLY):
        return _NOT_TYPED
    if isinstance(widget, QLineEdit):
        return _NOT_TYPED if widget.isReadOnly() else widget.text().strip()
    if isinstance(widget, QComboBox):
        return widget.currentText().strip() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QPlainTextEdit):
        return _NOT_TYPED if widget.isReadOnly() else widget.toPlainText().rstrip()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    return _NOT_TYPED


def form_state_of(widget: QWidget) -> dict[int, object]:
    value = _typed(widget)
    return {} if value is _NOT_TYPED else {_address(widget): value}


def form_state(root: QWidget) -> dict[int, object]:
    """What a clerk can type or choose below root, keyed by the input it is in."""
    values: dict[int, object] = {}
    for widget in root.findChildren(QWidget):
        if widget.window() is not root.window():
            continue  # a dialog opened from the form (printing the sheet) is not the form's typing
        values.update(form_state_of(widget))
    return values


def ask_unsaved(parent: QWidget, can_save: bool) -> str:
    """Save, discard or keep editing — each button says what it does; keeping is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, "Chưa lưu",
                      "Những gì vừa nhập chưa được lưu.", parent=parent)
    box.setInformativeText("Lưu lại trước khi đóng, bỏ những thay đổi này, hay tiếp tục sửa?")
    save = box.addButton("Lưu", QMessageBox.ButtonRole.AcceptRole) if can_save else None
    discard = box.addButton("Bỏ thay đổi", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Tiếp tục sửa", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    if save is not None and clicked is save:
        return SAVE
    return DISCARD if clicked is discard else CONTINUE


class GuardedDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._clean_state: dict[int, object] = {}
        self._clean_tables: dict = {}

    def mark_clean(self) -> None:
        """Call once the form shows what is stored (after load, after save)."""
        self._clean_state = form_state(self)
        self._clean_tables = self.table_state()

    def table_state(self) -> dict:
        """What the form holds beyond its inputs — a table typed into (a meeting's attendance,
        a list ticked) — as plain values: compared for unsaved typing, kept in its draft."""
        return {}

    def put_table_state(self, state: dict) -> None:
        """A kept table_state() back; what a damaged draft holds is passed over."""

    def tables_changed(self) -> bool:
        return self.table_state() != self._clean_tables

    def mark_input_clean(self, widget: QWidget) -> None:
        """One input the program refreshed from what is stored: what it shows is not typing."""
        self._clean_state.update(form_state_of(widget))

    def has_unsaved_changes(self) -> bool:
        if self.tables_changed():  # a table's cells are not inputs: its ticks were lost on Esc
            return True
        now = form_state(self)
        # An input built after loading (a row added) counts only if it holds something.
        return any(self._clean_state.get(key, _EMPTY.get(type(value))) != value for key, value in now.items())

    def save_before_close(self) -> bool:
        """Save what the form shows; True when saved. Forms that cannot save keep False."""
        return False

    def can_save_before_close(self) -> bool:
        return False

    def reject(self) -> None:
        # Esc, the close box and Hủy all come here.
        if self.has_unsaved_changes():
            answer = ask_unsaved(self, self.can_save_before_close())
            if answer == CONTINUE:
                return
            if answer == SAVE:
                if self.save_before_close():
                    self.accept()
                return
        super().reject()


_EMPTY = {str: "", bool: False, int: -1}

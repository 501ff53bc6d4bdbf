"""Qt ships no Vietnamese translation: standard buttons get their words here."""

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

_WORDS = {
    QDialogButtonBox.StandardButton.Ok: "Đồng ý",
    QDialogButtonBox.StandardButton.Save: "Lưu",
    QDialogButtonBox.StandardButton.Cancel: "Hủy",
    QDialogButtonBox.StandardButton.Close: "Đóng",
    QDialogButtonBox.StandardButton.Yes: "Có",
    QDialogButtonBox.StandardButton.No: "Không",
}


def vietnamese_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    for standard, text in _WORDS.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)
    return box


def confirm(parent, title: str, text: str, yes: str = "Đồng ý") -> bool:
    """Ask before anything destructive; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent, title: str, text: str, warning: bool = False) -> None:
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = QMessageBox(icon, title, text, parent=parent)
    box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
    box.exec()

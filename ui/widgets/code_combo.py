"""A combo box over stored codes: the clerk sees the Vietnamese words, the code is the data."""

from PySide6.QtWidgets import QComboBox


def code_combo(items: dict[str, str], any_label: str | None = None) -> QComboBox:
    combo = QComboBox()
    if any_label is not None:
        combo.addItem(any_label, None)
    for code, label in items.items():
        combo.addItem(label, code)
    return combo


def select_code(combo: QComboBox, code) -> None:
    index = combo.findData(code)
    combo.setCurrentIndex(max(index, 0))

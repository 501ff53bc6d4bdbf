"""The search field: waits for a short pause in typing before it asks for results."""

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit

PAUSE_MS = 40  # a pause in typing, not a wait: the search itself takes ~25 ms at 30,000 members


class SearchBox(QLineEdit):
    search = Signal(str)

    def __init__(self, placeholder: str, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.flush)

    def flush(self) -> None:
        """Search now (Enter, or tests)."""
        self._timer.stop()
        self.search.emit(self.text())

"""The search field: waits for a short pause in typing before it asks for results."""

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

_INTO_RESULTS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
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
        self._results: QAbstractItemView | None = None
        self._open_record: Callable[[], None] | None = None

    def lead_to(self, results: QAbstractItemView, open_record: Callable[[], None]) -> None:
        """Down moves into the results; Enter searches now and opens the chosen (or first) row."""
        self._results = results
        self._open_record = open_record

    def keyPressEvent(self, event) -> None:
        if self._results is not None and event.key() in _INTO_RESULTS:
            self.flush()
            if self._choose_row():
                if event.key() == Qt.Key.Key_Down:
                    self._results.setFocus(Qt.FocusReason.TabFocusReason)
                else:
                    self._open_record()
            return
        super().keyPressEvent(event)

    def _choose_row(self) -> bool:
        model = self._results.model()
        if model is None or model.rowCount() == 0:
            return False
        if not self._results.currentIndex().isValid():
            first = model.index(0, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self._results.selectionModel().setCurrentIndex(first, flags)
        return True

    def flush(self) -> None:
        """Search now (Enter, or tests)."""
        self._timer.stop()
        self.search.emit(self.text())

"""A read-only table model over a short list of rows: subclasses name their headers and say
how one row reads. For the long member list see ui/members/table.py (rows fetched lazily)."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

LONG_TEXT = 25  # characters from which a cell's text is also its tooltip


class RowsTableModel(QAbstractTableModel):
    headers: list[str] = []
    right_aligned_from = None  # first column of numbers, right-aligned

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def cells(self, row) -> list[str]:
        raise NotImplementedError

    def bold(self, row) -> bool:
        return False

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, position: int):
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def key(self, row):
        """What names a row's record across reloads (the chosen row is found again by it)."""
        return getattr(row, "id", None)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # a long text a column cuts off, read whole
            text = self.cells(row)[index.column()]
            return text if isinstance(text, str) and len(text) >= LONG_TEXT else None
        if (role == Qt.ItemDataRole.TextAlignmentRole and self.right_aligned_from is not None
                and index.column() >= self.right_aligned_from):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

"""A member's events, oldest first, as shown on the member form."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from models import vocab as v
from models.dates import fmt_date
from models.events import HistoryRow

COLUMNS = ["Ngày", "Biến động", "Số quyết định", "Chi bộ", "Nơi đi / đến", "Tình trạng sau đó", "Ghi chú"]


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def event_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return [
            fmt_date(row.date), row.kind_label, row.decision_no, row.org_name, row.place,
            v.STATUSES.get(row.status_after, ""), row.note,
        ][index.column()]

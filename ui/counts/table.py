"""Two small read-only tables: the movement A + B − C = D, and headcounts per grassroots
organisation."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from models import vocab as v
from models.counts import ADDITIONS, REMOVALS, GrassrootsCount, Movement
from models.dates import fmt_date
from reports.numbers import integer


def movement_lines(table: Movement) -> list[tuple[str, int, bool]]:
    """(label, number, is a total line) in the order of Biểu 1-BTCTW."""
    lines = [(f"A. Số đảng viên đầu kỳ (ngày {fmt_date(table.start)})", table.opening, True),
             ("B. Tăng trong kỳ", table.added, True)]
    lines += [(f"     {label}", table.additions[kind], False) for kind, label in ADDITIONS.items()]
    lines.append(("C. Giảm trong kỳ", table.removed, True))
    for kind, label in REMOVALS.items():
        lines.append((f"     {label}", table.removals[kind], False))
        if kind == v.STRUCK_OFF_EVENT:
            lines.append(("          trong đó đảng viên dự bị", table.struck_off_probationary, False))
    lines.append((f"D. Số đảng viên cuối kỳ (ngày {fmt_date(table.end)})", table.closing, True))
    return lines


class _ReadOnlyTable(QAbstractTableModel):
    headers: list[str] = []

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []

    def _cells(self, row: tuple) -> list[str]:
        raise NotImplementedError

    def _bold(self, row: tuple) -> bool:
        return False

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(row)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class MovementTableModel(_ReadOnlyTable):
    headers = ["Chỉ tiêu", "Số đảng viên"]

    def set_movement(self, table: Movement) -> None:
        self.set_rows(movement_lines(table))

    def _cells(self, row):
        return [row[0], integer(row[1])]

    def _bold(self, row) -> bool:
        return row[2]


class GrassrootsTableModel(_ReadOnlyTable):
    headers = ["Tổ chức cơ sở đảng", "Dự bị", "Chính thức", "Tổng số"]

    def _cells(self, row: GrassrootsCount):
        return [row.name, integer(row.probationary), integer(row.full), integer(row.total)]

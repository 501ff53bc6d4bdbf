"""The tables of the meetings page, and the attendance sheet of the meeting form: one row per
person, "có mặt" ticked from the keyboard (space) or the mouse, the reason typed in for an
absence; the quorum is read off as it changes."""

from dataclasses import asdict, replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from models.core import vocab as v
from models.core.dates import fmt_date
from models.meetings import BODIES, KINDS, RESOLUTION_KINDS, AttendanceLine, CellGap, MeetingRow
from ui.widgets.rows_model import RowsTableModel


class MeetingTableModel(RowsTableModel):
    headers = ["Ngày", "Giờ", "Cơ quan họp", "Loại", "Tổ chức", "Nội dung", "Nghị quyết, kết luận"]

    def cells(self, row: MeetingRow) -> list[str]:
        return [fmt_date(row.date), row.time, BODIES[row.body], KINDS[row.kind], row.org_name, row.heading,
                str(row.resolutions) if row.resolutions else ""]


class ResolutionTableModel(RowsTableModel):
    headers = ["Loại", "Số", "Ngày", "Tán thành", "Không tán thành", "Không biểu quyết", "Nội dung"]

    def cells(self, row) -> list[str]:
        def votes(n):
            return "" if n is None else str(n)
        first_line = row.text.splitlines()[0] if row.text else ""
        return [RESOLUTION_KINDS[row.kind], row.number, fmt_date(row.date), votes(row.votes_for),
                votes(row.votes_against), votes(row.abstentions), first_line]


class CellGapTableModel(RowsTableModel):
    headers = ["Chi bộ", "Trực thuộc"]

    def cells(self, row: CellGap) -> list[str]:
        return [row.name, row.parent]


ATTENDANCE_HEADERS = ["Họ và tên", "Đảng viên", "Miễn sinh hoạt", "Có mặt", "Lý do vắng"]
PRESENT, REASON = 3, 4


_DRAFT_LINE = {"member_id": int | None, "name": str, "membership": str | None, "exempt": bool,
               "present": bool, "absence_reason": str, "convened": bool}


class AttendanceModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[AttendanceLine] = []

    def set_lines(self, lines: list[AttendanceLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()
        self.edited.emit()

    def as_draft(self) -> list[dict]:
        return [asdict(line) for line in self.lines]

    def put_draft(self, lines: object) -> None:
        """A kept sheet back, line by line; what a damaged or foreign draft file holds in
        place of a line is passed over rather than shown."""
        if not isinstance(lines, list):
            return
        kept = []
        for line in lines:
            if isinstance(line, dict) and all(isinstance(line.get(key), kinds)
                                              for key, kinds in _DRAFT_LINE.items()):
                kept.append(AttendanceLine(**{key: line[key] for key in _DRAFT_LINE}))
        self.set_lines(kept)

    def add_line(self, name: str) -> None:
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(AttendanceLine(None, name))
        self.endInsertRows()
        self.edited.emit()

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.edited.emit()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ATTENDANCE_HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return ATTENDANCE_HEADERS[section] if 0 <= section < len(ATTENDANCE_HEADERS) else None
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.column() == PRESENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == REASON:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == PRESENT:
            return Qt.CheckState.Checked if line.present else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [line.name, v.MEMBERSHIPS.get(line.membership, ""), "Có" if line.exempt else "",
                    "", line.absence_reason][index.column()]
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == PRESENT:
            present = Qt.CheckState(value) == Qt.CheckState.Checked
            line = replace(line, present=present, absence_reason="" if present else line.absence_reason)
        elif role == Qt.ItemDataRole.EditRole and index.column() == REASON:
            line = replace(line, absence_reason=str(value))
        else:
            return False
        self.lines[index.row()] = line
        last = len(ATTENDANCE_HEADERS) - 1
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), last))
        self.edited.emit()
        return True

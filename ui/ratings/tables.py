"""The rating grid: one row per member of the organisation on 31/12, filled from the
keyboard like a spreadsheet — 1 to 4 for the levels, M for "miễn sinh hoạt", O for long sick
leave, Delete to clear."""

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from models.core import vocab as v
from models.ratings import NOT_RATED_REASONS, GridRow, rules_for
from models.residence import RESULTS

HEADERS = ["Họ và tên", "Đảng viên", "Xếp loại", "Điểm", "Chưa đánh giá vì", "Nghỉ ốm ≥ 3 tháng",
           "Nơi cư trú nhận xét"]
KEY_REASONS = {Qt.Key.Key_M: "EXEMPT", Qt.Key.Key_D: "SUSPENDED", Qt.Key.Key_N: "NEW_MEMBER",
               Qt.Key.Key_K: "OTHER"}


class RatingGridModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = 0
        self.rows: list[list] = []  # [member id, name, membership, level, score, reason, sick]
        self.saved: list[tuple] = []
        self.comments: dict[int, str] = {}  # the residence's comment of the year, beside the rating

    def load(self, year: int, rows: list[GridRow], comments: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.year = year
        self.comments = comments or {}
        self.rows = [[r.member_id, r.full_name, r.membership, r.level, r.score, r.reason, r.long_sick_leave]
                     for r in rows]
        self.saved = [tuple(row) for row in self.rows]
        self.endResetModel()

    def levels(self) -> dict[str, str]:
        return rules_for(self.year).member_levels if self.year else {}

    def changed_entries(self) -> list[tuple]:
        return [(row[0], row[3], row[4], row[5], row[6])
                for row, old in zip(self.rows, self.saved, strict=True) if tuple(row) != old]

    def mark_saved(self) -> None:
        self.saved = [tuple(row) for row in self.rows]

    def discard(self) -> None:
        """Back to what is stored: the clerk chose to drop what was typed."""
        self.beginResetModel()
        self.rows = [list(row) for row in self.saved]
        self.endResetModel()

    def put_entries(self, entries: object) -> None:
        """Kept typing back on the rows of the same members (changed_entries' shape); a member
        no longer on the grid, a level the year's rules do not have or a damaged entry is passed over."""
        rows = {row[0]: row for row in self.rows}
        levels = self.levels()
        for entry in entries if isinstance(entries, list) else []:
            if not (isinstance(entry, list) and len(entry) == 5 and isinstance(entry[0], int)):
                continue
            member, level, score, reason, sick = entry
            if (member in rows and (level is None or level in levels)
                    and (score is None or isinstance(score, int))
                    and (reason is None or reason in NOT_RATED_REASONS) and isinstance(sick, bool)):
                rows[member][3:7] = [level, score, reason, sick]
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(HEADERS) - 1))

    def set_level(self, row: int, level: str | None, reason: str | None = None) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.rows[row][3], self.rows[row][5] = level, reason
        if level is None:
            self.rows[row][4] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def toggle_sick_leave(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.rows[row][6] = not self.rows[row][6]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return str(section + 1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        member_id, name, membership, level, score, reason, sick = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [name, v.MEMBERSHIPS.get(membership, ""), self.levels().get(level, ""),
                    "" if score is None else str(score), NOT_RATED_REASONS.get(reason, ""),
                    "Có" if sick else "", RESULTS.get(self.comments.get(member_id), "")][index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and tuple(self.rows[index.row()]) != \
                self.saved[index.row()]:
            return QColor("#fff3c4")  # changed, not saved yet
        return None


class GridKeys(QObject):
    """Keys typed on the grid set the current row's rating and move to the next row."""

    def __init__(self, view, model: RatingGridModel):
        super().__init__(view)
        self.view, self.model = view, model
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        row = self.view.currentIndex().row()
        key = event.key()
        levels = list(self.model.levels())
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_4 and row >= 0:
            self.model.set_level(row, levels[key - Qt.Key.Key_1])
        elif key in KEY_REASONS and row >= 0:
            self.model.set_level(row, None, KEY_REASONS[key])
        elif key == Qt.Key.Key_O and row >= 0:
            self.model.toggle_sick_leave(row)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and row >= 0:
            self.model.set_level(row, None)
        else:
            return False
        self.view.selectRow(min(row + 1, self.model.rowCount() - 1))
        return True

"""Tables of the awards and badges page."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.awards import CANDIDATE_KINDS, EARLY, AwardRow, BadgeCandidate, BadgeRow, Proposal
from models.core import vocab as v
from models.core.dates import fmt_date
from ui.widgets.rows_model import RowsTableModel


class AwardTableModel(RowsTableModel):
    headers = ["Ngày quyết định", "Số quyết định", "Hình thức", "Đối tượng", "Được khen", "Cấp khen",
               "Thành tích"]

    def cells(self, row: AwardRow) -> list[str]:
        return [fmt_date(row.decision_date), row.decision_no, v.AWARD_FORMS.get(row.form, ""),
                v.AWARD_RECIPIENTS.get(row.recipient_kind, ""), row.recipient_name, row.issuer, row.campaign]


class ProposalTableModel(RowsTableModel):
    """Checkable: the clerk ticks those the decision will name."""
    headers = ["Đề nghị", "Tổ chức", "Đã khen"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ticked: set[int] = set()

    def set_rows(self, rows: list) -> None:
        self.ticked = {index for index, row in enumerate(rows) if not row.already}
        super().set_rows(rows)

    def cells(self, row: Proposal) -> list[str]:
        return [row.name, row.org_name, row.already]

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            return Qt.CheckState.Checked if index.row() in self.ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.add(index.row())
        else:
            self.ticked.discard(index.row())
        self.dataChanged.emit(index, index, [role])
        return True

    def ticked_rows(self) -> list[Proposal]:
        return [self.row_at(index) for index in sorted(self.ticked)]


class BadgeCandidateModel(RowsTableModel):
    headers = ["Họ và tên", "Ngày sinh", "Chi bộ", "Ngày kết nạp", "Mốc", "Đủ tuổi Đảng ngày", "Diện",
               "Ghi chú"]

    def cells(self, row: BadgeCandidate) -> list[str]:
        notes = []
        if row.gap_days:
            notes.append(f"trừ {row.gap_days} ngày gián đoạn")
        if row.died_on:
            notes.append(f"từ trần {fmt_date(row.died_on)}")
        if row.unknown_gap:
            notes.append("kết nạp lại: kiểm tra thời gian gián đoạn trong hồ sơ")
        return [row.full_name, fmt_date(row.birth_date), row.org_name, fmt_date(row.admitted_on),
                f"{row.milestone} năm", fmt_date(row.reaches), CANDIDATE_KINDS[row.kind], "; ".join(notes)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.kind == EARLY:
                return QColor("#8a5a00")
        return super().data(index, role)


class PresentedBadgeModel(RowsTableModel):
    headers = ["Ngày trao", "Họ và tên", "Mốc", "Số quyết định", "Ngày quyết định", "Số huy hiệu", "Ghi chú"]

    def cells(self, row: BadgeRow) -> list[str]:
        notes = [word for flag, word in ((row.posthumous, "truy tặng"), (row.early, "tặng sớm")) if flag]
        return [fmt_date(row.occasion), row.full_name, f"{row.milestone} năm", row.decision_no,
                fmt_date(row.decision_date), row.badge_number, ", ".join(notes)]

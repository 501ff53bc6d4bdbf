"""The two tables of the reporting page: each organisation asked with where its return stands,
and one return line by line beside the bloc's own count."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.core.dates import fmt_date
from models.returns import STANDING, STATES, ReturnLine, StatusRow
from reports.numbers import integer
from ui.widgets.rows_model import RowsTableModel


class StatusTableModel(RowsTableModel):
    # What the clerk decides on first, in the width beside the return's panel: the decision
    # came fifth and was cut off at 1366 px.
    headers = ["Tổ chức cơ sở đảng", "Tình trạng", "Xem xét", "Ngày gửi", "Chậm (ngày làm việc)",
               "Khác hồ sơ", "Báo cáo kèm theo", "Ghi chú khi xem xét"]

    def key(self, row: StatusRow):
        return row.org_id

    def cells(self, row: StatusRow):
        return [row.org_name, STANDING[row.standing], STATES.get(row.state, ""), fmt_date(row.received_on),
                str(row.late_days) if row.late_days else "",
                f"{row.differences} số liệu" if row.differences else "", row.report_name, row.decision_note]


def _shown(value) -> str:
    if value is None:
        return ""
    return integer(value) if isinstance(value, int) else str(value)


class ReturnLinesModel(RowsTableModel):
    headers = ["Chỉ tiêu", "Báo cáo", "Hồ sơ Khối"]  # the figures narrow: the panel is beside the list
    right_aligned_from = 1

    def key(self, row: ReturnLine):
        return row.label

    def cells(self, row: ReturnLine):
        return [row.label, _shown(row.reported), _shown(row.recorded)]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if role == Qt.ItemDataRole.BackgroundRole and row is not None and self.disagrees(row):
            return QColor("#ffe4e1")  # the line that differs from the records, in pink
        if role == Qt.ItemDataRole.TextAlignmentRole and row is not None and isinstance(row.reported, str):
            # prose reads from the left
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    @staticmethod
    def disagrees(row: ReturnLine) -> bool:
        return row.recorded is not None and row.reported is not None and row.reported != row.recorded

"""The dues page's table: each grassroots organisation's quarter as the books show it."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from models.core.dates import fmt_date
from models.dues import DuesLine
from reports.numbers import integer
from ui.widgets.rows_model import RowsTableModel


class DuesTableModel(RowsTableModel):
    headers = ["Tổ chức cơ sở đảng", "Thu được", "Phải nộp", "Nợ quý trước", "Đã nộp", "Còn nợ",
               "Ngày nộp", "Nguồn số liệu"]
    right_aligned_from = 1

    def key(self, row: DuesLine):
        return row.org_id

    def cells(self, row: DuesLine):
        if row.entry_id is None:
            return [row.org_name, "chưa có", "", integer(row.owed_before), "", integer(row.owed_after), "",
                    ""]
        return [row.org_name, integer(row.collected), integer(row.owed), integer(row.owed_before),
                integer(row.remitted), integer(row.owed_after), fmt_date(row.remitted_on),
                row.source or "Nhập tại Văn phòng"]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if role == Qt.ItemDataRole.BackgroundRole and row is not None and row.owed_after > 0:
            return QColor("#ffe4e1")  # still owes
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 6:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

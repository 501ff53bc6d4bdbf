"""The audit trail as a table."""

from models.accounts import AuditRow
from ui.widgets.rows_model import RowsTableModel


class AuditTableModel(RowsTableModel):
    headers = ["Số", "Thời điểm", "Người dùng", "Thao tác", "Loại hồ sơ", "Mã hồ sơ"]

    def entry(self, row: int) -> AuditRow | None:
        return self.row_at(row)

    def cells(self, entry: AuditRow) -> list[str]:
        at = entry.at.strftime("%d/%m/%Y %H:%M:%S") if hasattr(entry.at, "strftime") else str(entry.at)
        return [str(entry.id), at, entry.user_label, entry.action_label, entry.table_label,
                entry.record_label]

"""A member's events, oldest first, as shown on the member form."""

from models.core import vocab as v
from models.core.dates import fmt_date
from models.members import HistoryRow
from ui.widgets.rows_model import RowsTableModel


class HistoryTableModel(RowsTableModel):
    headers = ["Ngày", "Biến động", "Số quyết định", "Chi bộ", "Nơi đi / đến", "Tình trạng sau đó",
               "Ghi chú", "Người ghi"]

    def event_id(self, row: int) -> int | None:
        entry = self.row_at(row)
        return entry.id if entry else None

    def cells(self, row: HistoryRow) -> list[str]:
        return [fmt_date(row.date), row.kind_label, row.decision_no, row.org_name, row.place,
                v.STATUSES.get(row.status_after, ""), row.note, row.recorded_by]

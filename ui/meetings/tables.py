"""Read-only tables of the meetings page."""

from models.core.dates import fmt_date
from models.meetings import BODIES, KINDS, RESOLUTION_KINDS, CellGap, MeetingRow
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

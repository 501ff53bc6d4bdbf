"""Two small read-only tables: the movement A + B − C = D, and headcounts per grassroots
organisation."""

from models.core import vocab as v
from models.core.dates import fmt_date
from models.members import ADDITIONS, REMOVALS, GrassrootsCount, Movement
from reports.numbers import integer
from ui.widgets.rows_model import RowsTableModel


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


class MovementTableModel(RowsTableModel):
    headers = ["Chỉ tiêu", "Số đảng viên"]
    right_aligned_from = 1

    def set_movement(self, table: Movement) -> None:
        self.set_rows(movement_lines(table))

    def cells(self, row):
        return [row[0], integer(row[1])]

    def bold(self, row) -> bool:
        return row[2]


class GrassrootsTableModel(RowsTableModel):
    headers = ["Tổ chức cơ sở đảng", "Dự bị", "Chính thức", "Tổng số"]
    right_aligned_from = 1

    def cells(self, row: GrassrootsCount):
        return [row.name, integer(row.probationary), integer(row.full), integer(row.total)]

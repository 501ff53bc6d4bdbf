"""The three tables of the admissions page: cases, reminders, targets with progress."""

from models.admissions import REMINDER_KINDS, STATES, STEPS, CaseRow, Reminder
from models.core.dates import fmt_date
from reports.numbers import achievement, integer
from ui.widgets.rows_model import RowsTableModel


class CaseTableModel(RowsTableModel):
    headers = ["Họ và tên", "Chi bộ", "Tình trạng", "Bước tiếp theo", "Ngày vào danh sách"]

    def __init__(self, org_names: dict[int, str], parent=None):
        super().__init__(parent)
        self.org_names = org_names

    def case_id(self, row: int) -> int | None:
        case = self.row_at(row)
        return case.id if case else None

    def cells(self, row: CaseRow) -> list[str]:
        step = STEPS[row.next_step][0] if row.next_step else "—"
        return [row.full_name, self.org_names.get(row.org_id, ""), STATES[row.state], step,
                fmt_date(row.listed_on)]


class ReminderTableModel(RowsTableModel):
    headers = ["Việc", "Họ và tên", "Chi bộ", "Hạn", "Nội dung"]

    def cells(self, row: Reminder) -> list[str]:
        return [REMINDER_KINDS[row.kind], row.name, row.org_name, fmt_date(row.due), row.text]


class TargetTableModel(RowsTableModel):
    """Rows: (target id, organisation name, year from, year to, target, admitted)."""

    headers = ["Đơn vị", "Thời gian", "Chỉ tiêu", "Đã kết nạp", "Kết quả"]
    right_aligned_from = 2

    def target_id(self, row: int) -> int | None:
        entry = self.row_at(row)
        return entry[0] if entry else None

    def cells(self, row) -> list[str]:
        _id, org_name, year_from, year_to, value, actual = row
        term = year_from != year_to
        period = f"Nhiệm kỳ {year_from}–{year_to}" if term else f"Năm {year_from}"
        goal = "mục tiêu Đại hội" if term else "chỉ tiêu"
        return [org_name, period, integer(value), integer(actual), achievement(actual, value, goal)]

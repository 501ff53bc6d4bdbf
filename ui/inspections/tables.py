"""Tables of the inspection page."""

from models.core.dates import fmt_date
from models.inspections import (
    KINDS,
    PERFORMERS,
    SUBJECT_TYPES,
    DisciplineRow,
    InspectionRow,
    ProgrammeLine,
    SubjectRow,
)
from reports.numbers import integer
from ui.widgets.rows_model import RowsTableModel


class InspectionTableModel(RowsTableModel):
    headers = ["Chủ thể", "Loại việc", "Tình trạng", "Từ ngày", "Đến ngày", "Đối tượng", "Nội dung"]

    def cells(self, row: InspectionRow) -> list[str]:
        performer, kind, status = row.labels
        return [performer, kind, status, fmt_date(row.start_date), fmt_date(row.end_date), row.who, row.title]


class SubjectTableModel(RowsTableModel):
    headers = ["Đối tượng", "Tên", "Kết luận", "Kiến nghị", "Theo dõi thực hiện"]

    def cells(self, row: SubjectRow) -> list[str]:
        return row.cells


class DisciplineTableModel(RowsTableModel):
    headers = ["Ngày quyết định", "Đối tượng", "Tổ chức / đảng viên", "Hình thức", "Cấp quyết định",
               "Số quyết định"]

    def cells(self, row: DisciplineRow) -> list[str]:
        return [fmt_date(row.decision_date), SUBJECT_TYPES[row.subject_type].capitalize(), row.name,
                row.form_label, row.deciding_body, row.decision_no]


class ProgrammeTableModel(RowsTableModel):
    headers = ["Chủ thể", "Loại việc", "Theo chương trình", "Đã kết luận"]
    right_aligned_from = 2

    def cells(self, row: ProgrammeLine) -> list[str]:
        return [PERFORMERS[row.performer], KINDS[row.kind], integer(row.planned), integer(row.done)]

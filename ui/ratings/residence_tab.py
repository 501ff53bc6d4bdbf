"""Đánh giá, xếp loại › Nhận xét của nơi cư trú: the members of the organisation chosen above
with where they were introduced and the residence's comment of the year; the lists of those
not yet introduced and of those whose comment has not come (QĐ 213, HD 33)."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.core.dates import fmt_date
from models.orgs import org_names
from models.residence import EXEMPTIONS, RESULTS, ContactRow, contact_rows
from ui.ratings.residence_dialog import ResidenceDialog
from ui.widgets.buttons import inform
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.table_view import column_widths, list_view, open_on_activate

FILTERS = {"all": "Tất cả đảng viên", "introduce": "Chưa giới thiệu về nơi cư trú",
           "comment": "Chưa có nhận xét của năm"}


class ContactTableModel(RowsTableModel):
    headers = ["Họ và tên", "Chi bộ", "Nơi cư trú", "Ngày giới thiệu", "Miễn", "Nhận xét của năm", "Ghi chú"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[int, str] = {}

    def cells(self, row: ContactRow) -> list[str]:
        where = ", ".join(part for part in (row.residence_cell, row.residence_org) if part)
        exempt = EXEMPTIONS[row.exemption].split(":")[0] if row.exemption else ""
        return [row.full_name, self.names.get(row.org_id, ""), where, fmt_date(row.introduced_on), exempt,
                RESULTS.get(row.result, ""), row.comment_note]


class ResidenceTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year, self.org_id = 0, None
        self.filter = QComboBox()
        for code, label in FILTERS.items():
            self.filter.addItem(label, code)
        self.filter.currentIndexChanged.connect(lambda _i: self.load(self.year, self.org_id))
        self.summary = QLabel()
        self.model = ContactTableModel(self)
        self.view = list_view(self.model)
        column_widths(self.view, (190, 190, 260, 110, 90, 120))
        open_on_activate(self.view, self.edit_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel("Enter hoặc nhấp đúp để ghi việc giới thiệu và nhận xét của nơi cư trú."))

    def load(self, year: int, org_id: int | None) -> None:
        self.year, self.org_id = year, org_id
        rows = contact_rows(year, org_id) if org_id else []
        kept = {"all": rows, "introduce": [r for r in rows if r.needs_introduction],
                "comment": [r for r in rows if r.needs_comment]}[self.filter.currentData()]
        self.model.names = org_names()
        self.model.set_rows(kept)
        introduced = sum(r.introduced_on is not None for r in rows)
        commented = sum(r.result is not None for r in rows)
        self.summary.setText(f"{len(rows)} đảng viên; {introduced} đã giới thiệu về nơi cư trú; {commented} "
                             f"có nhận xét năm {year}." if org_id else "Chọn tổ chức cơ sở đảng ở trên.")

    def edit_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            inform(self, "Nơi cư trú", "Chọn một đảng viên trong danh sách trước.")
        elif ResidenceDialog(row.member_id, row.full_name, self.year, self).accepted_after_exec():
            self.load(self.year, self.org_id)

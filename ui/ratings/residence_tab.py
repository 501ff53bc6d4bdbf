"""Đánh giá, xếp loại › Nhận xét của nơi cư trú: the members of the organisation chosen above
with where they were introduced and the residence's comment of the year; the lists of those
not yet introduced and of those whose comment has not come (QĐ 213, HD 33)."""

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QVBoxLayout, QWidget

from models.accounts import WRITE_RECORDS, may
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.orgs import full_names
from models.residence import (
    EXEMPTIONS,
    RESULTS,
    ContactRow,
    apply_comment_list,
    contact_rows,
    export_comment_list,
    read_comment_list,
)
from ui.ratings.residence_dialog import ResidenceDialog
from ui.tasks import Task, run_task
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.save_path import ask_save_path
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
        export = QPushButton("Xuất danh sách lấy nhận xét…")
        export.setToolTip("Danh sách đảng viên đã giới thiệu, để chi bộ nơi cư trú ghi kết quả")
        export.clicked.connect(self.export_list)
        import_button = QPushButton("Nhập nhận xét từ Excel…")
        import_button.clicked.connect(self.import_list)
        import_button.setEnabled(may(WRITE_RECORDS))
        bar = FlowLayout()
        bar.addWidget(self.filter)
        bar.addWidget(self.summary, 1)
        bar.addWidget(export)
        bar.addWidget(import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(QLabel("Enter hoặc nhấp đúp để ghi việc giới thiệu và nhận xét của nơi cư trú."))

    def load(self, year: int, org_id: int | None) -> None:
        self.year, self.org_id = year, org_id
        rows = contact_rows(year, org_id) if org_id else []
        kept = {"all": rows, "introduce": [r for r in rows if r.needs_introduction],
                "comment": [r for r in rows if r.needs_comment]}[self.filter.currentData()]
        self.model.names = full_names() if rows else {}  # the whole tree's names: read only when shown
        self.model.set_rows(kept)
        introduced = sum(r.introduced_on is not None for r in rows)
        commented = sum(r.result is not None for r in rows)
        self.summary.setText(f"{len(rows)} đảng viên; {introduced} đã giới thiệu về nơi cư trú; {commented} "
                             f"có nhận xét năm {year}." if org_id else "Chọn tổ chức cơ sở đảng ở trên.")

    def export_list(self) -> Task | None:
        if not self.org_id:
            inform(self, "Nơi cư trú", "Chọn tổ chức cơ sở đảng ở trên trước.")
            return None
        path = ask_save_path(self, "Lưu danh sách lấy nhận xét", f"nhan-xet-noi-cu-tru-{self.year}.xlsx",
                             "Excel (*.xlsx)")
        if path is None:
            return None
        year, org_id = self.year, self.org_id
        return run_task(self, lambda _p: export_comment_list(path, year, org_id),
                        lambda written: inform(self, "Nơi cư trú", f"Đã ghi {written}."), label="Đang ghi…")

    def import_list(self) -> Task | None:
        name, _ = file_dialog.get_open_file_name(self, "Chọn danh sách nhận xét đã ghi", "",
                                                 file_dialog.WORKBOOKS_TO_READ)
        if not name:
            return None
        year = self.year
        return run_task(self, lambda _p: read_comment_list(Path(name), year), self._read, label="Đang đọc…")

    def _read(self, read) -> None:
        if read.problems:
            shown = "\n".join(read.problems[:20]) + ("\n…" if len(read.problems) > 20 else "")
            inform(self, "Chưa nhập", f"Có {len(read.problems)} dòng cần sửa; chưa ghi gì:\n\n{shown}",
                   warning=True)
            return
        if confirm(self, "Nhập nhận xét", f"Ghi {len(read.entries)} nhận xét của nơi cư trú năm {read.year}?",
                   yes="Ghi"):
            try:
                count = apply_comment_list(read)
            except ValidationError as error:
                inform(self, "Chưa nhập", error.message, warning=True)
                return
            self.load(self.year, self.org_id)
            inform(self, "Nhập nhận xét", f"Đã ghi {count} nhận xét.")

    def edit_selected(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            inform(self, "Nơi cư trú", "Chọn một đảng viên trong danh sách trước.")
        elif ResidenceDialog(row.member_id, row.full_name, self.year, self).accepted_after_exec():
            self.load(self.year, self.org_id)

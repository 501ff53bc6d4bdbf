"""What the office prints about members from the registry and the member form: the member
sheet, the short record of the members chosen, the introduction letter of a transfer out."""

from PySide6.QtWidgets import QTableView, QWidget

from models.core.text import file_safe
from models.documents import letter_paper
from models.members import get_member
from reports.member_sheets import render_member_sheet, render_short_record
from reports.numbers import integer
from ui.widgets.buttons import inform
from ui.widgets.paper_dialog import PaperDialog

TRANSFER_KINDS = ("TRANSFER_OUT", "TEMP_OUT_START")
SHORT_RECORD_MOST = 1_000  # a list for a meeting or a proposal, not the registry (Excel export is for that)


def print_member_sheet(parent: QWidget, member_id: int | None) -> PaperDialog | None:
    if member_id is None:
        inform(parent, "Phiếu đảng viên", "Chọn một đảng viên trong danh sách trước.")
        return None
    name = get_member(member_id).full_name
    dialog = PaperDialog(f"In phiếu đảng viên — {name}", f"phieu-dang-vien-{file_safe(name)}", parent,
                         write_sheet=lambda target, on: render_member_sheet(target, member_id, on))
    dialog.show()
    return dialog


def print_short_record(parent: QWidget, member_ids: list[int]) -> PaperDialog | None:
    if not member_ids:
        inform(parent, "Trích ngang", "Chọn các đảng viên trong danh sách trước (giữ Ctrl hoặc Shift để "
                                      "chọn nhiều người).")
        return None
    if len(member_ids) > SHORT_RECORD_MOST:
        inform(parent, "Trích ngang", f"Đã chọn {integer(len(member_ids))} người; trích ngang in tối đa "
                                      f"{integer(SHORT_RECORD_MOST)} người. Để có cả danh sách, dùng "
                                      "“Xuất danh sách Excel”.")
        return None
    dialog = PaperDialog(f"In trích ngang {len(member_ids)} đảng viên", "trich-ngang-dang-vien", parent,
                         write_sheet=lambda target, on: render_short_record(target, member_ids, on))
    dialog.show()
    return dialog


def chosen_event(view: QTableView) -> tuple[int | None, str | None]:
    """The event chosen in a member's history: its number and kind."""
    rows = view.selectionModel().selectedRows()
    entry = view.model().row_at(rows[0].row()) if rows else None
    return (entry.id, entry.kind) if entry else (None, None)


def print_letter(parent: QWidget, member_id: int, event_id: int | None,
                 kind: str | None) -> PaperDialog | None:
    """From the member form's history: the letter of the transfer out chosen there."""
    if event_id is None or kind not in TRANSFER_KINDS:
        inform(parent, "Giấy giới thiệu", "Chọn dòng “Chuyển sinh hoạt … đi” trong quá trình của đảng viên.")
        return None
    name = get_member(member_id).full_name
    dialog = PaperDialog(f"In giấy giới thiệu sinh hoạt đảng — {name}", f"giay-gioi-thieu-{file_safe(name)}",
                         parent,
                         make_paper=lambda: letter_paper(event_id), source=f"gioi-thieu:{event_id}")
    if hasattr(parent, "refresh_history"):  # the issued letter's number shows in the member's history
        dialog.printed.connect(parent.refresh_history)
    dialog.show()
    return dialog

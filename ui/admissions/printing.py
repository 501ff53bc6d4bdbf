"""The decisions printed from admission cases: admission (the bloc's standing committee
decides, DOMAIN §3) and full membership; several cases chosen together make one decision with
the list annexed."""

from PySide6.QtWidgets import QWidget

from models.admissions import get_case
from models.core.text import file_safe
from models.documents import admission_paper, full_membership_paper
from ui.widgets.buttons import inform
from ui.widgets.paper_dialog import PaperDialog

KINDS = {
    "ket-nap": ("In quyết định kết nạp đảng viên", "quyet-dinh-ket-nap", admission_paper),
    "chinh-thuc": ("In quyết định công nhận đảng viên chính thức", "quyet-dinh-chinh-thuc",
                   full_membership_paper),
}


def print_case_decision(parent: QWidget, kind: str, case_ids: list[int]) -> PaperDialog | None:
    title, stem, make = KINDS[kind]
    if not case_ids:
        inform(parent, title, "Chọn hồ sơ kết nạp trước (giữ Ctrl hoặc Shift để chọn nhiều người cho một "
                              "quyết định).")
        return None
    joined = ",".join(str(case_id) for case_id in sorted(case_ids))  # as the register keys the decision
    if len(case_ids) == 1:  # named for the person, in the title and the file
        name = get_case(case_ids[0]).full_name
        title, stem = f"{title} — {name}", f"{stem}-{file_safe(name)}"
    else:
        title, stem = f"{title} ({len(case_ids)} người)", f"{stem}-{joined.replace(',', '-')}"
    dialog = PaperDialog(title, stem, parent, make_paper=lambda: make(case_ids), source=f"{kind}:{joined}")
    dialog.show()
    return dialog

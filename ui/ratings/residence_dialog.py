"""One member's contact with the residence: where they were introduced and when, an
exemption (HD 33 §1.1–1.2), and the residence's comment of the year."""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QVBoxLayout

from models.core.dates import fmt_date
from models.residence import EXEMPTIONS, RESULTS, get_contact, save_residence
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog


class ResidenceDialog(FormDialog):
    def __init__(self, member_id: int, full_name: str, year: int, parent=None):
        super().__init__(f"Sinh hoạt nơi cư trú — {full_name}", parent)
        self.member_id, self.year = member_id, year
        contact, comments = get_contact(member_id)
        where = QGroupBox("Giới thiệu về nơi cư trú")
        form = QFormLayout(where)
        self.residence_org = QLineEdit(contact.residence_org if contact else "")
        self.residence_org.setPlaceholderText("ví dụ Đảng bộ phường Hồng Hải")
        self.errors.add_row(form, "residence_org", "Đảng bộ xã, phường (*)", self.residence_org)
        self.residence_cell = QLineEdit(contact.residence_cell if contact else "")
        self.residence_cell.setPlaceholderText("ví dụ Chi bộ khu 5")
        self.errors.add_row(form, "residence_cell", "Chi bộ nơi cư trú", self.residence_cell)
        self.introduced_on = DateEdit("Ngày giới thiệu", "introduced_on")
        self.introduced_on.set_date(contact.introduced_on if contact else None)
        self.errors.add_row(form, "introduced_on", "Ngày giới thiệu (*)", self.introduced_on)
        self.exemption = code_combo(EXEMPTIONS)
        select_code(self.exemption, contact.exemption if contact else "")
        self.errors.add_row(form, "exemption", "Trường hợp miễn", self.exemption)
        comment = comments.get(year)
        said = QGroupBox(f"Nhận xét của nơi cư trú năm {year}")
        comment_form = QFormLayout(said)
        self.result = code_combo(RESULTS, "(chưa có nhận xét)")
        select_code(self.result, comment.result if comment else None)
        self.errors.add_row(comment_form, "result", "Kết quả", self.result)
        self.comment_note = QLineEdit(comment.note if comment else "")
        self.errors.add_row(comment_form, "note", "Ghi chú", self.comment_note)
        self.received_on = DateEdit("Ngày nhận", "received_on")
        self.received_on.set_date(comment.received_on if comment else None)
        self.errors.add_row(comment_form, "received_on", "Ngày nhận", self.received_on)
        earlier = [f"{y}: {RESULTS[c.result]}" + (f" ({fmt_date(c.received_on)})" if c.received_on else "")
                   for y, c in sorted(comments.items()) if y != year]
        if earlier:
            comment_form.addRow("Các năm trước", QLineEdit("; ".join(earlier), readOnly=True))
        layout = QVBoxLayout(self)
        for widget in (where, said, self.fallback, self.make_buttons()):
            layout.addWidget(widget)
        self.resize(620, self.sizeHint().height())
        self.mark_clean()

    def write(self) -> None:
        contact = {"residence_org": self.residence_org.text(), "residence_cell": self.residence_cell.text(),
                   "introduced_on": self.introduced_on.date(), "exemption": self.exemption.currentData()}
        comment = {"result": self.result.currentData(), "note": self.comment_note.text(),
                   "received_on": self.received_on.date()}
        save_residence(self.member_id, contact, self.year, comment)

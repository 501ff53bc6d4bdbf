"""The office details form: warnings against the Party's form with the fitting wording one
click away, a live preview of the header and signature, and a question before saving details
that print off the form."""

import re

from models.accounts import office_details
from models.accounts.office import OfficeDetails, save_office_details
from tests.conftest import type_text
from ui.users import office_form
from ui.users.office_form import OfficeDialog

PROPER = OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Lạng Sơn", "ĐUK", "Lạng Sơn",
                       "Hoàng Văn Nam", "Bí thư")


def retype(edit, text: str) -> None:
    edit.selectAll()
    edit.setFocus()
    type_text(edit, text)


def test_reported_header_is_warned_fixed_in_one_click_and_previewed(qtbot, db, monkeypatch):
    save_office_details(PROPER)
    dialog = OfficeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.fields
    assert all(label.isHidden() for label in fields.warnings.values())
    preview = fields.preview.text()
    for printed in ("ĐẢNG BỘ TỈNH LẠNG SƠN", "Hoàng Văn Nam", "T/M BAN THƯỜNG VỤ"):
        assert printed in preview
    assert "ĐẢNG ỦY KHỐI<br>CÁC CƠ QUAN TỈNH" in preview  # "CƠ QUAN" kept whole, as the PDF breaks it
    assert "Lạng Sơn, ngày" in preview and "Số&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;-BC/ĐUK" in preview

    retype(fields.edits["superior_body"], "TỈNH ỦY LẠNG SƠN")
    retype(fields.edits["bloc_name"], "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH")
    assert "TỈNH ỦY LẠNG SƠN" in fields.preview.text()  # the preview follows the typing
    warning = fields.warnings["superior_body"]
    assert warning.isVisible() and "“ĐẢNG BỘ TỈNH LẠNG SƠN”" in warning.text()
    assert fields.warnings["bloc_name"].isVisible()

    asked = []
    monkeypatch.setattr(office_form, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    assert dialog.save() is False
    assert "cơ quan cấp trên" in asked[0] and "tên đảng bộ (cơ quan ban hành)" in asked[0]
    assert office_details() == PROPER  # nothing stored while the clerk would rather fix it
    assert "Chưa lưu" in dialog.fallback.text()

    for key in ("superior_body", "bloc_name"):
        label = fields.warnings[key]
        label.linkActivated.emit(re.search(r'href="([^"]+)"', label.text()).group(1))
    assert all(label.isHidden() for label in fields.warnings.values())
    assert dialog.save() is True and len(asked) == 1
    assert office_details().superior_body == "ĐẢNG BỘ TỈNH LẠNG SƠN"
    assert office_details().bloc_name == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"


def test_details_kept_off_the_form_when_the_clerk_says_so(qtbot, db, monkeypatch):
    save_office_details(PROPER)
    dialog = OfficeDialog()
    qtbot.addWidget(dialog)
    retype(dialog.fields.edits["signer_title"], "K/T Bí thư")
    monkeypatch.setattr(office_form, "confirm", lambda *a, **k: True)
    assert dialog.save() is True
    assert office_details().signer_title == "K/T Bí thư"

from datetime import date

from pypdf import PdfReader

from models.accounts.office import OfficeDetails, save_office_details
from models.documents.register import load_draft, register_rows
from tests.conftest import finish, type_text
from ui.reports.page import RegisterTableModel, ReportsPage


def test_draft_edit_save_recompute_and_print(qtbot, bloc_tree, make_member, monkeypatch, tmp_path):
    import ui.reports.page as page_module

    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh", "ĐUK", "Hạ Long",
                                      "Trần Văn Ký", "Bí thư"))
    make_member(admitted=date(2023, 4, 1))
    opened = []
    monkeypatch.setattr(page_module.PdfPreviewDialog, "exec", lambda dialog: opened.append(dialog.path) or 0)
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: True)
    page = _year_end_2023(qtbot)
    assert "toàn Đảng bộ kết nạp 1 đảng viên" in page.editors["admissions"].toPlainText()
    page.editors["leadership"].setFocus()
    type_text(page.editors["leadership"], "Ban Chấp hành lãnh đạo toàn diện.")
    assert page.save()
    assert any(r["text"] == "Ban Chấp hành lãnh đạo toàn diện." for r in load_draft("year-end", 2023))
    make_member(full_name="Lê Văn Mới", admitted=date(2023, 8, 1))
    finish(qtbot, page.recompute())
    assert "kết nạp 2 đảng viên" in page.editors["admissions"].toPlainText()
    assert page.editors["leadership"].toPlainText() == "Ban Chấp hành lãnh đạo toàn diện."
    out = tmp_path / "bc.pdf"
    finish(qtbot, page.write_pdf(page.current_draft(), out, date(2024, 1, 15), issue=True))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Số 01-BC/ĐUK" in text and "Ban Chấp hành lãnh đạo toàn diện." in text
    assert "Trần Văn Ký" in text and opened
    assert register_rows()[0][:2] == (1, "BC")
    assert page.register.rowCount() == 1
    # "Xuất Word": the Word copy of the issued report carries its number, and takes no new one.
    from docx import Document

    word = tmp_path / "bc.docx"
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a, **k: word)
    page.issued_on.setText("15/01/2024")
    page.export(issue=False, word=True)
    qtbot.waitUntil(word.exists, timeout=10_000)
    lines = [p.text for p in Document(str(word)).tables[0].rows[0].cells[0].paragraphs]
    assert "Số 01-BC/ĐUK" in lines and page.register.rowCount() == 1


def _year_end_2023(qtbot) -> ReportsPage:
    """The Báo cáo page with the year-end draft of 2023 open."""
    page = ReportsPage()
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("year-end"))
    page.year.setValue(2023)
    finish(qtbot, page.open_draft())
    return page


def test_register_model(qtmodeltester, db):
    model = RegisterTableModel()
    model.set_rows([(1, "BC", date(2024, 1, 15), "Báo cáo tổng kết năm 2023", "D:/Văn bản/bc.pdf")])
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "01-BC" and model.index(0, 1).data() == "Báo cáo"


def test_unsaved_draft_is_not_dropped_silently(qtbot, bloc_tree, monkeypatch):
    import ui.reports.page as page_module

    answers = []
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: answers.append(a) or False)
    page = ReportsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    finish(qtbot, page.open_draft())
    assert not page.has_unsaved_changes()
    page.editors["leadership"].setPlainText("Đang viết dở")
    assert page.has_unsaved_changes()
    assert page.open_draft() is None  # the clerk says "no, keep it"
    assert answers and page.editors["leadership"].toPlainText() == "Đang viết dở"


def test_term_start_from_the_register_tab(qtbot, db, monkeypatch):
    from models.documents.register import term_start

    page = ReportsPage()
    qtbot.addWidget(page)
    page.term_start.setText("16/10/2025")
    page.save_term_start()
    assert term_start() == date(2025, 10, 16)
    assert "16/10/2025" in page.status.text()


def test_a_section_starts_from_last_years_draft_only_when_asked(qtbot, bloc_tree, monkeypatch):
    from models.documents.register import save_draft

    last_year = [{"key": "leadership", "heading": "I.", "level": 1, "computed": False,
                  "text": "Năm 2022, Ban Chấp hành tập trung lãnh đạo toàn diện."},
                 {"key": "orgs", "heading": "", "level": 3, "computed": True, "text": "Số liệu năm 2022."}]
    save_draft("year-end", 2022, last_year)
    page = ReportsPage()
    qtbot.addWidget(page)
    page.show()
    page.kind.setCurrentIndex(page.kind.findData("year-end"))
    page.year.setValue(2023)
    finish(qtbot, page.open_draft())
    leadership = page.editors["leadership"]
    assert leadership.toPlainText() == ""  # offered, never copied in unasked
    assert set(page.offers) == {"leadership"}  # computed sections are written from this year's data
    offer = page.offers["leadership"]
    assert offer.isVisible() and "2022" in offer.text()
    offer.click()
    assert leadership.toPlainText() == "Năm 2022, Ban Chấp hành tập trung lãnh đạo toàn diện."
    assert not offer.isVisible() and page.has_unsaved_changes()
    assert "sửa lại cho năm nay" in page.status.text()


def test_printing_with_bare_headings_asks_first(qtbot, bloc_tree, monkeypatch):
    """Reported: "PHƯƠNG HƯỚNG, NHIỆM VỤ" printed as a bare heading, the clerk never told."""
    import ui.reports.page as page_module

    asked, saved = [], []
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a, **k: saved.append(a) or None)
    page = _year_end_2023(qtbot)
    assert "Các mục chưa có nội dung" in page.status.text()
    page.export(issue=False)
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" in asked[-1] and saved == []  # declined: nothing written
    # Said in the window's words: the command's "mở trang Báo cáo … rồi in lại" read, on that very
    # page and before anything was printed, as if the clerk were somewhere else.
    for said in (page.status.text(), asked[-1]):
        assert "in lại" not in said and "ở trang Báo cáo" not in said, said
    assert "bấm Lưu dự thảo" in page.status.text()


def test_a_signing_date_before_the_figures_is_said_before_a_file_is_asked_for(qtbot, bloc_tree, monkeypatch):
    """Ngày ký 15/06/2023 on the year-end report of 2023, printed in 2024: said at once beside
    the date, before the clerk chooses where to save a paper that could not be signed."""
    import ui.reports.page as page_module

    said, asked = [], []
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(page_module, "inform", lambda _parent, title, text, warning=False: said.append(text))
    monkeypatch.setattr(page_module, "ask_save_path", lambda *a, **k: asked.append(a) or None)
    page = _year_end_2023(qtbot)
    page.issued_on.setText("15/06/2023")
    page.export(issue=False)
    assert said == ["Ngày ký 15/06/2023 ở trước ngày 31/12/2023, ngày số liệu của báo cáo được tính đến: "
                    "chọn ngày ký từ 31/12/2023."] and asked == []

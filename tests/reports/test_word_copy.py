"""The Word copy: the same report and minutes as .docx, read back with python-docx — the
header as a two-column table, the same figures as the PDF, the signature, page numbers."""

from datetime import date

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

import main
from models.accounts.office import OfficeDetails, save_office_details
from tests.reports.test_minutes import board_meeting


def test_report_and_minutes_as_word_with_the_pdfs_figures(bloc_tree, make_member, tmp_path):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK",
                                      "Bắc Giang", "Nguyễn Hoàng Tùng", "Bí thư"))
    make_member(admitted=date(2010, 3, 1))
    make_member(full_name="Lê Văn Mới", admitted=date(2023, 4, 1))
    db = str(bloc_tree["bloc"]._meta.database.database)
    for name in ("bc.pdf", "bc.docx"):
        command = ["report", "year-end", "--year", "2023", "--db", db, "-o", str(tmp_path / name)]
        assert main.main(command) == 0
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "bc.pdf").pages).split())
    word = Document(str(tmp_path / "bc.docx"))
    left, right = word.tables[0].rows[0].cells
    lines = [p.text for p in left.paragraphs]
    assert lines[:3] == ["ĐẢNG BỘ TỈNH BẮC GIANG", "ĐẢNG ỦY KHỐI\nCÁC CƠ QUAN TỈNH", "*"]
    assert lines[3].startswith("Số ") and lines[3].endswith("-BC/ĐUK")  # a draft: room for the number
    assert right.paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM" and right.paragraphs[2].runs[0].italic
    texts = [p.text for p in word.paragraphs]
    movement = next(text for text in texts if text.startswith("Số đảng viên đầu kỳ"))
    assert movement in pdf and "tăng 1 đồng chí (kết nạp mới 1)" in movement
    assert any(p.text == "Nguyễn Hoàng Tùng" for table in word.tables for cell in table._cells
               for p in cell.paragraphs)
    section = word.sections[0]
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210
    assert word.styles["Normal"].font.name == "Times New Roman"

    meeting = board_meeting(3)
    out = tmp_path / "bien-ban.docx"
    assert main.main(["minutes", str(meeting.id), "--db", db, "-o", str(out)]) == 0
    minutes = Document(str(out))
    assert any("Nghị quyết hội nghị. Biểu quyết: tán thành 3." in p.text for p in minutes.paragraphs)
    assert any(p.text == "Lê Thị Thu Hà" for cell in minutes.tables[-1]._cells for p in cell.paragraphs)


def test_a_header_off_the_form_is_pointed_out_before_the_report_goes_out(bloc_tree, tmp_path, capsys):
    save_office_details(OfficeDetails("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "TỈNH ỦY LẠNG SƠN", "ĐUK", "Lạng Sơn",
                                      "Hoàng Văn Nam", "Bí thư"))
    db = str(bloc_tree["bloc"]._meta.database.database)
    out = tmp_path / "bc.pdf"
    assert main.main(["report", "year-end", "--year", "2023", "--db", db, "-o", str(out)]) == 0
    said = capsys.readouterr().err
    assert "Lưu ý: Cơ quan cấp trên: Dòng trên ghi tên đảng bộ cấp trên (“ĐẢNG BỘ TỈNH LẠNG SƠN”)" in said
    assert "Lưu ý: Tên Đảng bộ (cơ quan ban hành): Cơ quan ban hành là cấp ủy" in said
    assert out.exists()  # pointed out, not refused: the office decides


def test_the_word_copys_signature_is_never_cut_from_its_name_nor_left_alone(tmp_path):
    # The quarterly returns summary's Word copy, opened in LibreOffice, put "T/M BAN THƯỜNG VỤ /
    # BÍ THƯ" at the foot of page 1 and the secretary's name alone on page 2. The row holding the
    # signature may not break across pages, and it goes over with the body's last paragraph and
    # the headings above that, as the PDF's does.
    from reports.document import Body, Signature, build_document
    from tests.reports.test_document import HEADER

    body = Body()
    body.heading("I. KẾT QUẢ")
    body.paragraph("Các tổ chức cơ sở đảng đã gửi báo cáo.")
    body.subheading("Kết quả nổi bật")
    body.paragraph("Làm tốt công tác phát triển đảng viên.")
    path = build_document(tmp_path / "bc.docx", HEADER, body, Signature(name="Nguyễn Văn A"),
                          ["Lưu Văn phòng Đảng ủy"])
    word = Document(str(path))
    signature_row = word.tables[-1].rows[0]
    assert signature_row._tr.trPr is not None and signature_row._tr.trPr.find(qn("w:cantSplit")) is not None
    kept = {p.text: bool(p.paragraph_format.keep_with_next) for p in word.paragraphs if p.text}
    assert kept["I. KẾT QUẢ"] and kept["Kết quả nổi bật"]
    assert kept["Làm tốt công tác phát triển đảng viên."]  # the last paragraph goes with the signature
    assert not kept["Các tổ chức cơ sở đảng đã gửi báo cáo."]


def test_the_word_copys_tables_repeat_their_header_and_keep_each_row_whole(tmp_path):
    # As the PDF's do: the annex's inspections table went over to the next page in the Word copy
    # without its header, its rows cut in the middle of a cell.
    from reports.document import Body, Signature, build_document
    from tests.reports.test_document import HEADER

    body = Body()
    body.subheading("4. Kiểm tra, giám sát")
    body.table([["Chủ thể", "Tổ chức"], ["", "đảng"], *[[f"Ủy ban Kiểm tra {n}", "1"] for n in range(40)]],
               [120, 40], header_rows=2)
    path = build_document(tmp_path / "pl.docx", HEADER, body, Signature(name="Nguyễn Văn A"), [])
    rows = next(table for table in Document(str(path)).tables if table.cell(0, 0).text == "Chủ thể").rows

    def has(row, tag: str) -> bool:
        return row._tr.trPr is not None and row._tr.trPr.find(qn(tag)) is not None

    assert [has(row, "w:tblHeader") for row in rows[:3]] == [True, True, False]
    assert all(has(row, "w:cantSplit") for row in rows)


def test_the_word_copy_carries_the_charts_years_as_a_table(bloc_tree, make_member, tmp_path):
    """The PDF's annex charts the admissions of the last five years; the Word copy left the chart
    out, and with it every year but the report's own (the comment said its figures were in the
    table beside it: only the year reported on was). The Word copy now has them as a table, which
    a clerk can edit or chart."""
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK",
                                      "Bắc Giang", "Nguyễn Hoàng Tùng", "Bí thư"))
    names = iter(["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nga"])
    for year, count in ((2020, 1), (2021, 3), (2022, 2), (2023, 4)):
        for n in range(count):
            make_member(full_name=f"Nguyễn Văn {next(names)}", admitted=date(year, 4, 2 + n))
    db = str(bloc_tree["bloc"]._meta.database.database)
    out = str(tmp_path / "bc.docx")
    assert main.main(["report", "year-end", "--year", "2023", "--db", db, "-o", out]) == 0
    word = Document(out)
    texts = [p.text for p in word.paragraphs]
    assert "Số đảng viên kết nạp theo năm" in texts
    (table,) = [table for table in word.tables if table.rows[0].cells[0].text == "Năm"]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Năm", "2019", "2020", "2021", "2022", "2023"],
        ["Số đảng viên kết nạp", "0", "1", "3", "2", "4"]]

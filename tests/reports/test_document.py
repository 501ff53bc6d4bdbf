from datetime import date

from pypdf import PdfReader

from reports.document import Body, Header, Signature, build_document

HEADER = Header("Đảng bộ tỉnh Quảng Ninh", "Đảng ủy Khối các cơ quan tỉnh", "Số 45-BC/ĐUK", "Hạ Long",
                date(2018, 2, 2), "Báo cáo", "Tổng kết công tác xây dựng Đảng năm 2017")


def text_of(path) -> str:
    """The PDF's words with line breaks folded, as a reader would search them."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_frame_carries_every_part_of_the_format(tmp_path):
    body = Body()
    body.heading("PHẦN THỨ NHẤT", centered=True)
    body.paragraph("Đảng bộ Khối có 75 tổ chức cơ sở đảng với 2.715 đảng viên; Nguyễn Văn Đức, Đặng Thị Ỷ.")
    for n in range(60):  # long enough for a second page
        body.paragraph(f"Đoạn văn số {n} của báo cáo, viết đủ dài để kéo sang trang sau của văn bản.")
    annex = Body()
    annex.heading("PHỤ LỤC", centered=True)
    annex.table([["Chỉ tiêu", "Kỳ này"], ["Đảng viên", "2.715"]], [100, 40])
    path = build_document(tmp_path / "bc.pdf", HEADER, body, Signature(name="Nguyễn Văn A"),
                          ["Ban Tổ chức Tỉnh ủy", "Lưu Văn phòng Đảng ủy"], annex=annex)
    text = text_of(path)
    for expected in ("ĐẢNG BỘ TỈNH QUẢNG NINH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Số 45-BC/ĐUK",
                     "ĐẢNG CỘNG SẢN VIỆT NAM", "Hạ Long, ngày 02 tháng 02 năm 2018", "BÁO CÁO",
                     "Tổng kết công tác xây dựng Đảng năm 2017", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                     "Nguyễn Văn A", "Nơi nhận:", "- Ban Tổ chức Tỉnh ủy;", "- Lưu Văn phòng Đảng ủy.",
                     "Nguyễn Văn Đức, Đặng Thị Ỷ", "2.715", "PHỤ LỤC"):
        assert expected in text, expected
    reader = PdfReader(path)
    assert len(reader.pages) >= 3
    assert reader.pages[1].extract_text().lstrip().startswith("2")  # page numbers from page 2
    assert not reader.pages[0].extract_text().lstrip().startswith("1\n")
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(font.get_object()["/BaseFont"])
    assert all("LiberationSerif" in font for font in fonts), fonts
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4


def _pages(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_signature_and_a_part_heading_never_stand_alone_on_a_page(tmp_path):
    """Reported: a decision's signature block and Nơi nhận alone on page 2; "PHẦN THỨ HAI"
    printed at a page's foot with its title and text on the next. Tried with every length of
    body from one to two pages, so that the page break falls at each place."""
    breaks_tried = 0
    for count in range(8, 40):
        body = Body()
        for n in range(count):
            body.paragraph(f"Đoạn số {n}: nội dung báo cáo viết đủ dài để chiếm hai dòng trên trang giấy A4 "
                           "theo thể thức văn bản của Đảng.")
        body.heading("PHẦN THỨ HAI", centered=True)
        body.heading("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", centered=True)
        body.paragraph("Đoạn cuối cùng của văn bản trước phần ký.")
        path = build_document(tmp_path / f"vb-{count}.pdf", HEADER, body, Signature(name="Nguyễn Văn A"),
                              ["Lưu Văn phòng Đảng ủy"])
        pages = _pages(path)
        breaks_tried += len(pages) > 1
        for page in pages:
            if "T/M BAN THƯỜNG VỤ" in page:
                assert "Đoạn cuối cùng của văn bản" in page, count
            if "PHẦN THỨ HAI" in page:
                assert "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027" in page and "Đoạn cuối cùng" in page, count
    assert breaks_tried > 10


def test_rows_left_for_handwriting_are_tall_enough_to_write_in(tmp_path):
    """Reported: the member sheet's blank rows in section IV were about 2 mm high."""
    from reportlab.lib.units import mm

    from reports.document import _styles, _table

    table = _table([["Ngày", "Nội dung"], ["05/03/2020", "Kết nạp"], ["", ""], ["", ""]], [40, 100], 1, 2, 2,
                   _styles())
    table.wrap(140 * mm, 200 * mm)
    assert all(height >= 8 * mm for height in table._rowHeights[-2:])
    body = Body()
    body.table([["Ngày", "Nội dung"]], [40, 100], handwriting_rows=3)
    path = build_document(tmp_path / "phieu.docx", HEADER, body, Signature(name="Nguyễn Văn A"), [])
    rows = _body_tables(path)[-1].rows
    assert [row.height is not None and row.height >= 8 * 36000 for row in rows[-3:]] == [True] * 3


def _body_tables(path):
    from docx import Document

    return [table for table in Document(str(path)).tables if len(table.columns) == 2 and
            table.cell(0, 0).text == "Ngày"]

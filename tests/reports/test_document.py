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

"""Header and subject lines break between words, never inside "CƠ QUAN", balanced, with no
word alone on the last line (reported: "ĐẢNG ỦY KHỐI CÁC CƠ / QUAN TỈNH", "2026" alone)."""

from datetime import date

from pypdf import PdfReader

from reports.document import Body, Header, Signature, build_document
from reports.line_breaks import balanced_lines


def by_letters(line: str) -> float:
    return len(line)


def test_a_phrase_is_kept_whole_and_lines_are_balanced():
    lines = balanced_lines("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", by_letters, 20)
    assert lines == ["ĐẢNG ỦY KHỐI", "CÁC CƠ QUAN TỈNH"]
    assert balanced_lines("ĐẢNG ỦY KHỐI", by_letters, 20) == ["ĐẢNG ỦY KHỐI"]
    subject = "Kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ năm 2025, phương hướng nhiệm vụ năm 2026"
    lines = balanced_lines(subject, by_letters, 70)
    assert len(lines) == 2 and all(len(line.split()) > 2 for line in lines)
    assert not any(line.endswith("năm") for line in lines)  # "năm 2025" stays whole


def test_the_pdf_header_keeps_co_quan_together(tmp_path):
    path = tmp_path / "bc.pdf"
    header = Header("Đảng bộ tỉnh Quảng Ninh", "Đảng ủy Khối các cơ quan tỉnh", "Số 01-BC/ĐUK", "Hạ Long",
                    date(2025, 12, 20), "Báo cáo",
                    "Kết quả thực hiện nhiệm vụ năm 2025, phương hướng, nhiệm vụ năm 2026")
    build_document(path, header, Body(), Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"), [])
    lines = [line.strip() for line in PdfReader(path).pages[0].extract_text().splitlines()]
    assert not any(line.endswith(" CƠ") or line.startswith("QUAN") for line in lines)
    assert not any(line in ("2026", "năm 2026") for line in lines)

"""The dues books on the command line, as the office would keep them: the share set, two
quarters typed, a bad figure refused with nothing written, the quarter's report printed — its
sentences compared with the sums worked out here — and a Word copy issued with its number."""


import docx
from pypdf import PdfReader

import main
from models.accounts.office import OfficeDetails, save_office_details
from models.core.db import close_database, open_database
from models.documents.register import register_rows
from models.dues.tables import DuesEntry


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def _books_from_2025(db_location):
    """The dues command on the test's database (closed, as a command finds it), with a share
    of 30% kept by the organisations and 50% by the bloc from 01/01/2025."""
    db = str(db_location)
    close_database()

    def dues(*words: str) -> int:
        return main.main(["dues", *words, "--db", db])

    assert dues("share", "--from", "01/01/2025", "--kept", "30", "--bloc-kept", "50") == 0
    return dues


def test_two_quarters_typed_and_the_report_printed(bloc_tree, make_member, db_location, tmp_path, capsys):
    make_member(full_name="Lê Văn An")
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Quảng Ninh", "ĐUK",
                                      "Hạ Long", "Nguyễn Văn Bí", "Bí thư"))
    base, small = str(bloc_tree["base"].id), str(bloc_tree["small"].id)
    db = str(db_location)
    close_database()

    def dues(*words: str) -> int:
        return main.main(["dues", *words, "--db", db])

    q1, q2 = ["--year", "2025", "--quarter", "1"], ["--year", "2025", "--quarter", "2"]
    assert dues("report", *q2, "-o", str(tmp_path / "som.pdf")) == 1
    assert "Chưa đặt tỷ lệ trích giữ lại đảng phí áp dụng cho quý II năm 2025" in capsys.readouterr().err
    assert dues("share", "--from", "01/01/2025", "--kept", "30", "--bloc-kept", "50",
                "--rate", "Cán bộ, công chức: 1% tiền lương",
                "--rate", "Đảng viên hưởng lương hưu: 0,5% lương hưu",
                "--rate", "HSSV: 2.000 đồng/tháng") == 0
    assert dues("set", base, *q1, "--collected", "1.000.000", "--remitted", "600000",
                "--on", "10/04/2025") == 0
    assert dues("set", base, *q2, "--collected", "2000000", "--remitted", "1500000") == 0
    assert "Đã ghi đảng phí quý II năm 2025 của Đảng bộ Sở Tài chính." in capsys.readouterr().out
    assert dues("set", small, *q2, "--collected", "500000", "--remitted", "900000") == 1
    assert "Số đã nộp lớn hơn số thu" in capsys.readouterr().err
    assert dues("set", small, *q2, "--collected", "500000", "--remitted", "200000") == 0
    assert dues("set", str(bloc_tree["cell_a"].id), *q2, "--collected", "1", "--remitted", "0") == 1
    assert "Chỉ ghi đảng phí của tổ chức cơ sở đảng" in capsys.readouterr().err

    pdf = tmp_path / "dang-phi-quy-2.pdf"
    assert dues("report", *q2, "-o", str(pdf), "--date", "05/07/2025") == 0
    text = _text(pdf)
    for sentence in [
        "kết quả thu, nộp đảng phí quý II năm 2025",
        "Quý II năm 2025 (từ ngày 01/04/2025 đến ngày 30/06/2025), Văn phòng Đảng ủy Khối đã có số liệu "
        "thu, nộp đảng phí của 2/2 tổ chức cơ sở đảng.",
        "Các tổ chức cơ sở đảng thu được 2.500.000 đồng; theo tỷ lệ trích giữ lại 30%, các tổ chức giữ lại "
        "750.000 đồng và phải nộp Đảng ủy Khối 1.750.000 đồng.",
        "Trong quý, các tổ chức cơ sở đảng đã nộp Đảng ủy Khối 1.700.000 đồng (số còn nợ từ các quý trước là "
        "100.000 đồng).",
        "Đến hết quý, 1 tổ chức còn nợ đảng phí, tổng số 150.000 đồng: Chi bộ Sở Tư pháp.",
        # One sentence: the office's lines after the first begin in lower case ("Đảng viên" was
        # printed capitalised mid-sentence), an abbreviation as typed.
        "Mức đóng đảng phí áp dụng: Cán bộ, công chức: 1% tiền lương; đảng viên hưởng lương hưu: 0,5% "
        "lương hưu; HSSV: 2.000 đồng/tháng.",
        "Đảng ủy Khối trích giữ lại 50% số đảng phí nhận được (850.000 đồng) và nộp lên cấp trên "
        "850.000 đồng.",
        "Nguồn số liệu (chỉ in trong bản dự thảo) Nguồn số liệu Số tổ chức Nhập tại Văn phòng 2",
        "1 Chi bộ Sở Tư pháp 500.000 350.000 200.000 150.000",
        "2 Đảng bộ Sở Tài chính 2.000.000 1.400.000 1.500.000 0",
        "Cộng 2.500.000 1.750.000 1.700.000 150.000",
    ]:
        assert sentence in text, sentence
    assert "Số -BC/ĐUK" in text  # a draft: no number taken

    word = tmp_path / "dang-phi-quy-2.docx"
    assert dues("report", *q2, "-o", str(word), "--date", "05/07/2025", "--issue") == 0
    written = " ".join(paragraph.text for paragraph in docx.Document(word).paragraphs)
    assert "Đảng ủy Khối trích giữ lại 50% số đảng phí nhận được (850.000 đồng)" in written
    assert "Nguồn số liệu" not in written  # the issued copy leaves the sources to the draft
    open_database(db)
    assert [row[:2] for row in register_rows()] == [(1, "BC")]
    assert DuesEntry.select().count() == 3


def test_a_report_dated_before_the_quarter_ends_says_the_day_it_counted(bloc_tree, db_location, tmp_path):
    """Printed on 20/06 for the second quarter, the report said "Đến hết quý, … còn nợ": a
    secretary would sign arrears at a quarter's end that had not come, and the organisations
    still had ten days to pay."""
    base = str(bloc_tree["base"].id)
    dues = _books_from_2025(db_location)
    q2 = ["--year", "2025", "--quarter", "2"]
    assert dues("set", base, *q2, "--collected", "2000000", "--remitted", "1000000") == 0
    early, late = tmp_path / "som.pdf", tmp_path / "du.pdf"
    assert dues("report", *q2, "-o", str(early), "--date", "20/06/2025") == 0
    assert dues("report", *q2, "-o", str(late), "--date", "30/06/2025") == 0
    text = _text(early)
    assert "Đến hết quý" not in text
    assert "Đến ngày 20/06/2025 (quý chưa kết thúc), 1 tổ chức còn nợ đảng phí, tổng số 400.000 đồng" in text
    assert "Đến hết quý, 1 tổ chức còn nợ đảng phí, tổng số 400.000 đồng" in _text(late)


def test_a_new_share_without_rates_keeps_the_rates_and_says_when_it_counts(bloc_tree, db_location, capsys):
    """`dues share --from 15/11/2025 --kept 25 --bloc-kept 50` left the new share with no rates
    (the window's form carries them over; the report's sentence of rates vanished), and did not
    say that a share begun mid-quarter counts from the next quarter's first day."""
    db = str(db_location)
    close_database()

    def dues(*words: str) -> int:
        return main.main(["dues", *words, "--db", db])

    assert dues("share", "--from", "01/01/2025", "--kept", "30", "--bloc-kept", "50",
                "--rate", "Cán bộ, công chức: 1% tiền lương") == 0
    capsys.readouterr()
    assert dues("share", "--from", "15/11/2025", "--kept", "25", "--bloc-kept", "50") == 0
    said = capsys.readouterr().out
    assert "Sổ đảng phí tính theo tỷ lệ áp dụng ngày đầu quý: tỷ lệ này dùng từ quý I năm 2026." in said
    assert "mức đóng giữ như trước: Cán bộ, công chức: 1% tiền lương" in said
    open_database(db)
    from models.dues.tables import DuesShare

    assert [row.rates for row in DuesShare.select().order_by(DuesShare.valid_from)] == \
        ["Cán bộ, công chức: 1% tiền lương"] * 2


def test_a_dues_report_is_not_dated_before_a_payment_it_reports(bloc_tree, db_location, tmp_path, capsys):
    """A report of quarter II dated 05/07/2025 said the đảng bộ had paid its dues, paid on
    15/07/2025: a paper stating what happened after the day it was signed."""
    base = str(bloc_tree["base"].id)
    dues = _books_from_2025(db_location)
    q2 = ["--year", "2025", "--quarter", "2"]
    paid = ["--collected", "2000000", "--remitted", "1400000", "--on", "15/07/2025"]
    assert dues("set", base, *q2, *paid) == 0
    capsys.readouterr()
    assert dues("report", *q2, "-o", str(tmp_path / "som.pdf"), "--date", "05/07/2025") == 1
    assert ("Ngày ban hành 05/07/2025 ở trước ngày nộp 15/07/2025 của Đảng bộ Sở Tài chính"
            in capsys.readouterr().err)
    assert not (tmp_path / "som.pdf").exists()
    assert dues("report", *q2, "-o", str(tmp_path / "du.pdf"), "--date", "15/07/2025") == 0

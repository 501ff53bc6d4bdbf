"""Papers a secretary signs as printed, tried on records unlike the demo's (issue: one figure
for one fact, names printed once, dates as on the member sheet). Each sentence is checked in
the PDF and in the Word copy."""

from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

import main
from models.accounts.office import OfficeDetails, save_office_details
from models.core import vocab as v
from models.core.workdays import is_working_day
from models.members.events import create_member, record_event
from tests.conftest import person

TWICE = "Chi bộ Sở Tư pháp, Chi bộ Sở Tư pháp"


@pytest.fixture
def office(bloc_tree):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Quảng Ninh", "ĐUK",
                                      "Hạ Long", "Nguyễn Đức Thành", "Bí thư"))
    return bloc_tree


def texts(db, tmp_path, kind: str, record, *extra: str) -> list[str]:
    """The paper's words, from the PDF and from the Word copy."""
    found = []
    for suffix in (".pdf", ".docx"):
        out = tmp_path / f"{kind}{suffix}"
        assert main.main(["document", kind, "--for", str(record), "--db", str(db.database), "-o", str(out),
                          *extra]) == 0
        if suffix == ".pdf":
            words = " ".join(page.extract_text() for page in PdfReader(out).pages)
        else:
            document = Document(str(out))
            words = " ".join([p.text for p in document.paragraphs]
                             + [p.text for table in document.tables for cell in table._cells
                                for p in cell.paragraphs])
        found.append(" ".join(words.split()))
    return found


def _leaving(org, **fields):
    member = create_member(person(birth_date=date(1985, 3, 5), home_town="Xã Yên Đức, thị xã Đông Triều",
                                  **fields),
                           {"kind": v.ADMITTED, "date": date(2019, 5, 10), "org_id": org.id})
    moved = record_event(member.id, v.TRANSFER_OUT, date(2024, 9, 6), place="Đảng bộ Khối Doanh nghiệp tỉnh",
                         decision_no="15-GGT/ĐUK")
    return member, moved


def test_a_letter_names_the_cell_once_counts_working_days_and_writes_dates_as_the_sheet(db, office, tmp_path):
    """Reported: "sinh hoạt tại Chi bộ Sở Tư pháp, Chi bộ Sở Tư pháp."; valid "đến hết ngày
    6/10/2024", a Sunday; 5/3/1985 on the letter, 05/03/1985 on the sheet; "5/3/1985, Đảng viên
    chính thức" on the counterfoil."""
    member, event = _leaving(office["small"], ceremony_date=date(2019, 5, 19),
                             admission_date=date(2019, 5, 10))
    for text in texts(db, tmp_path, "gioi-thieu", event.id, "--issue", "--date", "06/09/2024"):
        assert "sinh hoạt tại Chi bộ Sở Tư pháp." in text and TWICE not in text
        assert "sinh ngày 05/03/1985" in text and "5/3/1985" not in text
        # The counterfoil: a fact inside its sentence keeps its small letter.
        assert "sinh ngày 05/03/1985, đảng viên dự bị, sinh hoạt tại Chi bộ Sở Tư pháp." in text
        valid = text.split("có giá trị đến hết ngày ")[1][:10]
        assert is_working_day(date(int(valid[6:]), int(valid[3:5]), int(valid[:2]))), valid
        assert valid == "18/10/2024"  # 30 working days after 06/09/2024 (2/9 and 3/9 were holidays)
        assert "Số 15-GGT/ĐUK" in text  # the number typed on the transfer is the letter's, once


def test_a_probationary_member_gets_a_letter_that_says_so(db, office, tmp_path):
    """Reported: refused — "hồ sơ chưa có “ngày chính thức”" — though dự bị members move too."""
    member, event = _leaving(office["cell_a"], ceremony_date=date(2024, 1, 8),
                             admission_date=date(2024, 1, 2))
    for text in texts(db, tmp_path, "gioi-thieu", event.id):
        # Said once (it read "…, đang trong thời gian dự bị; là đảng viên dự bị").
        assert "Vào Đảng ngày 08/01/2024; là đảng viên dự bị, sinh hoạt tại" in text
        assert "sinh hoạt tại Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính." in text


def test_the_member_sheet_says_when_the_member_joined(db, office, tmp_path):
    """Reported: "Ngày kết nạp 19/05/2010" beside an empty "Ngày vào Đảng"."""
    member = create_member(person(admission_date=date(2010, 5, 19)),
                           {"kind": v.ADMITTED, "date": date(2010, 5, 19), "org_id": office["small"].id})
    for text in texts(db, tmp_path, "phieu-dang-vien", member.id):
        assert "Ngày kết nạp 19/05/2010" in text and "Ngày vào Đảng 19/05/2010" in text
        assert "Sinh hoạt tại Chi bộ Sở Tư pháp" in text and TWICE not in text


def _decided_case(org, number: str | None):
    """A case through the bloc's decision numbered `number`; None: up to the decision, not yet
    entered (a paper is then dated the day chosen)."""
    from models.admissions.cases import create_case, get_case, next_step
    from models.admissions.steps import record_step

    case = create_case({"full_name": "Lý Thị Hạnh", "sex": "F", "birth_date": date(1995, 4, 2),
                        "org_id": org.id, "listed_on": date(2024, 1, 10),
                        "home_town": "Xã Yên Đức, thị xã Đông Triều"})
    values = {"course": {"course_from": date(2024, 2, 1), "course_to": date(2024, 2, 5),
                         "certificate_no": "12/GCN", "certificate_date": date(2024, 2, 6)},
              "verified": {"history_verified_on": date(2024, 3, 1)},
              "cell": {"cell_resolution_no": "03-NQ/CB", "cell_resolution_date": date(2024, 3, 15),
                       "votes_for": 9, "votes_total": 10},
              "base": {"base_resolution_no": "05-NQ/ĐU", "base_resolution_date": date(2024, 3, 25)},
              "decision": {"decision_no": number, "decision_date": date(2024, 4, 8)}}
    if number is None:
        del values["decision"]
    while (step := next_step(get_case(case.id))) in values:
        record_step(case.id, step, values[step])
    return get_case(case.id)


def test_a_decision_carries_its_records_number_and_names_a_chi_bo_co_so_once(db, office, tmp_path):
    """Reported: the admission step took “20-QĐ/ĐUK”, the printed decision said “Số 01-QĐ/ĐUK”;
    Điều 3 named “Chi bộ Sở Nội vụ, Chi bộ Sở Nội vụ và quần chúng…”."""
    from models.documents.tables import OutgoingDocument

    case = _decided_case(office["small"], "20-QĐ/ĐUK")
    for text in texts(db, tmp_path, "ket-nap", case.id, "--issue", "--date", "08/04/2024"):
        assert "Số 20-QĐ/ĐUK" in text and "Số 01-QĐ/ĐUK" not in text
        assert ("Văn phòng Đảng ủy, Ban Tổ chức Đảng ủy, Chi bộ Sở Tư pháp và quần chúng Lý Thị Hạnh chịu "
                "trách nhiệm") in text and TWICE not in text
    assert [(d.number, d.type_code) for d in OutgoingDocument.select()] == [(20, "QĐ")]

    other = _decided_case(office["cell_a"], "20-QĐ/ĐUK")  # a clash with the register is named, not renumbered
    out = tmp_path / "trung.pdf"
    assert main.main(["document", "ket-nap", "--for", str(other.id), "--db", str(db.database), "-o", str(out),
                      "--issue", "--date", "09/04/2024"]) == 1
    assert not out.exists() and OutgoingDocument.select().count() == 1
    typo = _decided_case(office["cell_b"], "21/QĐ-ĐUK")  # not a number of this register's form: said
    assert main.main(["document", "ket-nap", "--for", str(typo.id), "--db", str(db.database), "-o", str(out),
                      "--issue"]) == 1


def test_a_decision_cites_the_grounds_in_force_on_its_date(db, office, tmp_path):
    """Reported: a decision dated 06/01/2025 cited “Quy định số 232-QĐ/TW, ngày 20/01/2025”."""
    case = _decided_case(office["small"], None)
    before, after = (texts(db, tmp_path, "ket-nap", case.id, "--date", day)
                     for day in ("06/01/2025", "05/02/2025"))
    for text in before:
        assert "Quy định số 24-QĐ/TW, ngày 30/07/2021" in text and "232-QĐ/TW" not in text
    for text in after:
        assert "Quy định số 232-QĐ/TW, ngày 20/01/2025" in text and "24-QĐ/TW" not in text
    out = tmp_path / "qua-som.pdf"  # no wording whose grounds had all been issued by then: said
    assert main.main(["document", "ket-nap", "--for", str(case.id), "--db", str(db.database), "-o", str(out),
                      "--date", "06/01/2022"]) == 1
    assert not out.exists()


def test_an_office_version_serves_the_days_its_grounds_cover(db, office, tmp_path):
    from models.accounts import session
    from models.documents.templates import DEFAULTS, save_template, template_for

    session.set_current(session.LOCAL_ADMIN)
    wording = DEFAULTS["ket-nap"]
    save_template("ket-nap", wording.grounds.replace("Quy chế làm việc", "Quy chế làm việc khóa XV"),
                  wording.articles, wording.recipients)
    assert "khóa XV" in template_for("ket-nap", date(2026, 3, 1)).grounds  # the office's, from 20/01/2025
    assert "24-QĐ/TW" in template_for("ket-nap", date(2024, 6, 1)).grounds  # before it: the older default


def test_an_annexed_list_gives_each_column_the_room_its_contents_need():
    """Reported: the badge list gave a 4-digit year 25 mm and cut a cell's full name into five lines."""
    from reports.papers import list_widths

    header = ["STT", "Họ và tên", "Năm sinh", "Đảng bộ, chi bộ", "Ngày vào Đảng", "Huy hiệu"]
    widths = dict(zip(header, list_widths(header), strict=True))
    assert round(sum(widths.values())) == 165  # the text width of §8
    assert widths["Năm sinh"] < 16 and widths["Đảng bộ, chi bộ"] > 45 and widths["Ngày vào Đảng"] >= 26


def test_a_badge_list_keeps_a_three_word_name_and_the_badge_on_one_line():
    """Seen on the 2,700-member demo's list of 43: "Nguyễn Tuấn / Khánh" and "30 năm tuổi /
    Đảng" took two lines each, and the list a page more than its Word copy."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports.fonts import register_fonts
    from reports.papers import list_widths

    family, padding = register_fonts(), 12  # reportlab's cell padding, both sides
    header = ["STT", "Họ và tên", "Năm sinh", "Đảng bộ, chi bộ", "Ngày vào Đảng", "Huy hiệu"]
    widths = dict(zip(header, (width * mm for width in list_widths(header)), strict=True))
    assert stringWidth("Nguyễn Tuấn Khánh", family, 12) + padding <= widths["Họ và tên"]
    assert stringWidth("Huy hiệu", f"{family}-Bold", 12) + padding <= widths["Huy hiệu"]
    assert stringWidth("30 năm", family, 12) + padding <= widths["Huy hiệu"]


def test_a_letter_dated_after_the_transfer_runs_from_its_own_day(db, office, tmp_path):
    """Found: a letter dated 06/12/2026 for a transfer of 02/12/2026 was valid "đến hết ngày
    14/01/2027", 30 working days from the transfer: 28 from the letter the member carries."""
    _member, moved = _leaving(office["small"])  # moved on 06/09/2024
    for text in texts(db, tmp_path, "gioi-thieu", moved.id, "--issue", "--date", "18/09/2024"):
        assert "kể từ ngày 06/09/2024" in text
        assert "có giá trị đến hết ngày 30/10/2024" in text


def test_the_command_names_the_number_and_day_as_the_paper_prints_them(db, office, tmp_path, capsys):
    """Found: "Đã ghi … (số 07-GGT, ngày 6/12/2026)" for a letter headed "Số 07-GGT/ĐUK" and
    dated 06/12/2026."""
    _member, moved = _leaving(office["small"])
    out = tmp_path / "gt.pdf"
    assert main.main(["document", "gioi-thieu", "--for", str(moved.id), "--db", str(db.database),
                      "-o", str(out), "--issue", "--date", "08/09/2024"]) == 0
    assert f"Đã ghi {out} (số 15-GGT/ĐUK, ngày 08/09/2024)." in capsys.readouterr().out


def test_a_short_record_is_a_landscape_list_whose_names_and_towns_keep_to_a_line(db, office, tmp_path):
    """Seen on the demo's trích ngang: on the portrait page "Huỳnh / Hồng Thúy" took two lines
    and "xã Quảng / Minh, thành / phố Uông / Bí" four; nine members filled a page."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    member = create_member(person(full_name="Nguyễn Thị Phương Thảo", birth_date=date(1985, 3, 5),
                                  home_town="xã Quảng Minh, thành phố Uông Bí"),
                           {"kind": v.ADMITTED, "date": date(2019, 5, 10), "org_id": office["small"].id})
    pdf, docx = tmp_path / "tn.pdf", tmp_path / "tn.docx"
    for out in (pdf, docx):
        assert main.main(["document", "trich-ngang", "--for", str(member.id), "--db", str(db.database),
                          "-o", str(out)]) == 0
    page = PdfReader(pdf).pages[0]
    assert page.mediabox.width > page.mediabox.height  # A4 landscape
    lines = [line.strip() for line in page.extract_text().splitlines()]
    assert "Nguyễn Thị Phương Thảo" in lines
    town = lines[lines.index("05/03/1985") + 1:lines.index("10/05/2019")]  # the cells between, by line
    assert " ".join(town) == "xã Quảng Minh, thành phố Uông Bí" and len(town) <= 2
    section = Document(str(docx)).sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    body = Document(str(docx)).element.body
    assert all(cell.findall(qn("w:p")) for cell in body.iter(qn("w:tc")))  # Word refuses an empty cell


def test_the_default_wordings_cite_days_as_the_papers_write_them():
    """A discipline decision printed "Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 …" above "có hiệu
    lực kể từ ngày 08/05/2025", and the admission decision cited "ngày 20/01/2025" beside "ngày
    30/7/2021": the program's own wordings write a day as every paper does, dd/mm/yyyy."""
    import re

    from models.documents.templates import DEFAULT_VERSIONS

    short = re.compile(r"(?<![\d/])(?:\d/\d{1,2}|\d\d/\d)/\d{4}")
    for kind, versions in DEFAULT_VERSIONS.items():
        for template in versions:
            for part in (template.grounds, template.articles, template.recipients):
                assert not short.findall(part), (kind, short.findall(part))

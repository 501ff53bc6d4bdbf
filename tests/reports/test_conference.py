"""Reports are checked by extracting the PDF's text (pypdf) and looking for the header, the
number line, the computed sentences with their exact figures and the annex cells."""

from datetime import date

import pytest
from pypdf import PdfReader

from models.accounts.office import OfficeDetails, save_office_details
from models.admissions.targets import set_target
from models.core import vocab as v
from models.core.errors import ValidationError
from models.documents.register import register_document, register_rows, save_draft, set_term_start
from models.inspections.cases import add_subject, create_inspection
from models.members.events import record_event
from reports.conference import draft_for, render_report, report_period
from reports.figures import period_figures
from reports.outline import HALF_YEAR, YEAR_END, to_records

DETAILS = OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK", "Bắc Giang",
                        "Nguyễn Hoàng Tùng", "Bí thư")


def words(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def report(tmp_path, kind=YEAR_END, year=2023, number=None, name="bc.pdf"):
    figures = period_figures(*report_period(kind, year))
    draft = draft_for(kind, year, figures)
    return words(render_report(tmp_path / name, draft, figures, date(2023, 7, 12), number)), draft


@pytest.fixture
def office(bloc_tree):
    save_office_details(DETAILS)
    return bloc_tree


def test_half_year_admissions_exceed_the_target_as_example_002_says(office, make_member, tmp_path):
    for index in range(138):
        make_member(full_name=f"Nguyễn Văn {chr(65 + index // 26)}{chr(97 + index % 26)}",
                    admitted=date(2023, 1, 2) if index % 2 else date(2023, 6, 30))
    set_target(None, 2023, 2023, 120)
    text, _draft = report(tmp_path, HALF_YEAR, 2023)
    assert "toàn Đảng bộ kết nạp 138 đảng viên, vượt 15% chỉ tiêu năm" in text
    assert "Sơ kết công tác 6 tháng đầu năm 2023, phương hướng, nhiệm vụ 6 tháng cuối năm 2023" in text


def test_year_end_report_carries_header_figures_and_annexes(office, make_member, tmp_path):
    first = make_member(admitted=date(2021, 3, 1))
    record_event(first.id, v.RECOGNISED, date(2022, 3, 10))
    make_member(full_name="Trần Thị Hoa", sex="F", admitted=date(2023, 4, 1), org=office["small"])
    gone = make_member(full_name="Lê Văn Đi", admitted=date(2020, 2, 1))
    record_event(gone.id, v.TRANSFER_OUT, date(2023, 9, 1), place="Đảng bộ tỉnh khác",
                 decision_no="15-QĐ/ĐUK")
    case = create_inspection({"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", "status": "CONCLUDED",
                              "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)})
    for org in (office["small"], office["base"], office["cell_a"]):
        add_subject(case.id, "TO_CHUC", org_id=org.id)
    number = register_document("BC", "Tổng kết năm 2023", date(2023, 7, 12)).number
    text, _ = report(tmp_path, number=number)
    for expected in ("ĐẢNG BỘ TỈNH BẮC GIANG", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Số 01-BC/ĐUK",
                     "ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Giang, ngày 12 tháng 7 năm 2023", "BÁO CÁO",
                     "Tổng kết công tác xây dựng Đảng năm 2023, phương hướng, nhiệm vụ năm 2024",
                     "PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Hoàng Tùng",
                     "Nơi nhận:", "- Lưu Văn phòng Đảng ủy."):
        assert expected in text, expected
    assert ("Đảng bộ Khối có 2 tổ chức cơ sở đảng (1 đảng bộ cơ sở, 1 chi bộ cơ sở), 2 chi bộ trực thuộc "
            "đảng ủy cơ sở, với 2 đảng viên (1 đảng viên chính thức, 1 đảng viên dự bị)") in text
    assert ("Số đảng viên đầu kỳ 2 đồng chí; trong năm 2023 tăng 1 đồng chí (kết nạp mới 1), giảm 1 đồng "
            "chí (chuyển đi 1); đến cuối kỳ có 2 đảng viên.") in text
    assert "kết nạp 1 đảng viên; trong đó nữ 1 (chiếm 100%)" in text
    assert "Ban Thường vụ Đảng ủy Khối đã thực hiện kiểm tra 03 tổ chức." in text
    # Annex cells: the movement table with the same period of the year before.
    assert "A. Đảng viên đầu kỳ 2 2 100%" in text
    assert "D. Đảng viên cuối kỳ (A + B − C) 2 2 100%" in text
    assert "Ban Thường vụ Đảng ủy Khối — kiểm tra chấp hành (theo chương trình) 3 0 0" in text


def test_an_intermediate_committee_is_counted_and_its_cells_not_called_the_grassroots(office, make_member,
                                                                                      tmp_path):
    """Found on a tree three levels deep: its cells were counted as "chi bộ trực thuộc đảng ủy cơ
    sở", though those under an intermediate committee belong to that committee."""
    from models.orgs.changes import create_org

    middle = create_org(name="Đảng bộ bộ phận Khối chuyên môn", level=v.DBBP, parent_id=office["base"].id,
                        founded_on=date(2020, 1, 1))
    deep = create_org(name="Chi bộ Phòng Thanh tra", level=v.CBTT, parent_id=middle.id,
                      founded_on=date(2020, 1, 1))
    make_member(org=deep, admitted=date(2021, 3, 1))
    text, _ = report(tmp_path)
    assert ("Đảng bộ Khối có 2 tổ chức cơ sở đảng (1 đảng bộ cơ sở, 1 chi bộ cơ sở), 1 đảng bộ bộ phận, "
            "3 chi bộ trực thuộc, với 1 đảng viên") in text


def test_sections_without_records_are_left_out(office, tmp_path):
    text, _ = report(tmp_path)
    assert "toàn Đảng bộ kết nạp" not in text and "Số đảng viên đầu kỳ" not in text
    assert "Kết nạp đảng viên" not in text and "Kiểm tra, giám sát" not in text.split("PHỤ LỤC")[1]
    assert "Khen thưởng, Huy hiệu Đảng" not in text
    assert "1. Tổ chức cơ sở đảng theo loại hình" in text  # the organisations exist


def test_saved_draft_keeps_the_clerks_words_when_figures_change(office, make_member, tmp_path):
    make_member(admitted=date(2023, 3, 1))
    _, draft = report(tmp_path)
    records = to_records(draft)
    for record in records:
        if record["key"] == "leadership":
            record["text"] = "Ban Chấp hành đã lãnh đạo toàn diện các mặt công tác."
    save_draft(YEAR_END, 2023, records)
    make_member(full_name="Phạm Văn Mới", admitted=date(2023, 5, 1))
    text, draft = report(tmp_path, name="bc2.pdf")
    assert "Ban Chấp hành đã lãnh đạo toàn diện các mặt công tác." in text
    assert "toàn Đảng bộ kết nạp 2 đảng viên" in text


def test_numbers_run_per_type_within_the_term_and_are_never_reused(office):
    assert register_document("BC", "Báo cáo A", date(2023, 3, 1)).number == 1
    assert register_document("BC", "Báo cáo B", date(2024, 1, 5)).number == 2  # not reset yearly
    assert register_document("NQ", "Nghị quyết A", date(2024, 1, 6)).number == 1
    set_term_start(date(2025, 10, 1))  # a new congress term
    assert register_document("BC", "Báo cáo C", date(2025, 10, 2)).number == 1
    with pytest.raises(ValidationError):
        register_document("BC", "Báo cáo lùi ngày", date(2025, 9, 1))
    assert [(n, t) for n, t, *_rest in register_rows()] == [(1, "BC"), (1, "NQ"), (2, "BC"), (1, "BC")]


def test_awards_and_badges_are_worded_as_example_002_and_counted_in_the_annex(office, make_member, tmp_path):
    from models.awards.awarding import create_award
    from models.awards.badges import present_badge

    veteran = make_member(full_name="Phạm Văn Đủ", admitted=date(1993, 1, 20), birth_date=date(1960, 1, 1))
    common = {"form": "GIAY_KHEN", "issuer": "Ban Thường vụ Đảng ủy Khối", "decision_date": date(2023, 6, 15)}
    for index in range(14):
        create_award(recipient_kind=v.COLLECTIVE, recipient_name=f"Tập thể {index}", **common)
    for index in range(8):
        create_award(recipient_kind=v.PERSON, recipient_name=f"Cá nhân {index}", **common)
    for index in range(2):
        create_award(recipient_kind=v.COLLECTIVE, recipient_name=f"Đơn vị {index}", form="BANG_KHEN",
                     issuer="Chủ tịch UBND tỉnh", decision_date=date(2023, 6, 20))
    present_badge(veteran.id, 30, date(2023, 2, 3))
    text, _ = report(tmp_path)
    assert ("Trong năm 2023, Ban Thường vụ Đảng ủy Khối tặng giấy khen cho 14 tập thể, 08 cá nhân; "
            "Chủ tịch UBND tỉnh tặng bằng khen cho 02 tập thể.") in text
    assert "đã trao tặng Huy hiệu Đảng cho 01 đảng viên (01 huy hiệu 30 năm tuổi Đảng)." in text
    annex = text.split("PHỤ LỤC")[1]
    assert "3. Khen thưởng, Huy hiệu Đảng" in annex  # after organisations and movement: no gap
    assert "Bằng khen 2 0" in annex and "Giấy khen 14 8" in annex and "Cộng 16 8" in annex
    assert "- Huy hiệu 30 năm tuổi Đảng 1" in annex


def test_meetings_of_the_year_in_the_office_words(office, tmp_path):
    from models.meetings.record import create_meeting
    from models.meetings.vocab import BCH_DUK, CHI_BO, THUONG_KY

    create_meeting({"body": BCH_DUK, "kind": "SO_KET", "date": date(2023, 7, 12)})
    for cell in ("cell_a", "cell_b", "small"):
        visitor = "đồng chí Phó Bí thư Đảng ủy Khối" if cell != "small" else ""
        create_meeting({"body": CHI_BO, "org_id": office[cell].id, "kind": THUONG_KY,
                        "date": date(2023, 3, 6), "standing_visitors": visitor})
    text, _ = report(tmp_path)
    assert ("Ban Chấp hành Đảng bộ Khối tổ chức 01 hội nghị; 03 chi bộ có ghi nhận sinh hoạt thường kỳ; các "
            "đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối đã dự sinh hoạt chi bộ ở 02 chi bộ.") in text


def test_printing_an_issued_report_again_keeps_its_number(office, tmp_path):
    """Reported: printing the same issued report again took a new number."""
    from reports.conference import print_report

    figures = period_figures(*report_period(YEAR_END, 2023))
    draft = draft_for(YEAR_END, 2023, figures)
    first = print_report(tmp_path / "a.pdf", draft, date(2024, 1, 10), True, figures)
    again = print_report(tmp_path / "b.pdf", draft, date(2024, 1, 10), True, figures)
    assert first == again == 1 and len(register_rows()) == 1
    assert "Số 01-BC/ĐUK" in words(tmp_path / "b.pdf")
    other_day = print_report(tmp_path / "c.pdf", draft, date(2024, 1, 15), True, figures)
    assert other_day == 2  # a new issue, a new number


def test_a_number_dated_before_the_last_one_is_warned_about(office, tmp_path, capsys):
    """Reported: re-issuing the 2017 report dated 02/02/2018 took 03-BC after 02-BC dated
    12/07/2023 without a word about the date order."""
    import main
    from reports.conference import issue_warning

    register_document("BC", "Báo cáo sơ kết 6 tháng đầu năm 2023", date(2023, 7, 12))
    draft = draft_for(YEAR_END, 2017, period_figures(*report_period(YEAR_END, 2017)))
    warning = issue_warning(draft, date(2018, 2, 2))
    assert warning and "02/02/2018" in warning and "01-BC" in warning and "12/07/2023" in warning
    assert issue_warning(draft, date(2023, 7, 20)) is None
    db = office["bloc"]._meta.database.database
    command = ["report", "year-end", "--year", "2017", "--db", str(db), "--issue", "--date", "02/02/2018",
               "-o", str(tmp_path / "bc-2017.pdf")]
    assert main.main(command) == 0
    assert "Lưu ý: Ngày ban hành 02/02/2018" in capsys.readouterr().err


def test_headings_with_nothing_under_them_are_named_before_printing(office, tmp_path, capsys):
    """Reported: "PHẦN THỨ HAI — PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" printed as a bare heading above the
    signature, with not a word about it to the clerk."""
    import main
    from reports.conference import unwritten_advice

    draft = draft_for(YEAR_END, 2023, period_figures(*report_period(YEAR_END, 2023)))
    advice = unwritten_advice(draft, "Viết các mục đó.")
    assert "“PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024”" in advice and "“III. LÃNH ĐẠO" in advice
    assert "PHẦN THỨ HAI”" not in advice  # the part's number: its title follows
    records = [{**record, "text": "Tiếp tục đổi mới nội dung, phương thức lãnh đạo."}
               if record["key"] == "direction" else record for record in to_records(draft)]
    save_draft(YEAR_END, 2023, records)
    written = draft_for(YEAR_END, 2023, period_figures(*report_period(YEAR_END, 2023)))
    assert "PHƯƠNG HƯỚNG" not in unwritten_advice(written, "Viết các mục đó.")
    db = office["bloc"]._meta.database.database
    command = ["report", "year-end", "--year", "2023", "--db", str(db), "-o", str(tmp_path / "b.pdf")]
    assert main.main(command) == 0
    assert "Lưu ý: Các mục chưa có nội dung" in capsys.readouterr().err


def test_an_award_stored_before_the_issuer_rule_is_named_before_printing(office, tmp_path, capsys):
    """Left out before: a Bằng khen stored with the bloc as its issuer by an earlier version (the
    form now refuses it) was printed as "Ban Thường vụ Đảng ủy Khối tặng bằng khen…" without a
    word to the clerk."""
    import main
    from models.awards.tables import Award
    from reports.conference import figures_advice

    Award.create(recipient_kind=v.COLLECTIVE, recipient_name="Chi bộ Sở Tài chính", form="BANG_KHEN",
                 issuer="Ban Thường vụ Đảng ủy Khối", decision_date=date(2023, 12, 20))
    Award.create(recipient_kind=v.COLLECTIVE, recipient_name="Chi bộ Sở Nội vụ", form="BANG_KHEN",
                 issuer="Ban Thường vụ Tỉnh ủy", decision_date=date(2023, 12, 20))
    advice = figures_advice(period_figures(*report_period(YEAR_END, 2023)))
    assert "1 khen thưởng ghi “Ban Thường vụ Đảng ủy Khối” tặng bằng khen" in advice
    assert "Đảng ủy Khối tặng Giấy khen" in advice and "Tỉnh ủy" not in advice
    assert figures_advice(period_figures(*report_period(YEAR_END, 2022))) is None
    db = office["bloc"]._meta.database.database
    command = ["report", "year-end", "--year", "2023", "--db", str(db), "-o", str(tmp_path / "b.pdf")]
    assert main.main(command) == 0
    assert "Lưu ý: 1 khen thưởng ghi “Ban Thường vụ Đảng ủy Khối”" in capsys.readouterr().err


def test_a_report_counted_on_a_single_digit_day_writes_every_date_as_dd_mm_yyyy(office, make_member,
                                                                               tmp_path):
    """Printed on 07/12/2026 the year-end report said "(Số liệu tính đến ngày 07/12/2026)" and, on
    the same page, "Đến ngày 7/12/2026, Đảng bộ Khối có …", and its chart "đến 7/12": papers
    write a date one way, dd/mm/yyyy (the tests' own day, 04/12, hid it as 4/12 in both)."""
    import re

    from tests.clock import clock_at

    with clock_at(date(2024, 3, 5)):
        make_member(admitted=date(2023, 5, 2))
        make_member(full_name="Trần Thị Hoa", sex="F", admitted=date(2024, 2, 6), org=office["small"])
        figures = period_figures(*report_period(YEAR_END, 2024))
        path = render_report(tmp_path / "bc.pdf", draft_for(YEAR_END, 2024, figures), figures,
                             date(2024, 3, 5), None)
    text = words(path)
    assert "(Số liệu tính đến ngày 05/03/2024)" in text
    assert "Đến ngày 05/03/2024, Đảng bộ Khối có 2 tổ chức cơ sở đảng" in text
    assert "đến 05/03 năm 2024" in text  # the chart's last bar
    assert not re.findall(r"(?<![\d/])(?:\d/\d{1,2}|\d\d/\d)/\d{4}", text)


def test_a_report_is_not_signed_before_the_day_its_figures_are_counted_to(office, make_member, tmp_path):
    """A year-end report of 2026 printed on 02/01/2027 with "--date 15/06/2026" (15/12 mistyped)
    read "Hạ Long, ngày 15 tháng 6 năm 2026" above "Đến ngày 31/12/2026, Đảng bộ Khối có …": a
    paper stating what happened after the day it was signed."""
    from reports.conference import print_report
    from tests.clock import clock_at

    with clock_at(date(2027, 1, 2)):
        make_member(admitted=date(2025, 5, 2))
        figures = period_figures(*report_period(YEAR_END, 2026))
        draft = draft_for(YEAR_END, 2026, figures)
        with pytest.raises(ValidationError, match="Ngày ký 15/06/2026 ở trước ngày 31/12/2026") as refused:
            print_report(tmp_path / "bc.pdf", draft, date(2026, 6, 15), False, figures)
        assert refused.value.field == "issued_on" and not (tmp_path / "bc.pdf").exists()
        print_report(tmp_path / "bc.pdf", draft, date(2026, 12, 31), False, figures)
    assert "Đến ngày 31/12/2026" in words(tmp_path / "bc.pdf")

"""The minutes of a meeting in the document frame, checked by the PDF's text."""

from datetime import date

from pypdf import PdfReader

from models.accounts.office import OfficeDetails, save_office_details
from models.core import vocab as v
from models.meetings.record import (
    AttendanceLine,
    add_resolution,
    create_meeting,
    default_roster,
    set_attendance,
)
from models.meetings.vocab import CHI_BO, THUONG_KY
from models.members.events import record_event
from reports.minutes import minutes_of, render_minutes


def test_cell_minutes_state_attendance_and_votes_and_carry_two_signatures(bloc_tree, make_member, tmp_path):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK",
                                      "Bắc Giang", "Nguyễn Hoàng Tùng", "Bí thư"))
    names = ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường")
    people = [make_member(full_name=name, admitted=date(2015, 1, 5)) for name in names]
    for person in people[:2]:
        record_event(person.id, v.RECOGNISED, date(2016, 1, 10))
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5), "time": "14:00", "place": "Phòng họp tầng 2",
                              "chairs": "đồng chí Lê Văn An - Bí thư chi bộ", "secretary": "Trần Thị Bình",
                              "minutes": "Chi bộ đánh giá kết quả tháng 2 và thống nhất nhiệm vụ tháng 3."})
    set_attendance(meeting.id, [line if line.name != "Phạm Văn Cường" else
                                AttendanceLine(line.member_id, line.name, line.membership, present=False,
                                               absence_reason="Ốm") for line in default_roster(meeting.id)])
    add_resolution(meeting.id, {"kind": "NGHI_QUYET", "number": "03-NQ/CB", "text": "Nhiệm vụ tháng 3.",
                                "votes_for": 2, "votes_against": 0})
    out = render_minutes(tmp_path / "bb.pdf", minutes_of(meeting.id))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    for expected in ("ĐẢNG BỘ SỞ TÀI CHÍNH", "CHI BỘ PHÒNG NGÂN SÁCH", "ĐẢNG CỘNG SẢN VIỆT NAM",
                     "Bắc Giang, ngày 05 tháng 3 năm 2024", "BIÊN BẢN",
                     "Thời gian: 14 giờ 00, ngày 05/03/2024.", "Địa điểm: Phòng họp tầng 2.",
                     "Tổng số đảng viên của chi bộ: 3 đồng chí (chính thức 2, dự bị 1); phải triệu tập 3; "
                     "có mặt 2; vắng mặt 1 (Phạm Văn Cường — Ốm).",
                     "Số đồng chí có mặt đủ 2/3 số được triệu tập (2)",
                     "Nghị quyết 03-NQ/CB ngày 05/03/2024: Nhiệm vụ tháng 3. Biểu quyết: tán thành 2, "
                     "không tán thành 0.", "THƯ KÝ", "CHỦ TRÌ HỘI NGHỊ", "Trần Thị Bình"):
        assert expected in text, expected
    assert "Nơi nhận" not in text


def test_members_away_are_named_apart_from_those_absent(bloc_tree, make_member, tmp_path):
    """Reported: a member studying elsewhere and an exempt one were printed under "vắng mặt", so
    the minutes said 3 of 5 were absent while the quorum line counted 3 convened."""
    people = [make_member(full_name=f"Đảng viên {letter}", admitted=date(2015, 1, 5)) for letter in "ABCDE"]
    for person in people:
        record_event(person.id, v.RECOGNISED, date(2016, 1, 10))
    record_event(people[2].id, v.TEMP_OUT_START, date(2023, 9, 1), place="Học viện Chính trị khu vực I",
                 decision_no="12-GGT/ĐUK")
    record_event(people[3].id, v.EXEMPTED, date(2020, 1, 1))
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5), "chairs": "Đảng viên A", "secretary": "Đảng viên B"})
    set_attendance(meeting.id, [line if line.name != "Đảng viên E" else
                                AttendanceLine(line.member_id, line.name, line.membership, present=False,
                                               absence_reason="Ốm") for line in default_roster(meeting.id)])
    out = render_minutes(tmp_path / "bb.pdf", minutes_of(meeting.id))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert ("Tổng số đảng viên của chi bộ: 5 đồng chí (chính thức 5, dự bị 0); không phải triệu tập 2 "
            "(Đảng viên C — Sinh hoạt tạm thời nơi khác; Đảng viên D — Miễn sinh hoạt); phải triệu tập 3; "
            "có mặt 2; vắng mặt 1 (Đảng viên E — Ốm).") in text
    assert "Số đồng chí có mặt đủ 2/3 số được triệu tập (2)" in text


def board_meeting(votes_for: int):
    """A committee meeting with a named chair and minute-taker and a resolution typed without
    its full stop."""
    from models.meetings.vocab import BCH_DUK, KHAC

    meeting = create_meeting({"body": BCH_DUK, "kind": KHAC, "date": date(2025, 4, 2), "time": "08:00",
                              "chairs": "đồng chí Nguyễn Đức Thành - Bí thư Đảng ủy Khối",
                              "secretary": "Lê Thị Thu Hà", "body_size": 3})
    add_resolution(meeting.id, {"kind": "NGHI_QUYET", "number": "04-NQ/ĐUK", "text": "Nghị quyết hội nghị",
                                "votes_for": votes_for})
    return meeting


def test_a_resolution_without_a_full_stop_reads_as_a_sentence_and_the_command_prints(db, tmp_path, capsys):
    """Reported: "Nghị quyết hội nghị Biểu quyết: tán thành 28"; no command line for minutes."""
    import main

    meeting = board_meeting(28)
    out = tmp_path / "bien-ban.pdf"
    assert main.main(["minutes", str(meeting.id), "--db", str(db.database), "-o", str(out)]) == 0
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Nghị quyết hội nghị. Biểu quyết: tán thành 28." in text
    assert "Thư ký: Lê Thị Thu Hà." in text and "Nguyễn Đức Thành" in text
    assert main.main(["minutes", "999", "--db", str(db.database), "-o", str(tmp_path / "x.pdf")]) != 0
    assert "Không tìm thấy cuộc họp số 999" in capsys.readouterr().err


def test_the_chair_signs_with_a_name_not_with_the_line_that_introduced_them(bloc_tree, tmp_path):
    """Seen on the demo's minutes: under CHỦ TRÌ HỘI NGHỊ the signature read “đồng chí Nguyễn
    Đức Thành - Bí thư Đảng ủy Khối”, the whole “Chủ trì” line. A signature is a name."""
    from docx import Document

    for chairs, signer in (("đồng chí Nguyễn Đức Thành - Bí thư Đảng ủy Khối", "Nguyễn Đức Thành"),
                           ("Đ/c Lê Văn An, Bí thư chi bộ\nđồng chí Trần Thị Bình", "Lê Văn An"),
                           ("Phạm Thị Hoa – Phó Bí thư", "Phạm Thị Hoa"), ("Trần Văn Dũng", "Trần Văn Dũng")):
        meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                                  "date": date(2024, 3, 5), "chairs": chairs, "secretary": "Lê Thị Thu Hà"})
        pdf = render_minutes(tmp_path / "bb.pdf", minutes_of(meeting.id))
        text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
        signatures = text[text.index("CHỦ TRÌ HỘI NGHỊ"):]
        assert signer in signatures and "Bí thư" not in signatures and "đồng chí" not in signatures.lower()
        word = render_minutes(tmp_path / "bb.docx", minutes_of(meeting.id))
        cells = [cell.text for table in Document(word).tables for row in table.rows for cell in row.cells]
        assert any(cell.endswith(signer) for cell in cells)
        assert not any("Bí thư" in cell or "đồng chí" in cell.lower() for cell in cells)


def test_minutes_without_attendance_say_so_once(bloc_tree, tmp_path):
    """Seen on a thematic meeting of the 30,000-member demo: "Chưa ghi điểm danh." and then
    "Lưu ý: Chưa điểm danh: chưa biết hội nghị có đủ số lượng hay không." — one fact twice."""
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5), "secretary": "Lê Thị Thu Hà"})
    out = render_minutes(tmp_path / "bb.pdf", minutes_of(meeting.id))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert text.count("điểm danh") == 1 and "Lưu ý" not in text
    assert "Chưa ghi điểm danh: chưa biết hội nghị có đủ số lượng hay không." in text

"""Meetings (DOMAIN §6): the conferences of examples/000, 002 and 003 recorded as reported,
numbering within the term, attendance with quorum and majority, compliance and figures."""

from dataclasses import replace
from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.documents.register import set_term_start
from models.meetings.files import (
    attach_file,
    attachments_folder,
    file_copy,
    files_of,
    remove_file,
    verify_file,
)
from models.meetings.lists import (
    MeetingFilter,
    cells_without_monthly_meeting,
    cells_without_thematic_meeting,
    meeting_figures,
    meeting_rows,
    monthly_meeting_months,
    thematic_cells_kept,
)
from models.meetings.record import (
    AttendanceLine,
    add_resolution,
    attendance,
    create_meeting,
    default_roster,
    delete_meeting,
    meeting_warnings,
    next_bch_number,
    quorum,
    set_attendance,
    update_meeting,
)
from models.meetings.tables import MeetingAttendance, MeetingFile, MeetingFileContent
from models.meetings.vocab import BCH_DUK, CHI_BO, CHUYEN_DE, SO_KET, THUONG_KY, TONG_KET
from models.members.events import record_event


def cell(org, kind, day, **fields):
    return create_meeting({"body": CHI_BO, "org_id": org.id, "kind": kind, "date": day, **fields})


def bch(day, **fields):
    return create_meeting({"body": BCH_DUK, "kind": fields.pop("kind", "KHAC"), "date": day, **fields})


def test_example_002_conference_is_recorded_as_reported(db):
    set_term_start(date(2020, 8, 1))
    bch(date(2020, 7, 1))  # the previous term does not count
    for month in range(1, 13):
        bch(date(2021 + month // 7, month % 6 + 1, 10))
    assert next_bch_number(date(2023, 7, 12)) == 13
    meeting = bch(date(2023, 7, 12), kind=SO_KET, time="08:00", place="Hội trường Đảng ủy Khối",
                  chairs="Đồng chí Nguyễn Hoàng Tùng, Tỉnh uỷ viên, Bí thư Đảng uỷ Khối",
                  guests="đồng chí Giáp Thị Bắc - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy",
                  title="Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ 13, sơ kết công tác 6 tháng đầu "
                        "năm 2023",
                  body_size=33)
    assert meeting.number == 13
    with pytest.raises(ValidationError, match="lần thứ 13 trong nhiệm kỳ; số tiếp theo là 14"):
        bch(date(2023, 8, 1), number=13)
    found = meeting_rows(MeetingFilter(text="so ket cong tac 6 thang"))
    assert [row.id for row in found] == [meeting.id]
    assert meeting_rows(MeetingFilter(start=date(2023, 7, 1), end=date(2023, 7, 31)))[0].heading.startswith(
        "Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ 13")


def test_year_end_conferences_of_examples_000_and_003(db):
    e0 = bch(date(2018, 2, 2), kind=TONG_KET, time="14:00",
             title="Hội nghị tổng kết công tác xây dựng Đảng năm 2017 và triển khai nhiệm vụ năm 2018",
             guests="đồng chí Trần Duy Hùng - UVBTV, Trưởng Ban Tổ chức Tỉnh ủy")
    e3 = bch(date(2022, 1, 14), kind=TONG_KET, time="08:00",
             guests="đồng chí Lê Quốc Chỉnh - Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, "
                    "Trưởng đoàn ĐBQH tỉnh\n"
                    "đồng chí Nguyễn Văn Va - Ủy viên BTV Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy",
             presenters="đồng chí Vũ Hữu Thi – Tỉnh ủy viên, Bí thư ĐUK")
    assert e0.guests == "đồng chí Trần Duy Hùng - UVBTV, Trưởng Ban Tổ chức Tỉnh ủy"
    assert len(e3.guests.splitlines()) == 2
    figures = meeting_figures(date(2022, 1, 1), date(2022, 12, 31))
    assert figures.by_body_kind == {(BCH_DUK, TONG_KET): 1} and figures.bch_conferences == 1


def test_cell_attendance_quorum_and_majority(bloc_tree, make_member):
    people = [make_member(full_name=f"Đảng viên {chr(65 + i)}", admitted=date(2015, 1, 1 + i))
              for i in range(6)]
    record_event(people[0].id, v.RECOGNISED, date(2016, 1, 1))
    for person in people[1:4]:
        record_event(person.id, v.RECOGNISED, date(2016, 1, 5))
    record_event(people[5].id, v.EXEMPTED, date(2020, 1, 1))
    meeting = cell(bloc_tree["cell_a"], THUONG_KY, date(2024, 3, 5))
    roster = default_roster(meeting.id)
    assert len(roster) == 6 and [line.exempt for line in roster].count(True) == 1
    assert not [line for line in roster if line.exempt][0].present  # exempt: away, with the reason
    assert meeting_warnings(meeting.id) == ["Chưa điểm danh: chưa biết hội nghị có đủ số lượng hay không."]
    lines = [line if i < 2 or line.exempt else AttendanceLine(line.member_id, line.name, line.membership,
                                                               present=False, absence_reason="Đi công tác")
             for i, line in enumerate(roster)]
    with pytest.raises(ValidationError, match="vắng mặt thì ghi lý do"):
        set_attendance(meeting.id, [AttendanceLine(None, "Người Ngoài", present=False)])
    set_attendance(meeting.id, lines)
    check = quorum(meeting.id)
    assert (check.members, check.exempt, check.convened, check.present, check.needed) == (6, 1, 5, 2, 4)
    assert check.voting == 4 and check.majority == 3
    add_resolution(meeting.id, {"kind": "NGHI_QUYET", "number": "05-NQ/CB", "text": "Nghị quyết tháng 3",
                                "votes_for": 2})
    warnings = meeting_warnings(meeting.id)
    assert "Chỉ có 2/5 đảng viên được triệu tập có mặt, cần ít nhất 4 (2/3)" in warnings[0]
    assert ("Nghị quyết 05-NQ/CB: 2 phiếu tán thành, chưa quá một nửa của 4 đảng viên chính thức (cần ít "
            "nhất 3)") in warnings[1]
    delete_meeting(meeting.id)
    assert MeetingAttendance.select().count() == 0


def test_compliance_lists_cells_without_their_meetings(bloc_tree):
    cell(bloc_tree["cell_a"], THUONG_KY, date(2024, 3, 5))
    cell(bloc_tree["small"], CHUYEN_DE, date(2024, 2, 5),
         standing_visitors="đồng chí Phó Bí thư Đảng ủy Khối")
    assert {gap.name for gap in cells_without_monthly_meeting(2024, 3)} == {"Chi bộ Văn phòng Sở",
                                                                           "Chi bộ Sở Tư pháp"}
    assert {gap.name for gap in cells_without_thematic_meeting(2024, 1)} == {"Chi bộ Phòng Ngân sách",
                                                                            "Chi bộ Văn phòng Sở"}
    figures = meeting_figures(date(2024, 1, 1), date(2024, 12, 31))
    assert (figures.cells_met, figures.cells_visited) == (1, 1)


def test_cell_kinds_and_organisations_are_checked(bloc_tree):
    with pytest.raises(ValidationError, match="không phải chi bộ"):
        cell(bloc_tree["base"], THUONG_KY, date(2024, 3, 5))
    with pytest.raises(ValidationError, match="là sinh hoạt của chi bộ"):
        bch(date(2024, 3, 5), kind=THUONG_KY)
    with pytest.raises(ValidationError) as caught:
        create_meeting({"body": CHI_BO, "kind": THUONG_KY, "date": date(2024, 3, 5)})
    assert caught.value.field == "org_id"


def test_attached_files_are_copied_and_survive_the_original(bloc_tree, tmp_path):
    meeting = bch(date(2024, 3, 5))
    original = tmp_path / "biên bản hội nghị.pdf"
    original.write_bytes(b"%PDF-1.4 scan")
    stored = attach_file(meeting.id, original)
    original.unlink()
    copy = file_copy(stored.id)  # on a server: written out of the database to open
    assert copy.read_bytes() == b"%PDF-1.4 scan" and verify_file(stored.id) and not stored.missing
    assert copy.is_relative_to(attachments_folder())
    assert [f.original_name for f in files_of(meeting.id)] == ["biên bản hội nghị.pdf"]
    with pytest.raises(ValidationError, match="Không mở được tệp"):
        attach_file(meeting.id, tmp_path / "khong-co.pdf")
    remove_file(stored.id)
    assert MeetingFile.select().count() == 0 and MeetingFileContent.select().count() == 0
    assert not copy.exists()


def test_attendance_of_a_committee_counts_against_its_size(db):
    meeting = bch(date(2024, 3, 5), body_size=9)
    set_attendance(meeting.id, [AttendanceLine(None, f"Ủy viên {i}") for i in range(5)])
    check = quorum(meeting.id)
    assert (check.convened, check.present, check.needed, check.ok) == (9, 5, 6, False)
    update_meeting(meeting.id, {"body": BCH_DUK, "kind": "KHAC", "date": date(2024, 3, 5), "body_size": 7})
    assert quorum(meeting.id).ok and len(attendance(meeting.id)) == 5


def test_compliance_on_the_demo_database_matches_the_recorded_meetings(demo_clock, db):
    from models.demo.build import DemoSize, build_demo
    from models.meetings.tables import Meeting
    from models.orgs.tree import org_rows

    build_demo(DemoSize(orgs=6, members=150, seed=3))
    today = date.today()
    cells = {row.id for row in org_rows() if row.level in v.CELLS and not row.dissolved}
    for month in range(1, today.month + 1):
        regular = Meeting.select().where((Meeting.body == CHI_BO) & (Meeting.kind == THUONG_KY))
        held = {m.org_id for m in regular if (m.date.year, m.date.month) == (today.year, month)}
        missing = {gap.org_id for gap in cells_without_monthly_meeting(today.year, month)}
        assert missing == cells - held and not missing & held
    assert meeting_figures(date(today.year, 1, 1), today).cells_visited <= 7


def test_the_years_meeting_shares_agree_with_the_gap_lists(demo_clock, db):
    """The report's shares (cell-months with the regular meeting, cells with a thematic meeting
    every quarter) are read for the whole year at once; they must say what the month's and the
    quarter's gap lists say, a cell founded or dissolved in the year included."""
    from models.demo.build import DemoSize, build_demo
    from models.orgs.changes import create_org, dissolve_org
    from models.orgs.tree import org_rows

    build_demo(DemoSize(orgs=8, members=200, seed=4))
    year = date.today().year - 1
    base = next(row for row in org_rows() if row.level == v.DBCS)
    create_org(name="Chi bộ Mới Lập", level=v.CBTT, parent_id=base.id, founded_on=date(year, 7, 15))
    closed = create_org(name="Chi bộ Đã Giải Thể", level=v.CBTT, parent_id=base.id,
                        founded_on=date(2010, 1, 1))
    dissolve_org(closed.id, date(year, 5, 20))
    held, cell_months = monthly_meeting_months(year)
    gaps = sum(len(cells_without_monthly_meeting(year, month)) for month in range(1, 13))
    assert cell_months and 0 < held == cell_months - gaps
    kept, cells = thematic_cells_kept(year)
    missed = set().union(*({gap.org_id for gap in cells_without_thematic_meeting(year, quarter)}
                           for quarter in range(1, 5)))
    assert cells and kept == cells - len(missed)
    assert thematic_cells_kept(year, 1)[1] - thematic_cells_kept(year, 1)[0] == len(
        cells_without_thematic_meeting(year, 1))


def test_members_away_are_not_convened_unless_they_come(bloc_tree, make_member):
    """Those temporarily active elsewhere, exempt or suspended are not counted among those convened
    (Quy chế bầu cử trong Đảng, Điều 32: "trừ số đảng viên đã được giới thiệu sinh hoạt tạm thời ở
    đảng bộ khác, đảng viên đã được miễn công tác và sinh hoạt đảng không có mặt … (nếu có mặt … thì
    vẫn tính)"). Reported: a cell of five with two studying elsewhere was told it had no quorum
    with the other two and its secretary present."""
    people = [make_member(full_name=f"Đảng viên {chr(65 + i)}", admitted=date(2015, 1, 1 + i))
              for i in range(5)]
    for person in (people[0], people[2]):
        record_event(person.id, v.RECOGNISED, date(2016, 1, 10))
    for person in people[2:4]:
        record_event(person.id, v.TEMP_OUT_START, date(2023, 9, 1), place="Học viện Chính trị khu vực I",
                     decision_no="12-GGT/ĐUK")
    record_event(people[4].id, v.EXEMPTED, date(2020, 1, 1))
    meeting = cell(bloc_tree["cell_a"], THUONG_KY, date(2024, 3, 5))
    roster = default_roster(meeting.id)
    assert [(line.present, line.convened) for line in roster].count((False, False)) == 3
    set_attendance(meeting.id, roster)
    check = quorum(meeting.id)
    assert (check.members, check.convened, check.present, check.needed, check.ok) == (5, 2, 2, 2, True)
    assert (check.voting, check.majority) == (1, 1)  # the full member away votes on nothing here
    assert meeting_warnings(meeting.id) == []
    came = [line if line.member_id != people[4].id else replace(line, present=True, absence_reason="")
            for line in attendance(meeting.id)]
    set_attendance(meeting.id, came)  # the exempt member came: counted among the convened
    assert (quorum(meeting.id).convened, quorum(meeting.id).present) == (3, 3)

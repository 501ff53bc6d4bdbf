"""Importing members from Excel as offices keep it: messy files read right, every problem
named with its row and column, duplicates found, all rows or none, any file a message."""

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import create_member
from models.members.export import export_members
from models.members.import_plan import (
    ADD,
    CARD_IN_REGISTRY,
    SAME_PERSON_IN_FILE,
    SAME_PERSON_IN_REGISTRY,
    UPDATE,
    grassroots_named,
    place_in_cell,
    plan_import,
    rematch_orgs,
)
from models.members.import_write import ImportCancelled, create_missing_orgs, import_members
from models.members.tables import Member, MemberEvent


def workbook(path: Path, rows: list[list], title_block: bool = True) -> Path:
    """A sheet the way offices make them: a title block, a two-row heading with a merged "Ngày"."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS đảng viên"
    if title_block:
        sheet.append(["ĐẢNG BỘ SỞ TÀI CHÍNH"])
        sheet.append(["DANH SÁCH ĐẢNG VIÊN NĂM 2024"])
        sheet.append([])
    sheet.append(["STT", "Họ và tên", "Giới tính", "Ngày", None, None, "Số thẻ", "Chi bộ", "Đảng bộ"])
    sheet.append([None, None, None, "sinh", "vào Đảng", "chính thức", None, None, None])
    sheet.merge_cells(start_row=sheet.max_row - 1, start_column=4, end_row=sheet.max_row - 1, end_column=6)
    for index, row in enumerate(rows, 1):
        sheet.append([index, *row])
    book.save(path)
    return path


MESSY = [
    [unicodedata.normalize("NFD", "  Nguyễn   Văn Đức "), "Nam", datetime(1980, 5, 15), "05/03/2008",
     "5/3/09", 1234567, "Phòng Ngân sách", "Đảng bộ Sở Tài chính"],
    ["Trần Thị Hoa", " nữ ", "07/09/85", datetime(2010, 1, 4), None, "00765432", "chi bo van phong so", ""],
    ["Lê Văn Số", "Nam", 29221, 39448, None, None, "Chi bộ Sở Tư pháp", None],
]


def test_a_messy_sheet_is_read_right(bloc_tree, tmp_path):
    plan = plan_import(workbook(tmp_path / "ds.xlsx", MESSY))
    assert plan.header_row == 5 and plan.problems == []
    first, second, third = (row.fields for row in plan.rows)
    assert first["full_name"] == "Nguyễn Văn Đức" and first["card_number"] == "01234567"
    assert (first["birth_date"], first["admission_date"], first["full_member_date"]) == (
        date(1980, 5, 15), date(2008, 3, 5), date(2009, 3, 5))
    assert second["sex"] == "F" and second["birth_date"] == date(1985, 9, 7)
    assert third["birth_date"] == date(1980, 1, 1) and third["admission_date"] == date(2008, 1, 1)
    assert [row.org_id for row in plan.rows] == [bloc_tree["cell_a"].id, bloc_tree["cell_b"].id,
                                                 bloc_tree["small"].id]
    result = import_members(plan)
    assert (result.created, result.refused) == (3, 0)
    member = Member.get(Member.card_number == "01234567")
    assert (member.membership, member.org_id) == (v.FULL, bloc_tree["cell_a"].id)
    assert MemberEvent.select().where(MemberEvent.member == member.id).count() == 2


def test_every_problem_names_row_column_value_and_what_is_wrong(bloc_tree, tmp_path):
    rows = [["Phạm Văn An", "Nam", "31/02/1990", "01/01/2015", None, None, "Phòng Ngân sách", ""],
            ["", "Nữ", "01/01/1990", "01/01/2015", None, None, "Phòng Ngân sách", ""],
            ["Đỗ Văn Bình", "Nam", "01/01/1990", "01/01/2015", None, None, "Phòng Không Có", ""],
            ["Vũ Văn Trẻ", "Nam", "01/01/2000", "01/01/2015", None, None, "Phòng Ngân sách", ""],
            ["Hồ Văn Năm", "Nam", "1975", "01/01/2015", None, "12ab", "Phòng Ngân sách", ""]]
    plan = plan_import(workbook(tmp_path / "loi.xlsx", rows))
    found = {(p.row, p.column): (p.value, p.message) for p in plan.problems}
    assert found[(6, "Ngày sinh")] == ("31/02/1990", "Ngày sinh 31/02/1990 không có trên lịch.")
    assert found[(7, "Họ và tên")][1] == "Thiếu họ và tên."
    assert found[(8, "Chi bộ")] == ("Phòng Không Có", "không có chi bộ này trong cây tổ chức")
    assert "chưa đủ 18 tuổi" in found[(9, "Ngày vào Đảng")][1]
    assert found[(10, "Ngày sinh")][1] == "Ngày sinh: chỉ có năm 1975, cần đủ ngày/tháng/năm."
    assert plan.missing_orgs == {("", "", "Phòng Không Có"): 1}
    assert import_members(plan).created == 0


def test_duplicates_with_a_choice_for_each_kind(bloc_tree, tmp_path):
    holder = create_member({"full_name": "Nguyễn Văn Đức", "sex": "M", "birth_date": date(1980, 5, 15),
                            "card_number": "01234567"},
                           {"kind": v.ADMITTED, "date": date(2008, 3, 5), "org_id": bloc_tree["cell_a"].id})
    create_member({"full_name": "Trần Thị Hoa", "sex": "F", "birth_date": date(1985, 9, 7)},
                  {"kind": v.ADMITTED, "date": date(2010, 1, 4), "org_id": bloc_tree["cell_b"].id})
    rows = MESSY[:2] + [["Lê Văn Số", "Nam", 29221, 39448, None, None, "Chi bộ Sở Tư pháp", None]] * 2
    rows[0] = [*rows[0][:7], "Đảng bộ Sở Tài chính"]
    rows[0][0] = "Nguyễn Văn Đức"
    plan = plan_import(workbook(tmp_path / "trung.xlsx", rows))
    assert [row.duplicate for row in plan.rows] == [CARD_IN_REGISTRY, SAME_PERSON_IN_REGISTRY, None,
                                                    SAME_PERSON_IN_FILE]
    assert plan.rows[0].existing_id == holder.id
    result = import_members(plan)
    assert (result.created, result.skipped) == (1, 3)
    plan = plan_import(workbook(tmp_path / "trung.xlsx", rows))
    result = import_members(plan, cards=UPDATE, same_person=ADD)
    assert (result.created, result.updated) == (3, 1)  # Hoa again, and Lê Văn Số twice more
    assert Member.select().where(Member.full_name == "Trần Thị Hoa").count() == 2


def test_cancel_leaves_nothing(bloc_tree, tmp_path):
    plan = plan_import(workbook(tmp_path / "ds.xlsx", MESSY * 30))
    with pytest.raises(ImportCancelled):
        import_members(plan, same_person=ADD, cancelled=lambda: True)
    assert Member.select().count() == 0 and MemberEvent.select().count() == 0


def test_files_that_are_not_member_lists_get_a_message(db, tmp_path, monkeypatch):
    cases = {
        "ghi-chu.xlsx": b"just some text",
        "mat-khau.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,
        "trong.xlsx": b"",
        "hong.xlsx": b"PK\x03\x04" + b"\0" * 100,
    }
    messages = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ValidationError) as caught:
            plan_import(tmp_path / name)
        messages[name] = caught.value.message
    assert "không phải bảng tính Excel" in messages["ghi-chu.xlsx"]
    assert "đặt mật khẩu" in messages["mat-khau.xlsx"]
    assert "trống" in messages["trong.xlsx"]
    assert "bị hỏng hoặc chép chưa trọn" in messages["hong.xlsx"]
    book = Workbook()
    book.active.append(["Báo cáo tài chính quý 3"])
    book.active.append(["Khoản mục", "Số tiền"])
    book.save(tmp_path / "khac.xlsx")
    with pytest.raises(ValidationError, match="Không tìm thấy dòng tiêu đề"):
        plan_import(tmp_path / "khac.xlsx")
    monkeypatch.setattr("models.core.workbook.MAX_FILE_BYTES", 10)
    with pytest.raises(ValidationError, match="lớn quá"):
        plan_import(tmp_path / "khac.xlsx")


def test_export_then_import_into_an_empty_database_gives_the_same_members(demo_clock, db, tmp_path):
    from models.core.db import close_database, open_database
    from models.demo.build import DemoSize, build_demo

    build_demo(DemoSize(orgs=5, members=120, seed=7))
    export_members(tmp_path / "ds.xlsx")
    before = _people()
    close_database()
    open_database(tmp_path / "moi.db")
    plan = plan_import(tmp_path / "ds.xlsx")
    create_missing_orgs(plan)
    plan = plan_import(tmp_path / "ds.xlsx")
    assert plan.problems == []
    import_members(plan)
    assert _people() == before


def _people() -> list[tuple]:
    from models.members.counts import roster_at
    from models.orgs.tree import org_rows

    names = {row.id: row.name for row in org_rows()}
    counted = {member_id: org for member_id, org, _m, _s in roster_at(date.today())}
    return sorted((m.full_name, m.sex, m.birth_date, m.admission_date, m.full_member_date, m.card_number,
                   m.dossier_number, names[counted[m.id]], m.membership)
                  for m in Member.select() if m.id in counted)


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)  # what a cell can hold
CELL = st.one_of(st.none(), TEXT, st.integers(-10**9, 10**9),
                 st.floats(allow_nan=False, allow_infinity=False),
                 st.dates(date(1000, 1, 1), date(2999, 12, 31)), st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELL, min_size=8, max_size=8), min_size=1, max_size=6))
def test_malformed_rows_never_crash_the_reader(bloc_tree, tmp_path, rows):
    path = workbook(tmp_path / "bat-ky.xlsx", rows)
    try:
        plan = plan_import(path)
    except ValidationError as error:
        assert error.message
        return
    for problem in plan.problems:
        assert problem.message and problem.row >= 6
    import_members(plan, same_person=ADD)


def test_matching_again_after_creating_cells_equals_planning_again(bloc_tree, tmp_path):
    """rematch_orgs() spares reading the file twice; it must give what a new plan gives."""
    rows = [*MESSY, ["Đinh Văn Mới", "Nam", "01/01/1980", "05/03/2008", None, None, "Chi bộ Mới Lập",
                     "Đảng bộ Sở Tài chính"], ["Đinh Văn Mới", "Nam", "01/01/1980", None, None, None,
                                                "Chi bộ Mới Lập", "Đảng bộ Sở Tài chính"]]
    path = workbook(tmp_path / "ds.xlsx", rows)
    plan = plan_import(path)
    assert plan.missing_orgs
    create_missing_orgs(plan)
    again, fresh = rematch_orgs(plan), plan_import(path)

    def shape(p):
        return [(r.row, r.org_id, r.org_missing, r.duplicate, r.existing_id,
                 sorted((q.column, q.message) for q in r.problems)) for r in p.rows]

    assert shape(again) == shape(fresh)
    assert again.missing_orgs == fresh.missing_orgs == {}


def test_names_differing_only_in_case_are_one_missing_cell(bloc_tree, tmp_path):
    """Reported: "CHI BỘ SỞ NỘI VỤ" and "Chi bộ Sở Nội vụ" counted as two missing organisations,
    and creating them stopped on "Đã có tổ chức cùng tên" having written nothing."""
    rows = [["Đinh Văn Một", "Nam", "01/01/1980", "05/03/2008", None, None, "CHI BỘ SỞ NỘI VỤ", ""],
            ["Đinh Văn Hai", "Nam", "01/01/1981", "05/03/2008", None, None, "Chi bộ  Sở Nội vụ", ""],
            ["Đinh Văn Ba", "Nam", "01/01/1982", "05/03/2008", None, None, "Sở Nội vụ", ""]]
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    assert sum(plan.missing_orgs.values()) == 3 and len(plan.missing_orgs) == 1
    assert create_missing_orgs(plan) == 1
    plan = rematch_orgs(plan)
    assert plan.problems == [] and len({row.org_id for row in plan.rows}) == 1


def test_a_totals_row_is_recognised_and_skipped(bloc_tree, tmp_path):
    """Reported: the sheet's "Tổng cộng" row was reported as four errors."""
    path = workbook(tmp_path / "ds.xlsx", [*MESSY, ["Tổng cộng: 3 đảng viên", None, None, None, None, None,
                                                     None, None]])
    plan = plan_import(path)
    assert plan.problems == [] and len(plan.rows) == 3
    assert plan.skipped_rows == [(9, "dòng tổng cộng")]


def test_a_grassroots_party_named_as_the_cell_is_said_so(bloc_tree, tmp_path):
    """Reported: rows naming a đảng bộ cơ sở in the "Chi bộ" column were refused without saying
    that a member belongs to one of its cells."""
    rows = [["Đinh Văn Một", "Nam", "01/01/1980", "05/03/2008", None, None, "Đảng bộ Sở Tài chính", ""]]
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    (problem,) = plan.problems
    assert "đảng bộ cơ sở" in problem.message and "chi bộ trực thuộc" in problem.message
    assert not plan.missing_orgs  # nothing to create: it exists, as a đảng bộ
    assert plan.rows[0].grassroots_id == bloc_tree["base"].id

    # The clerk chooses the cell once for every such row.
    with pytest.raises(ValidationError):
        place_in_cell(plan, bloc_tree["base"].id, bloc_tree["small"].id)  # not one of its cells
    assert grassroots_named(plan) == {bloc_tree["base"].id: 1}
    assert place_in_cell(plan, bloc_tree["base"].id, bloc_tree["cell_b"].id) == 1
    assert plan.problems == [] and plan.rows[0].org_id == bloc_tree["cell_b"].id
    assert import_members(plan).created == 1


def test_a_name_with_hidden_characters_is_stored_clean_though_checked_once(bloc_tree, tmp_path):
    # The record's checks take the import's cells as already cleaned: the cleaning must be there.
    hidden = ["\u202eNguyễn\u200b  Văn\u00ad Đức\ufeff", "Nam", datetime(1980, 5, 15), "05/03/2008", None,
              None, "Phòng Ngân sách", "Đảng bộ Sở Tài chính"]
    import_members(plan_import(workbook(tmp_path / "ds.xlsx", [hidden])))
    stored = Member.get()
    assert (stored.full_name, stored.name_folded) == ("Nguyễn Văn Đức", "nguyen van duc")


def test_a_cell_under_an_intermediate_committee_is_found_by_its_dang_bo(bloc_tree, tmp_path):
    """Found on a tree three levels deep: "Chi bộ Phòng Ngân sách | Đảng bộ Sở Y tế" was "not in
    the tree" when that đảng bộ's cell of the name sits under its intermediate committee, since
    only the cell's own parent was compared; the committee's name tells twins of one đảng bộ apart."""
    from models.orgs.changes import create_org

    health = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=bloc_tree["bloc"].id)
    middle = create_org(name="Đảng bộ bộ phận Khối chuyên môn", level=v.DBBP, parent_id=health.id)
    deep = create_org(name="Chi bộ Phòng Ngân sách", level=v.CBTT, parent_id=middle.id)  # as cell_a's name
    other_middle = create_org(name="Đảng bộ bộ phận Khối hành chính", level=v.DBBP, parent_id=health.id)
    twin = create_org(name="Chi bộ Phòng Ngân sách", level=v.CBTT, parent_id=other_middle.id)
    rows = [["Đinh Văn Một", "Nam", "01/01/1980", "05/03/2008", None, None, "Phòng Ngân sách",
             "Đảng bộ Sở Tài chính"],
            ["Đinh Văn Hai", "Nam", "01/01/1981", "05/03/2008", None, None, "Phòng Ngân sách",
             "Đảng bộ bộ phận Khối chuyên môn"],
            ["Đinh Văn Ba", "Nam", "01/01/1982", "05/03/2008", None, None, "Phòng Ngân sách",
             "Khối hành chính"],
            ["Đinh Văn Bốn", "Nam", "01/01/1983", "05/03/2008", None, None, "Phòng Ngân sách", "Sở Y tế"]]
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    assert [row.org_id for row in plan.rows[:3]] == [bloc_tree["cell_a"].id, deep.id, twin.id]
    (problem,) = plan.problems  # two cells of the name in Sở Y tế: which one is asked, not guessed
    assert problem.row == plan.rows[3].row and "trùng tên" in problem.message


def test_a_cell_named_with_another_dang_bo_is_not_placed_in_the_one_of_that_name(bloc_tree, tmp_path):
    """Found: "Chi bộ Văn phòng Sở | Đảng bộ Sở Mới" was placed in Sở Tài chính's Chi bộ Văn phòng
    Sở, the only cell of the name, though the row names another đảng bộ."""
    rows = [["Đinh Văn Một", "Nam", "01/01/1980", "05/03/2008", None, None, "Chi bộ Văn phòng Sở",
             "Đảng bộ Sở Mới"],
            ["Đinh Văn Hai", "Nam", "01/01/1981", "05/03/2008", None, None, "Chi bộ Văn phòng Sở",
             "Sở Tài chính"],
            ["Đinh Văn Ba", "Nam", "01/01/1982", "05/03/2008", None, None, "Chi bộ Sở Tư pháp",
             "Đảng bộ Khối các cơ quan tỉnh"],  # a chi bộ cơ sở's "Đảng bộ" is the bloc's
            ["Đinh Văn Bốn", "Nam", "01/01/1983", "05/03/2008", None, None, "Chi bộ Sở Tư pháp",
             "Chi bộ Sở Tư pháp"]]  # or itself again
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    assert [row.org_id for row in plan.rows] == [None, bloc_tree["cell_b"].id, bloc_tree["small"].id,
                                                 bloc_tree["small"].id]
    (problem,) = plan.problems
    assert problem.message == ("không có chi bộ này trong cây tổ chức ở Đảng bộ Sở Mới (chi bộ cùng tên có "
                               "ở: Chi bộ Văn phòng Sở, Đảng bộ Sở Tài chính)")
    assert list(plan.missing_orgs) == [("Đảng bộ Sở Mới", "", "Chi bộ Văn phòng Sở")]
    assert create_missing_orgs(plan) == 2  # the đảng bộ and its cell
    plan = rematch_orgs(plan)
    assert plan.problems == [] and plan.rows[0].org_id not in (None, bloc_tree["cell_b"].id)


def test_no_cell_is_made_for_rows_refused_for_their_own_values(bloc_tree, tmp_path):
    """Found: --create-orgs made "Chi bộ Sở Xây dựng" for three rows all refused (an impossible
    date, an age under 18, a sex of "X"), leaving an empty cell in the tree."""
    from models.orgs.tree import org_rows

    rows = [["Đinh Văn Một", "Nam", "31/02/1980", "05/03/2008", None, None, "Chi bộ Sở Xây dựng", ""],
            ["Đinh Văn Hai", "X", "01/01/1981", "05/03/2008", None, None, "Chi bộ Sở Xây dựng", ""]]
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    assert not plan.missing_orgs and all(row.org_missing for row in plan.rows)
    before = len(org_rows())
    assert create_missing_orgs(plan) == 0 and len(org_rows()) == before

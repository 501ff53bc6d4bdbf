"""Members' contact with their residence (DOMAIN §11): introduction, exemptions, the yearly
comment; the lists of those not introduced or without the year's comment; audited."""

from datetime import date

import pytest

from models.core.errors import ValidationError
from models.residence import (
    DAT,
    KHONG_DAT,
    comments_of,
    contact_rows,
    record_comment,
    residence_figures,
    set_contact,
)
from tests.models.accounts.test_audit import assert_each_step_audited


def test_introduction_comment_and_the_lists(bloc_tree, make_member):
    cell = bloc_tree["cell_a"]
    introduced = make_member(full_name="Lê Văn An", org=cell)
    waiting = make_member(full_name="Trần Thị Bình", org=cell)
    soldier = make_member(full_name="Phạm Văn Công", org=cell)
    set_contact(introduced.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5", date(2020, 3, 1))
    set_contact(soldier.id, "Đảng bộ phường Cao Xanh", "", date(2020, 3, 1), exemption="ARMED_FORCES")
    rows = {row.full_name: row for row in contact_rows(2023, cell.id)}
    assert rows["Trần Thị Bình"].needs_introduction and not rows["Lê Văn An"].needs_introduction
    assert rows["Lê Văn An"].needs_comment and not rows["Phạm Văn Công"].needs_comment  # exempt
    record_comment(introduced.id, 2023, KHONG_DAT, "Chưa tham gia sinh hoạt tổ dân phố", date(2023, 12, 10))
    assert comments_of(2023, [introduced.id, waiting.id]) == {introduced.id: KHONG_DAT}
    figures = residence_figures(2023, cell.id)
    counted = (figures.members, figures.introduced, figures.not_introduced, figures.commented, figures.failed)
    assert counted == (3, 2, 1, 1, 1)
    record_comment(introduced.id, 2023, None)  # a wrong entry taken out
    assert comments_of(2023, [introduced.id]) == {}


def test_the_figures_count_exemptions_and_each_cell(bloc_tree, make_member):
    """The bloc's and one cell's counts, an exemption from introduction (special duty) apart
    from one from the comment only (the armed forces)."""
    cell_a, cell_b = bloc_tree["cell_a"], bloc_tree["cell_b"]
    failed = make_member(full_name="Lê Văn An", org=cell_a)
    make_member(full_name="Trần Thị Bình", org=cell_a)  # not introduced
    soldier = make_member(full_name="Phạm Văn Công", org=cell_a)
    special = make_member(full_name="Đỗ Văn Dũng", org=cell_a)
    elsewhere = make_member(full_name="Hoàng Thị Em", org=cell_b)
    for member in (failed, elsewhere):
        set_contact(member.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5", date(2020, 3, 1))
    set_contact(soldier.id, "Đảng bộ phường Cao Xanh", "", date(2020, 3, 1), exemption="ARMED_FORCES")
    set_contact(special.id, "", "", None, exemption="SPECIAL_DUTY")
    record_comment(failed.id, 2023, KHONG_DAT, "Chưa tham gia sinh hoạt tổ dân phố", date(2023, 12, 10))
    record_comment(elsewhere.id, 2023, DAT, "", date(2023, 12, 12))

    def counted(figures):
        return (figures.members, figures.introduced, figures.exempt_from_comment, figures.not_introduced,
                figures.commented, figures.failed)
    assert counted(residence_figures(2023)) == (5, 3, 2, 1, 2, 1)
    assert counted(residence_figures(2023, cell_a.id)) == (4, 2, 2, 1, 1, 1)
    assert counted(residence_figures(2023, cell_b.id)) == (1, 1, 0, 0, 1, 0)


def test_rules(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    with pytest.raises(ValidationError) as caught:
        record_comment(member.id, 2023, DAT)
    assert "chưa được giới thiệu" in caught.value.message
    for fields, field in ((("", "", date(2020, 1, 1)), "residence_org"),
                          (("Đảng bộ xã Hạ Long", "", None), "introduced_on"),
                          (("Đảng bộ xã Hạ Long", "", date(2009, 1, 1)), "introduced_on")):
        with pytest.raises(ValidationError) as caught:
            set_contact(member.id, *fields)
        assert caught.value.field == field
    set_contact(member.id, "", "", None, exemption="SPECIAL_DUTY")  # exempt from introduction altogether
    with pytest.raises(ValidationError):
        set_contact(member.id, "x", "", None, exemption="NO_SUCH")


def test_each_write_is_audited(bloc_tree, make_member):
    member = make_member()
    assert_each_step_audited([
        ("introduce", lambda: set_contact(member.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5",
                                          date(2020, 3, 1))),
        ("move", lambda: set_contact(member.id, "Đảng bộ phường Cao Xanh", "Chi bộ khu 2", date(2021, 3, 1))),
        ("comment", lambda: record_comment(member.id, 2023, DAT)),
        ("comment changed", lambda: record_comment(member.id, 2023, KHONG_DAT, "Vắng họp")),
        ("comment removed", lambda: record_comment(member.id, 2023, None)),
    ])


def test_the_year_end_report_says_it(bloc_tree, make_member):
    from reports.figures import period_figures
    from reports.paragraphs import residence_paragraph

    first, second = make_member(full_name="Lê Văn An"), make_member(full_name="Trần Thị Bình")
    set_contact(first.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5", date(2020, 3, 1))
    record_comment(first.id, 2023, DAT)
    assert residence_paragraph(period_figures(date(2023, 1, 1), date(2023, 12, 31))) == (
        "Thực hiện Quy định số 213-QĐ/TW, 1/2 đảng viên đã được giới thiệu về sinh hoạt nơi cư trú; 1 đồng "
        "chí được chi bộ nơi cư trú nhận xét; còn 1 đồng chí chưa được giới thiệu.")
    assert second.id


def test_comments_come_back_from_the_list_the_residences_filled(bloc_tree, make_member, tmp_path):
    from openpyxl import load_workbook

    from models.residence import apply_comment_list, export_comment_list, read_comment_list

    cell = bloc_tree["cell_a"]
    first = make_member(full_name="Lê Văn An", org=cell, card_number="01234567")
    second = make_member(full_name="Trần Thị Bình", org=cell, birth_date=date(1990, 4, 5))
    for member in (first, second):
        set_contact(member.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5", date(2020, 3, 1))
    path = export_comment_list(tmp_path / "nhan-xet.xlsx", 2023, cell.id)
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = {sheet.cell(row, 3).value: row for row in range(5, sheet.max_row + 1)}
    sheet.cell(rows["Lê Văn An"], 6, "Đạt")
    sheet.cell(rows["Trần Thị Bình"], 6, "khong dat")
    sheet.cell(rows["Trần Thị Bình"], 7, "Chưa sinh hoạt tổ dân phố")
    sheet.cell(rows["Trần Thị Bình"], 8, "10/12/2023")
    sheet.cell(rows["Trần Thị Bình"], 2, None)  # no card: found by name and birth date
    workbook.save(path)
    read = read_comment_list(path, 2023)
    assert read.problems == []
    assert apply_comment_list(read) == 2
    assert comments_of(2023, [first.id, second.id]) == {first.id: DAT, second.id: KHONG_DAT}

    sheet.cell(rows["Lê Văn An"], 6, "Tốt")
    workbook.save(path)
    wrong = read_comment_list(path, 2023)
    assert wrong.problems == [f"Dòng {rows['Lê Văn An']}: kết quả “Tốt” — ghi Đạt hoặc Không đạt."]
    with pytest.raises(ValidationError):
        apply_comment_list(wrong)

"""The rating workbooks sent to the grassroots organisations and read back."""

from datetime import date

import pytest
from openpyxl import load_workbook

from models.core.errors import ValidationError
from models.ratings.exchange import (
    FIRST_ROW,
    MEMBERS_SHEET,
    TOTALS_SHEET,
    apply_rating_return,
    export_rating_workbooks,
    read_rating_workbook,
)
from models.ratings.figures import rating_figures
from models.ratings.tables import MemberRating, RatingTotals


def test_workbooks_go_out_prelisted_and_come_back_into_the_ratings(bloc_tree, make_member, tmp_path):
    an = make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    binh = make_member(full_name="Trần Văn Bình", admitted=date(2010, 1, 1))
    paths = export_rating_workbooks(2023, tmp_path / "gui-di")
    assert len(paths) == 2  # the đảng bộ cơ sở and the chi bộ cơ sở
    base = next(path for path in paths if "tai-chinh" in path.name)
    book = load_workbook(base)
    sheet = book[MEMBERS_SHEET]
    names = [sheet.cell(row=r, column=3).value for r in (FIRST_ROW, FIRST_ROW + 1)]
    assert names == ["Lê Văn An", "Trần Văn Bình"]
    sheet.cell(row=FIRST_ROW, column=6).value = "Hoàn thành tốt nhiệm vụ"
    sheet.cell(row=FIRST_ROW + 1, column=6).value = 3  # the level's number, as clerks type it
    sheet.cell(row=FIRST_ROW + 1, column=9).value = "x"
    book.save(base)
    returned = read_rating_workbook(base, 2023)
    assert returned.problems == [] and returned.org_name == "Đảng bộ Sở Tài chính"
    apply_rating_return(returned)
    saved = {r.member_id: (r.level, r.long_sick_leave) for r in MemberRating.select()}
    assert saved == {an.id: ("HTTNV", False), binh.id: ("HTNV", True)}
    assert rating_figures(2023).rated == 2


def test_totals_sheet_and_problems_are_read(bloc_tree, make_member, tmp_path):
    make_member(org=bloc_tree["small"], full_name="Lê Văn An", admitted=date(2010, 1, 1))
    path = next(p for p in export_rating_workbooks(2023, tmp_path) if "tu-phap" in p.name)
    book = load_workbook(path)
    sheet = book[MEMBERS_SHEET]
    sheet.cell(row=FIRST_ROW, column=6).value = "Rất tốt"
    totals = book[TOTALS_SHEET]
    for row, value in zip(range(2, 9), (20, 19, 2, 15, 2, 0, 1), strict=True):
        totals.cell(row=row, column=2).value = value
    book.save(path)
    returned = read_rating_workbook(path, 2023)
    assert returned.problems == ["Dòng 5 (Lê Văn An): mức “Rất tốt” không có trong quy định năm này."]
    assert returned.totals["rated"] == 19
    with pytest.raises(ValidationError, match="còn 1 lỗi"):
        apply_rating_return(returned)
    sheet.cell(row=FIRST_ROW, column=6).value = None
    book.save(path)
    apply_rating_return(read_rating_workbook(path, 2023))
    assert RatingTotals.get().total_members == 20


def test_a_workbook_of_another_year_or_edited_key_is_refused(bloc_tree, tmp_path):
    path = export_rating_workbooks(2023, tmp_path)[0]
    with pytest.raises(ValidationError, match="năm 2023, không phải năm 2024"):
        read_rating_workbook(path, 2024)
    book = load_workbook(path)
    book[MEMBERS_SHEET]["A3"].value = "đã sửa"
    book.save(path)
    with pytest.raises(ValidationError, match="Mã tổ chức"):
        read_rating_workbook(path, 2023)
    (tmp_path / "khac.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ValidationError, match="không phải bảng tính"):
        read_rating_workbook(tmp_path / "khac.xlsx", 2023)


def test_a_level_or_total_left_as_an_uncomputed_formula_is_named_not_taken_as_blank(bloc_tree, make_member,
                                                                                        tmp_path):
    """A workbook filled by a script that wrote formulas without their results (a level worked out
    from the score, totals counted with COUNTIF) read as "not rated" and "còn thiếu": the members
    would have gone in unrated without a word."""
    make_member(org=bloc_tree["small"], full_name="Lê Văn An", admitted=date(2010, 1, 1))
    path = next(p for p in export_rating_workbooks(2023, tmp_path) if "tu-phap" in p.name)
    book = load_workbook(path)
    book[MEMBERS_SHEET].cell(row=FIRST_ROW, column=6).value = '=IF(G5>=90,"Hoàn thành xuất sắc nhiệm vụ","")'
    book[MEMBERS_SHEET].cell(row=FIRST_ROW, column=7).value = 95
    totals = book[TOTALS_SHEET]
    for row, value in zip(range(2, 9), (20, "=B2-1", 2, 15, 2, 0, 1), strict=True):
        totals.cell(row=row, column=2).value = value
    book.save(path)
    returned = read_rating_workbook(path, 2023)
    assert len(returned.problems) == 2, returned.problems
    level, total = returned.problems
    assert level.startswith("Dòng 5 (Lê Văn An), ô “Xếp loại”: ô có công thức nhưng không có kết quả")
    assert total.startswith(f"Trang “{TOTALS_SHEET}”, dòng 3 (") and "công thức" in total
    assert "mở tệp bằng Excel hoặc LibreOffice, lưu lại" in level
    with pytest.raises(ValidationError):
        apply_rating_return(returned)
    assert MemberRating.select().count() == 0


def test_workbooks_for_a_year_not_yet_begun_are_not_sent(bloc_tree, tmp_path):
    """On 02/01/2027 `ratings export --year 2028` wrote a workbook for every organisation; each
    came back refused ("Năm đánh giá phải từ 1990 đến 2027") after the organisations filled it."""
    from models.core import clock

    next_year = clock.today().year + 1
    with pytest.raises(ValidationError, match=f"Năm đánh giá phải từ 1990 đến {next_year - 1}"):
        export_rating_workbooks(next_year, tmp_path / "gui-di")
    assert not (tmp_path / "gui-di").exists()

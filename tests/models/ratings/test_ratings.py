from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import record_event
from models.orgs.changes import create_org
from models.ratings.figures import rating_figures
from models.ratings.grid import grid_rows, rate_members, rate_org, set_totals, year_warnings
from models.ratings.rules import ADEQUATE, EXCELLENT, GOOD, TSVM, WEAK, rules_for
from models.ratings.tables import MemberRating
from reports.figures import period_figures
from reports.paragraphs import rating_paragraph

E0 = ("Kết quả đánh giá, xếp loại năm 2017, có 46 tổ chức cơ sở đảng đạt trong sạch vững mạnh (chiếm "
      "61,3%), 27 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (chiếm 36%), 1 tổ chức cơ sở đảng hoàn "
      "thành nhiệm vụ (chiếm 1,3%), 1 tổ chức cơ sở đảng yếu kém (chiếm 1,3%) trong tổng số 75 tổ "
      "chức cơ sở đảng. Có 2.627 đảng viên được đánh giá, phân loại (chiếm 96,76%): đảng viên hoàn "
      "thành tốt nhiệm vụ 2.556 đồng chí (chiếm 97,3%), trong đó có 346 đảng viên hoàn thành xuất sắc "
      "nhiệm vụ (chiếm 13,54%); hoàn thành nhiệm vụ 39 đồng chí (chiếm 1,48%); không hoàn thành nhiệm "
      "vụ 12 đồng chí (chiếm 0,46%). Đảng viên chưa đánh giá 88 đồng chí, chiếm 3,24%.")


def test_the_rating_paragraph_of_example_000(db):
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    orgs = [create_org(name=f"Chi bộ số {n:02d}".replace("0", "O"), level=v.CBCS, parent_id=bloc.id,
                       founded_on=date(2000, 1, 1)) for n in range(75)]
    levels = [TSVM] * 46 + [GOOD] * 27 + ["HTNV", WEAK]
    for org, level in zip(orgs, levels, strict=True):
        rate_org(2017, org.id, level)
    set_totals(2017, orgs[0].id, {"total_members": 2715, "rated": 2627, "excellent": 346, "good": 2210,
                                  "adequate": 39, "failed": 12, "not_rated": 88})
    figures = period_figures(date(2017, 1, 1), date(2017, 12, 31))
    assert rating_paragraph(figures) == E0
    warnings = year_warnings(2017)
    assert any("các mức cộng lại 2607, khác số được đánh giá 2627" in w for w in warnings)
    assert rating_figures(2017).from_totals == [orgs[0].name]


def test_levels_follow_the_rules_of_the_year(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 1, 1))
    with pytest.raises(ValidationError) as caught:
        rate_org(2020, bloc_tree["small"].id, TSVM)  # no longer a level from 2018
    assert "không có trong quy định năm 2020" in caught.value.message
    rate_org(2017, bloc_tree["small"].id, TSVM)
    with pytest.raises(ValidationError):
        rate_members(2020, [(member.id, None, 95, None)])  # no scores before QĐ 366
    rate_members(2025, [(member.id, None, 92, None)])  # the score proposes the level
    assert MemberRating.get().level == EXCELLENT
    with pytest.raises(ValidationError) as caught:
        rate_members(2024, [(member.id, GOOD, None, "EXEMPT")])
    assert "Nguyễn Văn Đức" in caught.value.message
    assert rules_for(2026).level_for_score(70) == GOOD and rules_for(2026).level_for_score(49) == "KHTNV"


def test_grid_lists_who_was_counted_on_31_december(bloc_tree, make_member):
    stays = make_member(full_name="Lê Văn Ở", admitted=date(2010, 1, 1))
    left = make_member(full_name="Trần Văn Đi", admitted=date(2010, 1, 1))
    record_event(left.id, v.TRANSFER_OUT, date(2023, 6, 1), decision_no="15-QĐ/ĐUK",
                 place="Đảng bộ tỉnh khác")
    make_member(full_name="Phạm Văn Mới", admitted=date(2024, 2, 1))
    names = [row.full_name for row in grid_rows(2023, bloc_tree["base"].id)]
    assert names == ["Lê Văn Ở"]
    rate_members(2023, [(stays.id, GOOD, None, None)])
    assert grid_rows(2023, bloc_tree["base"].id)[0].level == GOOD
    rate_members(2023, [(stays.id, None, None, None)])  # cleared
    assert grid_rows(2023, bloc_tree["base"].id)[0].level is None


def test_excellent_cap_and_missing_ratings_warn_with_numbers(bloc_tree, make_member):
    people = [make_member(full_name=f"Nguyễn Văn {chr(65 + n // 26)}{chr(97 + n % 26)}",
                          admitted=date(2010, 1, 1)) for n in range(50)]
    entries = [(p.id, EXCELLENT, None, None) for p in people[:9]]
    entries += [(p.id, GOOD, None, None) for p in people[9:49]]
    rate_members(2023, entries)
    warnings = year_warnings(2023)
    assert "Đảng bộ Sở Tài chính: có 9 đảng viên xuất sắc, vượt mức 20% của 40 = 8." in warnings
    assert any("1 đảng viên có trong danh sách ngày 31/12/2023 chưa được xếp loại" in w for w in warnings)


def test_totals_are_checked(bloc_tree):
    with pytest.raises(ValidationError):
        set_totals(2023, bloc_tree["small"].id, {"total_members": 10, "rated": 12, "excellent": 0,
                                                 "good": 0, "adequate": 0, "failed": 0, "not_rated": 0})
    with pytest.raises(ValidationError):
        set_totals(2023, bloc_tree["cell_a"].id, {})  # not a grassroots organisation


def test_year_end_pdf_carries_the_rating_paragraph_and_annex(db, tmp_path):
    from pypdf import PdfReader

    from reports.conference import draft_for, render_report

    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    org = create_org(name="Chi bộ Sở Tư pháp", level=v.CBCS, parent_id=bloc.id, founded_on=date(2000, 1, 1))
    rate_org(2017, org.id, TSVM)
    set_totals(2017, org.id, {"total_members": 20, "rated": 19, "excellent": 3, "good": 14, "adequate": 2,
                              "failed": 0, "not_rated": 1})
    figures = period_figures(date(2017, 1, 1), date(2017, 12, 31))
    out = render_report(tmp_path / "bc.pdf", draft_for("year-end", 2017, figures), figures, date(2018, 2, 2))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "có 1 tổ chức cơ sở đảng đạt trong sạch vững mạnh (chiếm 100%)" in text
    assert "2. Kết quả đánh giá, xếp loại năm 2017" in text  # after the organisations table
    # The annex repeats the body's figures: excellent within the 17 "good or better".
    assert "- Hoàn thành tốt nhiệm vụ trở lên 17 89,47% số được đánh giá" in text
    assert "trong đó: hoàn thành xuất sắc nhiệm vụ 3 17,65% số hoàn thành tốt trở lên" in text
    assert "Số liệu đảng viên của 1 tổ chức cơ sở đảng tổng hợp theo báo cáo số lượng của tổ chức." in text


def test_long_sick_leave_caps_the_level_with_a_warning(bloc_tree, make_member):
    member = make_member(full_name="Trịnh Văn Ốm")
    rate_members(2023, [(member.id, GOOD, None, None, True)])
    assert grid_rows(2023, bloc_tree["base"].id)[0].long_sick_leave
    assert any("Trịnh Văn Ốm: nghỉ ốm từ 3 tháng" in w and "tối đa “hoàn thành nhiệm vụ”" in w
               for w in year_warnings(2023))
    rate_members(2023, [(member.id, ADEQUATE, None, None, True)])
    assert not any("nghỉ ốm" in w for w in year_warnings(2023))


@pytest.mark.parametrize(("today", "rated"), [(date(2027, 1, 1), 2026), (date(2028, 2, 29), 2027),
                                              (date(2026, 11, 30), 2025), (date(2026, 12, 1), 2026),
                                              (date(2026, 12, 31), 2026)])
def test_the_year_being_rated_is_this_one_from_december(today, rated):
    """The year's review and rating are held in December: the page opened then on last year."""
    from models.ratings.rules import year_being_rated

    assert year_being_rated(today) == rated

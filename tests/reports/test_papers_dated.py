"""A paper is dated on a day its contents could stand: a member sheet or list not before the
latest change it prints, a badge proposal in the year before its occasion and not after it
(found by printing with --date: a list dated 01/01/2000 of a member admitted in 2014, a
proposal for 03/02/2027 dated 01/01/2020 or after the occasion had passed)."""

from datetime import date

import pytest

from models.accounts.office import OfficeDetails, save_office_details
from models.core.errors import ValidationError
from models.documents.award_papers import badge_paper
from reports.member_sheets import render_member_sheet, render_short_record
from reports.papers import print_paper


def test_a_member_sheet_or_list_is_not_dated_before_what_it_prints(make_member, tmp_path):
    member = make_member(full_name="Phạm Công Đạt", admitted=date(2014, 4, 17))
    for render, what, target in ((render_member_sheet, "Phiếu đảng viên", member.id),
                                 (render_short_record, "Danh sách trích ngang", [member.id])):
        with pytest.raises(ValidationError) as refused:
            render(tmp_path / "som.pdf", target, date(2000, 1, 1))
        assert refused.value.message == (
            f"{what} ngày 01/01/2000 ở trước thay đổi ngày 17/04/2014 của đồng chí Phạm Công Đạt mà nó "
            "ghi; chọn ngày từ 17/04/2014.")
        assert not (tmp_path / "som.pdf").exists()
        assert render(tmp_path / "dung.pdf", target, date(2014, 4, 17)).exists()


def test_a_badge_proposal_is_dated_in_the_year_before_its_occasion(make_member, tmp_path):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Quảng Ninh", "ĐUK",
                                      "Hạ Long", "Nguyễn Văn Bí", "Bí thư"))
    make_member(full_name="Phạm Văn Đủ", admitted=date(1994, 1, 20), birth_date=date(1950, 1, 1))
    for wrong in (date(2023, 2, 2), date(2024, 2, 4)):
        with pytest.raises(ValidationError) as refused:
            print_paper(tmp_path / "to-trinh.pdf", badge_paper(date(2024, 2, 3)), wrong, False)
        assert refused.value.message == (
            f"Tờ trình đề nghị tặng Huy hiệu Đảng đợt 03/02/2024 mang ngày từ 03/02/2023 đến 03/02/2024; "
            f"ngày {wrong:%d/%m/%Y} ở ngoài khoảng đó.")
    assert not (tmp_path / "to-trinh.pdf").exists()
    for right in (date(2023, 2, 3), date(2024, 1, 10), date(2024, 2, 3)):
        paper = badge_paper(date(2024, 2, 3))
        assert print_paper(tmp_path / "to-trinh.pdf", paper, right, False) == (None, right)

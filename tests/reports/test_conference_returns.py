"""The conference reports take the grassroots organisations' periodic reports into account: the
requests of the period (one kind, nothing added twice), the returns accepted, the dues from the
office's books or else from the returns; the draft sets each returned line beside the records,
and the issued copy leaves that table out."""

import json
from datetime import date, datetime

import pytest

from models.accounts.office import OfficeDetails, save_office_details
from models.dues import save_share, set_entry
from models.returns import vocab as r
from models.returns.requests import create_request
from models.returns.tables import GrassrootsReturn
from reports.conference import draft_for, render_report, report_period
from reports.figures import period_figures
from reports.outline import HALF_YEAR, YEAR_END
from reports.returns_words import grassroots_paragraph, returns_source_rows
from tests.reports.test_conference import words


@pytest.fixture
def half_year(bloc_tree, make_member):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK",
                                      "Bắc Giang", "Nguyễn Hoàng Tùng", "Bí thư"))
    make_member(full_name="Lê Văn An", admitted=date(2025, 2, 10))
    base, small = bloc_tree["base"].id, bloc_tree["small"].id

    def sent(request, org_id, state, **figures):
        GrassrootsReturn.create(request=request.id, org=org_id, received_on=request.due_on, state=state,
                                figures=json.dumps(figures), updated_at=datetime(2025, 7, 1))

    january = create_request(kind=r.MONTH, year=2025, period=1, issued_on=date(2025, 1, 2))
    sent(january, base, r.ACCEPTED, ket_nap=9)  # the quarters are read: a month would count twice
    first = create_request(kind=r.QUARTER, year=2025, period=1, issued_on=date(2025, 1, 2))
    second = create_request(kind=r.QUARTER, year=2025, period=2, issued_on=date(2025, 4, 1))
    sent(first, base, r.ACCEPTED, ket_nap=2, dang_phi_thu=1_000_000, dang_phi_nop=700_000)
    sent(first, small, r.ACCEPTED, ket_nap=0, dang_phi_thu=500_000, dang_phi_nop=350_000)
    sent(second, base, r.ACCEPTED, ket_nap=0, dang_phi_thu=1_200_000, dang_phi_nop=840_000)
    sent(second, small, r.SENT_BACK, ket_nap=0, dang_phi_thu=1, dang_phi_nop=1)
    return bloc_tree


def _figures():
    return period_figures(*report_period(HALF_YEAR, 2025))


def test_the_returns_and_the_dues_from_the_returns(half_year):
    figures = _figures()
    assert grassroots_paragraph(figures) == (
        "Thực hiện chế độ báo cáo định kỳ, các tổ chức cơ sở đảng đã gửi báo cáo quý I và II năm 2025; Văn "
        "phòng Đảng ủy Khối đã tiếp nhận, xem xét, chấp nhận 3/4 báo cáo. Về đảng phí, trong kỳ, các tổ chức "
        "cơ sở đảng thu được 2.700.000 đồng, nộp Đảng ủy Khối 1.890.000 đồng.")
    rows = returns_source_rows(figures)
    assert ["Kết nạp đảng viên mới trong kỳ", "2", "1"] in rows  # the records know of one admission
    assert rows[-1] == ["Đảng phí trong đoạn văn lấy từ", "Báo cáo cơ sở đã chấp nhận", ""]


def test_the_office_books_come_first_for_the_dues(half_year):
    save_share(date(2025, 1, 1), 30, 50)
    set_entry(half_year["base"].id, 2025, 1, 1_100_000, 770_000)  # typed from the receipt
    figures = _figures()
    assert grassroots_paragraph(figures).endswith(
        "Về đảng phí, quý I, các tổ chức cơ sở đảng thu được 1.100.000 đồng, nộp Đảng ủy Khối 770.000 đồng.")
    assert returns_source_rows(figures)[-1] == ["Đảng phí trong đoạn văn lấy từ", "Sổ đảng phí quý I", ""]


def test_the_draft_shows_the_sources_and_the_issued_copy_does_not(half_year, tmp_path):
    figures = _figures()
    draft = draft_for(HALF_YEAR, 2025, figures)
    draft_text = words(render_report(tmp_path / "du-thao.pdf", draft, figures, date(2025, 7, 10), None,
                                     org_table=True))
    assert "chấp nhận 3/4 báo cáo" in draft_text
    assert "Nguồn số liệu báo cáo của cơ sở (chỉ in trong bản dự thảo)" in draft_text
    assert "Báo cáo của các tổ chức cơ sở đảng STT Tổ chức cơ sở đảng" in draft_text
    assert "1 Chi bộ Sở Tư pháp 1/2 0 500.000" in draft_text
    assert "2 Đảng bộ Sở Tài chính 2/2 2 2.200.000" in draft_text
    issued = words(render_report(tmp_path / "ban-chinh.pdf", draft, figures, date(2025, 7, 10), 5))
    assert "chấp nhận 3/4 báo cáo" in issued and "Nguồn số liệu báo cáo" not in issued


def test_a_request_not_yet_due_with_nothing_received_is_not_said_to_be_sent(half_year):
    # At 31 December the fourth quarter has ended but its returns are due in January: "đã gửi
    # báo cáo quý I, II, III và IV" would say that what nobody has sent was sent.
    from tests.clock import clock_at

    third = create_request(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 9, 25))
    GrassrootsReturn.create(request=third.id, org=half_year["base"].id, received_on=third.due_on,
                            state=r.ACCEPTED, figures=json.dumps({"ket_nap": 1}),
                            updated_at=datetime(2025, 10, 6))
    fourth = create_request(kind=r.QUARTER, year=2025, period=4, issued_on=date(2025, 12, 22))
    assert fourth.due_on > date(2025, 12, 31)
    with clock_at(date(2025, 12, 31)):
        figures = period_figures(*report_period(YEAR_END, 2025))
    assert grassroots_paragraph(figures).startswith(
        "Thực hiện chế độ báo cáo định kỳ, các tổ chức cơ sở đảng đã gửi báo cáo quý I, II và III năm 2025; "
        "Văn phòng Đảng ủy Khối đã tiếp nhận, xem xét, chấp nhận 4/6 báo cáo.")


def test_a_period_without_requests_says_nothing_of_them(bloc_tree):
    assert _figures().returns is None
    assert grassroots_paragraph(_figures()) == ""

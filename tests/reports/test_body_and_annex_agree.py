"""Reported: the body said "hoàn thành tốt nhiệm vụ 2.261 đồng chí (chiếm 88,95%), trong đó có
347 … xuất sắc (chiếm 15,35%)", the annex "1.914 – 75,3%" and "347 – 13,65%"; for 2017 the body
gave 13,54 % and the annex 13,17 % for the same 346 members. One definition per figure: the
annex prints the body's figures with the body's percentages, and says what each is of."""

from datetime import date

from pypdf import PdfReader

from models.accounts.office import OfficeDetails, save_office_details
from models.core import vocab as v
from models.orgs.changes import create_org
from models.ratings.grid import rate_org, set_totals
from reports.conference import draft_for, render_report, report_period
from reports.figures import period_figures
from reports.outline import YEAR_END


def test_the_annex_repeats_the_bodys_rating_figures(db, tmp_path):
    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Bắc Giang", "ĐUK",
                                      "Bắc Giang", "Nguyễn Hoàng Tùng", "Bí thư"))
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    org = create_org(name="Chi bộ Sở Nội vụ", level=v.CBCS, parent_id=bloc.id, founded_on=date(2000, 1, 1))
    rate_org(2017, org.id, "TSVM")
    set_totals(2017, org.id, {"total_members": 2715, "rated": 2627, "excellent": 346, "good": 2210,
                              "adequate": 39, "failed": 12, "not_rated": 88})
    figures = period_figures(*report_period(YEAR_END, 2017))
    path = render_report(tmp_path / "bc.pdf", draft_for(YEAR_END, 2017, figures), figures, date(2018, 1, 5))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "hoàn thành tốt nhiệm vụ 2.556 đồng chí (chiếm 97,3%)" in text
    assert "346 đảng viên hoàn thành xuất sắc nhiệm vụ (chiếm 13,54%)" in text
    assert "Hoàn thành tốt nhiệm vụ trở lên 2.556 97,3% số được đánh giá" in text
    assert "hoàn thành xuất sắc nhiệm vụ 346 13,54% số hoàn thành tốt trở lên" in text
    assert "13,17%" not in text and "1914" not in text

"""The annex's admissions chart: the period's own year is labelled with the part of it counted
(a half-year report's bar covers six months and says so), and every figure on it is written
as the tables write it."""

from datetime import date

from pypdf import PdfReader

import main
from reports.conference import admissions_chart, report_period
from reports.figures import period_figures


def category_names(kind: str, year: int) -> list[str]:
    chart = admissions_chart(period_figures(*report_period(kind, year))).contents[0]
    return chart.categoryAxis.categoryNames


def test_the_half_year_bar_says_it_covers_six_months(bloc_tree, make_member, tmp_path):
    make_member(admitted=date(2023, 3, 1))
    assert category_names("half-year", 2023) == ["2019", "2020", "2021", "2022", "6 tháng đầu\nnăm 2023"]
    assert category_names("year-end", 2023)[-1] == "2023"
    db = str(bloc_tree["bloc"]._meta.database.database)
    out = tmp_path / "bc.pdf"
    assert main.main(["report", "half-year", "--year", "2023", "--db", db, "-o", str(out)]) == 0
    last_page = PdfReader(out).pages[-1].extract_text()
    assert "2022" in last_page and "6 tháng đầu" in last_page.split("2022", 1)[1]

"""Report file names are Vietnamese without accents (reported: "bao-cao-year-end-2025-du-thao.pdf")."""

from reports.outline import HALF_YEAR, YEAR_END, report_file_name


def test_report_file_names_say_the_report_in_vietnamese():
    assert report_file_name(YEAR_END, 2025, draft=False) == "bao-cao-tong-ket-2025.pdf"
    assert report_file_name(HALF_YEAR, 2025, draft=True) == "bao-cao-so-ket-6-thang-2025-du-thao.pdf"

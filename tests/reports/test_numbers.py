from hypothesis import given
from hypothesis import strategies as st

from reports.numbers import integer, percent


def test_thousands_use_dots():
    assert integer(2627) == "2.627"
    assert integer(8600) == "8.600"
    assert integer(30000) == "30.000"
    assert integer(999) == "999"
    assert integer(1234567) == "1.234.567"


def test_zero_padding_is_an_option():
    assert integer(3, pad=2) == "03"
    assert integer(3) == "3"


def test_percentages_as_the_articles_print_them():
    assert percent(46, 75) == "61,3%"  # E0
    assert percent(2627, 2715, 2) == "96,76%"
    assert percent(346, 2556, 2) == "13,54%"  # E0
    assert percent(27, 75) == "36%"  # trailing zeros trimmed
    assert percent(1, 8, 2) == "12,5%"
    assert percent(1, 0) == "–"


def test_rounding_is_half_up():
    assert percent(1, 8, 1) == "12,5%"
    assert percent(1, 16, 2) == "6,25%"
    assert percent(1, 16, 1) == "6,3%"  # 6,25 -> 6,3, not banker's 6,2


@given(st.integers(0, 10**9))
def test_integer_round_trips(value):
    assert int(integer(value).replace(".", "")) == value


def test_header_and_inline_dates():
    from datetime import date

    from reports.numbers import header_date, inline_date

    assert header_date("Hạ Long", date(2018, 2, 20)) == "Hạ Long, ngày 20 tháng 02 năm 2018"
    assert header_date("Hạ Long", date(2018, 2, 2)) == "Hạ Long, ngày 02 tháng 02 năm 2018"
    assert header_date("Hạ Long", date(2023, 7, 5)) == "Hạ Long, ngày 05 tháng 7 năm 2023"
    assert header_date("Hạ Long", date(2023, 12, 15)) == "Hạ Long, ngày 15 tháng 12 năm 2023"
    # The office's place name not yet set: the line does not open on a stray comma.
    assert header_date("", date(2024, 3, 5)) == "Ngày 05 tháng 3 năm 2024"
    assert inline_date(date(2023, 7, 12)) == "12/07/2023"  # on papers as on the member sheet

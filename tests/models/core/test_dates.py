from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.core.dates import add_months, age_on, fmt_date, months_between, parse_date
from models.core.errors import ValidationError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("05/03/1980", date(1980, 3, 5)),
        ("5/3/1980", date(1980, 3, 5)),
        ("5.3.1980", date(1980, 3, 5)),
        (" 31-12-2024 ", date(2024, 12, 31)),
        ("5/3/80", date(1980, 3, 5)),
        ("15031995", date(1995, 3, 15)),  # reported refused: typed on the number pad
        ("290224", date(2024, 2, 29)),
    ],
)
def test_parse_date_accepts_what_clerks_type(text, expected):
    assert parse_date(text) == expected


def test_parse_date_empty_is_none():
    assert parse_date("") is None
    assert parse_date("   ") is None


@pytest.mark.parametrize("text", ["31/02/2020", "00/01/2000", "12/13/2000", "hôm qua", "2020-01-05",
                                  "31022023", "1503199"])
def test_impossible_or_foreign_dates_are_refused_in_vietnamese(text):
    with pytest.raises(ValidationError) as caught:
        parse_date(text, field="birth_date", label="Ngày sinh")
    assert caught.value.field == "birth_date"
    assert "Ngày sinh" in caught.value.message


def test_fmt_date_pads_day_and_month():
    assert fmt_date(date(2018, 2, 5)) == "05/02/2018"


def test_add_months_clamps_to_month_end():
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
    assert add_months(date(2019, 3, 15), 12) == date(2020, 3, 15)
    assert add_months(date(2020, 3, 15), -3) == date(2019, 12, 15)


def test_age_in_months_counts_whole_months():
    birth = date(2000, 5, 15)
    assert months_between(birth, date(2018, 5, 14)) == 18 * 12 - 1
    assert months_between(birth, date(2018, 5, 15)) == 18 * 12


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 400))
def test_months_between_inverts_add_months(start, months):
    assert months_between(start, add_months(start, months)) == months


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_format_and_parse_round_trip(day):
    assert parse_date(fmt_date(day)) == day


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_age_in_years_is_whole_months_over_twelve(birth, on):
    # The quick count for most birthdays, the calendar walk for 29 February: the same ages.
    assert age_on(birth, on) == months_between(birth, on) // 12


def test_a_birthday_on_29_february_comes_on_the_28th_in_other_years():
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 18
    assert age_on(date(2008, 2, 29), date(2026, 2, 27)) == 17
    assert age_on(date(2008, 3, 1), date(2026, 2, 28)) == 17

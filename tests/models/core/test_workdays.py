"""Reported: deadlines in working days ignored Tết and Giỗ Tổ and put the National Day
holiday of 2024 on 1/9 where the Government gave 2–3/9."""

from datetime import date

from models.core.workdays import add_working_days, is_working_day, working_day_from


def test_lunar_holidays_and_days_in_lieu_are_not_working_days():
    assert not is_working_day(date(2024, 2, 12))  # Tết Giáp Thìn
    assert not is_working_day(date(2024, 4, 18))  # Giỗ Tổ Hùng Vương
    assert not is_working_day(date(2024, 9, 3))   # the second day of 2/9 in 2024
    assert not is_working_day(date(2024, 4, 29))  # in lieu, with 30/4 and 1/5
    assert is_working_day(date(2024, 9, 4))


def test_a_deadline_steps_over_tet():
    # The day before the 2024 Tết break, one working day later is the Thursday after it.
    assert add_working_days(date(2024, 2, 7), 1) == date(2024, 2, 15)
    assert add_working_days(date(2024, 8, 30), 1) == date(2024, 9, 4)


def test_a_paper_dated_on_a_day_off_is_signed_on_the_next_working_day():
    assert working_day_from(date(2026, 12, 4)) == date(2026, 12, 4)  # a Friday stays
    assert working_day_from(date(2026, 12, 5)) == date(2026, 12, 7)  # Saturday: Monday
    assert working_day_from(date(2026, 9, 2)) == date(2026, 9, 3)  # Quốc khánh, a Wednesday

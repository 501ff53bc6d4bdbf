"""Reported: deadlines in working days ignored Tết and Giỗ Tổ and put the National Day
holiday of 2024 on 1/9 where the Government gave 2–3/9."""

from datetime import date

from models.core.workdays import add_working_days, is_working_day


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

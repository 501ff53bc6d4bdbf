"""Working days for the deadlines of Party work ("within 30 working days").

Monday to Friday, less the fixed-date public holidays (1/1, 30/4, 1/5, 2/9 and the day
before or after it). The lunar holidays (Tết, Giỗ Tổ Hùng Vương) move every year and are
not counted here, so a deadline may fall a few days earlier than the office's own count:
the deadline rules built on this only warn, never refuse."""

from datetime import date, timedelta

FIXED_HOLIDAYS = {(1, 1), (4, 30), (5, 1), (9, 1), (9, 2)}


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after start (start itself not counted)."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


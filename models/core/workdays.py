"""Working days for the deadlines of Party work ("within 30 working days").

Monday to Friday, less Vietnam's public holidays as the `holidays` package keeps them: the
fixed dates, the lunar ones that move every year (Tết, Giỗ Tổ Hùng Vương) and the days given
in lieu or added by the Government (2–3/9/2024, 29/4/2024). Deadline rules built on this
warn, never refuse, so a holiday decreed after the package's release costs a day's warning
at most."""

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    # Loaded at the first deadline (0.2 s with every country's calendar), not with the program:
    # the window asks for it while the clerk types the password (ui/app.py).
    import holidays

    return frozenset(holidays.country_holidays("VN", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after start (start itself not counted)."""
    current, left = start, days
    while left > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def working_day_from(day: date) -> date:
    """`day` if it is a working day, else the next one: when a paper dated on a weekend or a
    holiday is signed."""
    return day if is_working_day(day) else add_working_days(day, 1)


def working_day_until(day: date) -> date:
    """`day` if it is a working day, else the one before: the last day a paper could be signed
    by then."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day

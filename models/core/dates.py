"""Dates as clerks write them (dd/MM/yyyy) and the month arithmetic the rules use."""

import calendar
import re
from datetime import date, datetime

from models.core import clock
from models.core.errors import ValidationError

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
# Typed without separators, as clerks do on the number pad: ddmmyyyy or ddmmyy.
_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4}|\d{2})\s*$")
EARLIEST = date(1900, 1, 1)


def stored_date(value) -> date | None:
    """A date column as a raw cursor returns it: ISO text on SQLite, a date on the server.
    (peewee's own conversion tries its formats one by one: a third of reading the tree.)"""
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


def fmt_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str | None, field: str = "date", label: str = "Ngày") -> date | None:
    """Parse dd/mm/yyyy (also d/m/yy, '.' or '-' as separator). Empty gives None."""
    if text is None or not str(text).strip():
        return None
    match = _DATE.match(str(text)) or _DIGITS.match(str(text))
    if not match:
        raise ValidationError(field, f"{label} phải viết theo dạng ngày/tháng/năm, ví dụ 05/03/1980.")
    day, month, year = (int(g) for g in match.groups())
    if len(match.group(3)) == 2:
        # Two-digit years: the nearest past century, as a clerk means it.
        year += 2000 if 2000 + year <= clock.today().year else 1900
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(field, f"{label} {text.strip()} không có trên lịch.") from None


def add_months(value: date, months: int) -> date:
    """Same day `months` later; the last day of the month when that day does not exist."""
    month_index = value.month - 1 + months
    year, month = value.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def months_between(start: date, end: date) -> int:
    """Whole months from start to end (age counted in months, DOMAIN §3)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) > end:
        months -= 1
    return months


def age_on(birth: date, on: date) -> int:
    if birth.month == 2 and birth.day == 29:  # its birthday falls on the 28th in other years
        return months_between(birth, on) // 12
    # The same count without a calendar walk (an import reckons two ages for each of 100,000 rows).
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def check_not_future(value: date | None, field: str, label: str, today: date | None = None) -> None:
    if value and value > (today or clock.today()):
        raise ValidationError(field, f"{label} ({fmt_date(value)}) ở sau ngày hôm nay.")


def check_plausible(value: date | None, field: str, label: str, today: date | None = None) -> None:
    """A real date, not before EARLIEST nor after today (given once by a caller that checks many)."""
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        shown = str(value)[:30]
        raise ValidationError(field, f"{label}: “{shown}” không phải một ngày (dd/mm/yyyy).")
    if value and value < EARLIEST:
        raise ValidationError(field, f"{label} ({fmt_date(value)}) quá xa, hãy kiểm tra lại năm.")
    check_not_future(value, field, label, today)


def check_period(start: date | None, end: date | None) -> None:
    """A report period: both ends given, the end not before the start."""
    if start is None:
        raise ValidationError("start", "Nhập ngày đầu kỳ.")
    if end is None:
        raise ValidationError("end", "Nhập ngày cuối kỳ.")
    if end < start:
        raise ValidationError("end", "Ngày cuối kỳ ở trước ngày đầu kỳ.")

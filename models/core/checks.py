"""Numbers as a form, a workbook or a script gives them, checked once: whatever is not a whole
number within its bounds is refused with a message naming the field — never a crash."""

import math
import re

from models.core.errors import NotFound, ValidationError

# Digits 0–9 between plain spaces only: regex's \s and \d take more than int() does (a control
# character such as \x1f counted as space crashed int(); found by the fuzzed writes).
_WHOLE = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*")
_RECORD = re.compile(r"[ \t]*[0-9]+[ \t]*")
# Thousands as a clerk writes them and the program prints them: "1.500.000", "12 500" (a space or
# the no-break space Excel puts there). Every group after the first has three digits, and one
# mark separates them all; a comma is the Vietnamese decimal mark, so "1,500" is refused.
_GROUPED = re.compile(r"[ \t]*[+-]?[0-9]{1,3}([. \u00a0\u202f])[0-9]{3}(?:\1[0-9]{3})*[ \t]*")
_GROUP_MARKS = str.maketrans("", "", ". \u00a0\u202f")
# The unit a clerk adds after a sum of money: 1.500.000 đồng, 200.000đ, 350000 VNĐ.
_MONEY_UNIT = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\s*$", re.IGNORECASE)


def whole_number(value, field: str, label: str, low: int, high: int, *, plain: bool = False) -> int:
    """`plain`: the bounds are said as written (a year: "từ 1990 đến 2100"), not as counts
    with a thousands mark ("từ 1.000 đến 5.000")."""
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and _WHOLE.fullmatch(value) and len(value) < 20:
        number = int(value)
    elif isinstance(value, str) and _GROUPED.fullmatch(value) and len(value) < 30:
        number = int(value.strip(" \t").translate(_GROUP_MARKS))
    else:
        number = None
    digits = isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()
    if number is None and not digits:
        shown = str(value)[:30]
        raise ValidationError(field, f"{label}: “{shown}” không phải số nguyên.")
    if number is None or not low <= number <= high:  # too many digits to read is out of range too
        bounds = f"từ {low} đến {high}" if plain else f"từ {low:,} đến {high:,}".replace(",", ".")
        raise ValidationError(field, f"{label} phải {bounds}.")
    return number


def year_in(value, field: str, label: str, low: int, high: int) -> int:
    return whole_number(value, field, label, low, high, plain=True)


def amount(value, field: str, label: str, high: int) -> int:
    """A sum of money in đồng: a whole number from 0 to `high`, its unit allowed after it."""
    if isinstance(value, str):
        value = _MONEY_UNIT.sub("", value.strip())
    return whole_number(value, field, label, 0, high)


def record_number(value) -> int:
    """A record's number as given by a caller; -1 (no record has it) for anything that is not a
    whole number, so a list or a crafted value never matches some other record."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _RECORD.fullmatch(value) and len(value) < 19:
        return int(value)
    return -1


def stored_record(model, record_id, what: str):
    """The stored row of `model` with that number, or NotFound naming `what` ("tài khoản")."""
    row = model.get_or_none(model.id == record_number(record_id))
    if row is None:
        raise NotFound(f"Không tìm thấy {what} số {record_id}.")
    return row

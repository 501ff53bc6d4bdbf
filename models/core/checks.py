"""Numbers as a form, a workbook or a script gives them, checked once: whatever is not a whole
number within its bounds is refused with a message naming the field — never a crash."""

import math
import re

from models.core.errors import NotFound, ValidationError

# Digits 0–9 between plain spaces only: regex's \s and \d take more than int() does (a control
# character such as \x1f counted as space crashed int(); found by the fuzzed writes).
_WHOLE = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*")
_RECORD = re.compile(r"[ \t]*[0-9]+[ \t]*")


def whole_number(value, field: str, label: str, low: int, high: int) -> int:
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and _WHOLE.fullmatch(value) and len(value) < 20:
        number = int(value)
    else:
        number = None
    if number is None:
        shown = str(value)[:30]
        raise ValidationError(field, f"{label}: “{shown}” không phải số nguyên.")
    if not low <= number <= high:
        raise ValidationError(field, f"{label} phải từ {low:,} đến {high:,}.".replace(",", "."))
    return number


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

"""Texts and numbers held to what their column stores, refused in words before anything is
written.

The server's columns are VARCHAR(255) and 32-bit INTEGER: a longer text stopped with
PostgreSQL's English "value too long for type character varying(255)", a larger number with
"integer out of range"; a file stored both, and a later move of that file to the server could
not take them. The forms check their own fields with their own words; this is the floor under
every write, so no path is left without one."""

from functools import cache

from peewee import BigIntegerField, CharField, IntegerField

from models.core.errors import ValidationError

INTEGER_MAX = 2**31 - 1  # PostgreSQL's integer; a file's column takes the same, so both agree


@cache
def _limits(model) -> tuple[tuple[str, str, bool, int], ...]:
    """(field name, column name, is text, limit) of the model's bounded columns: the longest
    text, or the largest number either way from zero."""
    limits = []
    for field in model._meta.sorted_fields:
        if isinstance(field, CharField) and field.max_length:
            limits.append((field.name, field.column_name, True, field.max_length))
        elif isinstance(field, IntegerField) and not isinstance(field, BigIntegerField):
            limits.append((field.name, field.column_name, False, INTEGER_MAX))
    return tuple(limits)


def too_long(field: str, value: str, limit: int) -> ValidationError:
    shown = " ".join(value.split())[:60]
    return ValidationError(field, f"“{shown}…” dài quá {limit} ký tự ({len(value)} ký tự): hãy viết "
                                  "gọn lại.")


def too_large(field: str, value: int) -> ValidationError:
    return ValidationError(field, f"Số {value:,} quá lớn để lưu (tối đa {INTEGER_MAX:,}).".replace(",", "."))


def check_lengths(model, values: dict) -> None:
    """`values` by field name, as a row about to be saved holds them."""
    for name, _column, text, limit in _limits(model):
        value = values.get(name)
        if text and type(value) is str and len(value) > limit:
            raise too_long(name, value, limit)
        if not text and type(value) is int and not -limit - 1 <= value <= limit:
            raise too_large(name, value)


def check_column(model, key: str, values: list) -> None:
    """A column of rows written at once (`key` a field or column name), scanned in C: an import
    writes a hundred thousand rows of twenty such columns."""
    for name, column, text, limit in _limits(model):
        if key not in (name, column):
            continue
        present = list(filter(None, values))
        if not present:
            return
        if text and max(map(len, present)) > limit:
            raise too_long(name, max(present, key=len), limit)
        if not text and (max(present) > limit or min(present) < -limit - 1):
            raise too_large(name, max(present, key=abs))
        return

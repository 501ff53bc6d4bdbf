"""Texts held to the length of their column, refused in words before anything is written.

A VARCHAR(255) column on the server refused a longer text with PostgreSQL's English "value too
long for type character varying(255)"; a file stored it, and a later move of that file to the
server could not take it. The forms check their own fields with their own words; this is the
floor under every write, so no path is left without one."""

from functools import cache

from peewee import CharField

from models.core.errors import ValidationError


@cache
def _limits(model) -> tuple[tuple[str, str, int], ...]:
    """(field name, column name, longest text) of the model's bounded text columns."""
    return tuple((field.name, field.column_name, field.max_length) for field in model._meta.sorted_fields
                 if isinstance(field, CharField) and field.max_length)


def too_long(field: str, value: str, limit: int) -> ValidationError:
    shown = " ".join(value.split())[:60]
    return ValidationError(field, f"“{shown}…” dài quá {limit} ký tự ({len(value)} ký tự): hãy viết "
                                  "gọn lại.")


def check_lengths(model, values: dict) -> None:
    """`values` by field name, as a row about to be saved holds them."""
    for name, _column, limit in _limits(model):
        value = values.get(name)
        if type(value) is str and len(value) > limit:
            raise too_long(name, value, limit)


def limit_of(model, key: str) -> int | None:
    """The longest text the column named `key` (field or column name) holds, or None."""
    for name, column, limit in _limits(model):
        if key in (name, column):
            return limit
    return None

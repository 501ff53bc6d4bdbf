"""Writing many rows at once (demo database, Excel import) through one compiled statement."""

from datetime import date, datetime
from functools import lru_cache

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    OperationalError,
    TextField,
)
from peewee import __exception_wrapper__ as driver_errors

from models.core.db import database, engine, translated


def insert_rows(model, rows: list[dict]) -> None:
    """Insert rows that all have the same keys (field or column names). The statement is
    peewee's own, compiled once with its parameters; the rows then go through executemany,
    which is many times faster than compiling one statement per batch."""
    if not rows:
        return
    keys = tuple(rows[0])
    statement, given, defaulted = _statement(engine(), model, keys)

    def default(field):
        return field.default() if callable(field.default) else field.default

    # A value already of the type the field stores is what db_value would return: only the
    # others go through it (an import of 100,000 members converts ten million values).
    columns = [(key, _stored_as(field), field.db_value) for field, key in zip(given, keys, strict=True)]

    def stored(row: dict) -> tuple:
        return tuple(value if (value := row[key]) is None or type(value) is kind else convert(value)
                     for key, kind, convert in columns)

    if any(callable(field.default) for field in defaulted):
        values = [stored(row) + tuple(field.db_value(default(field)) for field in defaulted) for row in rows]
    else:
        ends = tuple(field.db_value(field.default) for field in defaulted)
        values = [stored(row) + ends for row in rows]
    constant = [field for field in defaulted if not callable(field.default)]
    for row in rows:  # the audit entry written from a row then holds what the row stores
        for field in constant:
            row.setdefault(field.name, field.default)
    try:
        with driver_errors:  # the driver's own exceptions as peewee's, whichever the engine
            database.cursor().executemany(statement, values)
    except OperationalError as error:
        raise translated(error) from error
    if model._meta.primary_key.name in keys or model._meta.primary_key.column_name in keys:
        database.follow_ids(model)


# Field classes (exactly these, not subclasses that may convert otherwise) whose db_value gives
# back a value of this type unchanged.
_STORED_AS = {CharField: str, TextField: str, IntegerField: int, AutoField: int, BooleanField: bool,
              DateField: date, DateTimeField: datetime}


def _stored_as(field) -> type | None:
    if type(field) is ForeignKeyField:  # an id, when the id it points to is a number
        return _STORED_AS.get(type(field.rel_field))
    return _STORED_AS.get(type(field))


@lru_cache(maxsize=256)
def _statement(_engine: str, model, keys: tuple[str, ...]) -> tuple[str, list, list]:
    """The INSERT for rows with these keys, compiled once per engine, table and shape (compiling
    it is most of the cost of writing one audited row)."""
    meta = model._meta
    given = [meta.columns.get(key) or meta.fields[key] for key in keys]
    # Fields the rows leave out get their model default, as insert_many would give them.
    named = {field.name for field in given}  # by name: a peewee Field's == builds an expression
    defaulted = [field for field in meta.sorted_fields
                 if field.name not in named and field.default is not None and not field.primary_key]
    fields = given + defaulted
    statement, _params = model.insert_many([tuple(None for _ in fields)], fields=fields).sql()
    return statement, given, defaulted


def insert_tuples(handle, model, fields: list, rows: list[tuple]) -> None:
    """Rows given as tuples in `fields` order, into `handle` — any database, not only the
    program's own (a transfer, a server's backup) — through one statement compiled once."""
    if not rows:
        return
    # Bound to the target while the values are made: a blob takes the target driver's type.
    with handle.bind_ctx([model], bind_refs=False, bind_backrefs=False):
        statement, _params = model.insert_many([tuple(None for _ in fields)], fields=fields).sql()
        values = [tuple(field.db_value(value) for field, value in zip(fields, row, strict=True))
                  for row in rows]
    try:
        with driver_errors:
            handle.cursor().executemany(statement, values)
    except OperationalError as error:
        raise translated(error) from error

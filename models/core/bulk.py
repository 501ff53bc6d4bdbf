"""Writing many rows at once (demo database, Excel import) through one compiled statement."""

from functools import lru_cache

from peewee import OperationalError
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

    values = [tuple(field.db_value(row[key]) for field, key in zip(given, keys, strict=True))
              + tuple(field.db_value(default(field)) for field in defaulted) for row in rows]
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

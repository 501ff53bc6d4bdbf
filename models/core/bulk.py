"""Writing many rows at once (demo database, Excel import) through one compiled statement."""

import sqlite3
from functools import lru_cache

from models.core.db import database, translated


def insert_rows(model, rows: list[dict]) -> None:
    """Insert rows that all have the same keys (field or column names). The statement is
    peewee's own, compiled once with its parameters; the rows then go through executemany,
    which is many times faster than compiling one statement per batch."""
    if not rows:
        return
    keys = tuple(rows[0])
    statement, given, defaulted = _statement(model, keys)

    def default(field):
        return field.default() if callable(field.default) else field.default

    values = [tuple(field.db_value(row[key]) for field, key in zip(given, keys, strict=True))
              + tuple(field.db_value(default(field)) for field in defaulted) for row in rows]
    try:
        database.cursor().executemany(statement, values)
    except sqlite3.OperationalError as error:
        raise translated(error) from error


@lru_cache(maxsize=256)
def _statement(model, keys: tuple[str, ...]) -> tuple[str, list, list]:
    """The INSERT for rows with these keys, compiled once per table and shape (compiling it
    is most of the cost of writing one audited row)."""
    meta = model._meta
    given = [meta.columns.get(key) or meta.fields[key] for key in keys]
    # Fields the rows leave out get their model default, as insert_many would give them.
    named = {field.name for field in given}  # by name: a peewee Field's == builds an expression
    defaulted = [field for field in meta.sorted_fields
                 if field.name not in named and field.default is not None and not field.primary_key]
    fields = given + defaulted
    statement, _params = model.insert_many([tuple(None for _ in fields)], fields=fields).sql()
    return statement, given, defaulted

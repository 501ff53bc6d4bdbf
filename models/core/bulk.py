"""Writing many rows at once (demo database, Excel import) through one compiled statement."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from types import NoneType

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    Index,
    IntegerField,
    OperationalError,
    Table,
    TextField,
)
from peewee import __exception_wrapper__ as driver_errors
from playhouse.migrate import SqliteMigrator
from playhouse.migrate import migrate as run_schema_changes

from models.core.db import database, engine, translated
from models.core.lengths import check_column


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector held off while a large bulk of rows is read or written (also as
    a decorator). Each of its passes walks the objects still alive, and an import keeps three
    million cells and their rows alive: the passes were a second of a 13 s import of 100,000
    members. Reference counting still frees what the work lets go; the few cycles made
    meanwhile wait for the end. The collector is left as it was found."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def insert_rows(model, rows: list[dict]) -> None:
    """Insert rows that all have the same keys (field or column names). The statement is
    peewee's own, compiled once with its parameters; the rows then go through executemany,
    which is many times faster than compiling one statement per batch."""
    if not rows:
        return
    keys = tuple(rows[0])
    statement, given, defaulted = _statement(engine(), model, keys)

    # Column by column: a column whose values are all of the type its field stores (or empty)
    # is what db_value would return and goes in as it is — checked in C by set(map(type, …)),
    # not value by value in Python (an import of 100,000 members writes ten million values);
    # only a column holding something else goes through db_value.
    columns: list = []
    for field, key in zip(given, keys, strict=True):
        values = list(map(itemgetter(key), rows))
        kind = _stored_as(field)
        if not set(map(type, values)) <= {kind, NoneType}:
            convert = field.db_value
            values = [value if value is None or type(value) is kind else convert(value) for value in values]
        check_column(model, key, values)
        columns.append(values)
    for field in defaulted:
        if callable(field.default):
            columns.append([field.db_value(field.default()) for _row in rows])
        else:
            columns.append(repeat(field.db_value(field.default), len(rows)))
    values = list(zip(*columns, strict=True)) if columns else [()] * len(rows)
    constant = [field for field in defaulted if not callable(field.default)]
    for row in rows:  # the audit entry written from a row then holds what the row stores
        for field in constant:
            row.setdefault(field.name, field.default)
    _execute(database, statement, values)
    if model._meta.primary_key.name in keys or model._meta.primary_key.column_name in keys:
        database.follow_ids(model)


def _execute(handle, statement: str, values: list[tuple]) -> None:
    try:
        with driver_errors:  # the driver's own exceptions as peewee's, whichever the engine
            handle.cursor().executemany(statement, values)
    except OperationalError as error:
        raise translated(error) from error


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
    _execute(handle, statement, values)


# Below this many new rows a table keeps its indexes while they go in.
SET_ASIDE_FROM = 5_000


@contextmanager
def indexes_set_aside(adding: dict) -> Iterator[None]:
    """Inside a write transaction on a file: the indexes of each table (model -> rows about to
    be added) that at least doubles are dropped while the rows go in, and made again from
    the whole table at the end — sorting once instead of placing each row in each index. An
    import of 100,000 members into a new file spent 3 of its 7 s of inserts keeping 18 indexes
    (member 8, events 7, trail 3) up to date row by row. Everything stays in the caller's
    transaction: a cancel or a crash brings the indexes back with the rest. On a server the
    indexes stay: dropping one there would hold every other clerk's reading of the table
    until the import commits."""
    aside: list[tuple[str, list]] = []
    if engine() == "sqlite":
        for model, rows in adding.items():
            if rows >= SET_ASIDE_FROM and rows >= model.select().count():
                table = model._meta.table_name
                aside.append((table, [index for index in database.get_indexes(table) if _remakeable(index)]))
    migrator = SqliteMigrator(database)
    for table, indexes in aside:
        run_schema_changes(*(migrator.drop_index(table, index.name) for index in indexes))
    yield
    for table, indexes in aside:
        target = Table(table)
        for index in indexes:
            columns = [getattr(target.c, column) for column in index.columns]
            database.execute(Index(index.name, target, columns, unique=index.unique))


def _remakeable(index) -> bool:
    """An index of plain columns, made again exactly from what the file says of it (one on an
    expression, or partial, stays where it is)."""
    plain_columns = bool(index.columns) and all(index.columns)
    return bool(index.sql) and plain_columns and " where " not in index.sql.lower()

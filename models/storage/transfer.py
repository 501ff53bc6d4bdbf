"""Moving an office's data between the two engines: every table and the whole audit trail,
copied row for row with their ids, from a SQLite file to a PostgreSQL server or back (and a
server database into a file: that is its backup). The target must be new or empty; it is
written in one transaction, so a failed copy leaves it as it was."""

from collections.abc import Callable, Iterable
from pathlib import Path

from peewee import BlobField, DatabaseError, sort_models

from models.accounts.tables import AuditEntry
from models.core.bulk import insert_tuples
from models.core.db import Unreachable, file_database, server_database, translated
from models.core.errors import ValidationError
from models.core.server_rights import grant_where_missing
from models.core.text import opening
from models.core.where import Server, location
from models.meetings.folder import files_into_database
from models.meetings.tables import MeetingFileContent
from models.migrations import SchemaMigration, applied, migrate, newer_schema
from models.returns.tables import ReturnReportContent
from models.storage.trail_replay import AUDITED

# The referenced before the referring.
TABLES = sort_models([*AUDITED, AuditEntry, MeetingFileContent, ReturnReportContent])
BATCH_ROWS = 5_000  # rows read and written at a time
BLOB_BATCH_ROWS = 4  # attached files (photos, scans up to 200 MB): a few at a time

Progress = Callable[[int, int, str], None]


def handle_for(where):
    """An unopened handle on a file or a server, apart from the program's own one."""
    where = location(where)
    if isinstance(where, Server):
        return server_database(where)
    return file_database(where)


def _connect(handle, where) -> None:
    try:
        handle.connect(reuse_if_open=True)
    except DatabaseError as error:
        reason = translated(error)
        if isinstance(reason, ValidationError):
            raise reason from error
        raise Unreachable("server", f"Không mở được {where}: {error}") from error


def _rows_in_parent_order(model, rows: list[tuple]) -> Iterable[tuple]:
    """Rows of a table that refers to itself (an organisation's parent) after the row they
    refer to, so every link holds at each insert."""
    own = [i for i, field in enumerate(model._meta.sorted_fields)
           if getattr(field, "rel_model", None) is model]
    if not own:
        return rows
    key = model._meta.sorted_fields.index(model._meta.primary_key)
    placed, waiting, ordered = set(), list(rows), []
    while waiting:
        ready = [row for row in waiting if all(row[i] is None or row[i] in placed for i in own)]
        if not ready:  # a loop of links: the database itself would refuse it, as it should
            ready = waiting
        ordered += ready
        placed.update(row[key] for row in ready)
        ready_ids = {id(row) for row in ready}
        waiting = [row for row in waiting if id(row) not in ready_ids]
    return ordered


def _copy_rows(model, fields: list, source, target) -> int:
    """Copy a table page by page, in key order (a 30,000-member trail never sits in memory
    whole, on either side); a table that refers to itself is put in parent order first (it is
    small: the organisations)."""
    key = model._meta.primary_key
    with source.bind_ctx([model], bind_refs=False, bind_backrefs=False):
        if any(getattr(field, "rel_model", None) is model for field in fields):
            rows = list(_rows_in_parent_order(model, list(model.select(*fields).tuples())))
            insert_tuples(target, model, fields, rows)
            return len(rows)
        at = fields.index(key)
        size = BLOB_BATCH_ROWS if any(isinstance(field, BlobField) for field in fields) else BATCH_ROWS
        count, last = 0, None
        while True:
            page = model.select(*fields).order_by(key).limit(size)
            if last is not None:
                page = page.where(key > last)
            rows = list(page.tuples())
            if not rows:
                return count
            insert_tuples(target, model, fields, rows)
            count += len(rows)
            last = rows[-1][at]


def _is_empty(handle) -> bool:
    with handle.bind_ctx(TABLES, bind_refs=False, bind_backrefs=False):
        return not any(model.select().exists() for model in TABLES)


def copy_all(source, target, progress: Progress | None = None,
             attachments: Path | None = None) -> dict[str, int]:
    """Copy every row of `source` into the empty `target` (both opened and of the same schema)
    in one transaction of the target, read from one snapshot of the source. `attachments`: the
    folder beside a source file, whose attached files go into the target's database (a server
    keeps them there). Returns the rows copied by table."""
    copied = {}
    with source.snapshot(), target.atomic():
        for step, model in enumerate(TABLES):
            if progress:
                progress(step, len(TABLES), model._meta.table_name)
            copied[model._meta.table_name] = _copy_rows(model, model._meta.sorted_fields, source, target)
            target.follow_ids(model)
        if attachments is not None:
            copied[MeetingFileContent._meta.table_name] += files_into_database(target, attachments)
    return copied


def transfer_database(source_where, target_where, progress: Progress | None = None) -> dict[str, int]:
    """Copy an office's database to an empty one elsewhere. The source is brought up to this
    program's schema first (as opening it would); the target gets the same schema."""
    source_where, target_where = location(source_where), location(target_where)
    if isinstance(source_where, Path) and not source_where.exists():
        raise ValidationError("from", f"Không có tệp {source_where}.")
    if str(source_where) == str(target_where):
        raise ValidationError("to", "Nơi chuyển đến trùng với nơi chuyển đi.")
    source, target = handle_for(source_where), handle_for(target_where)
    try:
        _connect(source, _named(source_where))
        _newer_schema_refused(source, source_where)
        migrate(source)
        _connect(target, _named(target_where))
        _newer_schema_refused(target, target_where)
        migrate(target)
        grant_where_missing(target)
        if not _is_empty(target):
            raise ValidationError("to", f"{_named(target_where)} đã có dữ liệu: chỉ chuyển vào một cơ sở dữ "
                                        "liệu trống, để không trộn hai bộ hồ sơ.")
        # A file's attached files travel inside the target database, whatever it is: a file
        # target reads them from there when its own folder lacks them.
        folder = source_where.with_name(f"{source_where.stem}-tep-dinh-kem") \
            if isinstance(source_where, Path) else None
        return copy_all(source, target, progress, folder)
    finally:
        source.close()
        target.close()


def _named(where) -> str:
    return f"máy chủ dữ liệu {where.name}" if isinstance(where, Server) else f"tệp {where}"


def _newer_schema_refused(handle, where) -> None:
    if SchemaMigration._meta.table_name not in handle.get_tables():
        return
    refusal = newer_schema(applied(handle), opening(_named(where)))
    if refusal:
        raise ValidationError("db", refusal)

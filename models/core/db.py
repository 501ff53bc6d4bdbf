"""The one database handle and the base of every table. Opened once per process by
`open_database(path)` — the same call in main.py, the command line and the tests."""

import os
from pathlib import Path

from peewee import Model, OperationalError, SqliteDatabase

from models.core.errors import ValidationError
from models.migrations import migrate


class Busy(ValidationError):
    """Another writer held the file longer than we wait."""


class DiskFull(ValidationError):
    """The disk holding the file is full: the transaction was undone."""


def translated(error: Exception) -> Exception:
    """SQLite's refusals a clerk can meet, in words; anything else as it was."""
    text = str(error).lower()
    if "database is locked" in text or "database table is locked" in text:
        return Busy("file", "Tệp dữ liệu đang bận: một cửa sổ hoặc một lệnh khác đang ghi vào tệp quá "
                            f"{PRAGMAS['busy_timeout'] // 1000} giây. Chưa ghi gì; hãy thử lại sau ít phút.")
    if "disk is full" in text or "disk i/o error" in text:
        return DiskFull("file", "Ổ đĩa đã đầy (hoặc không ghi được): thay đổi này chưa được ghi, dữ liệu giữ "
                                "nguyên như trước. Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.")
    return error


class Database(SqliteDatabase):
    """Write transactions begin IMMEDIATE: a second writer then waits its turn (busy_timeout)
    instead of failing at once, as a deferred transaction that read first does. SQLite's
    "locked" and "disk full" reach the caller as ValidationErrors with Vietnamese messages."""

    def atomic(self, lock_type: str | None = "IMMEDIATE"):
        return super().atomic(lock_type=lock_type)

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except OperationalError as error:
            raise translated(error) from error

    def begin(self, lock_type=None):
        try:
            super().begin(lock_type)
        except OperationalError as error:
            raise translated(error) from error

    def commit(self):
        try:
            super().commit()
        except OperationalError as error:
            raise translated(error) from error

    def rollback(self):
        # After a full disk SQLite may already have undone the transaction itself.
        try:
            super().rollback()
        except OperationalError as error:
            if "no transaction is active" not in str(error):
                raise


# Deferred: the path is only known once main.py (or a test) has resolved it.
database = Database(None)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 30_000,  # a whole import of a large bloc may hold the file this long
    "synchronous": "normal",
    "cache_size": -32 * 1024,  # 32 MB page cache: the member list reads the whole table
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False

    @classmethod
    def get_or_none(cls, *query, **filters):
        """None also for a key that cannot be one (an infinite number, a list, from a script or
        a crafted file): no such record exists, and the caller says so in words."""
        try:
            return super().get_or_none(*query, **filters)
        except (TypeError, ValueError, OverflowError):
            return None


def open_database(path: str | Path) -> SqliteDatabase:
    """Open (or create) the database file and bring its schema up to date."""
    if not database.is_closed():
        database.close()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    database.init(str(path), pragmas=PRAGMAS, uri=False)
    database.connect(reuse_if_open=True)
    migrate(database)
    return database


def open_read_only(path: str | Path) -> SqliteDatabase:
    """Open a file to look at it (`check`): no write of any kind — no journal-mode switch, no
    migration — so a backup on a CD or a write-protected stick can be checked where it lies."""
    if not database.is_closed():
        database.close()
    path = Path(path).resolve()
    with path.open("rb") as handle:
        wal = handle.read(20)[18:20] == b"\x02\x02"  # the header's read/write versions: WAL
    writable_folder = os.access(path.parent, os.W_OK)
    # A WAL file needs its -shm beside it; on read-only media SQLite may only read it as immutable.
    flags = "mode=ro" + ("&immutable=1" if wal and not writable_folder else "")
    database.init(f"{path.as_uri()}?{flags}", pragmas=READ_ONLY_PRAGMAS, uri=True)
    database.connect(reuse_if_open=True)
    return database


def close_database() -> None:
    if not database.is_closed():
        database.close()


def beside_database(suffix: str) -> Path:
    """A folder named after the open database file, next to it ("dangvu-<suffix>")."""
    db_file = Path(database.database)
    return db_file.with_name(f"{db_file.stem}-{suffix}")

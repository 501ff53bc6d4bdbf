"""The one database handle. Opened once per process by `open_database(path)`."""

from pathlib import Path

from peewee import SqliteDatabase

# Deferred: the path is only known once main.py (or a test) has resolved it.
database = SqliteDatabase(None)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    "cache_size": -32 * 1024,  # 32 MB page cache: the member list reads the whole table
}


def open_database(path: str | Path) -> SqliteDatabase:
    """Open (or create) the database file and bring its schema up to date."""
    from models.migrations import migrate

    if not database.is_closed():
        database.close()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    database.init(str(path), pragmas=PRAGMAS)
    database.connect(reuse_if_open=True)
    migrate(database)
    return database


def close_database() -> None:
    if not database.is_closed():
        database.close()

"""Whether a file of an older schema can be brought up to date, tried on a copy of its schema
alone (no rows) in memory, so `check` stays read-only. A file whose list of applied upgrades
(`schema_migration`) was cut while its tables keep the later columns passed `check`, then
could not be opened: "duplicate column name: version"."""

import sqlite3

from peewee import DatabaseError, SqliteDatabase

from models.core.db import database
from models.core.errors import failure_reason
from models.migrations import migrate


def _schema_statements() -> list[tuple[str, str, str]]:
    """(type, name, sql) of every table, index, view and trigger, in the order they were made."""
    cursor = database.execute_sql("select type, name, sql from sqlite_master where sql is not null "
                                  "order by rowid")
    return [(kind, name, sql) for kind, name, sql in cursor.fetchall()]


def upgrade_refused() -> str | None:
    """None when the open file's missing upgrades apply cleanly; else what a clerk is told."""
    memory = SqliteDatabase(":memory:")
    memory.connect()
    try:
        made = set()
        for kind, name, sql in _schema_statements():
            if kind == "table" and name in made:  # a full-text index's own tables, made with it
                continue
            memory.execute_sql(sql)
            made.update(row[0] for row in memory.execute_sql(
                "select name from sqlite_master where type = 'table'").fetchall())
        applied = database.execute_sql("select name, applied_at from schema_migration").fetchall()
        memory.connection().executemany("insert into schema_migration (name, applied_at) values (?, ?)",
                                        applied)
        migrate(memory)
    except (DatabaseError, sqlite3.Error) as error:
        return (f"Tệp có cấu trúc cũ nhưng không cập nhật được lên bản này ({failure_reason(error)}): các "
                "bảng trong tệp không khớp với danh sách các lần cập nhật cấu trúc ghi trong tệp (bảng "
                "schema_migration) — danh sách đó có thể đã bị sửa ngoài phần mềm. Chương trình sẽ không mở "
                "được tệp này; hãy khôi phục bản sao lưu gần nhất.")
    finally:
        memory.close()
    return None

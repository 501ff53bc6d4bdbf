import sqlite3

from models.core.db import close_database, open_database
from models.migrations import applied, available


def test_fresh_file_gets_every_migration(tmp_path):
    database = open_database(tmp_path / "new.db")
    assert applied(database) == set(available())
    assert {"party_org", "member", "member_event", "member_photo"} <= set(database.get_tables())
    close_database()


def test_reopening_keeps_data_and_runs_nothing_twice(tmp_path, ):
    from models.core import vocab as v
    from models.orgs.changes import create_org
    from models.orgs.tree import org_rows

    path = tmp_path / "old.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    close_database()
    database = open_database(path)
    assert [row.name for row in org_rows()] == ["Đảng bộ Khối các cơ quan tỉnh"]
    assert applied(database) == set(available())
    close_database()


def test_database_uses_wal_and_foreign_keys(tmp_path):
    database = open_database(tmp_path / "p.db")
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    close_database()


def test_foreign_file_is_refused_without_damage(tmp_path):
    path = tmp_path / "not-a-db.db"
    path.write_bytes(b"This is a Word document, not a database." * 10)
    import pytest
    from peewee import DatabaseError

    with pytest.raises(DatabaseError):
        open_database(path)
    close_database()
    assert path.read_bytes().startswith(b"This is a Word document")


def test_migration_table_lists_names(tmp_path):
    open_database(tmp_path / "m.db")
    close_database()
    rows = sqlite3.connect(tmp_path / "m.db").execute("SELECT name FROM schema_migration").fetchall()
    assert rows == [(name,) for name in available()]
    assert rows[0] == ("0001_initial",)


def test_old_file_is_upgraded_in_place(tmp_path):
    """A file made when only 0001 existed gets the later migrations and keeps its rows."""
    import importlib

    from peewee import SqliteDatabase
    from playhouse.migrate import SchemaMigrator

    from models.migrations import SchemaMigration

    path = tmp_path / "v1.db"
    old = SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    with old.bind_ctx([SchemaMigration]):
        old.create_tables([SchemaMigration])
        importlib.import_module("models.migrations.0001_initial").up(old, SchemaMigrator.from_database(old))
        SchemaMigration.create(name="0001_initial", applied_at="2026-01-01 00:00:00")
    old.execute_sql(
        "INSERT INTO party_org (name, name_folded, code, level, agency, org_type, note, created_at,"
        " updated_at) VALUES (?, ?, '', 'BLOC', '', '', '', ?, ?)",
        ("Đảng bộ Khối", "dang bo khoi", "2026-01-01", "2026-01-01"),
    )
    old.close()
    database = open_database(path)
    assert applied(database) == set(available())
    indexes = {ix.name for ix in database.get_indexes("member_event")}
    assert any("counted_after" in name for name in indexes)
    from models.orgs.tree import org_rows

    assert [row.name for row in org_rows()] == ["Đảng bộ Khối"]
    close_database()

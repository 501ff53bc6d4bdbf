"""`check` looks and changes nothing: the file's bytes, its journal mode and its schema stay as
they were, so a backup can be checked where it lies."""

import hashlib
import importlib
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrate import SchemaMigrator

import main
from models.core.db import close_database, open_database
from models.migrations import applied, available
from models.orgs.changes import create_org
from models.storage.backups import backup_to


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_check_changes_no_byte_of_a_backup(tmp_path):
    live = tmp_path / "dangvu.db"
    open_database(live)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    backup = backup_to(tmp_path / "sao-luu" / "ban-sao.db")
    close_database()
    before = digest(backup)
    assert main.main(["check", "--db", str(backup)]) == 0
    assert digest(backup) == before
    # No -wal, no -shm: only the backup and the manifest written beside it when it was made.
    assert sorted(p.name for p in backup.parent.iterdir()) == ["ban-sao.db", "ban-sao.db.moc.json"]
    with sqlite3.connect(backup) as raw:
        assert raw.execute("pragma journal_mode").fetchone()[0] == "delete"


def test_check_does_not_migrate_an_older_file(tmp_path, capsys):
    old = tmp_path / "cu.db"
    database = SqliteDatabase(str(old))
    database.connect()
    for name in available()[:3]:
        migration = importlib.import_module(f"models.migrations.{name}")
        migration.up(database, SchemaMigrator.from_database(database))
    database.execute_sql("create table schema_migration (name varchar(255) primary key, applied_at datetime)")
    for name in available()[:3]:
        database.execute_sql("insert into schema_migration values (?, '2024-01-01')", (name,))
    database.close()
    before = digest(old)
    main.main(["check", "--db", str(old)])
    assert digest(old) == before
    assert "cấu trúc cũ" in capsys.readouterr().out
    with SqliteDatabase(str(old)) as database:
        assert applied(database) == set(available()[:3])


def test_check_of_a_live_file_leaves_nothing_beside_it_and_makes_no_key(tmp_path, monkeypatch, capsys):
    """Reported: `check` created a key in app data when none existed, and left -wal/-shm files."""
    from models.accounts import trail_key

    live = tmp_path / "dangvu.db"
    open_database(live)  # WAL, as the program keeps its files
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    close_database()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main.main(["check", "--db", str(live)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    keys = tmp_path / "khoa-khac"  # a workstation whose key is gone
    monkeypatch.setenv("DANGVU_KEY_DIR", str(keys))
    monkeypatch.setattr(trail_key, "_remembered", None)
    assert main.main(["check", "--db", str(live)]) == 3
    assert str(keys) in capsys.readouterr().err and not keys.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before

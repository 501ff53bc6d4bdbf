"""Two writers at once and a full disk: the second writer waits for the first instead of
failing at once (write transactions begin IMMEDIATE), a writer that waits too long and a
disk that fills up get a Vietnamese message, and nothing is half-written."""

import sqlite3
import subprocess
import sys
import time

import pytest

import models.core.db as db_module
from models.core import vocab as v
from models.core.db import close_database, database, open_database
from models.core.errors import ValidationError
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg

HOLD = """
import sqlite3, sys, time
raw = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
raw.execute("begin immediate")
raw.execute("insert into office_setting (key, value) values ('giu-khoa', '1')")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
raw.execute("rollback")
"""


def holding(path, seconds: float) -> subprocess.Popen:
    writer = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE,
                              text=True)
    assert writer.stdout.readline().strip() == "holding"
    return writer


@pytest.fixture
def bloc(db):
    return create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)


@pytest.mark.file_only  # the server's writers: tests/models/core/test_server_writers.py
def test_a_second_writer_waits_for_the_first(bloc, tmp_path):
    # A deferred transaction that reads first fails at once when another writer holds the file.
    writer = holding(tmp_path / "dangvu.db", 1.5)
    started = time.monotonic()
    create_org(name="Chi bộ Chờ", level=v.CBCS, parent_id=bloc.id)
    writer.wait()
    assert time.monotonic() - started >= 1.0
    assert PartyOrg.select().where(PartyOrg.name == "Chi bộ Chờ").exists()


def test_waiting_too_long_is_said_in_vietnamese(tmp_path, monkeypatch):
    monkeypatch.setitem(db_module.PRAGMAS, "busy_timeout", 500)
    open_database(tmp_path / "dangvu.db")
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    writer = holding(tmp_path / "dangvu.db", 5)
    try:
        with pytest.raises(ValidationError) as refused:
            create_org(name="Chi bộ Chờ Lâu", level=v.CBCS, parent_id=bloc.id)
        assert "đang bận" in refused.value.message
    finally:
        writer.kill()
        writer.wait()
        close_database()
    open_database(tmp_path / "dangvu.db")
    assert not PartyOrg.select().where(PartyOrg.name == "Chi bộ Chờ Lâu").exists()
    close_database()


@pytest.mark.file_only  # stands in for SQLite's own refusal; a server's disk is the server's
def test_a_full_disk_is_said_and_nothing_is_half_written(bloc, monkeypatch):
    real = sqlite3.Cursor.execute
    calls = []

    def full(cursor, sql, *args):
        if sql.lstrip().upper().startswith('INSERT INTO "AUDIT_ENTRY"'):
            calls.append(sql)
            raise sqlite3.OperationalError("database or disk is full")
        return real(cursor, sql, *args)

    monkeypatch.setattr(database.obj, "cursor",
                        lambda *a, **k: _Wrapped(database.connection().cursor(), full))
    with pytest.raises(ValidationError) as refused:
        create_org(name="Chi bộ Đầy", level=v.CBCS, parent_id=bloc.id)
    monkeypatch.undo()
    assert calls and "ổ đĩa đã đầy" in refused.value.message.lower()
    assert not PartyOrg.select().where(PartyOrg.name == "Chi bộ Đầy").exists()


class _Wrapped:
    """A cursor whose execute goes through a stand-in (sqlite3's own cannot be patched)."""

    def __init__(self, cursor, execute):
        self._cursor, self._execute = cursor, execute

    def execute(self, sql, *args):
        self._execute(self._cursor, sql, *args)
        return self

    def executemany(self, sql, rows):
        if sql.lstrip().upper().startswith('INSERT INTO "AUDIT_ENTRY"'):
            self._execute(self._cursor, sql)  # answers as a full disk does
        self._cursor.executemany(sql, rows)
        return self

    def __getattr__(self, name):
        return getattr(self._cursor, name)


@pytest.mark.file_only  # fills the disk under SQLite's online backup
def test_a_backup_onto_a_full_disk_is_said_and_leaves_nothing(bloc, tmp_path, monkeypatch):
    import models.storage.backups as backups

    class TinyDisk(backups.SqliteDatabase):
        """A target that can hold two pages: SQLite answers as a full disk does."""

        def _connect(self):
            connection = super()._connect()
            connection.execute("pragma max_page_count = 2")
            return connection

    monkeypatch.setattr(backups, "SqliteDatabase", TinyDisk)
    target = tmp_path / "usb" / "sao-luu.db"
    with pytest.raises(ValidationError) as refused:
        backups.backup_to(target)
    assert "đầy" in refused.value.message
    assert list(target.parent.iterdir()) == []

"""The database file: foreign and damaged files refused untouched, online backups (also while
another process writes), restore of every older schema, the rotation of automatic backups."""

import importlib
import json
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from peewee import CharField, Model, SqliteDatabase, Table
from playhouse.migrate import SchemaMigrator

from models.accounts import audit
from models.accounts.trail_values import plain
from models.core import vocab as v
from models.core.db import close_database, current_location, database, open_database
from models.core.errors import ValidationError
from models.members.tables import Member
from models.migrations import SchemaMigration, available
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.storage.backups import (
    auto_backup,
    auto_backups,
    backup_to,
    backups_to_keep,
    inspect_file,
    latest_good_backup,
)
from models.storage.restoring import restore

ROOT = Path(__file__).resolve().parents[3]


class Thing(Model):
    """A table of some other program's database."""
    label = CharField()


def old_database(path: Path, upto: int) -> Path:
    """A file as an older version of the program left it: only the first `upto` migrations."""
    old = SqliteDatabase(str(path))
    old.connect()
    fill_older_schema(old, upto)
    old.close()
    return path


def fill_older_schema(old, upto: int) -> None:
    """On an empty database (either engine), the first `upto` migrations, then an organisation
    and a member in it: a migration that rebuilt a table others refer to would fail on any real
    database (reported: 0017 did, on the 30,000-member demo)."""
    with old.bind_ctx([SchemaMigration]):
        old.create_tables([SchemaMigration])
        for name in available()[:upto]:
            migration = importlib.import_module(f"models.migrations.{name}")
            with old.atomic():
                migration.up(old, SchemaMigrator.from_database(old))
                SchemaMigration.create(name=name, applied_at=datetime.now())
    rows = [PartyOrg(id=1, name="Đảng bộ Khối cũ", name_folded="dang bo khoi cu", level=v.BLOC),
            Member(id=1, full_name="Nguyễn Văn Cũ", name_folded="nguyen van cu", sort_key="cu nguyen van",
                   sex="M", birth_date=date(1980, 1, 1), org=1, membership=v.FULL, status=v.ACTIVE)]
    prev = audit.GENESIS
    for row in rows:
        table_name = row._meta.table_name
        if table_name not in old.get_tables():
            continue
        columns = {column.name for column in old.get_columns(table_name)}
        # Only the columns that schema had (a later migration added the record's version).
        fields = [f for f in row._meta.sorted_fields if f.column_name in columns]
        table = Table(table_name, [f.column_name for f in fields]).bind(old)
        table.insert({f.column_name: f.db_value(row.__data__.get(f.name)) for f in fields}).execute()
        if "audit_entry" in old.get_tables():
            prev = _logged(old, row, fields, prev)


def _logged(old, row, fields, prev: str) -> str:
    """The row's trail entry as an older program wrote it (unsigned, as before the trail's key):
    `check` holds an older file's rows against their trail."""
    entry = {"at": datetime.now().isoformat(sep=" ", timespec="microseconds"), "user_id": None,
             "username": "may-tai-cho", "action": audit.INSERT, "table_name": row._meta.table_name,
             "record_id": str(row.get_id()), "old_values": None,
             "new_values": json.dumps({f.column_name: plain(row.__data__.get(f.name)) for f in fields}),
             "prev_hash": prev}
    entry["hash"] = audit._digest(audit._payload(entry), None)
    Table("audit_entry", list(entry)).bind(old).insert(entry).execute()
    return entry["hash"]


def test_foreign_damaged_and_newer_files_are_refused_untouched(tmp_path):
    pdf = tmp_path / "bao-cao.pdf"
    pdf.write_bytes(b"%PDF-1.4 not a database")
    assert "không phải tệp dữ liệu" in inspect_file(pdf).problem
    foreign = tmp_path / "khac.db"
    other = SqliteDatabase(str(foreign))
    other.connect()
    with other.bind_ctx([Thing]):
        other.create_tables([Thing])
    other.close()
    before = foreign.read_bytes()
    assert "chương trình khác" in inspect_file(foreign).problem and foreign.read_bytes() == before
    newer = old_database(tmp_path / "moi.db", len(available()))
    future = SqliteDatabase(str(newer))
    with future.bind_ctx([SchemaMigration]):
        SchemaMigration.create(name="9999_future", applied_at=datetime.now())
    future.close()
    assert "phiên bản Đảng vụ mới hơn" in inspect_file(newer).problem
    damaged = tmp_path / "hong.db"
    data = bytearray(old_database(tmp_path / "tot.db", len(available())).read_bytes())
    data[4096:8192] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    assert not inspect_file(damaged, thorough=True).ok
    assert inspect_file(tmp_path / "khong-co.db").problem.startswith("Không có tệp")


@pytest.mark.file_only  # restore replaces a file; a server is never replaced under its clerks
def test_backup_is_whole_and_restore_keeps_the_current_file(db, tmp_path):
    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    copy = backup_to(tmp_path / "sao-luu.db")
    assert inspect_file(copy, thorough=True).ok and not Path(f"{copy}-wal").exists()
    create_org(name="Chi bộ Mới", level=v.CBCS, parent_id=PartyOrg.get().id)
    result = restore(copy, db_path, tmp_path / "giu-lai")
    assert [row.name for row in PartyOrg.select()] == ["Đảng bộ Khối các cơ quan tỉnh"]
    assert result.kept_as.exists() and result.migrated == []
    kept = SqliteDatabase(str(result.kept_as))
    with kept.bind_ctx([PartyOrg]):
        assert PartyOrg.select().count() == 2  # nothing lost: the replaced data is kept


@pytest.mark.file_only  # a server's data is no file a backup could land on
def test_a_backup_onto_the_data_file_itself_or_over_a_foreign_file_is_refused(db, tmp_path):
    """`backup -o` the data file itself said "Đã sao lưu" and renamed the copy over the open
    file: what was written afterwards went to the file's old inode and was gone when the program
    closed. `backup -o bao-cao.pdf` wrote the database over the report."""
    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    for same in (db_path, Path(f"{db_path}-wal"), db_path.parent / "." / db_path.name):
        with pytest.raises(ValidationError, match="không phải chính tệp dữ liệu đang dùng"):
            backup_to(same)
    report = tmp_path / "bao-cao.pdf"
    report.write_bytes(b"%PDF-1.4 bao cao")
    foreign = "Không ghi đè lên bao-cao.pdf: Tệp bao-cao.pdf không phải tệp dữ liệu của Đảng vụ. Chọn"
    with pytest.raises(ValidationError, match=foreign):
        backup_to(report)
    assert report.read_bytes() == b"%PDF-1.4 bao cao"
    create_org(name="Chi bộ Mới", level=v.CBCS, parent_id=PartyOrg.get().id)
    close_database()
    open_database(db_path)
    assert PartyOrg.select().count() == 2
    earlier = backup_to(tmp_path / "sao-luu.db")
    assert backup_to(earlier) == earlier  # an older backup of the same name is replaced


@pytest.mark.file_only  # as above
def test_a_backup_refused_by_the_check_leaves_the_current_file_open_as_it_was(db, tmp_path):
    import sqlite3

    from models.storage.restoring import BrokenTrail

    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    copy = backup_to(tmp_path / "sao-luu.db")
    with sqlite3.connect(copy) as raw:
        raw.execute("update party_org set name = 'Đảng bộ Giả'")
    with pytest.raises(BrokenTrail):
        restore(copy, db_path, tmp_path / "giu-lai")
    assert Path(database.database) == db_path and not database.is_closed()
    assert [row.name for row in PartyOrg.select()] == ["Đảng bộ Khối các cơ quan tỉnh"]
    assert not (tmp_path / "giu-lai").exists()


@pytest.mark.file_only  # restore replaces a file
def test_restoring_the_data_file_from_itself_is_refused(db, tmp_path):
    """`restore dangvu.db --db dangvu.db` said "Đã khôi phục" and kept a needless copy of the file
    under truoc-khoi-phuc: a clerk who chose the wrong file in the dialog was told it worked."""
    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    with pytest.raises(ValidationError, match="là chính tệp dữ liệu đang dùng: chọn một bản sao lưu"):
        restore(db_path.parent / "." / db_path.name, db_path, tmp_path / "giu-lai")
    assert Path(database.database) == db_path and not database.is_closed()
    assert not (tmp_path / "giu-lai").exists()


@pytest.mark.parametrize("upto", range(1, len(available())))
@pytest.mark.file_only  # restore replaces a file; a server is never replaced under its clerks
def test_restore_of_each_older_schema_migrates_it(db, tmp_path, upto):
    db_path = Path(database.database)
    old = old_database(tmp_path / f"cu-{upto}.db", upto)
    assert inspect_file(old).older
    result = restore(old, db_path, tmp_path / "giu-lai")
    assert result.migrated == available()[upto:]
    assert PartyOrg.get().name == "Đảng bộ Khối cũ"
    assert inspect_file(db_path).applied == set(available())
    # Rows from before the record versions have version 1, as their trail implies.
    assert [org.version for org in PartyOrg.select()] == [1] and [m.version for m in Member.select()] == [1]


@pytest.mark.file_only  # as above
def test_restore_refuses_a_newer_or_foreign_file_and_leaves_everything(db, tmp_path):
    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    newer = old_database(tmp_path / "moi.db", len(available()))
    future = SqliteDatabase(str(newer))
    with future.bind_ctx([SchemaMigration]):
        SchemaMigration.create(name="9999_future", applied_at=datetime.now())
    future.close()
    with pytest.raises(ValidationError, match="mới hơn"):
        restore(newer, db_path, tmp_path / "giu-lai")
    with pytest.raises(ValidationError, match="không phải tệp dữ liệu"):
        restore(Path(__file__), db_path, tmp_path / "giu-lai")
    assert PartyOrg.get().name == "Đảng bộ Khối các cơ quan tỉnh" and not (tmp_path / "giu-lai").exists()


@given(st.lists(st.dates(date(2020, 1, 1), date(2026, 12, 31)), min_size=1, max_size=120))
def test_rotation_keeps_the_newest_and_a_bounded_set(days):
    keep = backups_to_keep(days)
    assert keep <= set(days) and max(days) in keep
    assert len(keep) <= 7 + 4 + 12
    newest_first = sorted(set(days), reverse=True)
    assert set(newest_first[:7]) <= keep
    months = sorted({(d.year, d.month) for d in days}, reverse=True)[:12]
    for month in months:  # the newest backup of each of the last 12 months
        assert max(d for d in days if (d.year, d.month) == month) in keep


def test_automatic_backups_once_a_day_and_rotated(db, tmp_path):
    db_path = current_location()  # a file, or a server: its daily copies are files either way
    folder = tmp_path / "sao-luu"
    start = date(2026, 1, 1)
    for offset in range(60):
        auto_backup(folder, db_path, start + timedelta(days=offset))
    assert auto_backup(folder, db_path, start + timedelta(days=59)) is None  # already today
    kept = sorted(auto_backups(folder, db_path.stem))
    assert kept[-7:] == [start + timedelta(days=offset) for offset in range(53, 60)]
    assert len(kept) <= 7 + 4 + 12
    assert latest_good_backup(folder, db_path.stem) == auto_backups(folder, db_path.stem)[kept[-1]]


WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from models.core.db import open_database
from models.orgs import create_org
from models.accounts import audit
from models.accounts.trail_values import plain
from models.core import vocab as v
open_database({path!r})
bloc = create_org(name="Đảng bộ Khối", level=v.BLOC)
print("ready", flush=True)
for n in range(100000):
    create_org(name=f"Chi bộ {{n}}", level=v.CBCS, parent_id=bloc.id)
"""


def test_backup_while_another_process_writes(tmp_path):
    db_path = tmp_path / "dangvu.db"
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), path=str(db_path))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        open_database(db_path)
        counts = []
        for index in range(5):
            copy = backup_to(tmp_path / f"sao-luu-{index}.db")
            assert inspect_file(copy, thorough=True).ok
            snapshot = SqliteDatabase(str(copy))
            with snapshot.bind_ctx([PartyOrg]):
                counts.append(PartyOrg.select().count())
            snapshot.close()
            time.sleep(0.1)
        assert counts == sorted(counts) and counts[-1] > counts[0]
    finally:
        writer.kill()
        writer.wait()
        close_database()

"""Putting a demo database where a file may already be: never over people's work without an
administrator, never without a copy kept first, never leaving half a database behind.

The demo marks what it built (the last audit entry of the build); entries after the mark, or a
file without the mark that holds records, are work typed by people.
"""

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from models.accounts import session
from models.accounts.anchor import record_anchor
from models.accounts.audit import log_insert
from models.accounts.tables import AppUser, AuditEntry, OfficeSetting
from models.core import clock
from models.core.db import close_database, database, open_database
from models.core.errors import ValidationError
from models.demo.build import DemoSize, build_demo
from models.storage.backups import before_opening

DEMO_MARK = "demo_last_entry"


@dataclass(frozen=True)
class ExistingWork:
    accounts: int
    typed_entries: int  # audit entries not written by the demo generator

    @property
    def any(self) -> bool:
        return bool(self.accounts or self.typed_entries)


def existing_work(db_path: Path) -> ExistingWork:
    """What a file holds that people made, read without changing it."""
    check = before_opening(db_path) if db_path.exists() else None
    if check is None or not check.ok or check.empty:
        return ExistingWork(0, 0)
    probe = SqliteDatabase(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with probe.bind_ctx([AppUser, AuditEntry, OfficeSetting]):
            tables = set(probe.get_tables())
            accounts = AppUser.select().count() if AppUser._meta.table_name in tables else 0
            mark = OfficeSetting.get_or_none(OfficeSetting.key == DEMO_MARK)
            after = int(mark.value) if mark and mark.value.isdigit() else 0
            typed = AuditEntry.select().where(AuditEntry.id > after).count()
    except (DatabaseError, sqlite3.DatabaseError):
        return ExistingWork(0, 0)  # unreadable: nothing to weigh, the copy is kept whole
    finally:
        probe.close()
    return ExistingWork(accounts, typed)


def check_replaceable(db_path: Path) -> None:
    """Refuse to put a demo over people's work: with accounts, only a signed-in administrator
    may; records typed into a file without accounts are never replaced by the demo."""
    work = existing_work(db_path)
    if work.accounts:
        actor = session.current()
        if actor is None or not actor.may(session.MANAGE_USERS):
            raise ValidationError("file", f"Tệp {db_path.name} có {work.accounts} tài khoản người dùng: "
                                          "chỉ quản trị viên đã đăng nhập (--user) mới được thay bằng dữ "
                                          "liệu mẫu.")
    elif work.typed_entries:
        raise ValidationError("file", f"Tệp {db_path.name} có {work.typed_entries} thay đổi do người nhập: "
                                      "chương trình không thay dữ liệu thật bằng dữ liệu mẫu. Hãy chọn tên "
                                      "tệp khác cho dữ liệu mẫu.")


def keep_copy(db_path: Path, keep_folder: Path) -> Path | None:
    """The file as it was, kept before anything replaces it."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    keep_folder.mkdir(parents=True, exist_ok=True)
    kept = keep_folder / f"{db_path.stem}-truoc-tao-mau-{clock.now():%Y%m%d-%H%M%S}.db"
    for suffix in ("", "-wal"):
        if Path(f"{db_path}{suffix}").exists():
            shutil.copyfile(f"{db_path}{suffix}", f"{kept}{suffix}")
    return kept


def build_demo_file(db_path: Path, size: DemoSize, progress=None) -> dict:
    """Build the demo into a file beside the target and put it in place only when complete:
    an interrupted build (Ctrl+C, a killed process) leaves no database behind."""
    partial = db_path.with_name(db_path.name + ".dang-tao-mau")
    _remove(partial)  # a build killed earlier
    try:
        open_database(partial)
        made = build_demo(size, progress)
        with database.atomic():
            last = AuditEntry.select(AuditEntry.id).order_by(AuditEntry.id.desc()).scalar() or 0
            log_insert(OfficeSetting.create(key=DEMO_MARK, value=str(last + 1)))
        database.self_contained()  # one file to move into place
        close_database()
        _remove(db_path, sidecars_only=True)  # the old file's journal must not meet the new file
        os.replace(partial, db_path)  # one step: a kill leaves the old file or the new, never none
        open_database(db_path)
        record_anchor(db_path, replaced=True)  # a new file, a new trail
        close_database()
    except BaseException:
        close_database()
        _remove(partial)
        raise
    return made


def _remove(path: Path, sidecars_only: bool = False) -> None:
    for suffix in ("-wal", "-shm", "-journal") if sidecars_only else ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

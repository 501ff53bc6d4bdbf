"""Restoring a backup over the data file: checked whole first (`check`'s own checks), refused
when it fails them unless the administrator accepts it — and then that acceptance is written
in the restored trail — brought up to date on a copy, and only then put in place."""

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from models.accounts import session
from models.accounts.anchor import record_anchor
from models.accounts.audit import log_insert
from models.accounts.tables import OfficeSetting
from models.core import clock
from models.core.db import close_database, open_database
from models.core.errors import ValidationError
from models.migrations import available
from models.storage.backups import copy_online, inspect_file
from models.storage.integrity import check_file

ACCEPTED = "chap-nhan-loi-nhat-ky:"  # an office setting naming a broken trail taken in knowingly


def note_accepted_breakage(what: str, problems: list[str]) -> None:
    """Written in the target's own trail: who took in a database that failed the check, when,
    and what the check said."""
    summary = f"{what}: " + " | ".join(problems)
    log_insert(OfficeSetting.create(key=f"{ACCEPTED}{clock.now():%Y%m%d-%H%M%S-%f}", value=summary[:4000]))


@dataclass(frozen=True)
class Restored:
    kept_as: Path | None  # where the database that was replaced is kept
    migrated: list[str]


class BrokenTrail(ValidationError):
    """The backup fails the check (its trail changed outside the program, say): restore only if
    told to."""


def restore(source: Path, db_path: Path, keep_folder: Path, by_signed_in_user: bool = True,
            despite_broken_trail: bool = False, step: Callable[[str], None] | None = None) -> Restored:
    """Replace the database with a backup. The backup is checked (opens, integrity, a Đảng vụ
    database of a known schema, its audit trail whole — or restored despite a broken one only
    when told), brought up to date on a copy, and only then put in place; the current file is
    kept in `keep_folder` first. The database is left open on the result."""
    if by_signed_in_user:  # at start-up, with a damaged file, nobody can sign in yet
        session.require(session.RESTORE)
    source, db_path = Path(source), Path(db_path)
    if source.is_file() and db_path.is_file() and source.samefile(db_path):
        raise ValidationError("file", f"Tệp {source.name} là chính tệp dữ liệu đang dùng: chọn một bản sao "
                                      "lưu của nó để khôi phục.")
    check = inspect_file(source, thorough=True)
    if not check.ok:
        raise ValidationError("file", check.problem)
    if check.empty:
        raise ValidationError("file", f"Tệp {source.name} trống, không có dữ liệu để khôi phục.")
    # The whole check first, as `check` runs it (reported: a backup forged with its manifest,
    # an entry given another key, was restored): refused unless the administrator accepts it.
    close_database()
    problems = check_file(source, step).problems
    if problems and not despite_broken_trail:
        if by_signed_in_user:  # the current file stays open, as it was
            open_database(db_path)
        raise BrokenTrail("file", f"Bản sao lưu {source.name} không qua được phép kiểm tra: "
                                  + " ".join(problems[:3]) + (f" (và {len(problems) - 3} vấn đề khác)"
                                                              if len(problems) > 3 else ""))
    staged = db_path.with_name(db_path.name + ".khoi-phuc")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, staged)
    close_database()
    kept = None
    try:
        open_database(staged)  # the migrations bring an older backup up to date, on the copy
        if problems:  # restored as the administrator was told: the act is written in its trail
            note_accepted_breakage(f"Khôi phục từ {source.name}", problems)
        migrated = sorted(set(available()) - check.applied)
        close_database()
        if db_path.exists() and db_path.stat().st_size:
            keep_folder.mkdir(parents=True, exist_ok=True)
            kept = keep_folder / f"{db_path.stem}-truoc-khoi-phuc-{clock.now():%Y%m%d-%H%M%S}.db"
            current = SqliteDatabase(str(db_path))
            try:
                current.connect()
                copy_online(current.connection(), kept)
            except (DatabaseError, sqlite3.DatabaseError, ValidationError):
                # A damaged file cannot be read page by page: keep its bytes as they are.
                kept = kept.with_name(kept.stem + "-hong.db")
                shutil.copyfile(db_path, kept)
                if Path(f"{db_path}-wal").exists():
                    shutil.copyfile(f"{db_path}-wal", f"{kept}-wal")
            finally:
                current.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
    except BaseException:
        close_database()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)
        if db_path.exists():
            open_database(db_path)
        raise
    open_database(db_path)
    record_anchor(db_path, replaced=True)  # the file's trail is now the backup's
    return Restored(kept, migrated)

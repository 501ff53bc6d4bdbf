"""The database file itself: is it a Đảng vụ database, whole, of a schema this program knows;
online backups; the rotating set of automatic backups (restoring them: restoring.py)."""

import os
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peewee import DatabaseError, SqliteDatabase

from models.accounts import session
from models.accounts.anchor import current as anchor_now
from models.accounts.anchor import manifest_path, record_anchor, write_manifest
from models.accounts.tables import AuditEntry
from models.core import clock
from models.core.db import (
    current_location,
    database,
    file_database,
    on_server,
    read_only_uri,
    translated,
)
from models.core.errors import ValidationError, failure_reason, not_a_file, os_reason
from models.core.files import partial_beside
from models.meetings.folder import attachments_folder, files_into_database
from models.migrations import SchemaMigration, available, newer_schema
from models.migrations import migrate as migrate_schema
from models.storage.transfer import copy_all

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileCheck:
    problem: str = ""  # in Vietnamese; empty when the file can be opened
    applied: set[str] = field(default_factory=set)
    empty: bool = False  # a new, empty file: it will be set up

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def older(self) -> bool:
        return not self.empty and bool(set(available()) - self.applied)


def inspect_file(path: Path, thorough: bool = False, pages: bool = True) -> FileCheck:
    """Look at a file without changing it. `thorough` runs the full integrity check (restore,
    `check`, each backup); `pages=False` reads only its header and schema (the way to work,
    after a clean close: see `before_opening`); otherwise the quick check."""
    path = Path(path)
    if not path.exists():
        return FileCheck(not_a_file(path))
    if path.stat().st_size == 0:
        return FileCheck(empty=True)
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            return FileCheck(f"Tệp {path.name} không phải tệp dữ liệu của Đảng vụ.")
    # Read-only, through peewee like every other query: nothing is created in a foreign file.
    probe = SqliteDatabase(read_only_uri(path), uri=True)
    try:
        probe.connect()
        if thorough or pages:
            verdict = probe.pragma("integrity_check" if thorough else "quick_check")
        else:
            verdict = "ok"
        if verdict != "ok":
            # SQLite's verdict names pages and b-trees: nothing a clerk can act on.
            return FileCheck(f"Tệp {path.name} bị hỏng: phép kiểm tra toàn vẹn tìm thấy chỗ không đọc được.")
        tables = set(probe.get_tables())
        if not tables:
            return FileCheck(empty=True)
        if SchemaMigration._meta.table_name not in tables:
            return FileCheck(f"Tệp {path.name} là cơ sở dữ liệu của chương trình khác, không phải của "
                             "Đảng vụ.")
        with probe.bind_ctx([SchemaMigration]):
            applied = {row.name for row in SchemaMigration.select(SchemaMigration.name)}
    except (DatabaseError, sqlite3.DatabaseError) as error:
        return FileCheck(f"Tệp {path.name} không dùng được: {failure_reason(error)}.")
    finally:
        probe.close()
    return FileCheck(newer_schema(applied, f"Tệp {path.name}"), applied)


def closed_cleanly(path: Path) -> bool:
    """SQLite removes the -wal file when the last connection closes: one left beside the file
    means the program or the machine stopped with it open (or a window has it open now)."""
    return not Path(f"{path}-wal").exists()


def before_opening(path: Path) -> FileCheck:
    """The look taken on the way to work. Reading every page cost 0.4 s at 30,000 members and
    1.3–3.9 s at 100,000 on each start and command; it is kept for a file not closed cleanly.
    Damage after a clean close is still found: every day's automatic backup is checked whole
    (`auto_backup`), and `check`, backup and restore read every page."""
    return inspect_file(path, pages=not closed_cleanly(path))


def copy_online(source, target: Path) -> None:
    """A consistent copy even while the database is being written: SQLite's online backup of a
    file (`source` its sqlite3 connection); of a server's database (`source` its handle) every
    table copied from one snapshot into a new file — the same portable file either way."""
    partial = partial_beside(target)
    copy = SqliteDatabase(str(partial)) if isinstance(source, sqlite3.Connection) else file_database(partial)
    try:
        copy.connect()
        if isinstance(source, sqlite3.Connection):
            source.backup(copy.connection())
        else:
            migrate_schema(copy)
            copy_all(source, copy)
        copy.pragma("journal_mode", "delete")  # one self-contained file, no -wal beside it
    except BaseException:
        copy.close()
        for suffix in ("", "-journal", "-wal", "-shm"):  # never leave a half copy behind
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        raise
    copy.close()
    check = inspect_file(partial, thorough=True)
    if not check.ok:
        partial.unlink(missing_ok=True)
        raise ValidationError("backup", f"Bản sao lưu không đạt kiểm tra: {check.problem}")
    os.replace(partial, target)


def backup_to(target: Path) -> Path:
    """Copy the open database to `target` (written beside it, then renamed into place)."""
    # Opened for the program, not necessarily on this thread: a worker thread (the window's
    # manual backup) has no connection of its own until it asks (its test pressed the menu).
    if database.obj is None:
        raise ValidationError("backup", "Chưa mở dữ liệu nào để sao lưu.")
    target = Path(target)
    _refuse_to_overwrite(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        copy_online(database.obj if on_server() else database.connection(), target)
        if not on_server():
            _with_attached_files(target)
    except OSError as error:
        raise ValidationError("backup", f"Không ghi được bản sao lưu vào {target}: "
                                        f"{os_reason(error)}.") from None
    except (sqlite3.Error, DatabaseError) as error:
        reason = translated(error)
        if isinstance(reason, ValidationError):
            raise ValidationError("backup", f"Không ghi được bản sao lưu vào {target}: {reason.message}") \
                from None
        raise
    write_manifest(target, _trail_end(target))
    record_anchor(current_location())
    return target


def _refuse_to_overwrite(target: Path) -> None:
    """The copy is renamed into place: over the open file it would take the file's name from
    under the program (whatever was written next went to the old file, gone at closing), over
    a file of another kind it would destroy it. An earlier backup (or another Đảng vụ file the
    clerk chose) may be replaced."""
    live = current_location()
    if not on_server() and target.exists() and any(
            Path(f"{live}{suffix}").exists() and Path(f"{live}{suffix}").samefile(target)
            for suffix in ("", "-wal", "-shm", "-journal")):
        raise ValidationError("backup", f"Bản sao lưu phải ghi ra tệp khác, không phải chính tệp dữ liệu "
                                        f"đang dùng ({live}).")
    check = inspect_file(target, pages=False) if target.is_file() and target.stat().st_size else None
    if check is not None and not check.ok:
        raise ValidationError("backup", f"Không ghi đè lên {target.name}: {check.problem} Chọn tên khác.")


def _with_attached_files(target: Path) -> None:
    """A file installation's attached files into its backup (a server's are in the database
    already): restored on another workstation, where the folder beside the file is not, they
    still open (reported: each came back "missing")."""
    copy = SqliteDatabase(str(target))
    try:
        with copy.atomic():
            files_into_database(copy, attachments_folder())
    finally:
        copy.close()


def _trail_end(path: Path):
    """Where the trail of a copy ends, read from the copy itself (the live file moves on)."""
    copy = SqliteDatabase(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        with copy.bind_ctx([AuditEntry]):
            return anchor_now()
    finally:
        copy.close()


def backup_now(target: Path) -> Path:
    """A backup by hand (the window's menu, the command): an administrator's. The day's
    automatic copy as the window closes is the program's own, in the office's backup folder."""
    session.require(session.BACKUP)
    return backup_to(target)


def holds_data(db_path: Path) -> bool:
    """Whether restoring over `db_path` replaces data someone can sign in to. A missing, empty,
    foreign or damaged file holds nothing that sign-in protects: restoring onto it needs none."""
    check = inspect_file(db_path)
    return check.ok and not check.empty


# --- The rotating set of automatic backups ---------------------------------------------------

AUTO_NAME = re.compile(r"^(?P<stem>.+)-tu-dong-(?P<day>\d{4}-\d{2}-\d{2})\.db$")


def backups_to_keep(days: list[date], daily: int = 7, weekly: int = 4, monthly: int = 12) -> set[date]:
    """The last `daily` days that have a backup, the newest backup of each of the last `weekly`
    weeks and of each of the last `monthly` months."""
    newest_first = sorted(set(days), reverse=True)
    keep = set(newest_first[:daily])
    for key, count in ((lambda d: d.isocalendar()[:2], weekly), (lambda d: (d.year, d.month), monthly)):
        seen = []
        for day in newest_first:
            if key(day) not in seen:
                seen.append(key(day))
                if len(seen) > count:
                    break
                keep.add(day)
    return keep


def auto_backups(folder: Path, stem: str) -> dict[date, Path]:
    found = {}
    if folder.is_dir():
        for path in folder.iterdir():
            match = AUTO_NAME.match(path.name)
            if match and match["stem"] == stem:
                found[date.fromisoformat(match["day"])] = path
    return found


def auto_backup(folder: Path, db_path: Path, today: date | None = None) -> Path | None:
    """At most one a day: write today's backup if there is none, then drop those the rotation
    no longer keeps. Returns the new backup, or None when today's already exists."""
    today = today or clock.today()
    existing = auto_backups(folder, db_path.stem)
    made = None
    if today not in existing:
        made = backup_to(folder / f"{db_path.stem}-tu-dong-{today.isoformat()}.db")
        existing[today] = made
    keep = backups_to_keep(list(existing))
    for day, path in existing.items():
        if day not in keep:
            path.unlink(missing_ok=True)
            manifest_path(path).unlink(missing_ok=True)
    return made


def latest_good_backup(folder: Path, stem: str) -> Path | None:
    """The newest automatic backup that passes the full check."""
    for _day, path in sorted(auto_backups(folder, stem).items(), reverse=True):
        if inspect_file(path, thorough=True).ok:
            return path
    return None

"""The forgeries reported against the audit trail (issue 28), tried again by bench/attacks.py:
each on its own copy of the database, anchored as a command that wrote would leave it. A try
fails when the forgery gets through (check exits 0, a forged file is restored or transferred,
a key is made in place of a missing one, check leaves a file behind)."""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from bench.attack_runs import run_cli
from models.accounts.anchor import record_anchor
from models.core.db import close_database, open_database
from models.storage.backups import backup_to

CHECK_FOUND = 3
RELABEL = ("update member set full_name = 'Nguyễn Văn Giả' where id = 3",
           "update audit_entry set key_id = 'deadbeefdeadbeef' where table_name = 'member' "
           "and record_id = '3' and action = 'insert'")


def _anchored_copy(db: Path, folder: Path, name: str) -> Path:
    copy = folder / name
    shutil.copyfile(db, copy)
    open_database(copy)
    record_anchor(copy)
    close_database()
    return copy


def _tamper(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as raw:
        for statement in statements:
            raw.execute(statement)


def relabelled_key(db, folder) -> bool:
    copy = _anchored_copy(db, folder, "khoa-khac.db")
    _tamper(copy, *RELABEL)
    return run_cli(["check", "--db", str(copy)]) != CHECK_FOUND


def register_line_written_outside(db, folder) -> bool:
    copy = _anchored_copy(db, folder, "so-may-tram.db")
    _tamper(copy, *RELABEL, "insert into office_setting (key, value) values "
                            "('may-tram:deadbeefdeadbeef', 'Máy giả')")
    return run_cli(["check", "--db", str(copy)]) != CHECK_FOUND


def copy_elsewhere_cut(db, folder) -> bool:
    copy = _anchored_copy(db, folder, "goc.db")
    (folder / "noi-khac").mkdir(exist_ok=True)
    elsewhere = folder / "noi-khac" / "ten-khac.db"
    shutil.copyfile(copy, elsewhere)
    _tamper(elsewhere, "delete from audit_entry where id > (select max(id) - 20 from audit_entry)",
            "delete from user_org", "delete from app_user")
    return run_cli(["check", "--db", str(elsewhere)]) != CHECK_FOUND


def forged_backup_restored(db, folder) -> bool:
    live = _anchored_copy(db, folder, "dang-dung.db")
    open_database(live)
    backup = backup_to(folder / "sao-luu-gia.db")  # its manifest beside it, left as it is
    close_database()
    _tamper(backup, *RELABEL)
    return run_cli(["restore", str(backup), "--db", str(live), "--user", "quantri"]) == 0


def broken_file_transferred(db, folder) -> bool:
    source = _anchored_copy(db, folder, "nguon-hong.db")
    _tamper(source, *RELABEL)
    return run_cli(["transfer", "--from", str(source), "--to", str(folder / "dich.db"),
                    "--user", "quantri"]) == 0


def key_missing(db, folder) -> bool:
    """Check and a write with the key folder empty: both must refuse, and no key appear."""
    copy = _anchored_copy(db, folder, "mat-khoa.db")
    empty = Path(tempfile.mkdtemp(prefix="dangvu-khong-khoa-"))
    env = {"DANGVU_KEY_DIR": str(empty), "DANGVU_NEW_PASSWORD": "mat-khau-moi-du-dai"}
    checked = run_cli(["check", "--db", str(copy)], env=env)
    wrote = run_cli(["user", "add", "moi", "--name", "Người Mới", "--role", "VIEWER",
                     "--db", str(copy), "--user", "quantri"], env=env)
    return checked == 0 or wrote == 0 or any(empty.iterdir())


def malformed_row(db, folder) -> bool:
    copy = _anchored_copy(db, folder, "dong-hong.db")
    _tamper(copy, "update audit_entry set new_values = 'khong phai json' where id = "
                  "(select max(id) from audit_entry where table_name = 'member')")
    return run_cli(["check", "--db", str(copy)]) != CHECK_FOUND  # 1 would be an unexpected error


def check_writes(db, folder) -> bool:
    copy = _anchored_copy(db, folder, "chi-doc.db")
    before = sorted(os.listdir(folder))
    run_cli(["check", "--db", str(copy)])
    return sorted(os.listdir(folder)) != before


FORGERIES = [relabelled_key, register_line_written_outside, copy_elsewhere_cut, forged_backup_restored,
             broken_file_transferred, key_missing, malformed_row, check_writes]


def forgeries(db: Path, folder: Path) -> tuple[int, int, str]:
    work = folder / "gia-mao"
    work.mkdir(exist_ok=True)
    through = [attack.__name__ for attack in FORGERIES if attack(db, work)]
    note = "issue 28: relabelled key, register, copy, backup, transfer, key, bad row, check read-only"
    return len(FORGERIES), len(through), note + (f"; through: {', '.join(through)}" if through else "")

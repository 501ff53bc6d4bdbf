"""The security review, run again on the current code: tries per class of attack and how many
of them got through (a traceback, a write allowed, a change unnoticed, data lost). Prints a
table; asserts nothing. Every run works in a temporary folder with its own signing key.

    python bench/attacks.py [--kills 8] [--fuzz 20000] [--server postgresql://…]

--server (or DANGVU_TEST_PG): an account of a PostgreSQL server that may create roles and
databases, for the attacks with the workstations' password.
"""

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["DANGVU_KEY_DIR"] = tempfile.mkdtemp(prefix="dangvu-attacks-")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attack_runs import fuzz_calls, hostile_files, kill_runs, run_cli, viewer_writes  # noqa: E402
from bench.server_attacks import server_roles  # noqa: E402
from bench.trail_forgeries import forgeries  # noqa: E402
from models.accounts import session  # noqa: E402
from models.accounts.anchor import record_anchor  # noqa: E402
from models.accounts.session import ADMIN, VIEWER  # noqa: E402
from models.accounts.users import authenticate, create_user  # noqa: E402
from models.core.db import close_database, open_database  # noqa: E402
from models.core.errors import ValidationError  # noqa: E402
from models.demo.build import DemoSize  # noqa: E402
from models.demo.place import build_demo_file  # noqa: E402

PASSWORD = "mat-khau-du-dai"


def prepare(folder: Path) -> Path:
    db = folder / "dangvu.db"
    build_demo_file(db, DemoSize(12, 500, 7))
    open_database(db)
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("chixem", "Chỉ Xem", VIEWER, PASSWORD)
        create_user("thuky", "Thư Ký", VIEWER, PASSWORD)  # the one the password guessing locks
    close_database()
    return db


def authentication(db: Path) -> tuple[int, int, str]:
    open_database(db)
    tries = failures = 0
    timings = {"thuky": [], "khong-co-ai": []}
    answers = {}
    for name in timings:
        for _ in range(6):
            tries += 1
            started = time.perf_counter()
            try:
                authenticate(name, "sai-mat-khau")
                failures += 1  # a wrong password let in
            except ValidationError as error:
                answers.setdefault(name, []).append(error.message)
            except Exception:  # noqa: BLE001 — a traceback is what is counted
                failures += 1
            timings[name].append(time.perf_counter() - started)
    close_database()
    if answers.get("thuky") != answers.get("khong-co-ai"):
        failures += 1
    real, unknown = (sum(t[:4]) / 4 * 1000 for t in timings.values())
    return tries, failures, f"wrong password {real:.0f} ms, unknown name {unknown:.0f} ms; same answers"


def authorisation(db: Path) -> tuple[int, int, str]:
    tries, failures = viewer_writes(db)
    for command in (
        ["export", "members", "-o", "x.xlsx"],
        ["backup", "-o", "x.db"],
        ["report", "year-end", "--year", "2024", "-o", "x.pdf"],
        ["demo", "--force"],
        ["user", "add", "ke-gian", "--name", "Kẻ Gian", "--role", "ADMIN"],
    ):
        tries += 1
        if run_cli([*command, "--db", str(db)], env={"DANGVU_NEW_PASSWORD": "mat-khau-ke-gian"}) == 0:
            failures += 1
    return tries, failures, "every kind of write as a viewer; 5 commands without --user"


TAMPERING = [
    "update member set full_name = 'Nguyễn Văn Giả' where id = 3",
    "update member set identity_number = '001080099999' where id = 4",
    "delete from member_rating where id = 1",
    "delete from meeting_attendance where id = 2",
    "delete from user_org; delete from app_user",
    "update app_user set password_hash = 'scrypt$16384$8$1$YWJj$YWJj' where id = 1",
    "delete from audit_entry where id > (select max(id) - 50 from audit_entry)",
    "delete from audit_entry",
    "update audit_entry set username = 'ai-do' where id = 10",
    "delete from audit_entry where id = 20",
    "update party_org set name = 'Chi bộ Giả' where id = 5",
    "insert into office_setting (key, value) values ('them', 'ngoai phan mem')",
]


def audit(db: Path, folder: Path) -> tuple[int, int, str]:
    failures = 0
    for n, statement in enumerate(TAMPERING):
        copy = folder / f"sua-{n}.db"
        shutil.copyfile(db, copy)
        open_database(copy)
        record_anchor(copy)
        close_database()
        with sqlite3.connect(copy) as raw:
            raw.executescript(statement)
        if run_cli(["check", "--db", str(copy)]) != 3:
            failures += 1
    return len(TAMPERING), failures, "each edit made with an SQLite editor, then `check`"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=8, help="kill -9 runs per operation")
    parser.add_argument("--fuzz", type=int, default=20_000, help="fuzzed calls")
    parser.add_argument("--server", default=os.environ.get("DANGVU_TEST_PG", ""),
                        help="a PostgreSQL account that may create roles and databases")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dangvu-attacks-"))
    db = prepare(folder)
    rows = [
        ("authentication", *authentication(db)),
        ("authorisation", *authorisation(db)),
        ("audit (tampering)", *audit(db, folder)),
        ("trail forgeries", *forgeries(db, folder)),
    ]
    if args.server:
        rows.append(("server, workstations' password", *server_roles(args.server)))
    rows.append(("bad input (fuzzing)", *fuzz_calls(db, args.fuzz)))
    kills = kill_runs(db, folder, args.kills)  # also writes the list, backup and workbooks used below
    rows.append(("files", *hostile_files(db, folder)))
    rows += kills
    print("Đảng vụ — attacks run again on this code")
    print(f"  {'class of attack':<34}{'tries':>7}{'failures':>10}  notes")
    for name, tries, failures, note in rows:
        print(f"  {name:<34}{tries:>7}{failures:>10}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The longer runs of bench/attacks.py: writes tried as a viewer, fuzzed calls, files that are
not what they claim, and kill -9 in the middle of every operation that writes a file."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from models.accounts import session
from models.accounts.anchor import ANCHORS_FILE
from models.accounts.trail_key import app_data_folder
from models.accounts.users import authenticate
from models.admissions.targets import set_target
from models.core.db import close_database, open_database
from models.core.errors import ValidationError
from models.meetings.record import create_meeting
from models.members.events import create_member, record_event
from models.members.record import member_fields, update_member
from models.members.tables import Member
from models.orgs.changes import create_org, dissolve_org
from models.orgs.tables import PartyOrg
from models.ratings.grid import rate_members, rate_org

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "mat-khau-du-dai"
JUNK = [
    None,
    "",
    " ",
    "abc",
    "31/02/2024",
    "2024-13-40",
    -1,
    0,
    10**12,
    float("inf"),
    float("nan"),
    3.5,
    True,
    [],
    {},
    "'); DROP TABLE member; --",
    "\u202eGiả",
    "x" * 5000,
    date(1800, 1, 1),
    date(2999, 1, 1),
    "=cmd|' /C calc'!A0",
    b"\x00\xff",
    "00000000",
    "0123456789012",
    "HTXSNV",
    "CBCS",
]


def run_cli(args: list[str], env: dict | None = None) -> int:
    environment = {**os.environ, "DANGVU_PASSWORD": PASSWORD, **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        env=environment,
        cwd=ROOT,
        check=False,
    ).returncode


def viewer_writes(db: Path) -> tuple[int, int]:
    """Every kind of write, tried as a viewer: each must be refused."""
    open_database(db)
    member, cell = Member.get(), PartyOrg.get(PartyOrg.level == "CBCS")
    writes = [
        lambda: create_org(name="Chi bộ Lạ", level="CBCS", parent_id=cell.parent_id),
        lambda: dissolve_org(cell.id, date(2024, 1, 1)),
        lambda: update_member(member.id, member_fields(member)),
        lambda: record_event(member.id, "EXEMPTED", date(2024, 5, 1)),
        lambda: create_member(
            {"full_name": "Kẻ Lạ Mặt", "sex": "M", "birth_date": date(1980, 1, 1)},
            {"kind": "ADMITTED", "date": date(2020, 1, 1), "org_id": cell.id},
        ),
        lambda: rate_members(2024, [(member.id, "HTTNV", None, None)]),
        lambda: rate_org(2024, cell.id, "HTTNV"),
        lambda: set_target(None, 2024, 2024, 5),
        lambda: create_meeting({"body": "BTV_DUK", "kind": "KHAC", "date": date(2024, 3, 5)}),
    ]
    failures = 0
    with session.acting_as(authenticate("chixem", PASSWORD)):
        for write in writes:
            try:
                write()
                failures += 1
            except ValidationError:
                pass
            except Exception:  # noqa: BLE001 — a traceback counts as a failure
                failures += 1
    close_database()
    return len(writes), failures


def fuzz_calls(db: Path, count: int) -> tuple[int, int, str]:
    """Write functions called with junk: a ValidationError is the answer; anything else fails."""
    work = db.with_name("fuzz.db")
    shutil.copyfile(db, work)
    open_database(work)
    rng = random.Random(2026)
    member_id, cell_id = Member.get().id, PartyOrg.get(PartyOrg.level == "CBCS").id
    calls = [
        lambda a, b, c: record_event(member_id, a, b, decision_no=c),
        lambda a, b, c: create_member(
            {"full_name": a, "sex": b, "birth_date": c}, {"kind": "ADMITTED", "date": c, "org_id": cell_id}
        ),
        lambda a, b, c: update_member(
            member_id,
            {
                "full_name": "Nguyễn Văn Thử",
                "sex": "M",
                "birth_date": date(1980, 1, 1),
                "card_number": a,
                "note": b,
                "identity_number": c,
            },
        ),
        lambda a, b, c: rate_members(a, [(member_id, b, c, None)]),
        lambda a, b, c: rate_org(a, cell_id, b, c),
        lambda a, b, c: set_target(None, a, b, c),
        lambda a, b, c: create_meeting(
            {"body": "BTV_DUK", "kind": "KHAC", "date": a, "body_size": b, "minutes": c}
        ),
        lambda a, b, c: create_org(name=a, level=b, parent_id=c),
    ]
    failures, first = 0, ""
    with session.acting_as(authenticate("quantri", PASSWORD)):
        for _ in range(count):
            call = rng.choice(calls)
            args = [rng.choice(JUNK) for _ in range(3)]
            try:
                call(*args)
            except ValidationError:
                pass
            except Exception as error:  # noqa: BLE001
                failures += 1
                first = first or f"{type(error).__name__}: {error}"[:80]
    close_database()
    return count, failures, first or f"{len(calls)} write functions, junk from {len(JUNK)} kinds of value"


def _kill_during(args: list[str], delay: float) -> bool:
    """Run a command and kill -9 it after `delay` seconds; whether it was still running."""
    environment = {**os.environ, "DANGVU_PASSWORD": PASSWORD}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    running = process.poll() is None
    if running:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return running


def _members(path: Path) -> int | None:
    if not path.exists():
        return None
    with sqlite3.connect(path) as raw:
        return raw.execute("select count(*) from member").fetchone()[0]


def kill_runs(db: Path, folder: Path, runs: int) -> list[tuple]:
    """kill -9 at a random moment of each operation that writes: afterwards `check` passes and
    the data are as before the command or as after it."""
    sheet = folder / "ds.xlsx"
    backup = folder / "sao-luu.db"
    assert run_cli(["export", "members", "--db", str(db), "-o", str(sheet), "--user", "quantri"]) == 0
    assert run_cli(["backup", "--db", str(db), "-o", str(backup), "--user", "quantri"]) == 0
    rating_folder = folder / "mau"
    assert (
        run_cli(
            [
                "ratings",
                "export",
                "--year",
                "2024",
                "--db",
                str(db),
                "-o",
                str(rating_folder),
                "--user",
                "quantri",
            ]
        )
        == 0
    )
    ratings = sorted(str(p) for p in rating_folder.glob("*.xlsx"))
    operations = {
        "import": lambda target: [
            "import",
            "members",
            str(sheet),
            "--db",
            str(target),
            "--same-person",
            "add",
            "--cards",
            "update",
            "--user",
            "quantri",
        ],
        "restore": lambda target: ["restore", str(backup), "--db", str(target), "--user", "quantri"],
        "ratings import": lambda target: [
            "ratings",
            "import",
            *ratings,
            "--year",
            "2024",
            "--db",
            str(target),
            "--user",
            "quantri",
        ],
        "backup": lambda target: [
            "backup",
            "--db",
            str(target),
            "-o",
            str(target) + ".sao-luu",
            "--user",
            "quantri",
        ],
        "demo": lambda target: [
            "demo",
            "--db",
            str(target),
            "--orgs",
            "12",
            "--members",
            "500",
            "--force",
            "--user",
            "quantri",
        ],
    }
    rng = random.Random(7)
    rows = []
    # Each run is one database crashing on one workstation: the anchors written down outside the
    # files are put back as they were after it. Copies of one database each written to the end are
    # a fork, which the anchor by the database's identity holds against each other (said as such
    # by `check`); it counted as a failure whenever two runs outlived their kill.
    anchors = app_data_folder() / ANCHORS_FILE
    for name, command in operations.items():
        killed = failures = 0
        before = _members(db)
        for run in range(runs):
            target = folder / f"giet-{name.replace(' ', '-')}-{run}.db"
            shutil.copyfile(db, target)
            kept = anchors.read_bytes() if anchors.exists() else None
            if _kill_during(command(target), rng.uniform(0.3, 2.5)):
                killed += 1
            after = _members(target)
            if target.exists() and run_cli(["check", "--db", str(target)]) != 0:
                failures += 1
            elif name != "import" and after not in (before, None) and name != "demo":
                failures += 1
            if kept is None:
                anchors.unlink(missing_ok=True)
            else:
                anchors.write_bytes(kept)
        rows.append(
            (f"kill -9 during {name}", runs, failures, f"{killed} killed mid-run; `check` after each")
        )
    return rows


def hostile_files(db: Path, folder: Path) -> tuple[int, int, str]:
    """Files that are not what they claim, given to every command that reads a file: each must
    be answered with a message (exit 1, 3 or 4), never a traceback."""
    from tests.models.core.test_workbook_bombs import bomb

    made = {
        "bomb.xlsx": None,
        "anh.xlsx": b"\x89PNG\r\n\x1a\n" + bytes(200),
        "cat-ngang.xlsx": (folder / "ds.xlsx").read_bytes()[:3000],
        "cu.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
        "trong.xlsx": b"",
        "ngau-nhien.db": os.urandom(8192),
        "sqlite-khac.db": None,
        "trong.db": b"",
    }
    for name, content in made.items():
        if content is not None:
            (folder / name).write_bytes(content)
    bomb(folder / "bomb.xlsx", 1 << 30)
    with sqlite3.connect(folder / "sqlite-khac.db") as raw:
        raw.execute("create table ghi_chu (noi_dung text)")
    tries = failures = 0
    environment = {**os.environ, "DANGVU_PASSWORD": PASSWORD}
    for name in made:
        path = str(folder / name)
        commands = (
            [
                ["import", "members", path, "--db", str(db), "--dry-run", "--user", "quantri"],
                [
                    "ratings",
                    "import",
                    path,
                    "--year",
                    "2024",
                    "--db",
                    str(db),
                    "--dry-run",
                    "--user",
                    "quantri",
                ],
            ]
            if name.endswith(".xlsx")
            else [
                ["check", "--db", path],
                ["restore", path, "--db", str(db), "--user", "quantri"],
                ["report", "year-end", "--year", "2024", "--db", path, "-o", path + ".pdf"],
            ]
        )
        for command in commands:
            tries += 1
            result = subprocess.run(
                [sys.executable, str(ROOT / "main.py"), *command],
                capture_output=True,
                text=True,
                env=environment,
                cwd=ROOT,
                check=False,
            )
            # An empty data file is checked as empty (exit 0); restoring from it or printing a
            # report from it is refused untouched (exit 1) — it once printed headings alone.
            answers = (0,) if name == "trong.db" and command[0] == "check" else (1, 3, 4)
            if "Traceback" in result.stderr or result.returncode not in answers:
                failures += 1
    return tries, failures, "a 1 GiB bomb, a picture, cut files, an old .xls, empty files, other databases"

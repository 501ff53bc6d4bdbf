"""A kill -9 of the importing process at random points leaves the database as it was: the rows
are written in one transaction that SQLite rolls back when the process dies."""

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import main
from models.accounts.tables import AuditEntry
from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from models.members.export import export_members
from models.members.import_plan import plan_import
from models.members.import_write import create_missing_orgs
from models.members.tables import Member
from models.storage.backups import inspect_file

ROOT = Path(main.__file__).resolve().parent
ROWS = 1500


def _state(path: Path) -> tuple[int, int]:
    open_database(path)
    try:
        return Member.select().count(), AuditEntry.select().count()
    finally:
        close_database()


def test_kill_during_import_leaves_the_database_as_before(demo_clock, tmp_path):
    open_database(tmp_path / "nguon.db")
    build_demo(DemoSize(orgs=12, members=ROWS, seed=11))
    export_members(tmp_path / "ds.xlsx")
    close_database()
    open_database(tmp_path / "cay.db")  # the organisation tree only, made beforehand
    create_missing_orgs(plan_import(tmp_path / "ds.xlsx"))
    close_database()
    before = _state(tmp_path / "cay.db")
    command = [sys.executable, str(ROOT / "main.py"), "import", "members", str(tmp_path / "ds.xlsx"), "--db"]
    shutil.copyfile(tmp_path / "cay.db", tmp_path / "do-thoi-gian.db")
    start = time.perf_counter()
    subprocess.run([*command, str(tmp_path / "do-thoi-gian.db")], capture_output=True, check=True)
    duration = time.perf_counter() - start  # a whole run, so kills land anywhere inside one
    assert _state(tmp_path / "do-thoi-gian.db")[0] - before[0] >= ROWS * 0.9
    rng = random.Random(5)
    killed = 0
    for attempt in range(8):
        target = tmp_path / f"dich-{attempt}.db"
        shutil.copyfile(tmp_path / "cay.db", target)
        process = subprocess.Popen([*command, str(target)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 0.95) * duration)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        assert inspect_file(target, thorough=True).ok
        after = _state(target)
        assert after == before or after[0] - before[0] >= ROWS * 0.9, f"partly imported: {after}"
    assert killed >= 4

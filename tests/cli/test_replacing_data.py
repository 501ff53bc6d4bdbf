"""Nothing replaces a data file under a window that has it open, and the demo never destroys
people's work: restore and demo --force refuse while a window holds the file (naming the
workstation and the user), demo --force asks an administrator for a file with accounts,
refuses records typed into a file without accounts, keeps a copy first, works for every
documented size, and an interrupted demo leaves no file behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import main
from models.core.db import close_database, open_database
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from models.storage.lock import acquire_lock, release_lock

# Every test here builds or opens a demo: one fixed day, the same answer on any day.
pytestmark = pytest.mark.usefixtures("demo_clock")

ROOT = Path(main.__file__).resolve().parent
HOLD = """
import sys, time
sys.path.insert(0, {root!r})
from models.storage.lock import acquire_lock

assert acquire_lock(__import__("pathlib").Path({path!r})) is None
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def window_holding(tmp_path):
    """Another process holds the file, as an open window does."""
    def hold(path: Path):
        process = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), path=str(path))],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout.readline().strip() == "held"
        holders.append(process)
        return process
    holders = []
    yield hold
    for process in holders:
        process.kill()
        process.wait()


def demo(path: Path, *extra: str) -> int:
    return main.main(["demo", "--db", str(path), "--orgs", "2", "--members", "30", *extra])


def counts(path: Path) -> tuple[int, int]:
    open_database(path)
    try:
        return PartyOrg.select().count(), Member.select().count()
    finally:
        close_database()


def test_restore_refuses_while_a_window_holds_the_file(tmp_path, window_holding, capsys):
    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    assert main.main(["backup", "--db", str(db), "-o", str(tmp_path / "sao-luu.db")]) == 0
    before = db.read_bytes()
    window_holding(db)
    assert main.main(["restore", str(tmp_path / "sao-luu.db"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "đang được mở trong cửa sổ Đảng vụ" in err and "máy" in err
    assert db.read_bytes() == before


def test_demo_force_refuses_while_a_window_holds_the_file(tmp_path, window_holding, capsys):
    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    window_holding(db)
    assert demo(db, "--force") == 1
    assert "đang được mở" in capsys.readouterr().err


def test_a_stale_lock_of_a_dead_process_does_not_block(tmp_path):
    db = tmp_path / "dangvu.db"
    process = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), path=str(db))],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "held"
    process.kill()
    process.wait()
    assert acquire_lock(db) is None
    release_lock(db)


def test_demo_force_over_accounts_needs_an_administrator(tmp_path, monkeypatch, capsys):
    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-quan-tri")
    assert main.main(["user", "add", "quantri", "--name", "Quản Trị", "--role", "ADMIN",
                      "--db", str(db)]) == 0
    before = counts(db)
    assert demo(db, "--force", "--orgs", "1") == 1
    assert "quản trị viên" in capsys.readouterr().err
    assert counts(db) == before
    monkeypatch.setenv("DANGVU_PASSWORD", "mat-khau-quan-tri")
    assert main.main(["demo", "--db", str(db), "--orgs", "1", "--members", "10", "--force",
                      "--user", "quantri"]) == 0
    kept = list((tmp_path / "truoc-khoi-phuc").glob("dangvu-truoc-tao-mau-*.db"))
    assert len(kept) == 1 and counts(kept[0]) == before


def test_demo_force_never_replaces_records_typed_by_people(tmp_path, capsys):
    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    open_database(db)
    from models.orgs.changes import create_org

    bloc = PartyOrg.get(PartyOrg.level == "BLOC")
    create_org(name="Chi bộ do văn phòng nhập", level="CBCS", parent_id=bloc.id)
    close_database()
    before = counts(db)
    assert demo(db, "--force") == 1
    assert "do người nhập" in capsys.readouterr().err
    assert counts(db) == before


def test_demo_force_over_a_demo_replaces_it_and_keeps_a_copy(tmp_path):
    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    assert demo(db, "--force") == 0
    assert list((tmp_path / "truoc-khoi-phuc").glob("*.db"))


@pytest.mark.parametrize("orgs, members", [(1, 10), (1, 200), (3, 10)])
def test_demo_works_for_small_documented_sizes(tmp_path, orgs, members):
    db = tmp_path / "nho.db"
    assert main.main(["demo", "--db", str(db), "--orgs", str(orgs), "--members", str(members)]) == 0
    assert counts(db)[1] >= members


def test_an_interrupted_demo_leaves_no_file(tmp_path):
    db = tmp_path / "dang-tao.db"
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(db),
                                "--orgs", "40", "--members", "3000"], cwd=ROOT)
    partial = db.with_name(db.name + ".dang-tao-mau")
    deadline = time.monotonic() + 60
    while not partial.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not db.exists()
    assert main.main(["demo", "--db", str(db), "--orgs", "1", "--members", "10", "--if-missing"]) == 0
    assert counts(db)[1] >= 10 and not partial.exists()


@pytest.mark.parametrize("content", ["khong phai json", None])
def test_a_lock_nobody_seems_to_hold_names_the_way_out(tmp_path, capsys, content):
    """Reported: a stale `.lock` whose process number another live process now has, or that
    cannot be read, made restore refuse for ever with "close that window"."""
    import json
    import socket

    db = tmp_path / "dangvu.db"
    assert demo(db) == 0
    assert main.main(["backup", "--db", str(db), "-o", str(tmp_path / "sao-luu.db")]) == 0
    lock = tmp_path / "dangvu.db.lock"
    lock.write_text(content or json.dumps({"host": socket.gethostname(), "user": "thuky", "pid": os.getppid(),
                                           "since": "01/12/2026 08:15"}), encoding="utf-8")
    assert main.main(["restore", str(tmp_path / "sao-luu.db"), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"xóa tệp khóa {lock} rồi làm lại" in err
    assert ("không đọc được" in err) if content else ("thuky" in err and "01/12/2026 08:15" in err)
    lock.unlink()  # the way out named works
    assert main.main(["restore", str(tmp_path / "sao-luu.db"), "--db", str(db)]) == 0

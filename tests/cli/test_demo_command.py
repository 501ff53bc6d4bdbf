import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import main
from models.core.db import close_database, open_database
from models.members.counts import headcount

# Every test here builds or opens a demo: one fixed day, the same answer on any day.
pytestmark = pytest.mark.usefixtures("demo_clock")

ROOT = Path(main.__file__).resolve().parent


def test_demo_builds_a_database_the_app_can_open(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "8", "--members", "250", "--seed", "4"]) == 0
    assert "8 tổ chức cơ sở đảng" in capsys.readouterr().out
    open_database(path)
    try:
        assert 230 <= headcount(date.today()).total <= 270
    finally:
        close_database()


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "keep.db"
    path.write_bytes(b"precious")
    assert main.main(["demo", "--db", str(path), "--orgs", "3", "--members", "50"]) == 1
    assert "--force" in capsys.readouterr().err
    assert path.read_bytes() == b"precious"
    assert main.main(["demo", "--db", str(path), "--orgs", "3", "--members", "50", "--force"]) == 0
    assert path.read_bytes() != b"precious"


def test_demo_if_missing_keeps_an_existing_file(tmp_path):
    path = tmp_path / "mine.db"
    path.write_bytes(b"a clerk's records")
    assert main.main(["demo", "--db", str(path), "--if-missing"]) == 0
    assert path.read_bytes() == b"a clerk's records"


def test_demo_rejects_impossible_sizes(tmp_path, capsys):
    assert main.main(["demo", "--db", str(tmp_path / "x.db"), "--orgs", "0"]) == 2
    assert "từ 1 đến 1000" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()


def test_db_path_from_argument_then_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGVU_DB", str(tmp_path / "env.db"))
    assert main.resolve_db_path(None) == (tmp_path / "env.db").resolve()
    assert main.resolve_db_path(str(tmp_path / "arg.db")) == (tmp_path / "arg.db").resolve()


def test_main_py_runs_as_a_script(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(tmp_path / "s.db"),
         "--orgs", "2", "--members", "40"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.db").exists()


def test_user_add_then_acting_user_and_check(tmp_path, monkeypatch, capsys):
    from models.accounts.tables import AuditEntry

    path = tmp_path / "u.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "2", "--members", "30"]) == 0
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-quan-tri")
    assert main.main(["user", "add", "quantri", "--name", "Quản Trị", "--role", "ADMIN",
                      "--db", str(path)]) == 0
    # Now an account exists: adding another needs a signed-in administrator.
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-can-bo")
    assert main.main(["user", "add", "canbo", "--name", "Cán Bộ", "--role", "CLERK",
                      "--db", str(path)]) == 1
    assert "Chưa đăng nhập" in capsys.readouterr().err
    monkeypatch.setenv("DANGVU_PASSWORD", "mat-khau-quan-tri")
    assert main.main(["user", "add", "canbo", "--name", "Cán Bộ", "--role", "CLERK",
                      "--db", str(path), "--user", "quantri"]) == 0
    open_database(path)
    try:
        last = AuditEntry.select().where(AuditEntry.table_name == "app_user").order_by(
            AuditEntry.id.desc()).first()
        assert last.username == "quantri"
    finally:
        close_database()
    assert main.main(["check", "--db", str(path)]) == 0
    assert "Không thấy vấn đề gì" in capsys.readouterr().out


def test_check_reports_tampering(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "t.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "2", "--members", "20"]) == 0
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE audit_entry SET username = 'ai-do' WHERE id = 3")
    assert main.main(["check", "--db", str(path)]) == 3
    assert "từ mục số 3" in capsys.readouterr().err


def test_report_command_writes_a_draft_then_a_numbered_report(tmp_path, capsys):
    from pypdf import PdfReader

    path = tmp_path / "r.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "4", "--members", "120"]) == 0
    out = tmp_path / "bc.pdf"
    assert main.main(["report", "year-end", "--year", "2025", "--db", str(path), "-o", str(out)]) == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Số -BC/ĐUK" in text and "Tổng kết công tác xây dựng Đảng năm 2025" in text
    assert main.main(["report", "year-end", "--year", "2025", "--db", str(path), "-o", str(out),
                      "--issue", "--date", "20/01/2026"]) == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Số 01-BC/ĐUK" in text and "Hạ Long, ngày 20 tháng 01 năm 2026" in text
    assert "số 01-BC" in capsys.readouterr().out
    assert main.main(["report", "half-year", "--year", "2026", "--db", str(path), "-o", str(out),
                      "--date", "31/02/2026"]) == 1
    assert "không có trên lịch" in capsys.readouterr().err


def test_foreign_file_gets_a_message_not_a_traceback(tmp_path, capsys):
    foreign = tmp_path / "bang-tinh.db"
    foreign.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 20)
    for argv in (["check", "--db", str(foreign)],
                 ["report", "year-end", "--year", "2025", "--db", str(foreign), "-o",
                  str(tmp_path / "a.pdf")],
                 ["user", "add", "ai", "--name", "Ai Đó", "--role", "CLERK", "--db", str(foreign)]):
        assert main.main(argv) in (1, 3)  # check says 3: something is wrong with the file
        assert "không phải tệp dữ liệu của Đảng vụ" in capsys.readouterr().err
    assert foreign.read_bytes().startswith(b"PK\x03\x04")


def test_demo_says_each_phase_and_stops_cleanly_on_ctrl_c(tmp_path):
    """Reported: `main.py demo` was silent for minutes and Ctrl+C did not stop it."""
    import signal
    import time

    path = tmp_path / "lon.db"
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(path),
                                "--orgs", "200", "--members", "30000"], cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               # As from a terminal: a shell running the suite in the background
                               # hands its children Ctrl+C ignored.
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = process.stdout.readline()
    assert "Ctrl+C để dừng" in first
    assert process.stdout.readline().startswith("  [1/10] tổ chức đảng")
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in err and "dừng" in err.lower()
    assert not path.exists()  # nothing half-built is left where the clerk asked for the file


def test_demo_today_builds_the_bloc_as_it_stood_that_day(tmp_path, capsys):
    """For training: nothing in the file is dated after the chosen day, not even the moment a
    row was written (a column's own default once read the real clock)."""
    from tests.cli.test_calendar import _dated_after

    path = tmp_path / "tap-huan.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "3", "--members", "60",
                      "--today", "15/03/2025"]) == 0
    assert "như vào ngày 15/03/2025" in capsys.readouterr().out
    open_database(path)
    try:
        assert _dated_after(date(2025, 3, 15)) == {}
        assert headcount(date(2025, 3, 15)).total >= 55
    finally:
        close_database()
    assert main.main(["check", "--db", str(path)]) == 0
    for day, words in (("05/12/2026", "đến hôm nay"), ("31/02/2025", "không có trên lịch"),
                       ("01/01/2020", "từ 01/01/2021")):
        assert main.main(["demo", "--db", str(tmp_path / "khac.db"), "--today", day]) == 2
        assert words in capsys.readouterr().err
        assert not (tmp_path / "khac.db").exists()


def test_user_add_says_what_is_wrong_before_asking_for_a_password(tmp_path, monkeypatch, capsys):
    """`user add "a b" --name "  "` asked for the new password twice and only then said the
    user name was not one; a clerk at a console typed a password for nothing."""
    monkeypatch.delenv("DANGVU_NEW_PASSWORD", raising=False)
    asked = []
    monkeypatch.setattr("ui.commands.records.ask_password", lambda *args: asked.append(args))
    path = str(tmp_path / "u.db")
    assert main.main(["demo", "--db", path, "--orgs", "1", "--members", "10"]) == 0
    for username, name, role, said in (
            ("a b", "Quản Trị", "ADMIN", "Tên đăng nhập gồm 3–32 chữ cái"),
            ("quantri", "  ", "ADMIN", "Nhập họ và tên người dùng."),
            ("quantri", "Quản Trị", "CLERK", "Tài khoản đầu tiên phải là quản trị")):
        assert main.main(["user", "add", username, "--name", name, "--role", role, "--db", path]) == 1
        assert said in capsys.readouterr().err
    assert asked == []


def test_the_demo_says_its_counts_as_the_office_writes_them(tmp_path, capsys):
    """A fresh clone's README command said "2967 hồ sơ đảng viên" one line below "2.700 đảng viên"."""
    import re

    path = tmp_path / "demo.db"
    assert main.main(["demo", "--db", str(path), "--orgs", "6", "--members", "1100", "--seed", "4"]) == 0
    said = capsys.readouterr().out
    assert "1.100 đảng viên" in said
    counts = re.findall(r"(\d[\d.]*) (?:tổ chức cơ sở đảng|chi bộ|hồ sơ đảng viên|đảng viên)\b", said)
    assert counts and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", count) for count in counts), counts
    assert re.search(r"\d\.\d{3} hồ sơ đảng viên", said)
    # The export and the import's dry run say theirs the same way.
    assert main.main(["export", "members", "--db", str(path), "-o", str(tmp_path / "ds.xlsx")]) == 0
    assert re.search(r"Đã xuất \d\.\d{3} đảng viên", capsys.readouterr().out)
    open_database(tmp_path / "moi.db")
    close_database()
    assert main.main(["import", "members", str(tmp_path / "ds.xlsx"), "--dry-run", "--create-orgs",
                      "--db", str(tmp_path / "moi.db")]) == 0
    assert re.search(r"Chạy thử: \d\.\d{3} dòng có thể nhập", capsys.readouterr().out)

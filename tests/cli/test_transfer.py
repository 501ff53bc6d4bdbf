"""`main.py transfer`: an office's whole database — every table, the audit trail, attached
files — moved between a file and a server, and back; `check` passes on each target, and a
target that already holds data is refused untouched."""

import os
from datetime import date

import pytest

import main
from models.accounts.tables import AuditEntry
from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from models.meetings.files import attach_file, file_copy, files_of
from models.meetings.record import create_meeting
from models.members.tables import Member
from models.storage.transfer import TABLES

# Every test here builds or opens a demo: one fixed day, the same answer on any day.
pytestmark = pytest.mark.usefixtures("demo_clock")


def counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in TABLES}


def empty_target(engine, tmp_path, name):
    if engine == "postgresql":
        from tests.server_cluster import new_database

        return new_database()[1]
    return str(tmp_path / f"{name}.db")


def test_there_and_back_with_check_passing_each_time(db, db_location, engine, tmp_path, capsys):
    build_demo(DemoSize(orgs=3, members=60, seed=5))
    meeting = create_meeting({"body": "BTV_DUK", "kind": "KHAC", "date": date(2024, 3, 5)})
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4 bien ban " * 100)
    attach_file(meeting.id, scan)
    before = counts()
    close_database()

    out_file = str(tmp_path / "chuyen-ra.db")
    assert main.main(["transfer", "--from", db_location, "--to", out_file]) == 0
    assert main.main(["check", "--db", out_file]) == 0
    back = empty_target(engine, tmp_path, "chuyen-ve")
    assert main.main(["transfer", "--from", out_file, "--to", back]) == 0
    assert main.main(["check", "--db", back]) == 0, capsys.readouterr().err
    assert "Đã chuyển" in capsys.readouterr().out

    open_database(back)
    after = counts()
    assert {k: v for k, v in after.items() if k != "meeting_file_content"} == \
        {k: v for k, v in before.items() if k != "meeting_file_content"}
    [stored] = files_of(meeting.id)
    assert file_copy(stored.id).read_bytes() == scan.read_bytes()
    # New records go on after the copied ones: the ids continue, nothing collides.
    assert Member.select().count() == before["member"]
    assert AuditEntry.select().count() == before["audit_entry"]


def test_a_target_with_data_is_refused_and_left_as_it_was(db, db_location, tmp_path, capsys):
    build_demo(DemoSize(orgs=2, members=30, seed=6))
    close_database()
    other = tmp_path / "khac.db"
    assert main.main(["demo", "--db", str(other), "--orgs", "1", "--members", "10"]) == 0
    size = os.path.getsize(other)
    assert main.main(["transfer", "--from", db_location, "--to", str(other)]) == 1
    assert "đã có dữ liệu" in capsys.readouterr().err
    assert main.main(["check", "--db", str(other)]) == 0 and os.path.getsize(other) == size
    missing = str(tmp_path / "khong-co.db")
    assert main.main(["transfer", "--from", missing, "--to", str(tmp_path / "x.db")]) == 1
    assert main.main(["transfer", "--from", db_location, "--to", "postgresql://may-chu"]) == 1


def test_a_backup_is_the_same_portable_file_from_either_engine(db, db_location, tmp_path):
    build_demo(DemoSize(orgs=2, members=30, seed=7))
    close_database()
    copy = str(tmp_path / "sao-luu.db")
    assert main.main(["backup", "--db", db_location, "-o", copy]) == 0
    assert main.main(["check", "--db", copy]) == 0
    workstation = str(tmp_path / "may-tram.db")
    assert main.main(["restore", copy, "--db", workstation]) == 0
    assert main.main(["check", "--db", workstation]) == 0
    open_database(workstation)
    assert Member.select().count() > 0


def tampered_file(tmp_path, *statements):
    import sqlite3

    from models.accounts.session import ADMIN
    from models.accounts.users import create_user

    source = tmp_path / "nguon.db"
    open_database(source)
    try:
        build_demo(DemoSize(orgs=2, members=20, seed=3))
        create_user("quantri", "Nguyễn Quản Trị", ADMIN, PASSWORD)
    finally:
        close_database()
    with sqlite3.connect(source) as raw:
        for statement in statements:
            raw.execute(statement)
    return source


PASSWORD = "mat-khau-dai-du-12"
RELABELLED = ("update member set full_name = 'Nguyễn Văn Giả' where id = 1",
              "update audit_entry set key_id = 'deadbeefdeadbeef' where table_name = 'member' and "
              "record_id = '1' and action = 'insert'")
ACCOUNTS_DELETED = ("delete from user_org", "delete from app_user")


def target_empty(target) -> bool:
    return not target.exists() or target.stat().st_size == 0


def test_a_file_that_fails_check_is_not_laundered_through_transfer(tmp_path, capsys, monkeypatch):
    """Reported (attack 6): `transfer` copied a file that fails `check`, and the database it
    filled passed `check`. Now it runs the check first and refuses; told to go on by its
    administrator, it writes that in the new place's trail, whose check still fails."""
    monkeypatch.setenv("DANGVU_PASSWORD", PASSWORD)
    source = tampered_file(tmp_path, *RELABELLED)
    assert main.main(["check", "--db", str(source)]) == 3
    target = tmp_path / "dich.db"
    capsys.readouterr()
    assert main.main(["transfer", "--from", str(source), "--to", str(target), "--user", "quantri"]) == 1
    err = capsys.readouterr().err
    assert "không qua được phép kiểm tra" in err and "deadbeefdeadbeef" in err
    assert "--accept-broken-trail" in err and target_empty(target)

    assert main.main(["transfer", "--from", str(source), "--to", str(target), "--user", "quantri",
                      "--accept-broken-trail"]) == 0
    open_database(target)
    try:
        from models.accounts.tables import AuditEntry, OfficeSetting

        accepted = OfficeSetting.get(OfficeSetting.key.startswith("chap-nhan-loi-nhat-ky:"))
        assert accepted.value.startswith(f"Chuyển từ {source}: ")
        entry = AuditEntry.get(AuditEntry.record_id == accepted.key)
        assert entry.username == "quantri"
    finally:
        close_database()
    assert main.main(["check", "--db", str(target)]) == 3


def test_a_file_whose_accounts_were_deleted_is_not_transferred_even_when_told(tmp_path, capsys):
    """Nobody can authorise it: the accounts are gone, and it never opens as the local
    administrator (the trail says it had accounts)."""
    source = tampered_file(tmp_path, *ACCOUNTS_DELETED)
    target = tmp_path / "dich.db"
    assert main.main(["check", "--db", str(source)]) == 3
    for told in ([], ["--accept-broken-trail"]):
        assert main.main(["transfer", "--from", str(source), "--to", str(target), *told]) == 1
        assert target_empty(target)
    assert "tài khoản người dùng đã bị xóa ngoài phần mềm" in capsys.readouterr().err.lower()

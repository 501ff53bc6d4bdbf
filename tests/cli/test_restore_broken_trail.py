"""A backup whose audit trail was tampered with is not restored silently: the command says so
and restores it only when told to, and the window asks first."""

import sqlite3

import main
from models.core.db import close_database, open_database
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.storage.backups import backup_to


def tampered_backup(tmp_path):
    db = tmp_path / "dangvu.db"
    open_database(db)
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    create_org(name="Chi bộ A", level="CBCS", parent_id=bloc.id)
    backup = backup_to(tmp_path / "sao-luu.db")
    create_org(name="Chi bộ B", level="CBCS", parent_id=bloc.id)
    close_database()
    with sqlite3.connect(backup) as raw:  # someone edits a name and its audit entry with a tool
        raw.execute("update party_org set name = 'Chi bộ Giả' where name = 'Chi bộ A'")
        raw.execute("update audit_entry set new_values = replace(new_values, 'Chi bộ A', 'Chi bộ Giả')")
    return db, backup


def names(db) -> list[str]:
    open_database(db)
    try:
        return sorted(row.name for row in PartyOrg.select())
    finally:
        close_database()


def test_a_backup_with_a_broken_trail_is_not_restored_silently(tmp_path, capsys):
    db, backup = tampered_backup(tmp_path)
    before = names(db)
    assert main.main(["restore", str(backup), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "nhật ký thay đổi" in err.lower() and "--accept-broken-trail" in err
    assert names(db) == before


def test_told_to_it_restores_and_says_what_it_restored(tmp_path, capsys):
    db, backup = tampered_backup(tmp_path)
    assert main.main(["restore", str(backup), "--db", str(db), "--accept-broken-trail"]) == 0
    assert "Chi bộ Giả" in names(db)


def relabelled_backup(tmp_path):
    """Attack 5 as reported: a name changed in a backup, its audit entry changed to match and
    given another key's id — the manifest beside it left as it was."""
    db, backup = tampered_backup(tmp_path)
    backup = backup_to_fresh(db, tmp_path)
    with sqlite3.connect(backup) as raw:
        raw.execute("update party_org set name = 'Chi bộ Giả' where name = 'Chi bộ A'")
        raw.execute("update audit_entry set new_values = replace(new_values, 'Chi bộ A', 'Chi bộ Giả'), "
                    "key_id = 'deadbeefdeadbeef' where new_values like '%Chi bộ A%'")
    return db, backup


def backup_to_fresh(db, tmp_path):
    open_database(db)
    try:
        return backup_to(tmp_path / "sao-luu-moi.db")
    finally:
        close_database()


def test_a_backup_relabelled_with_another_key_is_refused_as_check_would(tmp_path, capsys):
    db, backup = relabelled_backup(tmp_path)
    assert main.main(["check", "--db", str(backup)]) == 3
    before = names(db)
    capsys.readouterr()
    assert main.main(["restore", str(backup), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "deadbeefdeadbeef, không có trong sổ máy trạm" in err and "--accept-broken-trail" in err
    assert names(db) == before


def test_a_broken_backup_taken_in_knowingly_is_written_in_its_trail(tmp_path, capsys):
    db, backup = relabelled_backup(tmp_path)
    assert main.main(["restore", str(backup), "--db", str(db), "--accept-broken-trail"]) == 0
    open_database(db)
    try:
        from models.accounts.tables import AuditEntry, OfficeSetting

        accepted = OfficeSetting.get(OfficeSetting.key.startswith("chap-nhan-loi-nhat-ky:"))
        assert accepted.value.startswith("Khôi phục từ sao-luu-moi.db: ")
        assert "deadbeefdeadbeef" in accepted.value
        assert AuditEntry.select().where(AuditEntry.table_name == "office_setting",
                                         AuditEntry.record_id == accepted.key).exists()
    finally:
        close_database()
    capsys.readouterr()
    assert main.main(["check", "--db", str(db)]) == 3  # the data is what it is: still a finding

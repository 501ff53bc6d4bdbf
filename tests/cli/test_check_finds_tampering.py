"""`check` finds what was changed behind the program's back with an SQLite editor: the data
is held against what its audit trail says, the trail is signed with a key kept outside the
file, and its end is anchored outside the file. Each attack of the security review, one test."""

import sqlite3
from datetime import date

import pytest

import main
from models.accounts import session
from models.accounts.session import ADMIN
from models.accounts.users import authenticate, create_user
from models.core.db import close_database, open_database
from models.meetings.files import attach_file
from models.meetings.record import create_meeting
from models.members.events import create_member
from models.members.record import member_fields, update_member
from models.orgs.changes import create_org
from models.ratings.grid import rate_members
from tests.conftest import person

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A small office, closed as the program leaves it (its trail anchored outside the file)."""
    path = tmp_path / "dangvu.db"
    open_database(path)
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    cell = create_org(name="Chi bộ Văn phòng", level="CBCS", parent_id=bloc.id)
    members = [create_member(person(full_name=f"Nguyễn Văn {name}", identity_number=f"00108001234{n}"),
                             {"kind": "ADMITTED", "date": date(2010, 1, 1), "org_id": cell.id})
               for n, name in enumerate(["An", "Bình", "Cường"])]
    meeting = create_meeting({"body": "CHI_BO", "org_id": cell.id, "kind": "THUONG_KY",
                              "date": date(2024, 3, 6)})
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF-1.4")
    attach_file(meeting.id, scan)
    rate_members(2024, [(m.id, "HTTNV", None, None) for m in members])
    create_user("quantri", "Nguyễn Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        for n in range(50):
            member = members[n % 3]
            update_member(member.id, {**member_fields(member), "note": f"Ghi chú lần {n}"})
    close_database()
    monkeypatch.setenv("DANGVU_PASSWORD", PASSWORD)
    assert main.main(["backup", "--db", str(path), "-o", str(tmp_path / "sao-luu.db"),
                      "--user", "quantri"]) == 0
    assert main.main(["check", "--db", str(path)]) == 0
    return path


def tamper(path, *statements: str) -> None:
    with sqlite3.connect(path) as raw:
        for statement in statements:
            raw.execute(statement)


def checked(path, capsys) -> str:
    capsys.readouterr()
    assert main.main(["check", "--db", str(path)]) == 3
    return capsys.readouterr().err


def test_a_name_changed_outside_is_found(office, capsys):
    tamper(office, "update member set full_name = 'Nguyễn Văn Giả' where id = 1")
    said = checked(office, capsys)
    assert "Đảng viên: dữ liệu khác với nhật ký" in said and "mã 1, Họ và tên" in said
    assert "Nguyễn Văn Giả" not in said  # the values are not printed


def test_an_identity_number_changed_outside_is_found(office, capsys):
    tamper(office, "update member set identity_number = '001080099999' where id = 2")
    assert "mã 2, Số CCCD" in checked(office, capsys)


def test_deleted_rating_and_attachment_rows_are_found(office, capsys):
    tamper(office, "delete from member_rating where id = 1", "delete from meeting_file")
    said = checked(office, capsys)
    assert "Xếp loại đảng viên: nhật ký có bản ghi nay không còn (đã bị xóa ngoài phần mềm) — mã 1" in said
    assert "Tệp đính kèm: nhật ký có bản ghi nay không còn" in said


def test_every_account_deleted_is_found_and_nobody_becomes_administrator(office, capsys, monkeypatch):
    tamper(office, "delete from user_org", "delete from app_user")
    said = checked(office, capsys)
    assert "tài khoản người dùng đã bị xóa ngoài phần mềm" in said.lower()
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-ke-gian")
    assert main.main(["user", "add", "kegian", "--name", "Kẻ Gian", "--role", "ADMIN",
                      "--db", str(office)]) == 1
    open_database(office)
    try:
        with pytest.raises(Exception) as refused:
            authenticate("quantri", PASSWORD)
        assert "bị xóa ngoài phần mềm" in str(refused.value)
    finally:
        close_database()


def test_a_replaced_password_hash_is_found(office, capsys):
    from models.accounts.users import hash_password

    tamper(office, f"update app_user set password_hash = '{hash_password('mat-khau-ke-gian')}'")
    assert "mã 1, Mật khẩu" in checked(office, capsys)


@pytest.mark.parametrize("kept", [0, 1])
def test_the_last_entries_cut_off_are_found(office, capsys, kept):
    """The last 50 entries deleted (kept=1), or all of them (kept=0)."""
    with sqlite3.connect(office) as raw:
        last = raw.execute("select max(id) from audit_entry").fetchone()[0]
    tamper(office, f"delete from audit_entry where id > {(last - 50) * kept}")
    said = checked(office, capsys)
    assert "không còn tới mốc ghi ngoài tệp" in said


def test_data_and_entry_edited_together_with_the_chain_recomputed_is_found(office, capsys):
    """Without the key, a rewritten entry cannot carry a valid signature, signed or unsigned."""
    import hashlib
    import json

    with sqlite3.connect(office) as raw:
        raw.row_factory = sqlite3.Row
        rows = [dict(r) for r in raw.execute("select * from audit_entry order by id")]
        for row in rows:
            if row["table_name"] == "member" and row["action"] == "insert" and row["record_id"] == "1":
                row["new_values"] = row["new_values"].replace("Nguyễn Văn An", "Nguyễn Văn Giả")
        prev = "0" * 64
        for row in rows:  # the whole chain recomputed with plain SHA-256, the signer dropped
            row["prev_hash"] = prev
            payload = [row[k] for k in ("at", "user_id", "username", "action", "table_name", "record_id",
                                        "old_values", "new_values", "prev_hash")]
            text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            row["hash"] = prev = hashlib.sha256(text.encode()).hexdigest()
            raw.execute("update audit_entry set new_values = ?, prev_hash = ?, hash = ?, key_id = null "
                        "where id = ?", (row["new_values"], row["prev_hash"], row["hash"], row["id"]))
        raw.execute("update member set full_name = 'Nguyễn Văn Giả' where id = 1")
    said = checked(office, capsys)
    # Found as a rewritten trail, or as a file put in place of the anchored one: either way, said.
    assert any(words in said for words in ("không có chữ ký", "đã bị sửa ngoài phần mềm",
                                           "bị thay bằng một tệp khác"))


def test_a_backup_is_checked_against_its_manifest(office, capsys):
    backup = office.with_name("sao-luu.db")
    assert main.main(["check", "--db", str(backup)]) == 0
    with sqlite3.connect(backup) as raw:
        last = raw.execute("select max(id) from audit_entry").fetchone()[0]
    tamper(backup, f"delete from audit_entry where id > {last - 5}")
    assert "không còn tới mốc" in checked(backup, capsys)


def test_a_new_database_at_the_same_path_is_not_taken_for_a_cut_trail(demo_clock, office, capsys):
    """The anchor names its database: a new office file put where the old one was passes."""
    for suffix in ("", "-wal", "-shm"):
        office.with_name(office.name + suffix).unlink(missing_ok=True)
    assert main.main(["demo", "--db", str(office), "--orgs", "1", "--members", "10"]) == 0
    capsys.readouterr()
    assert main.main(["check", "--db", str(office)]) == 0


def test_a_malformed_entry_is_named_and_the_check_goes_on(office, capsys):
    """Reported: one audit row whose new_values is not JSON stopped `check` with "Lỗi không lường
    trước: Expecting value" instead of naming the row."""
    tamper(office, "update audit_entry set new_values = 'khong phai json' where id = "
                   "(select max(id) from audit_entry where table_name = 'member')",
           "update member set note = 'sửa' where id = 1")
    assert main.main(["check", "--db", str(office)]) == 3
    err = capsys.readouterr().err
    assert "mục ghi giá trị không đọc được" in err and "Lỗi không lường trước" not in err
    assert "Đảng viên: dữ liệu khác với nhật ký" in err  # the check went on past the bad row


def test_an_entry_relabelled_with_another_key_is_a_finding_not_a_note(office, capsys):
    """Reported (attack 1): the name changed with its audit entry, and the entry's key_id set to
    anything: `check` said "1 mục … ký bằng khóa của máy khác" and exited 0."""
    tamper(office, "update member set full_name = 'Nguyễn Văn Giả' where id = 1",
           "update audit_entry set new_values = replace(new_values, 'Nguyễn Văn An', 'Nguyễn Văn Giả'), "
           "key_id = 'deadbeefdeadbeef' "
           "where table_name = 'member' and record_id = '1' and action = 'insert'")
    said = checked(office, capsys)
    assert "ký bằng khóa mã deadbeefdeadbeef, không có trong sổ máy trạm" in said


def test_a_workstation_registered_here_is_trusted_and_one_registered_elsewhere_is_not(office, capsys,
                                                                                     monkeypatch):
    """The register counts only lines this workstation signed: a line written with the file open
    in an SQLite editor, or by another workstation, does not make its key trusted here."""
    tamper(office, "update audit_entry set key_id = '0123456789abcdef' where id = "
                   "(select max(id) from audit_entry)",
           "insert into office_setting (key, value) values ('may-tram:0123456789abcdef', 'Máy giả')")
    assert "0123456789abcdef, không có trong sổ máy trạm" in checked(office, capsys)
    assert main.main(["workstation", "register", "0123456789abcdef", "--name", "Máy Văn phòng 2",
                      "--db", str(office), "--user", "quantri"]) == 0  # the line is there already:
    assert "0123456789abcdef, không có trong sổ máy trạm" in checked(office, capsys)  # not trusted


def test_accounts_deleted_and_their_trail_relabelled_never_open_as_the_local_administrator(office, capsys,
                                                                                          monkeypatch):
    """Reported (attack 2): accounts deleted, their entries relabelled to another table and key;
    `export members` then worked without --user, `user add evil --role ADMIN` too, check exited 0."""
    tamper(office, "delete from user_org", "delete from app_user",
           "update audit_entry set table_name = 'nguoi_dung_cu', key_id = 'deadbeefdeadbeef' "
           "where table_name in ('app_user', 'user_org')")
    assert main.main(["check", "--db", str(office)]) == 3
    capsys.readouterr()
    assert main.main(["export", "members", "--db", str(office), "-o", str(office.parent / "ds.xlsx")]) == 1
    assert not (office.parent / "ds.xlsx").exists()
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-ke-gian")
    assert main.main(["user", "add", "kegian", "--name", "Kẻ Gian", "--role", "ADMIN",
                      "--db", str(office)]) == 1


def test_a_copy_elsewhere_is_held_against_the_same_anchor(office, capsys, tmp_path):
    """Reported (attack 4): the trail's end cut and the accounts deleted — `check` caught it on
    the same path on the same machine only; on a copy it exited 0. The anchor is the database's,
    found by its identity wherever the file lies."""
    import shutil

    with sqlite3.connect(office) as raw:
        last = raw.execute("select max(id) from audit_entry").fetchone()[0]
    elsewhere = tmp_path / "ban-chep" / "khac-ten.db"
    elsewhere.parent.mkdir()
    shutil.copyfile(office, elsewhere)
    tamper(elsewhere, f"delete from audit_entry where id > {last - 20}", "delete from user_org",
           "delete from app_user")
    capsys.readouterr()
    assert main.main(["check", "--db", str(elsewhere)]) == 3
    said = capsys.readouterr()
    assert "tài khoản người dùng đã bị xóa ngoài phần mềm" in said.err.lower()
    assert f"dừng ở mục số {last - 20}, trước mốc (mục số {last}" in said.out


def test_a_copy_elsewhere_that_goes_past_the_anchor_must_agree_with_it(office, capsys, tmp_path):
    import shutil

    elsewhere = tmp_path / "khac-ten.db"
    shutil.copyfile(office, elsewhere)
    tamper(elsewhere, "update audit_entry set hash = 'x' || substr(hash, 2) where id = "
                      "(select max(id) from audit_entry)")
    assert "không còn tới mốc ghi ngoài tệp" in checked(elsewhere, capsys)


def test_an_older_copy_elsewhere_passes_with_a_note_saying_what_it_is(office, capsys, tmp_path):
    """A copy made with the file manager before the last changes is not a forgery: it is checked
    as far as it goes, and the note says it stops before the anchor."""
    import shutil

    from models.accounts.anchor import record_anchor

    elsewhere = tmp_path / "ban-chep-cu.db"
    shutil.copyfile(office, elsewhere)
    open_database(office)
    try:
        with session.acting_as(authenticate("quantri", PASSWORD)):
            create_org(name="Chi bộ Mới", level="CBCS", parent_id=1)
        record_anchor(office)  # as every command that writes does when it closes
    finally:
        close_database()
    assert main.main(["check", "--db", str(office)]) == 0
    capsys.readouterr()
    assert main.main(["check", "--db", str(elsewhere)]) == 0
    assert "một bản chép cũ hơn" in capsys.readouterr().out


def test_data_changed_and_a_migration_unrecorded_is_still_found(office, capsys):
    """A file of an older schema is checked as far as its tables go: unrecording the newest
    migration made `check` skip the data against its trail and exit 0 on any edit."""
    tamper(office, "update member set full_name = 'Nguyễn Văn Giả' where id = 1",
           "delete from schema_migration where name = (select max(name) from schema_migration)")
    said = checked(office, capsys)
    assert "Đảng viên: dữ liệu khác với nhật ký" in said and "mã 1, Họ và tên" in said


def test_a_column_dropped_does_not_hide_the_others(office, capsys):
    """The table's remaining columns are still held against the trail."""
    tamper(office, "update member set full_name = 'Nguyễn Văn Giả' where id = 2",
           "alter table member drop column note",
           "delete from schema_migration where name = (select max(name) from schema_migration)")
    assert "mã 2, Họ và tên" in checked(office, capsys)


def test_an_attached_file_replaced_in_its_folder_is_found(office, capsys):
    """The copy beside the file is held against the hash its audited record keeps."""
    (stored,) = [p for p in office.with_name("dangvu-tep-dinh-kem").rglob("*") if p.is_file()]
    stored.write_bytes(b"%PDF-1.4 bien ban khac")
    assert "Tệp đính kèm: nội dung khác với khi đính kèm (đã bị thay ngoài phần mềm) — mã 1" \
        in checked(office, capsys)


def test_an_attached_file_gone_from_its_folder_is_said_without_failing(office, capsys):
    """A copy of the file made without the folder beside it is not a forgery."""
    (stored,) = [p for p in office.with_name("dangvu-tep-dinh-kem").rglob("*") if p.is_file()]
    stored.unlink()
    capsys.readouterr()
    assert main.main(["check", "--db", str(office)]) == 0
    assert "1 tệp đính kèm không còn bản chép" in capsys.readouterr().out


def test_two_copies_written_side_by_side_are_told_as_such(office, capsys, tmp_path):
    """Found: a copy of the data file and the file itself, each written through the program on
    this workstation (a copy kept for training), diverge; the one written last does not reach
    the other's anchor, and `check` said only that its end was cut or rewritten. A fork cannot be
    told from a cut end continued (the design holds it against the anchor): the finding says
    both, and which to keep working on."""
    import shutil

    copy = tmp_path / "tap-huan.db"
    shutil.copyfile(office, copy)
    for path in (office, copy):  # each written through the program, which anchors it on closing
        assert main.main(["returns", "request", "--kind", "quarter", "--year", "2024", "--period", "1",
                          "--db", str(path), "--user", "quantri"]) == 0
    assert "không ghi được mốc nhật ký" in capsys.readouterr().err  # said when the copy was written
    assert main.main(["check", "--db", str(office)]) == 0  # the first written moved the anchor
    said = checked(copy, capsys)
    assert "không còn tới mốc ghi ngoài tệp" in said
    assert "bản chép của cùng dữ liệu được ghi song song" in said


def test_a_list_of_upgrades_cut_behind_the_program_is_found_before_the_file_fails_to_open(office, capsys):
    """Found: with upgrades struck off `schema_migration` while the tables keep their columns,
    `check` passed the file ("Tệp có cấu trúc cũ…", then nothing), and every command and the
    window then refused it: "duplicate column name: version"."""
    tamper(office, "delete from schema_migration where name like '0020%'")
    said = checked(office, capsys)
    assert "không cập nhật được lên bản này" in said and "schema_migration" in said
    assert main.main(["export", "members", "--db", str(office), "-o", str(office.with_suffix(".xlsx"))]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_an_award_an_earlier_version_let_the_bloc_give_is_said_without_failing(office, capsys, monkeypatch):
    """A Bằng khen stored with the bloc as its issuer before the form refused it: not a forgery,
    but the reports would print it as the bloc's; `check` names it so the clerk corrects it."""
    import models.awards.awarding as awarding
    from models.awards.awarding import create_award

    open_database(office)
    with monkeypatch.context() as earlier_version, session.acting_as(authenticate("quantri", PASSWORD)):
        earlier_version.setattr(awarding, "beyond_the_bloc", lambda form, issuer: False)
        create_award(recipient_kind="COLLECTIVE", recipient_name="Chi bộ Văn phòng", form="BANG_KHEN",
                     issuer="Ban Thường vụ Đảng ủy Khối", decision_date=date(2024, 1, 20))
    close_database()
    capsys.readouterr()
    assert main.main(["check", "--db", str(office)]) == 0
    assert "1 khen thưởng ghi “Ban Thường vụ Đảng ủy Khối” tặng bằng khen" in capsys.readouterr().out

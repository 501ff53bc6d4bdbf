"""Whatever command meets a file the system refuses, the terminal gets a Vietnamese reason,
never a traceback."""

import main
from models.core.db import close_database, open_database
from models.orgs.changes import create_org


def test_a_refused_folder_in_any_command_is_said_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "dangvu.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    close_database()
    taken = tmp_path / "mau"
    taken.write_text("một tệp, không phải thư mục")
    status = main.main(["ratings", "export", "--year", "2024", "--db", str(path), "-o", str(taken)])
    message = capsys.readouterr().err
    assert status == 1 and "Traceback" not in message
    assert "đã có một tệp cùng tên" in message and "exists" not in message


def test_a_dry_run_import_on_a_missing_database_writes_nothing(tmp_path, capsys):
    """Reported: a dry run on a database path that does not exist created the file."""
    from openpyxl import Workbook

    import main

    book = Workbook()
    book.active.append(["Họ và tên", "Giới tính", "Ngày sinh", "Chi bộ"])
    book.active.append(["Nguyễn Văn Đức", "Nam", "15/05/1980", "Chi bộ Sở Tư pháp"])
    source = tmp_path / "ds.xlsx"
    book.save(source)
    target = tmp_path / "chua-co.db"
    assert main.main(["import", "members", str(source), "--db", str(target), "--dry-run"]) != 0
    assert not target.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["ds.xlsx"]
    assert "không có tệp" in capsys.readouterr().err.lower()


def test_a_folder_given_for_a_file_is_named_as_a_folder(tmp_path, capsys):
    """Reported: `import members` given the folder of the returns said "Không có tệp …", as if
    nothing were there."""
    path = tmp_path / "dangvu.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    close_database()
    folder = tmp_path / "danh-sach"
    folder.mkdir()
    for command in (["import", "members", str(folder)], ["restore", str(folder)]):
        assert main.main([*command, "--db", str(path)]) == 1
        message = capsys.readouterr().err
        assert f"{folder} là một thư mục, không phải tệp" in message and "Traceback" not in message


def test_an_empty_file_is_refused_by_the_commands_that_read_and_left_empty(tmp_path, capsys):
    """Found: `report year-end` on a 0-byte file wrote 651 kB of tables into it and printed a
    report of headings alone, as if the bloc had nothing to report."""
    path = tmp_path / "trong.db"
    path.write_bytes(b"")
    commands = (["report", "year-end", "--year", "2026", "-o", str(tmp_path / "bc.pdf"), "--db", str(path)],
                ["export", "members", "-o", str(tmp_path / "ds.xlsx"), "--db", str(path)],
                ["backup", "-o", str(tmp_path / "sao-luu.db"), "--db", str(path)],
                ["transfer", "--from", str(path), "--to", str(tmp_path / "moi.db")])
    for command in commands:
        assert main.main(command) == 1, command
        message = capsys.readouterr().err
        assert f"Tệp {path} trống" in message and "Traceback" not in message, command
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trong.db"]


def _made_on_another_workstation(tmp_path, monkeypatch, accounts: bool = False):
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "may-khac"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    path = tmp_path / "dangvu.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    if accounts:
        from models.accounts.users import create_user

        create_user("quantri", "Nguyễn Quản Trị", "ADMIN", "mat-khau-du-dai")
    close_database()
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "may-nay"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    return path


def test_a_file_without_accounts_from_another_workstation_says_why_nobody_can_act(tmp_path, monkeypatch,
                                                                                  capsys):
    """Found: such a file (an office's data prepared on another PC) answered every command with
    "Chưa đăng nhập … Dữ liệu này có tài khoản người dùng: thêm --user", though it has none, and
    `user add` the same: no way out was named."""
    path = _made_on_another_workstation(tmp_path, monkeypatch)
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-du-dai")
    for command in (["user", "add", "quantri", "--name", "Nguyễn Quản Trị", "--role", "ADMIN"],
                    ["report", "year-end", "--year", "2026", "-o", str(tmp_path / "bc.pdf")]):
        assert main.main([*command, "--db", str(path)]) == 1
        said = capsys.readouterr().err
        assert "không do chính máy này ghi từ đầu" in said and "tạo tài khoản quản trị ở đó" in said
        assert "có tài khoản người dùng: thêm --user" not in said
    assert not (tmp_path / "bc.pdf").exists()


def test_accounts_deleted_outside_the_program_are_named_as_such(tmp_path, monkeypatch, capsys):
    import sqlite3

    path = _made_on_another_workstation(tmp_path, monkeypatch, accounts=True)
    with sqlite3.connect(path) as raw:
        raw.execute("delete from app_user")
    assert main.main(["export", "members", "--db", str(path), "-o", str(tmp_path / "ds.xlsx")]) == 1
    assert "đã bị xóa ngoài phần mềm" in capsys.readouterr().err


def test_a_new_file_in_a_folder_not_there_names_the_folder(tmp_path, capsys):
    """`demo --db` into a folder that does not exist said "Không đọc hay ghi được tệp …/x.db.lock:
    không tìm thấy tệp hoặc thư mục": a lock file the clerk never heard of."""
    target = tmp_path / "usb" / "khoi.db"
    assert main.main(["demo", "--db", str(target)]) == 1
    message = capsys.readouterr().err
    assert f"Không có thư mục {target.parent}" in message and ".lock" not in message
    assert not target.parent.exists()

"""backup, restore and check from the command line: messages, exit codes, nothing lost."""

from pathlib import Path

from peewee import Model, SqliteDatabase, TextField

import main
from models.core import vocab as v
from models.core.db import close_database, open_database
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg


class Note(Model):
    """A table of another program's database."""
    text = TextField()


def _database(path: Path, *names: str) -> Path:
    open_database(path)
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    for name in names:
        create_org(name=name, level=v.CBCS, parent_id=bloc.id)
    close_database()
    return path


def _names(path: Path) -> list[str]:
    open_database(path)
    try:
        return sorted(row.name for row in PartyOrg.select())
    finally:
        close_database()


def test_backup_then_restore_brings_the_records_back(tmp_path, capsys):
    db = _database(tmp_path / "dangvu.db", "Chi bộ A")
    assert main.main(["backup", "--db", str(db), "-o", str(tmp_path / "sao-luu.db")]) == 0
    open_database(db)
    create_org(name="Chi bộ B", level=v.CBCS, parent_id=PartyOrg.get(PartyOrg.level == v.BLOC).id)
    close_database()
    assert main.main(["restore", str(tmp_path / "sao-luu.db"), "--db", str(db),
                      "--keep", str(tmp_path / "giu")]) == 0
    out = capsys.readouterr().out
    assert "Đã khôi phục" in out and "được giữ tại" in out
    assert _names(db) == ["Chi bộ A", "Đảng bộ Khối các cơ quan tỉnh"]
    kept = next((tmp_path / "giu").iterdir())
    assert "Chi bộ B" in _names(kept)


def test_restore_refuses_a_foreign_file_and_changes_nothing(tmp_path, capsys):
    db = _database(tmp_path / "dangvu.db", "Chi bộ A")
    other = tmp_path / "khac.db"
    foreign = SqliteDatabase(str(other))
    with foreign.bind_ctx([Note]):
        foreign.create_tables([Note])
    foreign.close()
    assert main.main(["restore", str(other), "--db", str(db)]) == 1
    assert "chương trình khác" in capsys.readouterr().err
    assert _names(db) == ["Chi bộ A", "Đảng bộ Khối các cơ quan tỉnh"]


def test_check_exits_non_zero_on_a_problem_and_opens_no_foreign_file(tmp_path, capsys):
    db = _database(tmp_path / "dangvu.db")
    assert main.main(["check", "--db", str(db)]) == 0
    assert "Không thấy vấn đề" in capsys.readouterr().out
    open_database(db)
    PartyOrg.update(name="sửa ngoài phần mềm").execute()
    from models.accounts.tables import AuditEntry

    AuditEntry.update(new_values="{}").where(AuditEntry.id == 1).execute()
    close_database()
    assert main.main(["check", "--db", str(db)]) == 3
    assert "Nhật ký thay đổi đã bị sửa" in capsys.readouterr().err
    text = tmp_path / "ghi-chu.db"
    text.write_text("không phải cơ sở dữ liệu")
    assert main.main(["check", "--db", str(text)]) == 3
    assert "không phải tệp dữ liệu" in capsys.readouterr().err
    assert text.read_text() == "không phải cơ sở dữ liệu"


def test_restore_onto_a_new_workstation_makes_the_folder(tmp_path, capsys):
    """Reported: restoring into a folder not yet made said only that a ".lock" file could not be
    read; a backup named wrongly made no folder at all."""
    db = _database(tmp_path / "dangvu.db", "Chi bộ A")
    assert main.main(["backup", "--db", str(db), "-o", str(tmp_path / "sao-luu.db")]) == 0
    fresh = tmp_path / "may-moi" / "DangVu" / "dangvu.db"
    assert main.main(["restore", str(tmp_path / "khong-co.db"), "--db", str(fresh)]) == 1
    assert "Không có tệp" in capsys.readouterr().err and not (tmp_path / "may-moi").exists()
    assert main.main(["restore", str(tmp_path / "sao-luu.db"), "--db", str(fresh)]) == 0
    assert _names(fresh) == ["Chi bộ A", "Đảng bộ Khối các cơ quan tỉnh"]


def test_check_says_which_part_it_is_at_and_keeps_its_findings_on_stdout(tmp_path, capsys):
    """Found: at 100,000 members `check` said nothing for 40 s."""
    db = _database(tmp_path / "dangvu.db", "Chi bộ A")
    assert main.main(["check", "--db", str(db)]) == 0
    said = capsys.readouterr()
    assert said.out.endswith(f"Không thấy vấn đề gì trong {db}.\n") and "Đang kiểm tra" not in said.out
    parts = [line.split("…")[0].strip() for line in said.err.splitlines()]
    assert parts == ["Đang kiểm tra tệp dữ liệu", "Đang kiểm tra chuỗi nhật ký thay đổi",
                     "Đang kiểm tra hồ sơ đảng viên, xếp loại, tài khoản",
                     "Đang kiểm tra dữ liệu so với nhật ký thay đổi"]

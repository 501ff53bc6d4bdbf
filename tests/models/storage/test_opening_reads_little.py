"""On the way to work a file closed cleanly is not read page by page (0.4 s at 30,000 members,
up to 3.9 s at 100,000, on every start and command); a file left open by a crash is. Damage
after a clean close is still found by `check` and by every backup, which read every page."""

import shutil

import peewee
import pytest

import main
from models.core.db import close_database, open_database
from models.core.errors import ValidationError
from models.orgs.changes import create_org
from models.storage import before_opening, open_checked
from models.storage.backups import inspect_file


@pytest.fixture
def pragmas(monkeypatch):
    asked = []
    real = peewee.SqliteDatabase.pragma

    def pragma(self, key, *args, **kwargs):
        asked.append(key)
        return real(self, key, *args, **kwargs)

    monkeypatch.setattr(peewee.SqliteDatabase, "pragma", pragma)
    return asked


def office_file(tmp_path, name="dangvu.db", keep_open=False):
    path = tmp_path / name
    open_database(path)
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    for n in range(300):
        create_org(name=f"Chi bộ Phòng số {n} của một cơ quan có tên dài", level="CBCS", parent_id=bloc.id)
    if not keep_open:
        close_database()
    return path


def left_by_a_crash(tmp_path):
    """The file and its -wal as a power cut leaves them: copied while the program had it open."""
    live = office_file(tmp_path, "dang-mo.db", keep_open=True)
    crashed = tmp_path / "sau-su-co.db"
    shutil.copyfile(live, crashed)
    shutil.copyfile(f"{live}-wal", f"{crashed}-wal")
    close_database()
    return crashed


def damage_the_last_pages(path, pages=3):
    content = bytearray(path.read_bytes())
    content[-4096 * pages:] = b"\xa5" * (4096 * pages)
    path.write_bytes(bytes(content))


def test_a_file_closed_cleanly_opens_without_reading_every_page(tmp_path, pragmas):
    path = office_file(tmp_path)
    pragmas.clear()
    open_checked(path)
    close_database()
    assert "quick_check" not in pragmas and "integrity_check" not in pragmas


def test_a_file_left_open_by_a_crash_is_read_whole_first(tmp_path, pragmas):
    crashed = left_by_a_crash(tmp_path)
    pragmas.clear()
    open_checked(crashed)
    close_database()
    assert "quick_check" in pragmas


def test_damage_found_after_a_crash_before_work_and_after_a_clean_close_by_check(tmp_path, capsys):
    path = office_file(tmp_path)
    damage_the_last_pages(path)
    assert before_opening(path).ok  # its schema reads: the pages are read only by what reads them
    assert not inspect_file(path).ok
    assert main.main(["check", "--db", str(path)]) == 3
    assert "bị hỏng" in capsys.readouterr().err

    open(f"{path}-wal", "wb").close()  # as a crash leaves it
    with pytest.raises(ValidationError) as refused:
        open_checked(path)
    assert "bị hỏng" in refused.value.message

"""Writing down where the trail ends is the last step of a command that wrote: when the
app-data folder will not take it (full, or the file blocked), the clerk reads why in
Vietnamese; the change itself stays written and the file is closed."""

import pytest

import main
from models.accounts import anchor
from models.accounts.tables import AppUser
from models.core.db import close_database, database, open_database
from models.orgs.changes import create_org


@pytest.fixture
def blocked_anchors(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "khoa"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    (tmp_path / "khoa" / anchor.ANCHORS_FILE).mkdir(parents=True)  # where the file should go
    path = tmp_path / "dangvu.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    close_database()
    return path


def test_a_command_that_cannot_anchor_says_so_and_keeps_its_change(blocked_anchors, capsys, monkeypatch):
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-du-dai")
    status = main.main(["user", "add", "quantri", "--name", "Quản Trị", "--role", "ADMIN",
                        "--db", str(blocked_anchors)])
    message = capsys.readouterr().err
    assert status == 1 and "Traceback" not in message
    assert "Không ghi được" in message and anchor.ANCHORS_FILE in message
    assert database.is_closed()
    open_database(blocked_anchors)
    assert [user.username for user in AppUser.select()] == ["quantri"]
    close_database()

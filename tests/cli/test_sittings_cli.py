"""`login` opens a sitting: the commands that follow with the same --user run without the
password and without its key derivation; `logout` ends it; making an account asks the password
whatever sitting is open."""

import hashlib

import pytest

import main
from models.accounts.session import ADMIN
from models.accounts.users import create_user
from models.core.db import close_database

PASSWORD = "mat-khau-du-dai-1"


@pytest.fixture
def office_file(db_location, bloc_tree):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    close_database()
    return str(db_location)


def test_login_then_commands_without_the_password(office_file, tmp_path, monkeypatch, capsys):
    derivations = []
    real = hashlib.scrypt
    monkeypatch.setattr("models.accounts.users.hashlib.scrypt",
                        lambda *args, **kwargs: derivations.append(1) or real(*args, **kwargs))
    listing = ["returns", "list", "--db", office_file, "--user", "quantri"]
    monkeypatch.delenv("DANGVU_PASSWORD", raising=False)
    assert main.main(listing) == 1
    assert "Cần mật khẩu" in capsys.readouterr().err
    monkeypatch.setenv("DANGVU_PASSWORD", "sai-mat-khau-roi")
    assert main.main(["login", "--db", office_file, "--user", "quantri"]) == 1  # the password is checked
    monkeypatch.setenv("DANGVU_PASSWORD", PASSWORD)
    assert main.main(["login", "--db", office_file, "--user", "QuanTri", "--hours", "2"]) == 0
    assert "Đã mở phiên làm việc của quantri đến" in capsys.readouterr().out
    monkeypatch.delenv("DANGVU_PASSWORD")
    derivations.clear()
    assert main.main(listing) == 0
    assert main.main(["dues", "share", "--db", office_file, "--user", "quantri"]) == 0
    assert derivations == []  # no key derivation within the sitting
    capsys.readouterr()
    made = ["user", "add", "moi", "--name", "Người Mới", "--role", "CLERK", "--db", office_file,
            "--user", "quantri"]
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-moi-du-dai")
    assert main.main(made) == 1  # an account made: the password again, sitting or not
    assert "Cần mật khẩu" in capsys.readouterr().err
    assert main.main(["logout", "--db", office_file, "--user", "quantri"]) == 0
    assert "Đã kết thúc phiên làm việc." in capsys.readouterr().out
    assert main.main(listing) == 1

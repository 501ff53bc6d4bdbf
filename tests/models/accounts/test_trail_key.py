"""The key that signs the trail: made once per workstation, never replaced, readable by its
owner only; several programs starting together for the first time agree on one key; a damaged
key file is said in Vietnamese."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.accounts import trail_key
from models.core.errors import ValidationError

ROOT = Path(__file__).resolve().parents[3]
READ_KEY = "from models.accounts import trail_key; print(trail_key.key(create=True).hex())"


@pytest.fixture
def key_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "khoa"))
    monkeypatch.setattr(trail_key, "_remembered", None)
    return tmp_path / "khoa"


def test_the_key_is_made_once_and_kept(key_folder, monkeypatch):
    first = trail_key.key(create=True)
    monkeypatch.setattr(trail_key, "_remembered", None)
    assert trail_key.key() == first and len(first) == trail_key.KEY_BYTES
    if os.name == "posix":
        assert (key_folder / trail_key.KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert [path.name for path in key_folder.iterdir()] == [trail_key.KEY_FILE]


def test_programs_starting_together_agree_on_one_key(key_folder):
    environment = {**os.environ, "DANGVU_KEY_DIR": str(key_folder)}
    for _ in range(5):
        for path in key_folder.glob("*"):
            path.unlink()
        runs = [subprocess.Popen([sys.executable, "-c", READ_KEY], cwd=ROOT, env=environment,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
        answers = [run.communicate() for run in runs]
        assert all(not error for _out, error in answers), answers
        assert len({out for out, _error in answers}) == 1


def test_a_damaged_key_is_said_in_vietnamese(key_folder):
    key_folder.mkdir()
    (key_folder / trail_key.KEY_FILE).write_bytes(b"ngan")
    with pytest.raises(ValidationError) as refused:
        trail_key.key()
    assert "bị hỏng" in refused.value.message and trail_key.KEY_FILE in refused.value.message


def test_a_missing_key_is_a_refusal_naming_the_folder_never_a_new_key(key_folder, db):
    """Reported: with the key deleted, `check` passed and the program made a new key and wrote on."""
    from datetime import date

    from models.core import vocab as v
    from models.members.events import create_member
    from models.orgs.changes import create_org
    from tests.conftest import person

    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)  # the first entry makes the key
    cell = create_org(name="Chi bộ Sở Tư pháp", level=v.CBCS, parent_id=bloc.id)
    (key_folder / trail_key.KEY_FILE).unlink()
    trail_key._remembered = None
    with pytest.raises(trail_key.KeyMissing) as refused:
        create_member(person(), {"kind": v.ADMITTED, "date": date(2010, 3, 1), "org_id": cell.id})
    assert str(key_folder) in refused.value.message and "chép lại tệp" in refused.value.message
    assert not (key_folder / trail_key.KEY_FILE).exists()

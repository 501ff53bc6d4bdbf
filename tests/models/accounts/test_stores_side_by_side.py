"""The anchor store and the sittings in the app-data folder are shared by every process of the
workstation — the window, commands, the demo. Several of them closing files at once must
neither fail nor lose each other's lines (found by CI: a demo run beside another stopped with
"Không ghi được …/moc-nhat-ky.json: không tìm thấy tệp hoặc thư mục", both writers having
used one half-written file)."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from models.accounts.anchor import IDENTITY, _read_anchors
from models.accounts.trail_key import app_data_folder

WRITERS, ROUNDS = 4, 25


def anchor_again_and_again(folder: str) -> str:
    """In a process of its own: a file with a trail, its anchor recorded ROUNDS times."""
    from models.accounts.anchor import current, record_anchor
    from models.core import vocab as v
    from models.core.db import close_database, open_database
    from models.orgs.changes import create_org

    db = Path(folder) / "dangvu.db"
    open_database(db)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    for _ in range(ROUNDS):
        assert record_anchor(db)
    identity = current().first_hash
    close_database()
    return identity


def test_processes_recording_anchors_at_once_keep_every_one(tmp_path):
    folders = [tmp_path / f"van-phong-{n}" for n in range(WRITERS)]
    for folder in folders:
        folder.mkdir()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(WRITERS, mp_context=context) as pool:
        identities = list(pool.map(anchor_again_and_again, map(str, folders)))
    stored = _read_anchors()
    for folder, identity in zip(folders, identities, strict=True):
        assert str((folder / "dangvu.db").resolve()) in stored
        assert IDENTITY + identity in stored
    assert not list(app_data_folder().glob("*dang-ghi*"))  # no half-written store left

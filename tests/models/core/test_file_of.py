"""The file behind an open database's name, also when it was opened read-only by its URI (`check`
finds the folder of attached files beside it): a local path, one with spaces and Vietnamese
letters, and a file on a network share."""

from pathlib import Path

from models.core.db import read_only_uri
from models.core.where import file_of


def test_a_file_opened_by_its_uri_is_the_file(tmp_path):
    path = tmp_path / "dữ liệu đảng vụ" / "văn phòng.db"
    path.parent.mkdir()
    path.write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert file_of(read_only_uri(path)) == path.resolve()
    assert file_of(str(path)) == path


def test_a_file_on_a_network_share_keeps_its_server():
    assert file_of("file://may-chu/chung/dangvu.db?mode=ro") == Path("//may-chu/chung/dangvu.db")

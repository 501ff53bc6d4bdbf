"""A file the program cannot use is explained in Vietnamese, whatever refused it: the
operating system or SQLite. Their English stays out of what the clerk reads."""

import errno
import sqlite3

import pytest

from models.core.errors import ValidationError, failure_reason
from models.storage.backups import inspect_file
from models.storage.opening import open_checked


@pytest.mark.parametrize("error, expected", [
    (PermissionError(errno.EACCES, "Permission denied"), "không có quyền ghi"),
    (OSError(errno.ENOSPC, "No space left on device"), "ổ đĩa đã đầy"),
    (sqlite3.DatabaseError("database disk image is malformed"), "tệp bị hỏng"),
    (sqlite3.DatabaseError("file is not a database"), "không phải tệp cơ sở dữ liệu"),
    (sqlite3.OperationalError("unable to open database file"), "không mở được tệp"),
    (ValidationError("file", "Tệp trống."), "Tệp trống."),
])
def test_known_refusals_are_said_in_vietnamese(error, expected):
    assert expected in failure_reason(error)


def damaged_copy(tmp_path):
    """A real data file whose pages after the first were overwritten: the header still says
    SQLite, the tables cannot be read."""
    path = tmp_path / "hong.db"
    with sqlite3.connect(path) as raw:
        raw.execute("create table schema_migration (name text)")
        raw.executemany("insert into schema_migration values (?)", [("x" * 200,)] * 400)
    content = bytearray(path.read_bytes())
    content[4096:] = b"\xa5" * (len(content) - 4096)
    path.write_bytes(bytes(content))
    return path


def test_a_damaged_file_is_said_damaged_without_sqlites_words(tmp_path):
    check = inspect_file(damaged_copy(tmp_path), thorough=True)
    assert not check.ok and "hỏng" in check.problem
    assert "malformed" not in check.problem and "database" not in check.problem.lower()


def test_opening_a_damaged_file_says_so_in_vietnamese(tmp_path):
    with pytest.raises(ValidationError) as refused:
        open_checked(damaged_copy(tmp_path))
    assert "hỏng" in refused.value.message and "malformed" not in refused.value.message

"""A database a newer version of the program set up is refused untouched, on either engine:
opening it, checking it and transferring from it."""

from datetime import datetime

import pytest

from models.core.db import close_database, current_location
from models.core.errors import ValidationError
from models.migrations import SchemaMigration
from models.storage.integrity import check_file
from models.storage.opening import open_checked
from models.storage.transfer import transfer_database


def test_a_newer_schema_is_refused_by_open_check_and_transfer(db, tmp_path):
    where = current_location()
    with db.bind_ctx([SchemaMigration]):
        SchemaMigration.create(name="9999_future", applied_at=datetime.now())
    close_database()
    with pytest.raises(ValidationError, match="phiên bản Đảng vụ mới hơn"):
        open_checked(where)
    assert "phiên bản Đảng vụ mới hơn" in check_file(where).problems[0]
    with pytest.raises(ValidationError, match="phiên bản Đảng vụ mới hơn"):
        transfer_database(where, tmp_path / "moi.db")
    assert not (tmp_path / "moi.db").exists()


@pytest.mark.file_only  # a path as the clerk spelled it: a server has none
def test_the_refusal_names_the_file_as_it_is_spelled(db, tmp_path):
    """Transferring from "D:/Khoi CQ/DangVu.db" the refusal named "Tệp d:/khoi cq/dangvu.db"
    (str.capitalize lowered every other letter), a file the clerk could not find."""
    import shutil

    with db.bind_ctx([SchemaMigration]):
        SchemaMigration.create(name="9999_future", applied_at=datetime.now())
    where = current_location()
    close_database()
    spelled = tmp_path / "Khoi CQ" / "DangVu.db"
    spelled.parent.mkdir()
    shutil.copyfile(where, spelled)
    with pytest.raises(ValidationError) as refused:
        transfer_database(spelled, tmp_path / "moi.db")
    assert f"Tệp {spelled} được tạo bởi phiên bản Đảng vụ mới hơn" in refused.value.message

"""What the program writes for the clerk goes in place whole or not at all."""

import pytest

from models.core.errors import ValidationError
from models.core.excel import write_table
from models.core.files import write_in_place


def test_a_workbook_held_open_keeps_the_old_copy_and_leaves_no_partial(tmp_path, monkeypatch):
    target = tmp_path / "bang.xlsx"
    target.write_bytes(b"ban cu")

    def held_open(_source, _target):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr("models.core.files.os.replace", held_open)
    with pytest.raises(ValidationError) as refused:
        write_table(target, "DANH SÁCH", "", ["Họ và tên"], [["Nguyễn Văn An"]])
    assert "đang mở ở chương trình khác" in refused.value.message
    assert target.read_bytes() == b"ban cu"
    assert [path.name for path in tmp_path.iterdir()] == ["bang.xlsx"]


def test_a_stopped_write_passes_its_reason_through_and_leaves_nothing(tmp_path):
    class Stopped(Exception):
        pass

    def write(partial):
        partial.write_text("một nửa")
        raise Stopped

    with pytest.raises(Stopped):
        write_in_place(tmp_path / "a.csv", write)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_said_in_vietnamese(tmp_path):
    def write(_partial):
        raise OSError(28, "No space left on device")

    with pytest.raises(ValidationError) as refused:
        write_in_place(tmp_path / "a.pdf", write)
    assert "ổ đĩa đã đầy" in refused.value.message and "space" not in refused.value.message


def test_a_name_as_long_as_the_system_allows_is_written(tmp_path):
    # The partial file beside it must not be the name that is too long: a 250-byte name is legal.
    name = "Báo cáo tổng kết " * 20
    while len(name.encode("utf-8")) > 246:
        name = name[:-1]
    target = tmp_path / (name.strip() + ".pdf")
    assert 240 < len(target.name.encode("utf-8")) <= 255
    write_in_place(target, lambda partial: partial.write_bytes(b"%PDF"))
    assert target.read_bytes() == b"%PDF"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_name_too_long_is_said_with_the_clerks_name_not_the_partial_one(tmp_path):
    target = tmp_path / ("a" * 300 + ".pdf")
    with pytest.raises(ValidationError) as refused:
        write_in_place(target, lambda partial: partial.write_bytes(b"%PDF"))
    assert "tên tệp quá dài" in refused.value.message
    assert "dang-ghi" not in refused.value.message

"""Issuing a document: the number is committed only once the file is in place, so a write
that fails (the old copy open in a PDF viewer, a folder that refuses writing) burns none."""

from datetime import date
from pathlib import Path

import pytest

from models.core.errors import ValidationError
from models.documents.issue import issue_document, write_draft
from models.documents.register import register_rows


def writer(content: bytes):
    def write(path: Path, number: int | None) -> None:
        path.write_bytes(content + f" số {number}".encode())
    return write


def failing(path: Path, number: int | None) -> None:
    path.write_bytes(b"half a PDF")
    raise OSError(28, "No space left on device")


def test_numbers_follow_when_every_write_succeeds(db, tmp_path):
    first = issue_document("BC", "Báo cáo A", date(2025, 1, 5), tmp_path / "a.pdf", writer(b"A"))
    second = issue_document("BC", "Báo cáo B", date(2025, 1, 6), tmp_path / "b.pdf", writer(b"B"))
    assert (first.number, second.number) == (1, 2)
    assert (tmp_path / "b.pdf").read_bytes() == "B số 2".encode()


def test_a_file_held_open_burns_no_number(db, tmp_path, monkeypatch):
    """Windows refuses to replace a PDF that a viewer holds open."""
    issue_document("BC", "Báo cáo A", date(2025, 1, 5), tmp_path / "a.pdf", writer(b"A"))

    def held_open(source, target):
        raise PermissionError(13, "The process cannot access the file", str(target))

    monkeypatch.setattr("models.core.files.os.replace", held_open)
    with pytest.raises(ValidationError) as refused:
        issue_document("BC", "Báo cáo B", date(2025, 1, 6), tmp_path / "a.pdf", writer(b"B"))
    assert "tệp đang mở ở chương trình khác" in refused.value.message
    monkeypatch.undo()
    assert (tmp_path / "a.pdf").read_bytes() == "A số 1".encode()
    assert [row[0] for row in register_rows()] == [1]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["a.pdf"]
    again = issue_document("BC", "Báo cáo B", date(2025, 1, 6), tmp_path / "b.pdf", writer(b"B"))
    assert again.number == 2


def test_a_target_that_cannot_be_a_file_burns_no_number(db, tmp_path):
    (tmp_path / "b.pdf").mkdir()  # a folder where the file should go
    (tmp_path / "b.pdf" / "x").write_text("")
    with pytest.raises(ValidationError) as refused:
        issue_document("BC", "Báo cáo B", date(2025, 1, 6), tmp_path / "b.pdf", writer(b"B"))
    assert "Không ghi được" in refused.value.message
    assert register_rows() == []


def test_a_failed_render_leaves_no_file_and_no_number(db, tmp_path):
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(b"the copy printed yesterday")
    with pytest.raises(ValidationError):
        issue_document("BC", "Báo cáo", date(2025, 1, 5), target, failing)
    assert target.read_bytes() == b"the copy printed yesterday"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["bao-cao.pdf"]
    assert register_rows() == []


def test_a_draft_replaces_its_file_only_when_complete(db, tmp_path):
    target = tmp_path / "du-thao.pdf"
    target.write_bytes(b"old draft")
    with pytest.raises(ValidationError):
        write_draft(target, failing)
    assert target.read_bytes() == b"old draft"
    write_draft(target, writer(b"new draft"))
    assert target.read_bytes() == "new draft số None".encode()

"""Attached files stay in their folder: a stored name read from a crafted database or backup
never makes the app delete, open or check a file outside it; a long file name is kept as the
clerk's name and shortened on disk."""

import os
from datetime import date
from pathlib import Path

import pytest

from models.core.errors import ValidationError
from models.meetings.files import attach_file, file_copy, files_of, remove_file, verify_file
from models.meetings.folder import attachments_folder
from models.meetings.record import create_meeting, delete_meeting
from models.meetings.tables import MeetingFile


@pytest.fixture
def meeting(db):
    return create_meeting({"body": "BTV_DUK", "kind": "KHAC", "date": date(2024, 3, 5)})


@pytest.fixture
def victim(tmp_path):
    path = tmp_path / "ngoai" / "bao-cao-quan-trong.docx"
    path.parent.mkdir()
    path.write_text("nội dung không được mất")
    return path


def crafted(meeting, source, victim) -> MeetingFile:
    """An attachment whose stored name was edited to point outside the folder."""
    stored = attach_file(meeting.id, source)
    relative = Path(os.path.relpath(victim, attachments_folder())).as_posix()
    MeetingFile.update(stored_name=relative).where(MeetingFile.id == stored.id).execute()
    outside = attachments_folder() / relative
    assert outside.resolve() == victim.resolve()  # the crafted name does reach the victim
    return MeetingFile.get_by_id(stored.id)


def test_removing_a_crafted_attachment_leaves_the_outside_file(meeting, victim, tmp_path):
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 bien ban")
    row = crafted(meeting, source, victim)
    remove_file(row.id)
    assert victim.read_text() == "nội dung không được mất"
    assert not MeetingFile.select().where(MeetingFile.id == row.id).exists()


def test_deleting_the_meeting_leaves_the_outside_file(meeting, victim, tmp_path):
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 bien ban")
    crafted(meeting, source, victim)
    delete_meeting(meeting.id)
    assert victim.exists()


def test_a_crafted_attachment_is_shown_missing_and_fails_its_check(meeting, victim, tmp_path):
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 bien ban")
    row = crafted(meeting, source, victim)
    [shown] = files_of(meeting.id)
    assert shown.missing
    with pytest.raises(ValidationError, match="Không tìm thấy bản chép"):
        file_copy(row.id)
    assert verify_file(row.id) is False
    assert victim.read_text() == "nội dung không được mất"


def test_a_very_long_file_name_is_attached(meeting, tmp_path):
    long_name = "Bien ban hoi nghi " + "rat dai " * 30
    long_name = long_name[:250] + ".pdf"  # 254 characters, as Windows allows
    source = tmp_path / long_name
    source.write_bytes(b"%PDF-1.4")
    stored = attach_file(meeting.id, source)
    assert stored.original_name == long_name
    copy = file_copy(stored.id)
    assert copy.is_file() and len(copy.name) < 200
    assert verify_file(stored.id)


@pytest.mark.file_only  # on a server the file goes into the database, not onto a disk
def test_a_name_the_disk_refuses_is_said_in_vietnamese(meeting, tmp_path, monkeypatch):
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4")

    def refuse(*_args, **_kwargs):
        raise OSError(36, "File name too long")

    monkeypatch.setattr("models.meetings.files.shutil.copyfile", refuse)
    with pytest.raises(ValidationError) as refused:
        attach_file(meeting.id, source)
    assert "Không chép được tệp" in refused.value.message and "File name" not in refused.value.message

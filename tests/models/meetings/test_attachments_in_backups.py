"""A backup of a file installation carries its meetings' attached files: restored on another
workstation (the old disk lost with the folder beside the file), they open and pass their check.
Before, the backup held only the database and each attachment came back "missing"."""

from datetime import date

import pytest

from models.core.db import close_database
from models.meetings.files import attach_file, file_copy, files_of, remove_file, verify_file
from models.meetings.record import create_meeting
from models.meetings.tables import MeetingFileContent
from models.storage.backups import backup_to
from models.storage.restoring import restore


@pytest.fixture
def attached(db, tmp_path):
    meeting = create_meeting({"body": "BTV_DUK", "kind": "KHAC", "date": date(2024, 3, 5)})
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(b"%PDF-1.4 bien ban hoi nghi")
    return meeting, source, attach_file(meeting.id, source)


@pytest.mark.file_only  # a server keeps its files in the database already
def test_a_backup_restored_on_another_workstation_brings_the_attached_files(attached, tmp_path):
    meeting, source, stored = attached
    assert MeetingFileContent.select().count() == 0  # the file installation keeps them in its folder
    backup = backup_to(tmp_path / "usb" / "sao-luu.db")
    close_database()
    (tmp_path / "may-moi").mkdir()
    restore(backup, tmp_path / "may-moi" / "dangvu.db", tmp_path / "giu-lai", by_signed_in_user=False)
    assert [f.missing for f in files_of(meeting.id)] == [False]
    assert verify_file(stored.id)
    assert file_copy(stored.id).read_bytes() == source.read_bytes()
    remove_file(stored.id)  # and removing it leaves nothing behind
    assert MeetingFileContent.select().count() == 0

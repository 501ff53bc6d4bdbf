"""Files attached to a meeting (minutes scans, decisions): copied into a folder beside the
database file, or on a server into the database (folder.py says why), so they stay when the
original is moved or deleted, and checked by their hash."""

import hashlib
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from models.accounts.audit import log_delete, log_insert
from models.core import clock
from models.core.checks import stored_record
from models.core.db import database, on_server
from models.core.errors import ValidationError, os_reason
from models.meetings.folder import (
    attached_bytes,
    attachment_path,
    attachments_folder,
    copy_out,
    drop_content,
    has_content,
)
from models.meetings.record import get_meeting, require_meeting_rights
from models.meetings.tables import MeetingFile, MeetingFileContent

MAX_BYTES = 200 * 1024 * 1024
DISK_NAME_BYTES = 120  # with the hash prefix, well under the 255 bytes a file name may have
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


@dataclass(frozen=True)
class StoredFile:
    id: int
    original_name: str
    size: int
    added_at: datetime
    missing: bool  # no copy to open: gone from the folder (or the database), or outside it


def _stored(row: MeetingFile) -> StoredFile:
    path = None if on_server() else attachment_path(row.stored_name)
    there = (path is not None and path.is_file()) or has_content(row.stored_name)
    return StoredFile(row.id, row.original_name, row.size, row.added_at, not there)


def file_copy(file_id: int) -> Path:
    """A copy of the attached file on this workstation's disk, to open."""
    row = _file_row(file_id)
    path = copy_out(row.stored_name, row.sha256)
    if path is None:
        raise ValidationError("file", f"Không tìm thấy bản chép của tệp “{row.original_name}” (đã bị xóa "
                                      "hoặc thay đổi ngoài phần mềm).")
    return path


def _file_row(file_id: int) -> MeetingFile:
    return stored_record(MeetingFile, file_id, "tệp đính kèm")


def _disk_name(name: str) -> str:
    """The clerk's file name made safe and short for the disk (the original is recorded)."""
    safe = _UNSAFE.sub("_", name).strip() or "tep"
    stem, dot, suffix = safe.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, suffix = safe, ""
    stem = stem.encode("utf-8")[:DISK_NAME_BYTES].decode("utf-8", errors="ignore").strip() or "tep"
    return f"{stem}.{suffix}" if suffix else stem


def files_of(meeting_id: int) -> list[StoredFile]:
    return [_stored(row) for row in MeetingFile.select().where(MeetingFile.meeting == meeting_id)
            .order_by(MeetingFile.id)]


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def attach_file(meeting_id: int, source: Path) -> StoredFile:
    """Copy the file in (to a temporary name, then renamed, so a half-copied file is never
    taken for a whole one) and record it; if recording fails, the copy is removed."""
    meeting = get_meeting(meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    source = Path(source)
    if not source.is_file():
        raise ValidationError("file", f"Không mở được tệp “{source.name}”.")
    size = source.stat().st_size
    if size > MAX_BYTES:
        raise ValidationError("file", f"Tệp “{source.name}” lớn hơn {MAX_BYTES // (1024 * 1024)} MB.")
    digest = _digest(source)
    stored_name = f"{meeting_id}/{digest[:12]}-{_disk_name(source.name)}"
    if on_server():
        return _stored(_attach_in_database(meeting_id, source, stored_name, size, digest))
    target = attachments_folder() / stored_name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".dang-chep")
    try:
        shutil.copyfile(source, partial)
        if _digest(partial) != digest:
            raise ValidationError("file", f"Tệp “{source.name}” thay đổi trong khi chép; hãy thử lại.")
        partial.replace(target)
        with database.atomic():
            row = MeetingFile.create(meeting=meeting_id, original_name=source.name, stored_name=stored_name,
                                     size=size, sha256=digest, added_at=clock.now())
            log_insert(row)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ValidationError("file", f"Không chép được tệp “{source.name}”: {os_reason(error)}.") from None
    except Exception:
        partial.unlink(missing_ok=True)
        if not MeetingFile.select().where(MeetingFile.stored_name == stored_name).exists():
            target.unlink(missing_ok=True)
        raise
    return _stored(row)


def _attach_in_database(meeting_id: int, source: Path, stored_name: str, size: int,
                        digest: str) -> MeetingFile:
    try:
        content = source.read_bytes()
    except OSError as error:
        raise ValidationError("file", f"Không đọc được tệp “{source.name}”: {os_reason(error)}.") from None
    if hashlib.sha256(content).hexdigest() != digest:
        raise ValidationError("file", f"Tệp “{source.name}” thay đổi trong khi chép; hãy thử lại.")
    with database.atomic():
        if not has_content(stored_name):
            MeetingFileContent.create(stored_name=stored_name, content=content)
        row = MeetingFile.create(meeting=meeting_id, original_name=source.name, stored_name=stored_name,
                                 size=size, sha256=digest, added_at=clock.now())
        log_insert(row)
    return row


def remove_file(file_id: int) -> None:
    """The record goes in the transaction; the copy is deleted once nothing refers to it."""
    row = _file_row(file_id)
    meeting = get_meeting(row.meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    path = attachment_path(row.stored_name)
    with database.atomic():
        log_delete(row)
        row.delete_instance()
        others = MeetingFile.select().where(MeetingFile.stored_name == row.stored_name).exists()
        if not others:
            drop_content(row.stored_name)
    if not others and path is not None:
        path.unlink(missing_ok=True)


def verify_file(file_id: int) -> bool:
    """The stored copy is there and unchanged: in the folder, or in the database (a server's, or
    a file restored on a workstation without the folder)."""
    row = _file_row(file_id)
    content = attached_bytes(row.stored_name)
    return content is not None and hashlib.sha256(content).hexdigest() == row.sha256

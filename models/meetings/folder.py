"""Where the copies of a meeting's attached files live, and the one way to reach a copy.

In a file installation: a folder beside the database file, which is never left (a stored name
leading outside it is refused). On a server: the database itself (meeting_file_content), so
every workstation reaches the same files with nothing to share or map; a copy is written to
this workstation's cache folder only when a clerk opens it. A backup or transfer of a server's
database carries its files; a file installation reads a content it finds in its database
(copied from a server) when its folder lacks the file."""

import hashlib
from pathlib import Path

from models.core.db import beside_database, database, on_server
from models.core.files import opened_copies
from models.core.where import location
from models.meetings.tables import MeetingFile, MeetingFileContent


def attachments_folder() -> Path:
    """<database name>-tep-dinh-kem beside the database file; on a server, this workstation's
    cache of the files opened from it."""
    if on_server():
        return opened_copies("tep-dinh-kem", location(database.database).stem)
    return beside_database("tep-dinh-kem")


def attachment_path(stored_name: str) -> Path | None:
    """The stored copy's path; None when the stored name leads outside the folder (a database
    or backup edited behind the app's back): nothing outside is ever opened or deleted."""
    folder = attachments_folder().resolve()
    path = (folder / stored_name).resolve()
    return path if path.is_relative_to(folder) and path != folder else None


def stored_content(stored_name: str) -> bytes | None:
    row = (MeetingFileContent.select(MeetingFileContent.content)
           .where(MeetingFileContent.stored_name == stored_name).first())
    return bytes(row.content) if row else None


def attached_bytes(stored_name: str) -> bytes | None:
    """The stored copy's bytes as a clerk would open them: the folder's on a file installation,
    else the database's (a server's, or a file restored where the folder is not)."""
    path = None if on_server() else attachment_path(stored_name)
    if path is not None and path.is_file():
        return path.read_bytes()
    return stored_content(stored_name)


def drop_content(stored_name: str) -> None:
    """In the caller's transaction, once no attached file refers to it any more."""
    MeetingFileContent.delete().where(MeetingFileContent.stored_name == stored_name).execute()


def has_content(stored_name: str) -> bool:
    return MeetingFileContent.select().where(MeetingFileContent.stored_name == stored_name).exists()


def copy_out(stored_name: str, sha256: str) -> Path | None:
    """A copy on this workstation's disk to open: the folder's (file installation), else the
    database's content written out — only when it is whole (its hash is the recorded one)."""
    path = attachment_path(stored_name)
    if path is None:
        return None
    if path.is_file() and (not on_server() or _digest_of(path.read_bytes()) == sha256):
        return path
    content = stored_content(stored_name)
    if content is None or _digest_of(content) != sha256:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".dang-chep")
    partial.write_bytes(content)
    partial.replace(path)
    return path


def _digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def files_into_database(target, folder: Path) -> int:
    """The attached files of a file installation, from its folder into the database `target` (a
    server it moves to, or its backup), in the caller's transaction: each whole one (its hash the
    recorded one) and inside the folder; others stay missing, as they were. A file installation
    reads them from there when its own folder lacks them (restored on another workstation)."""
    with target.bind_ctx([MeetingFile, MeetingFileContent], bind_refs=False, bind_backrefs=False):
        present = set(MeetingFileContent.select(MeetingFileContent.stored_name).tuples())
        moved = 0
        for stored_name, sha256 in MeetingFile.select(MeetingFile.stored_name, MeetingFile.sha256).tuples():
            path = (folder / stored_name).resolve()
            if (stored_name,) in present or not path.is_relative_to(folder.resolve()) or not path.is_file():
                continue
            content = path.read_bytes()
            if _digest_of(content) == sha256:
                MeetingFileContent.create(stored_name=stored_name, content=content)
                present.add((stored_name,))
                moved += 1
    return moved

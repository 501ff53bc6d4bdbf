"""Where the copies of a meeting's attached files live: a folder beside the database file;
and the one way to reach a copy, which never leads outside that folder."""

from pathlib import Path

from models.core.db import beside_database


def attachments_folder() -> Path:
    """<database name>-tep-dinh-kem beside the database file."""
    return beside_database("tep-dinh-kem")


def attachment_path(stored_name: str) -> Path | None:
    """The stored copy's path; None when the stored name leads outside the folder (a database
    or backup edited behind the app's back): nothing outside is ever opened or deleted."""
    folder = attachments_folder().resolve()
    path = (folder / stored_name).resolve()
    return path if path.is_relative_to(folder) and path != folder else None

"""Where the copies of a meeting's attached files live: a folder beside the database file."""

from pathlib import Path

from models.core.db import beside_database


def attachments_folder() -> Path:
    """<database name>-tep-dinh-kem beside the database file."""
    return beside_database("tep-dinh-kem")

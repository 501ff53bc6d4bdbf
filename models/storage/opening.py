"""Opening a data file to work on: a missing, foreign, damaged or newer file is refused with
a message, untouched; a new or older one is set up or upgraded by the migrations."""

import logging
from pathlib import Path

from peewee import DatabaseError

from models.core.db import close_database, database, open_database
from models.core.errors import ValidationError, failure_reason
from models.core.where import Server
from models.migrations import applied, newer_schema
from models.storage.backups import before_opening

log = logging.getLogger(__name__)


def open_checked(db_path: Path | Server, create: bool = False) -> None:
    """Open `db_path` for work. With `create`, a file that does not exist becomes a new
    database; otherwise it is refused. A server's database is refused when a newer version of
    the program has set it up; otherwise it is set up or brought up to date."""
    if isinstance(db_path, Server):
        _open_server(db_path)
        return
    db_path = Path(db_path)
    if not (create and not db_path.exists()):
        check = before_opening(db_path)
        if not check.ok:
            raise ValidationError("file", check.problem)
    try:
        open_database(db_path)
    except DatabaseError as error:
        close_database()
        raise ValidationError("file", f"Tệp {db_path} không phải dữ liệu của Đảng vụ hoặc đã hỏng "
                                      f"({failure_reason(error)}).") from None


def _open_server(server: Server) -> None:
    open_database(server)  # a connection refused is said in words (Unreachable)
    refusal = newer_schema(applied(database), f"Cơ sở dữ liệu {server.name}")
    if refusal:  # our migrations found nothing to do there; nothing was written
        close_database()
        raise ValidationError("server", refusal)


def leave_as_found(db_path: Path, existed: bool) -> None:
    """A file made by opening it (none there, or an empty one) and never used, closed already:
    as it was before, none or empty (a mistyped path left a data file behind)."""
    try:
        for part in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            part.unlink(missing_ok=True)
        if existed:
            db_path.write_bytes(b"")
        else:
            db_path.unlink(missing_ok=True)
    except OSError:  # held by an antivirus scan, say: an empty office's file left is no harm
        log.warning("Không xóa được tệp dữ liệu chưa dùng %s", db_path, exc_info=True)

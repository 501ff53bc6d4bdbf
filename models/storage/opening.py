"""Opening a data file to work on: a missing, foreign, damaged or newer file is refused with
a message, untouched; a new or older one is set up or upgraded by the migrations."""

from pathlib import Path

from peewee import DatabaseError

from models.core.db import close_database, open_database
from models.core.errors import ValidationError, failure_reason
from models.storage.backups import inspect_file


def open_checked(db_path: Path, create: bool = False) -> None:
    """Open `db_path` for work. With `create`, a file that does not exist becomes a new
    database; otherwise it is refused."""
    db_path = Path(db_path)
    if not (create and not db_path.exists()):
        check = inspect_file(db_path)
        if not check.ok:
            raise ValidationError("file", check.problem)
    try:
        open_database(db_path)
    except DatabaseError as error:
        close_database()
        raise ValidationError("file", f"Tệp {db_path} không phải dữ liệu của Đảng vụ hoặc đã hỏng "
                                      f"({failure_reason(error)}).") from None

"""Putting a printed document in place: drafts simply, issued documents with their number.

A document is rendered to a file beside its target first. Only when that file is complete is
it moved into place, and an issued document's number is committed to the register in the
same transaction: a failed write (a full disk, the old copy open in a PDF viewer on Windows)
leaves neither a half file nor a burnt number.
"""

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from models.accounts import session
from models.core.db import database
from models.core.errors import ValidationError, os_reason
from models.documents.register import register_document
from models.documents.tables import OutgoingDocument

Writer = Callable[[Path, int | None], None]  # writes the document with its number (None: draft)


def write_draft(target: Path, write: Writer) -> Path:
    """Write an unnumbered draft to `target` through a file beside it."""
    session.require(session.READ_RECORDS)
    _write_in_place(Path(target), lambda partial: write(partial, None))
    return Path(target)


def issue_document(type_code: str, title: str, issued_on: date, target: Path,
                   write: Writer) -> OutgoingDocument:
    """Take the next number of the type, write the document with it and put the file in place;
    the number is committed only once the file is there."""
    # IMMEDIATE: the register is locked from the first read, so two clerks never get one number.
    with database.atomic("IMMEDIATE"):
        document = register_document(type_code, title, issued_on)
        _write_in_place(Path(target), lambda partial: write(partial, document.number))
    return document


def _write_in_place(target: Path, write: Callable[[Path], None]) -> None:
    partial = target.with_name(f"{target.stem}.dang-ghi{target.suffix}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write(partial)
        os.replace(partial, target)
    except OSError as error:
        raise ValidationError("file", _unwritable(target, error)) from None
    finally:
        partial.unlink(missing_ok=True)


def _unwritable(target: Path, error: OSError) -> str:
    if isinstance(error, PermissionError):
        return (f"Không ghi được {target.name}: tệp đang mở ở chương trình khác (trình xem PDF, Word) "
                "hoặc thư mục không cho ghi. Hãy đóng tệp hoặc chọn tên khác.")
    return f"Không ghi được {target}: {os_reason(error)}."

"""Putting a printed document in place: drafts simply, issued documents with their number.

A document is rendered to a file beside its target first. Only when that file is complete is
it moved into place, and an issued document's number is committed to the register in the
same transaction: a failed write (a full disk, the old copy open in a PDF viewer on Windows)
leaves neither a half file nor a burnt number.
"""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from models.accounts import session
from models.accounts.audit import save_changes
from models.core.db import database
from models.core.files import write_in_place
from models.documents.register import issued_already, issued_for, register_document
from models.documents.tables import OutgoingDocument

Writer = Callable[[Path, int | None], None]  # writes the document with its number (None: draft)


def write_draft(target: Path, write: Writer) -> Path:
    """Write an unnumbered draft to `target` through a file beside it."""
    session.require(session.READ_RECORDS)
    write_in_place(Path(target), lambda partial: write(partial, None))
    return Path(target)


def issue_document(type_code: str, title: str, issued_on: date, target: Path,
                   write: Writer, source: str = "",
                   on_issued: Callable[[OutgoingDocument], None] | None = None,
                   issuer: str = "", number: int | None = None) -> OutgoingDocument:
    """Take the next number of the type, write the document with it and put the file in place;
    the number is committed only once the file is there. The same document printed again (same
    type, subject and date; or, printed from a record, the same type from the same `source`)
    keeps the number it was issued with: a new number only for a new issue — or `number`, the
    one the record already carries. `on_issued` writes the number back to the record, in the
    same transaction (a letter's number into its event)."""
    # A write transaction holds the one writer lock from its start (BEGIN IMMEDIATE on a file, the
    # advisory lock on the server): two clerks never read the same last number.
    with database.atomic():
        document = issued_for(type_code, source) if source else issued_already(type_code, title, issued_on)
        if document is None:
            document = register_document(type_code, title, issued_on, source, str(target), issuer, number)
        else:
            session.require(session.ISSUE_DOCUMENTS)
            save_changes(document, {"file_path": str(target)})
        write_in_place(Path(target), lambda partial: write(partial, document.number))
        if on_issued is not None:
            on_issued(document)
    return document

"""A discipline decision put right after it was recorded (DOMAIN §5): its number, days, deciding
body or note typed wrong are corrected; a decision recorded against the wrong person or
organisation is taken back. The subject and the form stay as recorded — another form is
another decision. Expulsion and dissolution carry the change to the member's history and to
the tree in the same transaction, so the registry never disagrees with the decision."""

from models.accounts import session
from models.accounts.audit import log_delete, save_changes
from models.core import vocab as v
from models.core.checks import stored_record
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline
from models.inspections.cases import decision_particulars
from models.inspections.tables import Discipline
from models.members.events import correct_event, remove_event
from models.members.tables import MemberEvent
from models.orgs.changes import redate_dissolution
from models.orgs.tree import check_in_scope


def _stored(discipline_id) -> Discipline:
    session.require(session.WRITE_RECORDS)
    entry = stored_record(Discipline, discipline_id, "quyết định kỷ luật")
    org_id = entry.org_id if entry.member_id is None else entry.member.org_id
    if org_id is not None:
        check_in_scope(org_id)
    return entry


def _expulsion_event(entry: Discipline) -> MemberEvent | None:
    return MemberEvent.get_or_none((MemberEvent.member == entry.member_id)
                                   & (MemberEvent.kind == v.EXPELLED_EVENT)
                                   & (MemberEvent.date == entry.effective_date))


def _dissolved_by(entry: Discipline) -> bool:
    return entry.form == "GIAI_TAN" and entry.org.dissolved_on == entry.effective_date


def correct_discipline(discipline_id: int, fields: dict) -> Discipline:
    """`fields`: deciding_body, decision_no, decision_date, effective_date (None: the decision's
    day) and note, as the clerk now gives them."""
    with database.atomic():
        entry = _stored(discipline_id)
        decided_on = fields.get("decision_date")
        body, number, effective = decision_particulars(fields.get("deciding_body", ""),
                                                       fields.get("decision_no", ""), decided_on,
                                                       fields.get("effective_date"))
        note = checked_multiline(fields.get("note", entry.note), "note", "Ghi chú")
        moved = effective != entry.effective_date
        if entry.form == "KHAI_TRU" and (moved or number != entry.decision_no):
            event = _expulsion_event(entry)
            if event is not None:
                try:
                    correct_event(event.id, effective, number)
                except ValidationError as error:  # the event's day is the decision's effective day
                    field = "effective_date" if error.field == "date" else error.field
                    raise ValidationError(field, error.message) from None
        if moved and _dissolved_by(entry):
            try:
                redate_dissolution(entry.org_id, effective)
            except ValidationError as error:
                raise ValidationError("effective_date", error.message) from None
        save_changes(entry, {"deciding_body": body, "decision_no": number, "decision_date": decided_on,
                             "effective_date": effective, "note": note})
        return entry


def remove_discipline(discipline_id: int) -> None:
    """Take back a decision recorded by mistake, with the expulsion or dissolution it wrote."""
    with database.atomic():
        entry = _stored(discipline_id)
        if entry.form == "KHAI_TRU":
            event = _expulsion_event(entry)
            if event is not None:
                remove_event(event.id)
        elif _dissolved_by(entry):
            redate_dissolution(entry.org_id, None)
        log_delete(entry)
        entry.delete_instance()

"""The documents issued from a record, for the record's own page: the decisions of an
admission case, the letters and discipline decisions about a member."""

from models.admissions.tables import AdmissionCase
from models.documents.tables import OutgoingDocument
from models.inspections.tables import Discipline
from models.members.tables import MemberEvent


def documents_about(kind: str, record_id: int) -> list[tuple]:
    """(number, type code, issued on, title, file) of the documents issued from a record of this
    kind ("ket-nap"), alone or with others in one decision ("ket-nap:12,13"), for the record's
    own page."""
    found = []
    for row in (OutgoingDocument.select(OutgoingDocument.number, OutgoingDocument.type_code,
                                        OutgoingDocument.issued_on, OutgoingDocument.title,
                                        OutgoingDocument.file_path, OutgoingDocument.source)
                .where(OutgoingDocument.source.startswith(f"{kind}:")).tuples()):
        ids = row[5].split(":", 1)[1].split(",")
        if str(record_id) in ids:
            found.append(row[:5])
    return found



def member_documents(member_id: int) -> list[tuple]:
    """Every document issued about the member: letters for their transfers, discipline
    decisions, the decisions of their admission case — oldest first."""
    found = []
    for event_id in MemberEvent.select(MemberEvent.id).where(MemberEvent.member == member_id).tuples():
        found += documents_about("gioi-thieu", event_id[0])
    for discipline_id in Discipline.select(Discipline.id).where(Discipline.member == member_id).tuples():
        found += documents_about("ky-luat", discipline_id[0])
    for case_id in AdmissionCase.select(AdmissionCase.id).where(AdmissionCase.member == member_id).tuples():
        found += documents_about("ket-nap", case_id[0]) + documents_about("chinh-thuc", case_id[0])
    return sorted(found, key=lambda row: (row[2], row[0]))

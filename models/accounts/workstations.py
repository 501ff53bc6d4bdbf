"""The office's register of workstation keys. Each workstation signs the trail with its own key
(trail_key.py), which no other workstation holds; an entry signed with a key this workstation
cannot check is trusted only when the key is in the register — and a register line counts
only when this workstation's own key signed it, so that whoever holds the data file or the
server password cannot add one (reported: any key id written beside an edited entry passed
`check`). An administrator registers a workstation on each workstation that is to trust it."""

from dataclasses import dataclass

from models.accounts import session, trail_key
from models.accounts.audit import log_insert
from models.accounts.tables import AuditEntry, OfficeSetting
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean

PREFIX = "may-tram:"


@dataclass(frozen=True)
class Workstation:
    key_id: str
    name: str
    trusted: bool  # registered by this workstation's own signed entry


def register_workstation(key_id: str, name: str) -> Workstation:
    """Write `key_id` (shown by `workstation show` on that workstation) into the register,
    signed with this workstation's key. Administrators only."""
    session.require(session.MANAGE_USERS)
    key_id, name = clean(key_id).lower(), clean(name)
    if len(key_id) != 16 or any(ch not in "0123456789abcdef" for ch in key_id):
        raise ValidationError("key_id", "Mã khóa của máy trạm gồm 16 chữ số hệ mười sáu, như lệnh "
                                        "“workstation show” in ra trên máy đó.")
    if not name:
        raise ValidationError("name", "Ghi tên máy trạm (ví dụ “Máy Văn phòng 2”).")
    trail_key.key(create=True)  # the administrator sets this workstation up: its key may be made now
    with database.atomic():
        row = OfficeSetting.get_or_none(OfficeSetting.key == PREFIX + key_id)
        if row is None:
            log_insert(OfficeSetting.create(key=PREFIX + key_id, value=name[:100]))
    return Workstation(key_id, name, True)


def register_this_workstation(name: str) -> Workstation:
    """An administrator sets up this workstation: its key is made if it has none, and entered."""
    session.require(session.MANAGE_USERS)
    return register_workstation(trail_key.key_id(create=True), name)


def registered_keys() -> dict[str, Workstation]:
    """The register as this workstation trusts it: the lines whose own trail entry this
    workstation signed (the chain's check verifies those signatures)."""
    own = trail_key.key_id() if trail_key.has_key() else None
    rows = dict(OfficeSetting.select(OfficeSetting.key, OfficeSetting.value)
                .where(OfficeSetting.key.startswith(PREFIX)).tuples())
    signed_by = dict(AuditEntry.select(AuditEntry.record_id, AuditEntry.key_id)
                     .where((AuditEntry.table_name == OfficeSetting._meta.table_name)
                            & (AuditEntry.action == "insert")
                            & AuditEntry.record_id.in_(list(rows))).tuples())
    return {key.removeprefix(PREFIX): Workstation(key.removeprefix(PREFIX), name,
                                                  own is not None and signed_by.get(key) == own)
            for key, name in rows.items()}

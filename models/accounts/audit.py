"""The audit trail: every insert, update and delete of a record writes who, when, which
record, and the old and new values, in the same transaction as the change.

Entries form a hash chain — each stores the hash of the one before — so a row changed or
removed behind the app's back (with an SQLite editor, say) is found by verify_chain().
The app has no function that edits or deletes entries.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from peewee import Model

from models.accounts import session
from models.accounts.tables import AuditEntry
from models.core.bulk import insert_rows

INSERT, UPDATE, DELETE = "insert", "update", "delete"
ACTIONS = {INSERT: "Thêm", UPDATE: "Sửa", DELETE: "Xóa"}
GENESIS = "0" * 64
# Recorded by a fingerprint that shows a change but reveals nothing of the value.
SECRET_FIELDS = {"password_hash"}


def _plain(value):
    if value is None or isinstance(value, str | int | float):  # the common case, first
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return value


def values_of(instance: Model) -> dict:
    """The record's stored values as JSON-ready data (foreign keys as ids)."""
    out = {}
    for name, field in instance._meta.fields.items():
        value = instance.__data__.get(name)
        if name in SECRET_FIELDS and value is not None:
            out[field.column_name] = "***" + hashlib.sha256(str(value).encode()).hexdigest()[:8]
        else:
            out[field.column_name] = _plain(value)
    return out


def _digest(payload: list) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _payload(entry_values: dict) -> list:
    keys = ("at", "user_id", "username", "action", "table_name", "record_id",
            "old_values", "new_values", "prev_hash")
    return [entry_values[key] for key in keys]


def last_hash() -> str:
    row = AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    return row.hash if row else GENESIS


def _entry(action: str, table: str, record_id, old: dict | None, new: dict | None,
           prev_hash: str, at: datetime, actor=None) -> dict:
    actor = actor or session.current() or session.LOCAL_ADMIN
    values = {
        "at": at.isoformat(sep=" ", timespec="microseconds"),
        "user_id": actor.user_id,
        "username": actor.username,
        "action": action,
        "table_name": table,
        "record_id": str(record_id),
        "old_values": json.dumps(old, ensure_ascii=False, sort_keys=True) if old is not None else None,
        "new_values": json.dumps(new, ensure_ascii=False, sort_keys=True) if new is not None else None,
        "prev_hash": prev_hash,
    }
    values["hash"] = _digest(_payload(values))
    return values


def _append(action: str, table: str, record_id, old: dict | None, new: dict | None) -> None:
    AuditEntry.insert(**_entry(action, table, record_id, old, new, last_hash(), datetime.now())).execute()


def log_insert(instance: Model) -> None:
    _append(INSERT, instance._meta.table_name, instance.get_id(), None, values_of(instance))


def log_update(instance: Model, before: dict) -> bool:
    """Record the fields that changed since `before` (values_of() taken earlier).
    Nothing is written when nothing changed."""
    after = values_of(instance)
    changed = [key for key in after if after[key] != before.get(key)]
    if not changed:
        return False
    _append(UPDATE, instance._meta.table_name, instance.get_id(),
            {key: before.get(key) for key in changed}, {key: after[key] for key in changed})
    return True


def save_changes(instance: Model, values: dict, touch: bool = False) -> bool:
    """Set `values` on a stored row; only if that changes something, save it (stamping
    `updated_at` when `touch`) with its audit entry. Returns whether it changed."""
    before = values_of(instance)
    for name, value in values.items():
        setattr(instance, name, value)
    if values_of(instance) == before:
        return False
    if touch:
        instance.updated_at = datetime.now()
    instance.save()
    log_update(instance, before)
    return True


def log_delete(instance: Model) -> None:
    _append(DELETE, instance._meta.table_name, instance.get_id(), values_of(instance), None)


def log_bulk_inserts(table: str, rows: list[dict]) -> None:
    """Audit rows written with insert_many (demo, imports): one entry per row, one chain."""
    prev, at = last_hash(), datetime.now()
    actor = session.current() or session.LOCAL_ADMIN  # once: it is the same for every row
    entries = []
    for row in rows:
        values = {k: _plain(v) for k, v in row.items()}
        entry = _entry(INSERT, table, row["id"], None, values, prev, at, actor)
        prev = entry["hash"]
        entries.append(entry)
    insert_rows(AuditEntry, entries)


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken_id: int | None  # the first entry whose content or link does not match

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None


def verify_chain() -> ChainCheck:
    prev = GENESIS
    count = 0
    fields = (AuditEntry.id, AuditEntry.at, AuditEntry.user_id, AuditEntry.username,
              AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id,
              AuditEntry.old_values, AuditEntry.new_values, AuditEntry.prev_hash, AuditEntry.hash)
    for row in AuditEntry.select(*fields).order_by(AuditEntry.id).dicts().iterator():
        count += 1
        at = row["at"]
        row["at"] = at if isinstance(at, str) else at.isoformat(sep=" ", timespec="microseconds")
        if row["prev_hash"] != prev or _digest(_payload(row)) != row["hash"]:
            return ChainCheck(count, row["id"])
        prev = row["hash"]
    return ChainCheck(count, None)

"""The audit trail: every insert, update and delete of a record writes who, when, which
record, and the old and new values, in the same transaction as the change.

Entries form a chain — each stores the signature of the one before — so a row changed or
removed behind the app's back (with an SQLite editor, say) is found by verify_chain(). Each
entry is signed with an HMAC whose key is kept outside the database (trail_key.py), so the
chain cannot be recomputed by someone holding only the file; entries written before signing
began keep their plain SHA-256. The app has no function that edits or deletes entries.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from dataclasses import field as default_of
from datetime import datetime
from functools import lru_cache

from peewee import Model

from models.accounts import session, trail_key
from models.accounts.audit_batches import ENTRY_ROWS, INSERT_MANY, batch_text, span
from models.accounts.tables import AuditEntry
from models.accounts.trail_values import plain
from models.core import clock
from models.core.bulk import insert_rows
from models.core.db import database, engine
from models.core.errors import ValidationError

INSERT, UPDATE, DELETE = "insert", "update", "delete"
ACTIONS = {INSERT: "Thêm", UPDATE: "Sửa", DELETE: "Xóa", INSERT_MANY: "Thêm hàng loạt"}
GENESIS = "0" * 64
# Recorded by a fingerprint that shows a change but reveals nothing of the value.
SECRET_FIELDS = {"password_hash"}


def secret_fingerprint(value) -> str:
    """How the trail records a secret: a fingerprint that shows a change, not the value."""
    return "***" + hashlib.sha256(str(value).encode()).hexdigest()[:8]


def values_of(instance: Model) -> dict:
    """The record's stored values as JSON-ready data (foreign keys as ids)."""
    out = {}
    for name, field in instance._meta.fields.items():
        value = instance.__data__.get(name)
        if name in SECRET_FIELDS and value is not None:
            out[field.column_name] = secret_fingerprint(value)
        else:
            out[field.column_name] = plain(value)
    return out


# One encoder for every digest: json.dumps with these options builds a new one per call, and
# `check` (or opening a file without accounts) digests every entry of the trail.
_PAYLOAD_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _digest(payload: list, signing_key: bytes | None) -> str:
    text = _PAYLOAD_ENCODER.encode(payload).encode("utf-8")
    if signing_key is None:  # an entry from before signing began
        return hashlib.sha256(text).hexdigest()
    return hmac.digest(signing_key, text, "sha256").hex()


def _payload(entry_values: dict) -> list:
    keys = ("at", "user_id", "username", "action", "table_name", "record_id",
            "old_values", "new_values", "prev_hash")
    payload = [entry_values[key] for key in keys]
    if entry_values.get("key_id") is not None:  # the signer is part of what is signed
        payload.append(entry_values["key_id"])
    return payload


@lru_cache(maxsize=2)
def _last_hash_query(_engine: str) -> tuple[str, list]:
    return AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1).sql()


def last_hash() -> str:
    """The head of the chain (the query is compiled once per engine: it runs for every change).
    Read inside the change's write transaction, which holds the one writer lock (db.py): two
    clerks writing together never both build on the same head."""
    row = database.execute_sql(*_last_hash_query(engine())).fetchone()
    return row[0] if row else GENESIS


# The values' JSON as json.dumps(…, ensure_ascii=False, sort_keys=True) writes it, through one
# encoder (json.dumps with options builds one per call: 90,000 calls in a large import).
_VALUES_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _signer(prev_hash: str) -> tuple[str, bytes]:
    """This workstation's key id and key; a new database's first entry may make the key."""
    return trail_key.key_id(create=prev_hash == GENESIS), trail_key.key()


def _entry(action: str, table: str, record_id, old: dict | None, new: dict | None, prev_hash: str,
           at: datetime, new_text: str | None = None) -> dict:
    """One trail entry, signed; `new_text`: the new values already written out (a batch)."""
    actor = session.current() or session.LOCAL_ADMIN
    key_id, key = _signer(prev_hash)
    values = {
        "at": at.isoformat(sep=" ", timespec="microseconds"),
        "user_id": actor.user_id,
        "username": actor.username,
        "action": action,
        "table_name": table,
        "record_id": str(record_id),
        "old_values": _VALUES_ENCODER.encode(old) if old is not None else None,
        "new_values": _VALUES_ENCODER.encode(new) if new is not None else new_text,
        "prev_hash": prev_hash,
        "key_id": key_id,
    }
    values["hash"] = _digest(_payload(values), key)
    return values


def _append(action: str, table: str, record_id, old: dict | None, new: dict | None) -> None:
    insert_rows(AuditEntry, [_entry(action, table, record_id, old, new, last_hash(), clock.now())])


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
        instance.updated_at = clock.now()
    instance.save()
    log_update(instance, before)
    return True


class EditedMeanwhile(ValidationError):
    """The record was saved by someone else since the form showing it was opened."""


def check_version(instance: Model, seen: int | None) -> None:
    """Refuse to save over a change made since the form read the record at version `seen`
    (None: no form, nothing to compare). Read inside the write transaction, whose lock keeps
    the version from moving before this one's save. Who saved it and when come from the trail."""
    if seen is None or instance.version == seen:
        return
    last = (AuditEntry.select(AuditEntry.username, AuditEntry.at)
            .where((AuditEntry.table_name == instance._meta.table_name)
                   & (AuditEntry.record_id == str(instance.get_id())))
            .order_by(AuditEntry.id.desc()).first())
    by = f"“{last.username}”" if last else "người khác"
    at = last.at if last and isinstance(last.at, datetime) else None
    when = f" lúc {at:%H:%M} ngày {at:%d/%m/%Y}" if at else ""
    raise EditedMeanwhile("record", f"Hồ sơ này đã được {by} sửa{when}, sau khi bạn mở nó. Những gì bạn "
                                    "nhập chưa được ghi: hãy tải lại để xem thay đổi đó rồi nhập lại phần "
                                    "của bạn.")


def log_delete(instance: Model) -> None:
    _append(DELETE, instance._meta.table_name, instance.get_id(), values_of(instance), None)


BATCH_FROM = 50  # fewer rows (a small grid, a meeting's attendance) get one entry each


def log_bulk_inserts(table: str, rows: list[dict]) -> None:
    """Audit rows written with insert_many (demo, imports, grids), all of one shape with their
    ids: one entry per row for a few, one batch entry per ENTRY_ROWS for more
    (audit_batches.py), in one chain, at one moment."""
    if not rows:
        return
    prev, at, entries = last_hash(), clock.now(), []
    if len(rows) < BATCH_FROM:
        for row in rows:
            new = {key: plain(value) for key, value in row.items()}
            entries.append(_entry(INSERT, table, row["id"], None, new, prev, at))
            prev = entries[-1]["hash"]
    else:
        for start in range(0, len(rows), ENTRY_ROWS):
            chunk = rows[start:start + ENTRY_ROWS]
            entries.append(_entry(INSERT_MANY, table, span(chunk), None, None, prev, at,
                                  new_text=batch_text(chunk)))
            prev = entries[-1]["hash"]
    insert_rows(AuditEntry, entries)


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken_id: int | None  # the first entry whose content or link does not match
    foreign: int = 0  # entries signed with another workstation's key: not checkable here
    first_foreign_id: int | None = None
    unsigned_after: int | None = None  # an entry without signature after signing began (a downgrade)
    head_id: int | None = None
    head_hash: str | None = None
    key_missing: str = ""  # why this workstation's own entries could not be checked
    signers: dict = default_of(default_factory=dict)  # other key id -> (entries, first entry)
    own_id: str | None = None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None and self.unsigned_after is None


def _signed_moment(at) -> str:
    """The entry's time as it was signed ("2027-09-30 09:30:00.000000"). The driver gives the
    stored text, which lacks the fraction for an entry written on a whole second; anything not
    already in the signed form is read as the table reads it, then written out again."""
    if isinstance(at, str) and len(at) == 26 and at[19] == ".":
        return at
    if isinstance(at, str):
        at = AuditEntry.at.python_value(at)
    return at if isinstance(at, str) else at.isoformat(sep=" ", timespec="microseconds")


def verify_chain(signed_from: int | None = None) -> ChainCheck:
    """Every link and every signature this workstation can check. `signed_from`, when known
    from outside the file (the anchor), is the first entry that must carry a signature."""
    prev = GENESIS
    count = foreign = 0
    first_foreign = unsigned_after = head_id = None
    signers: dict[str, tuple[int, int]] = {}
    try:
        own_id, own_key, missing = trail_key.key_id(), trail_key.key(), ""
    except trail_key.KeyMissing as error:  # nothing made in its place: said, and checked no further
        own_id, own_key, missing = None, None, error.message
    fields = [AuditEntry.id, AuditEntry.at, AuditEntry.user_id, AuditEntry.username,
              AuditEntry.action, AuditEntry.table_name, AuditEntry.record_id,
              AuditEntry.old_values, AuditEntry.new_values, AuditEntry.prev_hash, AuditEntry.hash]
    # A file of an older schema (checked read-only, not migrated) has no signer column.
    signed = any(column.name == "key_id" for column in AuditEntry._meta.database.get_columns("audit_entry"))
    if signed:
        fields.append(AuditEntry.key_id)
    # The rows as the driver gives them (the compiled, parameterised query run on the cursor): a
    # model or dict per row was two thirds of the walk's time over a large trail.
    cursor = database.execute_sql(*AuditEntry.select(*fields).order_by(AuditEntry.id).sql())
    while batch := cursor.fetchmany(2_000):
        for row in batch:
            entry_id, at, user_id, username, action, table_name, record_id, old_values, new_values, \
                prev_hash, entry_hash = row[:11]
            signer = row[11] if signed else None
            count += 1
            if prev_hash != prev:
                return ChainCheck(count, entry_id, foreign, first_foreign)
            if signer is None or (own_id is not None and signer == own_id):
                at = _signed_moment(at)
                payload = [at, user_id, username, action, table_name, record_id, old_values, new_values,
                           prev_hash]
                if signer is not None:  # the signer is part of what is signed (_payload)
                    payload.append(signer)
                if _digest(payload, own_key if signer else None) != entry_hash:
                    return ChainCheck(count, entry_id, foreign, first_foreign)
                downgraded = signer is None and signed_from is not None and entry_id >= signed_from
                if downgraded and unsigned_after is None:
                    unsigned_after = entry_id
            else:
                foreign += 1
                first_foreign = first_foreign or entry_id
                entries, first = signers.get(signer, (0, entry_id))
                signers[signer] = (entries + 1, first)
            prev, head_id = entry_hash, entry_id
    return ChainCheck(count, None, foreign, first_foreign, unsigned_after, head_id, prev, missing, signers,
                      own_id)


def insert_logged(model, rows: list[dict]) -> None:
    """Insert new rows of one shape and audit them, in the caller's transaction, through one
    compiled statement (a whole grid of ratings, a meeting's attendance): the same rows as one
    create() each, and for a few the same entries as log_insert() each (for many, batch
    entries: log_bulk_inserts), many times faster."""
    if not rows:
        return
    key = model._meta.primary_key
    next_id = (model.select(key).order_by(key.desc()).scalar() or 0) + 1
    for offset, row in enumerate(rows):
        row["id"] = next_id + offset
    insert_rows(model, rows)
    log_bulk_inserts(model._meta.table_name, rows)


def written_here_by_the_local_administrator() -> bool:
    """The trail of a database without accounts, as the local administrator may act on it:
    every entry made by nobody signed in, with this workstation's key, and the chain whole.
    Read once per connection (session caches it); the walk is the check's own."""
    if not trail_key.has_key():
        return not AuditEntry.select().exists()
    own = trail_key.key_id()
    if AuditEntry.select().where(AuditEntry.user_id.is_null(False) | AuditEntry.key_id.is_null()
                                 | (AuditEntry.key_id != own)).exists():
        return False
    result = verify_chain()
    return result.intact and not result.signers


session.set_trail_check(written_here_by_the_local_administrator)

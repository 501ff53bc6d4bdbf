"""The end of the audit trail, anchored outside the database file.

A chain shows an entry edited or removed in its middle, but not entries cut off its end, nor a
trail deleted whole. So the program writes down, outside the file, how far the trail reached
and the signature of its last entry: in the user's app-data folder for each data file it
opens (on closing it, after a command, after a backup) and in a manifest beside every backup.
`check` then finds a trail that no longer reaches its anchor. An anchor only ever moves
forward along the same chain: a trail found cut or rewritten when closing is not blessed.
"""

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from models.accounts import trail_key
from models.accounts.tables import AuditEntry
from models.core import clock
from models.core.files import change_json, read_json, write_json

ANCHORS_FILE = "moc-nhat-ky.json"
MANIFEST_SUFFIX = ".moc.json"


@dataclass(frozen=True)
class Anchor:
    entries: int
    head_id: int
    head_hash: str
    signed_from: int | None  # the first entry signed with a key: none before it may lack one
    at: str
    first_hash: str = ""  # names the database: another file put at the same path has another

    def sealed(self) -> dict:
        data = asdict(self)
        data["mac"] = _mac(data)
        return data


def _mac(data: dict) -> str:
    text = json.dumps({k: v for k, v in data.items() if k != "mac"}, sort_keys=True).encode()
    return hmac.new(trail_key.key(), text, hashlib.sha256).hexdigest()


def _from(data: dict | None) -> Anchor | None:
    if not isinstance(data, dict) or not hmac.compare_digest(str(data.get("mac", "")), _mac(data)):
        return None
    return Anchor(int(data["entries"]), int(data["head_id"]), str(data["head_hash"]),
                  data["signed_from"] if data["signed_from"] is None else int(data["signed_from"]),
                  str(data["at"]), str(data.get("first_hash", "")))


def current() -> Anchor | None:
    """Where the open database's trail ends now."""
    head = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
    if head is None:
        return None
    signed_from = (AuditEntry.select(AuditEntry.id).where(AuditEntry.key_id.is_null(False))
                   .order_by(AuditEntry.id).scalar())  # quick on a file signed from its start
    return Anchor(AuditEntry.select().count(), head.id, head.hash, signed_from,
                  clock.now().isoformat(timespec="seconds"), _first_hash() or "")


def _first_hash() -> str | None:
    return AuditEntry.select(AuditEntry.hash).order_by(AuditEntry.id).scalar()


def signed_here_throughout() -> bool:
    """Every entry of the open trail signed with this workstation's key: a file this program
    made here from its first change on, not one put in place with a trail recomputed elsewhere."""
    own = trail_key.key_id()
    return not AuditEntry.select().where(AuditEntry.key_id.is_null() | (AuditEntry.key_id != own)).exists()


def same_database(anchor: Anchor) -> bool:
    """Whether the open file is the one the anchor was written for — not another database put
    at the same path since (a new office file, a demo). A trail emptied whole counts as the same:
    that is what the anchor is there to find."""
    first = _first_hash()
    return first is None or not anchor.first_hash or first == anchor.first_hash


def _anchors_path() -> Path:
    return trail_key.app_data_folder() / ANCHORS_FILE


def _read_anchors() -> dict:
    return read_json(_anchors_path())


def _key(db_path) -> str:
    """A file by its full path; a server's database by its address, without the password."""
    return str(Path(db_path).resolve()) if isinstance(db_path, str | Path) else str(db_path)


def forget(db_path: Path) -> None:
    """The file was replaced by one without a trail to anchor (an empty demo, say)."""
    change_json(_anchors_path(), lambda anchors: anchors.pop(_key(db_path), None) is not None)


IDENTITY = "#"  # before a database's own identity (its first entry's signature) in the store


def database_identity() -> str | None:
    """What names the open database wherever it lies and however its server is addressed: the
    signature of its first trail entry (reported: the anchor depended on the path, so a copy
    elsewhere, or a server reached through "localhost" instead of "127.0.0.1", had none)."""
    return _first_hash()


def anchor_of(db_path: Path, identity: str | None = None) -> Anchor | None:
    """The anchor this workstation wrote down for that database: found by its identity when
    given (the database open), else by where it lies; None if none, forged, or without the key
    that sealed it (the check then says the key is missing)."""
    try:
        anchors = _read_anchors()
        sealed = anchors.get(IDENTITY + identity) if identity else None
        return _from(sealed or anchors.get(_key(db_path)))
    except trail_key.KeyMissing:
        return None


def reaches(anchor: Anchor) -> bool:
    """Whether the open database's trail still holds the anchored entry, unchanged."""
    row = AuditEntry.select(AuditEntry.hash).where(AuditEntry.id == anchor.head_id).first()
    count = AuditEntry.select().where(AuditEntry.id <= anchor.head_id).count()
    return row is not None and row.hash == anchor.head_hash and count == anchor.entries


def record_anchor(db_path: Path, replaced: bool = False) -> bool:
    """Write down where the open database's trail ends, if it still reaches the last anchor
    (returns False, leaving the old anchor, when it does not: tampering is never blessed).
    `replaced`: the file was legitimately replaced (restore, demo), its trail starts anew."""
    now = current()
    if now is None:
        return True
    before = None if replaced else anchor_of(db_path, now.first_hash or None)
    if before is not None and not same_database(before) and not signed_here_throughout():
        return False  # another file at this path, and not one this program made here: never blessed
    if before is not None and same_database(before) and not reaches(before):
        return False
    sealed = now.sealed()

    def move_forward(anchors: dict) -> bool:
        anchors[_key(db_path)] = anchors[IDENTITY + now.first_hash] = sealed
        return True

    change_json(_anchors_path(), move_forward)
    return True


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(backup: Path, anchor: Anchor | None) -> None:
    """Beside a backup: where its trail ended when it was made, sealed with this key."""
    if anchor is not None:
        write_json(manifest_path(backup), anchor.sealed())


def manifest_of(backup: Path) -> Anchor | None:
    try:
        return _from(json.loads(manifest_path(backup).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, trail_key.KeyMissing):
        return None


"""What a clerk is typing into a form, kept beside the program while the form is open, so a
power cut, a crash or Windows restarting for its updates does not take it: the form offers
it back the next time it is opened on the same record. Saving the form, or closing it on
purpose, removes it.

One file per form and record in the user's app-data folder, named by a digest of the
database's identity, the account, the form and what the form showed when it was opened — so
a draft is offered only to the same clerk, on the same data, in the same form. It holds
members' details: on Windows it is sealed for the signed-in Windows account (DPAPI, as the
sittings are); elsewhere it is readable by its owner only, as the data file in the same
folder is. Drafts not taken back within KEEP_DAYS are removed."""

import base64
import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from peewee import PeeweeException

from models.accounts import session, trail_key
from models.accounts.anchor import database_identity
from models.core import clock, user_seal
from models.core.db import database
from models.core.files import write_in_place

DRAFTS_FOLDER = "ban-nhap"
KEEP_DAYS = 30
SLOT_LENGTH = 40


@dataclass(frozen=True)
class DraftSlot:
    """Where one form's draft on one record goes, and whose it is: fixed when the form opens,
    so keeping the draft every few seconds asks nothing of the database (a worker may be
    writing it) nor of the session."""
    name: str
    identity: str
    owner: str


@dataclass(frozen=True)
class Draft:
    slot: str
    at: datetime
    title: str
    values: dict


def _folder() -> Path:
    return trail_key.app_data_folder() / DRAFTS_FOLDER


def _file(slot: str) -> Path:
    return _folder() / f"{slot}.json"


def _owner() -> str:
    actor = session.current()
    return actor.username if actor is not None else ""


def draft_slot(form: str, opened_with: dict) -> DraftSlot | None:
    """The name of one form's draft on one record; None where the open database has no
    identity yet (no trail entry), so nothing could tell its drafts from another file's."""
    if database.obj is None:  # a form shown before any database is open (the server's, at start)
        return None
    try:
        identity = database_identity()
    except PeeweeException:  # the database gone from under the form (a server unreachable)
        return None
    if identity is None:
        return None
    owner = _owner()
    named = json.dumps([identity, owner, form, opened_with], sort_keys=True, ensure_ascii=False)
    return DraftSlot(hashlib.sha256(named.encode()).hexdigest()[:SLOT_LENGTH], identity, owner)


def keep_draft(slot: DraftSlot, title: str, values: dict) -> None:
    """Write the form's typing over its previous draft (a partial file renamed into place)."""
    _write(slot.name, {"at": clock.now().isoformat(timespec="seconds"), "title": title, "owner": slot.owner,
                       "identity": slot.identity, "values": values})


def _write(slot: str, content: dict) -> None:
    text = json.dumps(content, ensure_ascii=False).encode()
    sealed = user_seal.seal(text) if user_seal.available() else None
    stored = json.dumps({"sealed": base64.b64encode(sealed).decode()} if sealed is not None
                        else {"plain": text.decode()}, ensure_ascii=False)
    _folder().mkdir(parents=True, exist_ok=True)

    def write(partial: Path) -> None:
        partial.write_text(stored, encoding="utf-8")
        os.chmod(partial, 0o600)
    write_in_place(_file(slot), write)


def _opened(path: Path) -> dict | None:
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if "sealed" in stored:
            text = user_seal.unseal(base64.b64decode(stored["sealed"], validate=True))
            return None if text is None else json.loads(text)
        return json.loads(stored["plain"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _draft(slot: str, content: dict | None) -> Draft | None:
    try:
        at = datetime.fromisoformat(content["at"])
        if not isinstance(content["values"], dict):
            return None
        return Draft(slot, at, str(content.get("title", "")), content["values"])
    except (KeyError, TypeError, ValueError):
        return None


def draft_of(slot: str) -> Draft | None:
    """The draft kept in this slot; None when none, too old, or unreadable (another Windows
    account's seal, a damaged file) — such a file is removed, never shown in part."""
    path = _file(slot)
    if not path.exists():
        return None
    draft = _draft(slot, _opened(path))
    if draft is None or draft.at < clock.now() - timedelta(days=KEEP_DAYS):
        with contextlib.suppress(OSError):  # removed next time if the system refuses now
            path.unlink(missing_ok=True)
        return None
    return draft


def drop_draft(slot: str) -> None:
    _file(slot).unlink(missing_ok=True)


def drafts_left(untold: bool = False) -> list[Draft]:
    """The drafts this account left on the open database (the window says so after signing
    in: the clerk may not remember which form was open when the power went). `untold`: only
    those not yet named after a sign-in (mark_told), so one is not named at every sign-in for
    30 days when its record has changed since and the form no longer offers it."""
    if database.obj is None:
        return []
    try:
        identity, owner, found = database_identity(), _owner(), []
    except PeeweeException:  # the database gone from under the window (a server unreachable)
        return []
    if identity is None or not _folder().is_dir():
        return []
    for path in sorted(_folder().glob("*.json")):
        if len(path.stem) != SLOT_LENGTH:  # another window's draft being written (write_in_place)
            continue
        content, draft = _opened(path), draft_of(path.stem)  # an unreadable one is removed
        if (draft is not None and content.get("identity") == identity and content.get("owner") == owner
                and not (untold and content.get("told"))):
            found.append(draft)
    return sorted(found, key=lambda draft: draft.at)


def mark_told(drafts: list[Draft]) -> None:
    for draft in drafts:
        content = _opened(_file(draft.slot))
        if content is not None:
            _write(draft.slot, {**content, "told": True})

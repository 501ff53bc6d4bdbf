"""A sitting (phiên làm việc): signed in once, a clerk's commands on the same data need no
password again until it ends — the sign-in's key derivation paid once, not by every command.

A sitting is written down in this workstation's app-data folder, beside the trail's key: for
one database (by its identity, wherever the file lies or however the server is addressed), one
account, until a time. It is sealed with the trail's key and, on Windows, with a secret of its
own that Windows keeps for the signed-in account as it keeps the Credential Manager's
(models/core/user_seal.py): whoever holds only the data file cannot make one, nor whoever
copies the app-data folder to another machine or account. On Windows a sitting without that
secret is no sitting; elsewhere the trail's key alone seals it. It ends when its time is up,
when the account's password is changed or the account is locked or deactivated, and on
`logout` or when the window that opened it closes."""

import base64
import hashlib
import hmac
import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from models.accounts import trail_key
from models.accounts.anchor import database_identity
from models.accounts.session import Actor
from models.accounts.tables import AppUser
from models.core import clock, user_seal
from models.core.errors import ValidationError
from models.core.files import change_json, read_json

SITTINGS_FILE = "phien-lam-viec.json"
DEFAULT_HOURS, MAX_HOURS = 8, 12  # a working day; never past the next morning


def _path() -> Path:
    return trail_key.app_data_folder() / SITTINGS_FILE


def _read() -> dict:
    return read_json(_path())


def _mac(record: dict, secret: bytes) -> str:
    text = json.dumps({k: v for k, v in record.items() if k != "mac"}, sort_keys=True).encode()
    return hmac.new(trail_key.key() + secret, text, hashlib.sha256).hexdigest()


def _secret_of(record: dict) -> bytes | None:
    """The record's own secret, unsealed for this account; b"" where there is no seal (not
    Windows); None when it cannot be had (another account's or machine's, none, damaged)."""
    if not user_seal.available():
        return b"" if not record.get("sealed") else None
    try:
        return user_seal.unseal(base64.b64decode(str(record.get("sealed", "")), validate=True)) or None
    except ValueError:
        return None


def _tag(password_hash: str) -> str:
    """Names the password the sitting was opened under, revealing nothing of it."""
    return hashlib.sha256(password_hash.encode()).hexdigest()[:32]


def _slot(identity: str, username: str) -> str:
    return f"{identity}:{username}"


def open_sitting(actor: Actor, hours: int = DEFAULT_HOURS) -> datetime:
    """Write down a sitting for the signed-in account; returns when it ends."""
    if actor.user_id is None:
        raise ValidationError("user", "Chỉ mở phiên làm việc cho một tài khoản đã đăng nhập.")
    if not 1 <= hours <= MAX_HOURS:
        raise ValidationError("hours", f"Phiên làm việc dài từ 1 đến {MAX_HOURS} giờ.")
    identity = database_identity()
    user = AppUser.get_or_none(AppUser.id == actor.user_id)
    if identity is None or user is None:
        raise ValidationError("user", "Dữ liệu này chưa có tài khoản nào để mở phiên làm việc.")
    now = clock.now()
    until = now + timedelta(hours=hours)
    slot = _slot(identity, user.username)
    secret, sealed = b"", b""
    if user_seal.available():
        secret = os.urandom(32)
        sealed = user_seal.seal(secret)
        if sealed is None:
            raise ValidationError("user", "Windows không giữ được khóa của phiên làm việc; các lệnh sẽ hỏi "
                                          "mật khẩu như trước.")
    record = {"identity": identity, "user_id": user.id, "username": user.username,
              "password": _tag(user.password_hash), "opened": now.isoformat(timespec="seconds"),
              "until": until.isoformat(timespec="seconds"), "sealed": base64.b64encode(sealed).decode()}
    record["mac"] = _mac(record, secret)

    def add(sittings: dict) -> bool:
        for ended in [other for other, value in sittings.items() if not _still_open(value, now)]:
            del sittings[ended]
        sittings[slot] = record
        return True

    change_json(_path(), add)
    return until


def _still_open(record, now: datetime) -> bool:
    try:
        return datetime.fromisoformat(record["until"]) > now
    except (KeyError, TypeError, ValueError):
        return False


def resume_sitting(username: str) -> AppUser | None:
    """The account of a sitting still open on this database, or None. Anything amiss — time
    up, a seal that does not match, another password, an account locked or deactivated — is
    no sitting, and the clerk is asked for the password as usual."""
    identity = database_identity()
    if identity is None:
        return None
    record = _read().get(_slot(identity, username))
    if not isinstance(record, dict):
        return None
    secret = _secret_of(record)
    if secret is None:
        return None
    try:
        if not hmac.compare_digest(str(record.get("mac", "")), _mac(record, secret)):
            return None
    except trail_key.KeyMissing:
        return None
    now = clock.now()
    try:
        opened, until = datetime.fromisoformat(record["opened"]), datetime.fromisoformat(record["until"])
    except (KeyError, TypeError, ValueError):
        return None
    if not opened <= now < until or until - opened > timedelta(hours=MAX_HOURS):
        return None
    user = AppUser.get_or_none(AppUser.id == record.get("user_id"))
    if user is None or user.username != username or not user.active:
        return None
    if (user.locked_until and user.locked_until > now) or record.get("password") != _tag(user.password_hash):
        return None
    return user


def end_sitting(username: str) -> bool:
    """Close this database's sitting of the account; whether there was one."""
    identity = database_identity()
    if identity is None:
        return False
    return change_json(_path(), lambda sittings: sittings.pop(_slot(identity, username), None) is not None)

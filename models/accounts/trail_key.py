"""The key that signs the audit trail, kept outside the database file.

Someone who holds only the data file — a copy on a stick, a file opened with an SQLite editor
— cannot recompute the chain's signatures: they are HMACs with a random key that lives in the
user's app-data folder on the workstation (readable by that Windows account and by the
machine's administrators, who can therefore still forge; the README says so). Moving to a new
workstation means copying that folder with the data.
"""

import hashlib
import os
from pathlib import Path

from models.core.errors import ValidationError
from models.core.files import app_data

KEY_FILE = "khoa-nhat-ky.bin"
KEY_BYTES = 32
_remembered: tuple[str | None, bytes, str] | None = None  # (DANGVU_KEY_DIR, key, its id)


class KeyMissing(ValidationError):
    """This workstation's key is not in its folder: nothing is signed or checked with a new one
    made in its place (reported: the key deleted, the program made a new one and wrote on)."""


def missing(path: Path) -> KeyMissing:
    return KeyMissing("key", f"Không thấy khóa ký nhật ký thay đổi của máy này ({path}), nên chưa ghi "
                             f"hay kiểm tra được gì. Nếu thư mục {path.parent} vừa bị xóa hay máy vừa được "
                             f"cài lại, hãy chép lại tệp {KEY_FILE} từ bản sao của thư mục đó. Một máy mới "
                             "dùng chung dữ liệu thì quản trị viên đăng ký máy: main.py workstation register "
                             "--user <quản trị>.")


def app_data_folder() -> Path:
    """Where Qt's AppDataLocation puts the program's data, computed without Qt (the command
    line and models/ use it too). DANGVU_KEY_DIR overrides it (tests, a portable install)."""
    if os.environ.get("DANGVU_KEY_DIR"):
        return Path(os.environ["DANGVU_KEY_DIR"])
    return app_data()


def key(create: bool = False) -> bytes:
    """This workstation's key (readable by its owner only). Made only when asked to — for the
    first entry of a new database, or an administrator registering this workstation — never
    in place of one that went missing. Asked for every audit entry: remembered, and read again
    only if DANGVU_KEY_DIR changes."""
    global _remembered
    marker = os.environ.get("DANGVU_KEY_DIR")
    if _remembered is not None and _remembered[0] == marker:
        return _remembered[1]
    path = app_data_folder() / KEY_FILE
    if not path.exists():
        if not create:
            raise missing(path)
        _make(path)
    data = path.read_bytes()
    if len(data) != KEY_BYTES:
        raise ValidationError("file", f"Khóa ký nhật ký {path} bị hỏng, nên chưa ghi hay kiểm tra được gì. "
                                      f"Hãy chép lại tệp {KEY_FILE} từ bản sao của thư mục đó, hoặc báo "
                                      "quản trị viên.")
    _remembered = (marker, data, hashlib.sha256(b"dangvu-key-id" + data).hexdigest()[:16])
    return data


def _make(path: Path) -> None:
    """Write a new key whole under another name, then link it in: the link fails if another
    program made the key meanwhile, so a key is never replaced, nor read half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{KEY_FILE}.{os.getpid()}.moi")
    handle = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(os.urandom(KEY_BYTES))
        os.link(partial, path)
    except FileExistsError:
        pass  # another program made it first: theirs is the key
    finally:
        partial.unlink(missing_ok=True)


def key_id(create: bool = False) -> str:
    """A fingerprint that names the key without revealing it."""
    key(create)
    return _remembered[2]


def has_key() -> bool:
    try:
        key()
    except KeyMissing:
        return False
    return True

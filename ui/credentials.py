"""The server account's password, kept in the operating system's credential store (Windows
Credential Manager, the macOS keychain, the Secret Service on Linux) through `keyring`, never
in the program's settings. Without keyring (it comes with `pip install -e ".[server]"`) or
without a store, the password is asked each time, or taken from DANGVU_DB_PASSWORD."""

import logging
import os
from pathlib import Path

from models.core.where import Server, is_server, parse_server

_NOT_LOADED = object()
keyring = _NOT_LOADED  # loaded at its first use (0.1 s): a command on a file never needs it
KeyringError = RuntimeError  # keyring's own, once it is loaded


def _store():
    """keyring, or None when the optional server extra is not installed."""
    global keyring, KeyringError
    if keyring is _NOT_LOADED:
        try:
            import keyring as loaded
            from keyring.errors import KeyringError as refused
        except ImportError:  # nothing is kept
            loaded = None
        else:
            KeyringError = refused
        keyring = loaded
    return keyring

SERVICE = "Đảng vụ — máy chủ dữ liệu"
log = logging.getLogger(__name__)


def stored_password(server: Server) -> str:
    if _store() is None:
        return ""
    try:
        return keyring.get_password(SERVICE, server.key) or ""
    except (KeyringError, RuntimeError) as error:  # no usable store on this machine
        log.debug("Không đọc được kho mật khẩu của hệ điều hành: %s", error)
        return ""


def with_stored_password(server: Server) -> Server:
    """The address as given if it has a password; else with the one from the environment or
    the credential store, if any."""
    if server.password:
        return server
    password = os.environ.get("DANGVU_DB_PASSWORD") or stored_password(server)
    return server.with_password(password) if password else server


def can_store() -> bool:
    """Whether this machine has a credential store keyring can use (a bare Linux server may
    have none: keyring then answers with its "fail" backend)."""
    if _store() is None:
        return False
    try:
        return keyring.get_keyring().priority > 0
    except (KeyringError, RuntimeError, AttributeError):
        return False


def store_password(server: Server) -> bool:
    """Keep the password for the next start; False when this machine has no store for it."""
    if _store() is None or not server.password:
        return False
    try:
        keyring.set_password(SERVICE, server.key, server.password)
    except (KeyringError, RuntimeError) as error:
        log.debug("Không ghi được vào kho mật khẩu của hệ điều hành: %s", error)
        return False
    return True


def forget_password(server: Server) -> None:
    if _store() is None:
        return
    try:
        keyring.delete_password(SERVICE, server.key)
    except (KeyringError, RuntimeError):
        pass  # nothing kept, or no store: nothing to forget


def located(text: str) -> Path | Server:
    """Where an address given by the clerk (--db, DANGVU_DB, --from, --to) is: a file's full
    path, or a server with its password from the address, the environment or the store."""
    if is_server(text):
        return with_stored_password(parse_server(text))
    return Path(text).expanduser().resolve()

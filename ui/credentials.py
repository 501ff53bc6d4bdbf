"""The server account's password, kept in the operating system's credential store (Windows
Credential Manager, the macOS keychain, the Secret Service on Linux: models/core/os_store.py),
never in the program's settings. Without a store, the password is asked each time, or taken
from DANGVU_DB_PASSWORD."""

import os
from pathlib import Path

from models.core import os_store
from models.core.where import Server, is_server, parse_server

SERVICE = "Đảng vụ — máy chủ dữ liệu"


def stored_password(server: Server) -> str:
    return os_store.read(SERVICE, server.key)


def with_stored_password(server: Server) -> Server:
    """The address as given if it has a password; else with the one from the environment or
    the credential store, if any."""
    if server.password:
        return server
    password = os.environ.get("DANGVU_DB_PASSWORD") or stored_password(server)
    return server.with_password(password) if password else server


def can_store() -> bool:
    """Whether this machine has a credential store (a bare Linux server may have none)."""
    return os_store.usable()


def store_password(server: Server) -> bool:
    """Keep the password for the next start; False when this machine has no store for it."""
    return bool(server.password) and os_store.keep(SERVICE, server.key, server.password)


def forget_password(server: Server) -> None:
    os_store.forget(SERVICE, server.key)


def located(text: str) -> Path | Server:
    """Where an address given by the clerk (--db, DANGVU_DB, --from, --to) is: a file's full
    path, or a server with its password from the address, the environment or the store."""
    if is_server(text):
        return with_stored_password(parse_server(text))
    return Path(text).expanduser().resolve()

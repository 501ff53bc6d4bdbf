"""The operating system's credential store — Windows Credential Manager, the macOS keychain,
the Secret Service on Linux — through `keyring`. What is kept there is encrypted for the
signed-in OS account (DPAPI on Windows): it does not travel with a copy of the program's
app-data folder or of a disk image, as a file beside the data would.

keyring is loaded at its first use (0.1 s): a command that keeps nothing never pays it. A
machine without a store (keyring's "fail" backend, a bare Linux) keeps nothing: each answer
says so, and callers go on without."""

import logging

_NOT_LOADED = object()
keyring = _NOT_LOADED
KeyringError = RuntimeError  # keyring's own, once it is loaded
log = logging.getLogger(__name__)


def _store():
    """keyring, or None when it is not installed."""
    global keyring, KeyringError
    if keyring is _NOT_LOADED:
        try:
            import keyring as loaded
            from keyring.errors import KeyringError as refused
        except ImportError:
            loaded = None
        else:
            KeyringError = refused
        keyring = loaded
    return keyring


def usable() -> bool:
    """Whether this machine has a store keyring can use."""
    if _store() is None:
        return False
    try:
        return keyring.get_keyring().priority > 0
    except (KeyringError, RuntimeError, AttributeError):
        return False


def read(service: str, name: str) -> str:
    """The secret kept under the name, or "" (none kept, or no store)."""
    if _store() is None:
        return ""
    try:
        return keyring.get_password(service, name) or ""
    except (KeyringError, RuntimeError) as error:
        log.debug("Không đọc được kho mật khẩu của hệ điều hành: %s", error)
        return ""


def keep(service: str, name: str, secret: str) -> bool:
    """Keep the secret; False when this machine has no store for it."""
    if _store() is None or not secret:
        return False
    try:
        keyring.set_password(service, name, secret)
    except (KeyringError, RuntimeError) as error:
        log.debug("Không ghi được vào kho mật khẩu của hệ điều hành: %s", error)
        return False
    return True


def forget(service: str, name: str) -> None:
    if _store() is None:
        return
    try:
        keyring.delete_password(service, name)
    except (KeyringError, RuntimeError):
        pass  # nothing kept, or no store: nothing to forget

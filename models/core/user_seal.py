"""Secrets sealed for the signed-in Windows account: the Data Protection API (DPAPI), which
Windows' Credential Manager itself keeps its credentials with. A sealed secret opens only for
the same account on the same machine (or its roaming profile): a copy of the program's
app-data folder, a disk image or another account gets nothing out of it.

Called through ctypes: 1 ms a seal, where loading keyring to reach the Credential Manager
costs 50–100 ms — paid by every command that resumes a sitting. Elsewhere than on Windows
there is no such seal: available() says so and callers keep to their own means."""

import ctypes
import sys

_UI_FORBIDDEN = 0x01  # never a dialog: a command or a window thread waits on nobody
_DESCRIPTION = "Đảng vụ"


def available() -> bool:
    return sys.platform == "win32"


class _Blob(ctypes.Structure):
    _fields_ = [("size", ctypes.c_uint32), ("data", ctypes.POINTER(ctypes.c_char))]


def _api():
    from ctypes import wintypes  # Windows' own types; importable only there

    crypt32, kernel32 = ctypes.WinDLL("crypt32", use_last_error=True), ctypes.WinDLL("kernel32")
    arguments = [ctypes.POINTER(_Blob), wintypes.LPCWSTR, ctypes.POINTER(_Blob), ctypes.c_void_p,
                 ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(_Blob)]
    crypt32.CryptProtectData.argtypes = arguments
    crypt32.CryptProtectData.restype = wintypes.BOOL
    crypt32.CryptUnprotectData.argtypes = [ctypes.POINTER(_Blob), ctypes.POINTER(wintypes.LPWSTR),
                                           *arguments[2:]]
    crypt32.CryptUnprotectData.restype = wintypes.BOOL
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.LocalFree.restype = ctypes.c_void_p
    return crypt32, kernel32


def _call(unseal: bool, data: bytes) -> bytes | None:
    """CryptUnprotectData or CryptProtectData over the bytes; None where there is no such
    call (not Windows) or Windows refuses it."""
    if not available():
        return None
    try:
        crypt32, kernel32 = _api()
        buffer = ctypes.create_string_buffer(data, len(data))
        given = _Blob(len(data), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char)))
        answer = _Blob()
        if unseal:
            done = crypt32.CryptUnprotectData(ctypes.byref(given), None, None, None, None, _UI_FORBIDDEN,
                                              ctypes.byref(answer))
        else:
            done = crypt32.CryptProtectData(ctypes.byref(given), _DESCRIPTION, None, None, None,
                                            _UI_FORBIDDEN, ctypes.byref(answer))
        if not done:
            return None
        try:
            return ctypes.string_at(answer.data, answer.size)
        finally:
            kernel32.LocalFree(ctypes.cast(answer.data, ctypes.c_void_p))
    except (OSError, AttributeError, ValueError):
        return None


def seal(secret: bytes) -> bytes | None:
    """The secret sealed for this account, or None where it cannot be (not Windows, refused)."""
    return _call(False, secret)


def unseal(sealed: bytes) -> bytes | None:
    """The secret, or None: sealed for another account or machine, damaged, or not Windows."""
    return _call(True, sealed)

"""Files the program writes for the clerk (PDF, Excel, CSV) are written beside the target under
a temporary name and put in place only when complete: a failed or stopped write leaves the
old file as it was and no half-written one.

The small JSON stores of the app-data folder (anchors, sittings) are changed by every process
of the workstation — the window, commands — each under a lock held between processes, so two
closing at once neither fail nor lose each other's lines."""

import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from models.core.errors import ValidationError, os_reason

if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

LOCK_WAIT_SECONDS = 10  # a store is changed in milliseconds: this long means a program hangs
APP_FOLDER = ("DangVu", "dangvu")  # organisation and application, as the window names them to Qt


def app_data() -> Path:
    """The per-user folder where Qt's AppDataLocation puts the program's data, found without
    loading Qt (commands, models/)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base.joinpath(*APP_FOLDER)


def write_in_place(target: Path, write: Callable[[Path], object]) -> object:
    """`write(partial)` writes the whole file at `partial`; it then replaces `target`. A refusal
    of the system becomes a Vietnamese message; any other error (a stop asked by the clerk)
    passes through, the partial file removed either way. Returns what `write` returned."""
    target = Path(target)
    partial = partial_beside(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result = write(partial)
        os.replace(partial, target)
        return result
    except OSError as error:
        raise ValidationError("file", unwritable(target, error)) from None
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:  # a partial that could not even be named: the reason above is the clerk's
            pass


NAME_BYTES = 255  # the longest file name NTFS, ext4 and APFS take


def partial_beside(target: Path) -> Path:
    """The partial file's name: each writer its own (two writing the same target at once must not
    share one), and no longer than the system allows where the target's own name fits."""
    tag = f".dang-ghi-{os.getpid()}-{threading.get_ident()}{target.suffix}"
    stem = target.stem
    while stem and len((stem + tag).encode("utf-8")) > NAME_BYTES:
        stem = stem[:-1]
    return target.with_name(stem + tag)


def unwritable(target: Path, error: OSError) -> str:
    if isinstance(error, PermissionError):
        return (f"Không ghi được {target.name}: tệp đang mở ở chương trình khác (Excel, trình xem PDF, "
                "Word) hoặc thư mục không cho ghi. Hãy đóng tệp hoặc chọn tên khác.")
    return f"Không ghi được {target}: {os_reason(error)}."


@contextmanager
def held(lock: Path) -> Iterator[None]:
    """`lock` held by this thread alone, among every process of the machine. The system frees it
    when its holder ends, however it ends: no stale lock to clear."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as handle:
        give_up = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                _try_lock(handle)
                break
            except OSError:
                if time.monotonic() > give_up:
                    raise ValidationError("file", f"Không ghi được {lock.parent}: một chương trình Đảng "
                                                  f"vụ khác giữ {lock.name} quá {LOCK_WAIT_SECONDS} "
                                                  "giây. Hãy đóng các cửa sổ Đảng vụ đang treo rồi làm "
                                                  "lại.") from None
                time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(handle)


def read_json(path: Path) -> dict:
    """A JSON store's content; empty when it is missing or unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    write_in_place(path, lambda partial: partial.write_text(text, encoding="utf-8"))


def change_json(path: Path, change: Callable[[dict], bool]) -> bool:
    """Read the store, let `change` change it, write it back if it says it did — all under the
    store's lock, so a line another process wrote meanwhile is kept. Returns what `change` said."""
    path = Path(path)
    with held(path.with_name(path.name + ".khoa-ghi")):
        data = read_json(path)
        changed = change(data)
        if changed:
            write_json(path, data)
    return changed


def opened_copies(*parts: str) -> Path:
    """Where copies written out for the clerk to open are kept (a meeting's file from the
    server, a return's attached report): under the user's temporary folder, and removed when the
    window closes — they are minutes and reports that name members."""
    return Path(tempfile.gettempdir(), "dangvu-ban-mo", *parts)


def forget_opened_copies() -> None:
    """A copy still open in a viewer stays (Windows refuses to delete it) until the next close."""
    shutil.rmtree(opened_copies(), ignore_errors=True)

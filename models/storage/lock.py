"""One program at a time on a data file: the window holds `<file>.lock` while it is open, and
whatever would replace the file under it (restore, `demo --force`) refuses while it is held,
naming the workstation and the user who hold it.

The lock is a small file created exclusively, holding who took it. A lock whose process has
ended on this workstation (a crash, a power cut) is stale and is taken over; a lock taken on
another workstation is respected, since its process cannot be seen from here.
"""

import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from models.core import clock
from models.core.errors import ValidationError


@dataclass(frozen=True)
class Holder:
    host: str
    user: str
    pid: int
    since: str

    def words(self) -> str:
        return f"máy “{self.host}”, người dùng “{self.user}”, từ {self.since}"


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


def held_words(db_path: Path, holder: Holder) -> str:
    """Who holds the file and since when, and the way out when nobody really does any more
    (reported: a lock left by a process whose number another now has, or that cannot be read,
    refused a restore for ever with only "close that window")."""
    lock = lock_path(db_path)
    if holder.pid == 0:
        who = f"có tệp khóa không đọc được ({lock})"
    else:
        who = f"đang được mở trong cửa sổ Đảng vụ ({holder.words()})"
    return (f"{who}. Hãy đóng cửa sổ đó rồi làm lại. Nếu không còn cửa sổ Đảng vụ nào mở tệp này (máy đã tắt "
            f"đột ngột, chương trình đã thoát), xóa tệp khóa {lock} rồi làm lại.")


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment of a service
        user = "?"
    return Holder(socket.gethostname(), user, os.getpid(), clock.now().strftime("%d/%m/%Y %H:%M"))


def _alive(pid: int) -> bool:
    if os.name == "nt":
        import ctypes  # Windows only: whether the process still runs, without signalling it

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder_of(db_path: Path) -> Holder | None:
    """Who holds the file now; None when nobody does (no lock, or a stale one). A server's
    database is never held: it is there for several clerks at once."""
    if not isinstance(db_path, Path):
        return None
    path = lock_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        holder = Holder(str(data["host"]), str(data["user"]), int(data["pid"]), str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Unreadable (written by an older version, or cut short): a process of this program
        # that cannot be identified may still be running, so the file counts as held.
        return Holder("?", "?", 0, "?")
    if holder.host == socket.gethostname() and holder.pid != os.getpid() and not _alive(holder.pid):
        return None
    return holder


def acquire_lock(db_path: Path) -> Holder | None:
    """Take the lock; returns the other holder when someone else has it (and takes nothing)."""
    if not isinstance(db_path, Path):
        return None
    # Said of the folder, not of a lock file the clerk never heard of.
    if not db_path.parent.is_dir():
        raise ValidationError("db", f"Không có thư mục {db_path.parent} (nơi tệp dữ liệu {db_path.name}): "
                                    "hãy kiểm tra đường dẫn (ổ USB, thư mục mạng đã kết nối chưa) rồi "
                                    "mở lại.")
    if db_path.is_dir():
        raise ValidationError("db", f"{db_path} là một thư mục, không phải tệp dữ liệu: hãy chọn tệp dữ liệu "
                                    "(.db) trong thư mục đó.")
    path = lock_path(db_path)
    for _ in range(2):
        try:
            handle = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            other = holder_of(db_path)
            if other is not None and other.pid != os.getpid():
                return other
            path.unlink(missing_ok=True)  # stale, or our own: take it over
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(_me().__dict__, out, ensure_ascii=False)
        return None
    return holder_of(db_path)


def release_lock(db_path: Path) -> None:
    if not isinstance(db_path, Path):
        return
    holder = holder_of(db_path)
    if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
        lock_path(db_path).unlink(missing_ok=True)


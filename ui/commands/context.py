"""What every command shares: open the database, sign in, turn a refusal into a Vietnamese
message and an exit status, close the database — so no handler repeats it."""

import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from getpass import getpass
from pathlib import Path

from models.accounts import (
    actor_for,
    authenticate,
    last_hash,
    lockout_reason,
    record_anchor,
    resume_sitting,
    session,
)
from models.core import clock
from models.core.db import Busy, close_database
from models.core.errors import Forbidden, ValidationError, failure_reason
from models.core.text import clean
from models.storage import holder_of, open_checked

# Exit statuses: 0 done; 1 refused or failed; 2 wrong arguments; 3 `check` found problems;
# 4 some rows or files had problems (the rest was written); 130 stopped by the user.
FAILED, BAD_ARGUMENTS, PROBLEMS_FOUND, SOME_REFUSED, STOPPED = 1, 2, 3, 4, 130


class Refused(Exception):
    """A command cannot go on: the message is for the terminal, in Vietnamese."""

    def __init__(self, message: str, status: int = FAILED):
        super().__init__(message)
        self.message = message
        self.status = status


def say(text: str) -> None:
    print(text, flush=True)


def progress_printer(started: float):
    """A long command's steps, one line each with the seconds since it started."""
    def progress(step: int, steps: int, what: str) -> None:
        say(f"  [{step + 1}/{steps}] {what}… ({time.monotonic() - started:.0f} s)")
    return progress


def check_steps() -> Callable[[str], None]:
    """The whole check's parts as they begin (22 s in all at 100,000 members), on stderr like a
    warning: stdout keeps the findings a script reads."""
    started = time.monotonic()

    def step(what: str) -> None:
        warn(f"  Đang kiểm tra {what}… ({time.monotonic() - started:.0f} s)")
    return step


def warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ask_password(variable: str, prompt: str) -> str | None:
    """From the environment (scripts), else asked at the terminal; never on the command line."""
    if os.environ.get(variable):
        return os.environ[variable]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass(prompt)
    return None


def sign_in(username: str | None, fresh: bool = False) -> None:
    """Act as the named user: within a sitting still open on this data (`login`, or the window
    signed in as that user), without the password again; else with it. Without a name: the
    local administrator while the database has no account, otherwise nobody (writes are then
    refused, and say so). `fresh`: the password whatever sitting there is."""
    if not username:
        return
    sitting = None if fresh else resume_sitting(clean(username).lower())
    if sitting is not None:
        session.set_current(actor_for(sitting))
        return
    password = ask_password("DANGVU_PASSWORD", f"Mật khẩu của {username}: ")
    if password is None:
        raise Refused("Cần mật khẩu: đặt biến môi trường DANGVU_PASSWORD hoặc chạy trong cửa sổ lệnh.")
    session.set_current(authenticate(username, password))


def refuse_empty(db_path) -> None:
    """A 0-byte file holds no data: refused untouched by a command that reads it. Opening it made
    it 651 kB of empty tables, and a report of headings alone was printed from it."""
    if isinstance(db_path, Path) and db_path.is_file() and db_path.stat().st_size == 0:
        raise Refused(f"Tệp {db_path} trống: chưa có dữ liệu nào. Mở tệp trong cửa sổ chương trình để "
                      "bắt đầu nhập, hoặc tạo dữ liệu mẫu bằng lệnh demo.")


@contextmanager
def opened(db_path: Path, username: str | None = None, create: bool = False,
           fresh: bool = False) -> Iterator[None]:
    """The database open and the user signed in for the body; closed afterwards whatever
    happens. A missing, foreign or damaged file is refused untouched (unless `create`, where
    a missing file becomes a new database; an empty one is refused all the same)."""
    if not create:
        refuse_empty(db_path)
    open_checked(db_path, create)
    head = last_hash()
    try:
        reason = lockout_reason()  # a file nobody can sign in to: why, rather than "add --user"
        if reason:
            raise Refused(reason)
        sign_in(username, fresh)
        yield
    finally:
        session.set_current(None)
        try:
            # The command wrote: where the trail ends now, written down outside; refused when the
            # trail does not reach the last anchor of this database (said, not passed over).
            if last_hash() != head and not record_anchor(db_path):
                warn(f"Lưu ý: không ghi được mốc nhật ký cho {db_path}: nhật ký của tệp không tới mốc đã "
                     "ghi cho cùng dữ liệu trên máy này. Xem bằng: main.py check --db …")
        finally:
            close_database()


def _log_unexpected(log_path: Path | None, error: BaseException) -> str:
    """The traceback goes to the log file the window uses too; the terminal gets one line."""
    if log_path is None:
        return ""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(f"{clock.now():%Y-%m-%d %H:%M:%S} Lỗi không lường trước:\n"
                      + "".join(traceback.format_exception(error)))
    except OSError:
        return ""
    return f" Chi tiết đã ghi vào {log_path}."


def run(handler, args, db_path: Path, log_path: Path | None = None) -> int:
    """Run one command's handler; its refusals and the domain's become messages, never a
    traceback — not even for an error nobody foresaw, whose details go to `log_path`."""
    try:
        status = handler(args, db_path) or 0
        sys.stdout.flush()  # a reader gone (`… | head`) is met here, not at exit
        return status
    except BrokenPipeError:  # before OSError: the output's reader stopped, no file failed
        _output_closed()
        return FAILED
    except Refused as refusal:
        warn(refusal.message)
        return refusal.status
    except ValidationError as error:  # Forbidden is one too
        warn(error.message)
        holder = holder_of(db_path) if isinstance(error, Busy) else None
        if holder is not None:
            warn(f"Tệp đang được mở trong cửa sổ Đảng vụ ({holder.words()}).")
        if isinstance(error, Forbidden) and not getattr(args, "acting_user", None):
            warn("Dữ liệu này có tài khoản người dùng: thêm --user TÊN_ĐĂNG_NHẬP (mật khẩu qua biến "
                 "môi trường DANGVU_PASSWORD hoặc nhập khi được hỏi).")
        return FAILED
    except OSError as error:  # a file the system would not let us read or write, whichever command
        where = f" {error.filename}" if error.filename else ""
        warn(f"Không đọc hay ghi được tệp{where}: {failure_reason(error)}.")
        return FAILED
    except KeyboardInterrupt:
        warn("Đã dừng theo yêu cầu.")
        return STOPPED
    except Exception as error:  # noqa: BLE001 - the last net: a message, never a traceback
        warn(f"Lỗi không lường trước: {error}. Dữ liệu đã lưu không bị ảnh hưởng; lệnh có thể chưa "
             f"hoàn tất.{_log_unexpected(log_path, error)}")
        return FAILED
    finally:
        session.set_current(None)


def _output_closed() -> None:
    """Send what is left of the output nowhere: Python writes it at exit, and to a closed pipe
    that printed one more error."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real descriptor behind stdout (a test's capture)
        pass

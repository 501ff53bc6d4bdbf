"""Commands between a file and the office's database server: `transfer`, and the demo built
onto a server (built in a file, then transferred: the server never holds half a demo)."""

import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

from models.accounts import GENESIS, any_user_exists, last_hash, record_anchor, session
from models.core.db import close_database
from models.core.errors import not_a_file
from models.core.where import Server
from models.demo import DemoSize, build_demo_file
from models.storage import check_file, note_accepted_breakage, open_checked, transfer_database
from ui.commands.context import Refused, check_steps, progress_printer, refuse_empty, say, sign_in
from ui.credentials import located


def _named(where) -> str:
    return where.name if isinstance(where, Server) else str(where)


def run_transfer(args, _db_path) -> int:
    """Copy a whole database — every table, the audit trail — to an empty one elsewhere; then
    the target's trail end is anchored on this workstation, as after a restore."""
    source, target = located(args.source), located(args.target)
    if isinstance(source, Path) and not source.exists():
        raise Refused(not_a_file(source))
    refuse_empty(source)
    open_checked(source)  # a foreign, damaged or newer file is refused untouched
    close_database()
    # The whole check first (reported: a file that failed `check` came out on the server clean).
    problems = check_file(source, check_steps()).problems
    if problems and not args.accept_broken_trail:
        raise Refused(f"{_named(source)} không qua được phép kiểm tra ({len(problems)} vấn đề; xem bằng "
                      f"main.py check --db {_named(source)}): {problems[0]} Không chuyển. Nếu vẫn muốn "
                      "chuyển, chạy lại với --accept-broken-trail; việc đó được ghi vào nhật ký nơi mới.")
    open_checked(source)
    try:
        if any_user_exists():  # the whole register leaves: its administrator says so
            sign_in(args.acting_user, fresh=True)  # the whole register leaves: the password
            session.require(session.RESTORE)
        actor = session.current()
    finally:
        session.set_current(None)
        close_database()
    say(f"Đang chuyển dữ liệu từ {_named(source)} sang {_named(target)}…")
    copied = transfer_database(source, target, progress_printer(time.monotonic()))
    open_checked(target)
    try:
        if problems:
            with session.acting_as(actor) if actor else nullcontext():
                note_accepted_breakage(f"Chuyển từ {_named(source)}", problems)
        record_anchor(target, replaced=True)
    finally:
        close_database()
    rows = f"{sum(copied.values()):,}".replace(",", ".")
    say(f"Đã chuyển {rows} dòng của {len(copied)} bảng (nhật ký thay đổi: "
        f"{copied['audit_entry']:,} mục) sang {_named(target)}.".replace(",", "."))
    say(f"Kiểm tra nơi mới: main.py check --db {target}")
    return 0


def demo_onto_server(size: DemoSize, server: Server, if_missing: bool) -> int:
    """The demo on a server: refused over any data there (no --force: a server is shared)."""
    open_checked(server)
    try:
        holds = any_user_exists() or last_hash() != GENESIS
    finally:
        close_database()
    if holds:
        if if_missing:
            say(f"Máy chủ dữ liệu {server.name} đã có dữ liệu; giữ nguyên.")
            return 0
        raise Refused(f"Máy chủ dữ liệu {server.name} đã có dữ liệu: dữ liệu mẫu chỉ tạo trên một cơ sở dữ "
                      "liệu trống.")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dangvu-mau-") as folder:
        say("Đang tạo dữ liệu mẫu trong một tệp tạm…")
        made = build_demo_file(Path(folder) / "mau.db", size, progress_printer(started))
        say(f"Đang chuyển lên máy chủ dữ liệu {server.name}…")
        transfer_database(Path(folder) / "mau.db", server, progress_printer(started))
    open_checked(server)
    try:
        record_anchor(server, replaced=True)
    finally:
        close_database()
    say(f"Đã tạo dữ liệu mẫu trong cơ sở dữ liệu {server.name}: {size.orgs} tổ chức cơ sở đảng, "
        f"{made['cells']} chi bộ, "
        f"{made['members']} hồ sơ đảng viên.")
    return 0

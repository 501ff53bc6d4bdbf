"""`login` and `logout`: a sitting on the data, so that the commands that follow with the same
--user need no password until it ends (models/accounts/sittings.py)."""

from pathlib import Path

from models.accounts import DEFAULT_HOURS, end_sitting, open_sitting, session
from models.core.dates import fmt_date
from models.core.text import clean
from ui.commands.context import Refused, opened, say


def run_login(args, db_path: Path) -> int:
    if not args.acting_user:
        raise Refused("Cần --user TÊN_ĐĂNG_NHẬP: phiên làm việc mở cho một tài khoản.")
    with opened(db_path, args.acting_user, fresh=True):
        until = open_sitting(session.current(), args.hours or DEFAULT_HOURS)
    name = clean(args.acting_user).lower()
    say(f"Đã mở phiên làm việc của {name} đến {until:%H:%M} ngày {fmt_date(until)}: "
        "các lệnh với cùng --user trên dữ liệu này không hỏi lại mật khẩu. Kết thúc sớm: main.py logout.")
    return 0


def run_logout(args, db_path: Path) -> int:
    if not args.acting_user:
        raise Refused("Cần --user TÊN_ĐĂNG_NHẬP: phiên làm việc của tài khoản nào.")
    with opened(db_path):
        ended = end_sitting(clean(args.acting_user).lower())
    say("Đã kết thúc phiên làm việc." if ended else "Không có phiên làm việc nào đang mở cho tài khoản này.")
    return 0

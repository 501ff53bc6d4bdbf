"""Commands on the data file as a whole: the demo database, check, backup, restore."""

import time
from contextlib import nullcontext
from pathlib import Path

from models.core import clock
from models.core.dates import fmt_date, parse_date
from models.core.db import close_database, open_database
from models.core.errors import ValidationError, failure_reason, not_a_file
from models.core.where import Server
from models.demo import DemoSize, build_demo_file, check_demo_day, check_replaceable, existing_work, keep_copy
from models.storage import (
    BrokenTrail,
    Holder,
    acquire_lock,
    backup_now,
    check_file,
    held_words,
    holds_data,
    release_lock,
    restore,
)
from reports.numbers import integer
from ui.commands.context import (
    BAD_ARGUMENTS,
    PROBLEMS_FOUND,
    Refused,
    check_steps,
    opened,
    progress_printer,
    say,
    sign_in,
    warn,
)
from ui.commands.server import demo_onto_server

KEEP_FOLDER = "truoc-khoi-phuc"  # beside the data file: what a restore or a demo replaced


def run_demo(args, db_path: Path) -> int:
    try:
        size = DemoSize(args.orgs, args.members, args.seed)
        day = parse_date(args.today, "today", "Ngày của dữ liệu mẫu") if args.today else None
        if day:
            check_demo_day(day)
    except ValidationError as error:
        raise Refused(error.message, BAD_ARGUMENTS) from None
    # The bloc as it stood that day: every date the demo writes is read from the one clock.
    with clock.fixed_day(day) if day else nullcontext():
        return _demo_at(args, size, db_path)


def _demo_at(args, size: DemoSize, db_path: Path) -> int:
    if isinstance(db_path, Server):
        return demo_onto_server(size, db_path, args.if_missing)
    if db_path.exists():
        if args.if_missing:
            say(f"Đã có {db_path}; giữ nguyên dữ liệu.")
            return 0
        if not args.force:
            raise Refused(f"Tệp {db_path} đã có. Thêm --force để ghi đè.")
    other = acquire_lock(db_path)
    if other is not None:
        raise _held_open("tạo dữ liệu mẫu", db_path, other)
    try:
        if db_path.exists():
            _may_replace(db_path, args.acting_user)
            kept = keep_copy(db_path, db_path.parent / KEEP_FOLDER)
            if kept:
                say(f"Dữ liệu cũ được giữ tại {kept}.")
        progress = progress_printer(time.monotonic())
        say(f"Đang tạo dữ liệu mẫu: {integer(size.orgs)} tổ chức cơ sở đảng, {integer(size.members)} đảng "
            "viên (Ctrl+C để dừng; tệp chỉ được ghi khi tạo xong).")
        made = build_demo_file(db_path, size, progress)
    finally:
        release_lock(db_path)
    say(f"Đã tạo {db_path}: {integer(args.orgs)} tổ chức cơ sở đảng, {integer(made['cells'])} chi bộ, "
        f"{integer(made['members'])} hồ sơ đảng viên, như vào ngày {fmt_date(clock.today())}.")
    return 0


def _held_open(what: str, db_path: Path, holder: Holder) -> Refused:
    return Refused(f"Không thể {what}: tệp dữ liệu {held_words(db_path, holder)}")


def _may_replace(db_path: Path, username: str | None) -> None:
    """An administrator signs in against the file that holds accounts; the rule is the demo's."""
    if existing_work(db_path).accounts:
        with opened(db_path, username):
            check_replaceable(db_path)
    else:
        check_replaceable(db_path)


def run_check(args, db_path: Path) -> int:
    """SQLite's integrity check, the domain checks and the audit chain; non-zero on any problem."""
    report = check_file(db_path, check_steps())
    for note in report.notes:
        say(note)
    problems = report.problems
    if not problems:
        say(f"Không thấy vấn đề gì trong {db_path}.")
        return 0
    warn(f"Có {len(problems)} vấn đề cần xem lại:")
    for problem in problems:
        warn(f"- {problem}")
    return PROBLEMS_FOUND


def run_backup(args, db_path: Path) -> int:
    with opened(db_path, args.acting_user):
        target = backup_now(Path(args.output).expanduser().resolve())
    say(f"Đã sao lưu {db_path} vào {target}.")
    return 0


def run_restore(args, db_path: Path) -> int:
    if isinstance(db_path, Server):  # other clerks are working on it: never replaced under them
        raise Refused(f"Không khôi phục đè lên máy chủ dữ liệu {db_path.name}, nơi các cán bộ khác đang làm "
                      "việc. Hãy tạo một cơ sở dữ liệu trống trên máy chủ rồi chuyển bản sao lưu lên: "
                      f"main.py transfer --from {args.source} --to postgresql://…")
    keep = Path(args.keep).expanduser().resolve() if args.keep else db_path.parent / KEEP_FOLDER
    source = Path(args.source).expanduser().resolve()
    if not source.is_file():
        raise Refused(not_a_file(source))
    try:  # a new workstation's folder: restoring is how it gets its data
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Refused(f"Không tạo được thư mục {db_path.parent}: {failure_reason(error)}.") from None
    other = acquire_lock(db_path)
    if other is not None:  # the window's next change would be saved into neither file
        raise _held_open("khôi phục", db_path, other)
    protected = holds_data(db_path)
    try:
        if protected:
            open_database(db_path)
            sign_in(args.acting_user, fresh=True)  # the data replaced: the password, not a sitting
        result = restore(source, db_path, keep, by_signed_in_user=protected,
                         despite_broken_trail=args.accept_broken_trail, step=check_steps())
    except BrokenTrail as broken:
        raise Refused(f"{broken.message} Không khôi phục. Nếu vẫn muốn dùng bản sao lưu này, chạy lại với "
                      "--accept-broken-trail.") from None
    except OSError as error:
        raise Refused(f"Không thay được tệp dữ liệu: {failure_reason(error)}. Dữ liệu đang dùng không "
                      "thay đổi.") from None
    finally:
        close_database()
        release_lock(db_path)
    say(f"Đã khôi phục {db_path} từ {args.source}.")
    if result.kept_as:
        say(f"Dữ liệu trước khi khôi phục được giữ tại {result.kept_as}.")
    if result.migrated:
        say(f"Bản sao lưu đã được cập nhật cấu trúc: {', '.join(result.migrated)}.")
    return 0

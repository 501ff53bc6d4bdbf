"""Đảng vụ — the only entry point.

    python main.py [--db FILE]                  open the window
    python main.py demo --db FILE [--orgs N] [--members N] [--seed S] [--force | --if-missing]
    python main.py user add USERNAME --name "Họ tên" --role ADMIN|CLERK|VIEWER --db FILE [--user U]
    python main.py check --db FILE
    python main.py backup --db FILE -o BACKUP.db
    python main.py restore BACKUP.db --db FILE [--user U]
    python main.py import members FILE.xlsx --db FILE [--dry-run] [--cards skip|update]
                                           [--same-person skip|add] [--create-orgs] [--user U]
    python main.py export members --db FILE -o FILE.xlsx [--user U]
    python main.py ratings export --year Y --db FILE -o FOLDER
    python main.py ratings import FILE.xlsx… --year Y --db FILE [--dry-run] [--user U]
    python main.py report year-end|half-year --year Y --db FILE -o OUT.pdf [--issue] [--date D]

Commands that change records act as `--user` (password from DANGVU_PASSWORD or asked), or
as the local administrator while the database has no account yet; both are audited.
"""

import argparse
import logging
import os
import sys
from pathlib import Path

APP_NAME = "Đảng vụ"
ORG_NAME = "DangVu"
DB_FILE = "dangvu.db"
log = logging.getLogger("dangvu")


def default_data_dir() -> Path:
    """The per-user app data folder (QStandardPaths), without starting a GUI."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName("dangvu")
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def resolve_db_path(arg: str | None) -> Path:
    if arg:
        return Path(arg).expanduser().resolve()
    if os.environ.get("DANGVU_DB"):
        return Path(os.environ["DANGVU_DB"]).expanduser().resolve()
    return default_data_dir() / DB_FILE


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}: hồ sơ đảng viên và báo cáo.")
    top.add_argument("--db", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng)")
    sub = top.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu")
    demo.add_argument("--db", dest="sub_db", help="tệp cơ sở dữ liệu sẽ tạo")
    demo.add_argument("--orgs", type=int, default=75, help="số tổ chức cơ sở đảng (mặc định 75)")
    demo.add_argument("--members", type=int, default=2700, help="số đảng viên (mặc định 2700)")
    demo.add_argument("--seed", type=int, default=2026, help="hạt giống ngẫu nhiên")
    demo.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    demo.add_argument("--if-missing", action="store_true",
                      help="nếu tệp đã có thì giữ nguyên và không làm gì (dùng cho lần chạy đầu)")
    user = sub.add_parser("user", help="quản lý tài khoản người dùng")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="thêm tài khoản")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="họ và tên người dùng")
    add.add_argument("--role", required=True, choices=["ADMIN", "CLERK", "VIEWER"])
    add.add_argument("--db", dest="sub_db")
    add.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    report = sub.add_parser("report", help="in báo cáo tổng kết năm hoặc sơ kết 6 tháng ra PDF")
    report.add_argument("kind", choices=["year-end", "half-year"])
    report.add_argument("--year", type=int, required=True)
    report.add_argument("--db", dest="sub_db")
    report.add_argument("-o", "--output", required=True, help="tệp PDF sẽ ghi")
    report.add_argument("--date", help="ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
    report.add_argument("--issue", action="store_true",
                        help="lấy số văn bản từ sổ văn bản đi (mặc định: bản dự thảo, để trống số)")
    report.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    check = sub.add_parser("check", help="kiểm tra tệp dữ liệu, hồ sơ và nhật ký thay đổi")
    check.add_argument("--db", dest="sub_db")
    backup = sub.add_parser("backup", help="sao lưu dữ liệu ra một tệp (được cả khi chương trình đang mở)")
    backup.add_argument("--db", dest="sub_db")
    backup.add_argument("-o", "--output", required=True, help="tệp sao lưu sẽ ghi")
    restore = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu")
    restore.add_argument("source", help="tệp sao lưu")
    restore.add_argument("--db", dest="sub_db")
    restore.add_argument("--keep", help="thư mục giữ tệp dữ liệu đang dùng (mặc định: cạnh tệp dữ liệu)")
    restore.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    importer = sub.add_parser("import", help="nhập danh sách đảng viên từ Excel (.xlsx)")
    importer.add_argument("what", choices=["members"])
    importer.add_argument("source", help="tệp Excel")
    importer.add_argument("--db", dest="sub_db")
    importer.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    importer.add_argument("--cards", choices=["skip", "update"], default="skip",
                          help="dòng trùng số thẻ, số lý lịch hoặc CCCD với hồ sơ đã có: bỏ qua hoặc "
                               "cập nhật")
    importer.add_argument("--same-person", choices=["skip", "add"], default="skip",
                          help="dòng cùng họ tên và ngày sinh với hồ sơ đã có: bỏ qua hoặc vẫn thêm")
    importer.add_argument("--create-orgs", action="store_true",
                          help="tạo các chi bộ (và đảng bộ cơ sở) có trong tệp mà cây tổ chức chưa có")
    importer.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    exporter = sub.add_parser("export", help="xuất danh sách đảng viên ra Excel (.xlsx)")
    exporter.add_argument("what", choices=["members"])
    exporter.add_argument("--db", dest="sub_db")
    exporter.add_argument("-o", "--output", required=True, help="tệp Excel sẽ ghi")
    exporter.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    ratings = sub.add_parser("ratings", help="trao đổi mẫu xếp loại đảng viên với các tổ chức cơ sở đảng")
    ratings.add_argument("action", choices=["export", "import"])
    ratings.add_argument("files", nargs="*", help="các tệp mẫu đã điền (khi nhập)")
    ratings.add_argument("--year", type=int, required=True)
    ratings.add_argument("--db", dest="sub_db")
    ratings.add_argument("-o", "--output", help="thư mục ghi các mẫu (khi xuất)")
    ratings.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    ratings.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")
    return top


def ask_password(variable: str, prompt: str) -> str | None:
    """From the environment (scripts), else asked at the terminal; never on the command line."""
    if os.environ.get(variable):
        return os.environ[variable]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    return None


def sign_in_cli(username: str | None) -> bool:
    """Act as the named user for this command. Without a name: the local administrator
    while no account exists, otherwise nobody (writes will be refused and say so)."""
    from models.accounts import authenticate, session
    from models.core.errors import ValidationError

    if not username:
        return True
    password = ask_password("DANGVU_PASSWORD", f"Mật khẩu của {username}: ")
    if password is None:
        print("Cần mật khẩu: đặt biến môi trường DANGVU_PASSWORD hoặc chạy trong cửa sổ lệnh.",
              file=sys.stderr)
        return False
    try:
        session.set_current(authenticate(username, password))
    except ValidationError as error:
        print(error.message, file=sys.stderr)
        return False
    return True


def open_existing(db_path: Path) -> bool:
    """Open a database the command works on; a missing or foreign file gets a message, not a
    traceback, and is left untouched."""
    from peewee import DatabaseError

    from models.core.db import close_database, open_database
    from models.storage import inspect_file

    check = inspect_file(db_path)
    if not check.ok:
        print(check.problem, file=sys.stderr)
        return False
    try:
        open_database(db_path)
    except DatabaseError as error:
        close_database()
        print(f"Tệp {db_path} không phải dữ liệu của Đảng vụ hoặc đã hỏng ({error}).", file=sys.stderr)
        return False
    return True


def run_user_add(args, db_path: Path) -> int:
    from models.accounts import create_user
    from models.core.db import close_database
    from models.core.errors import ValidationError

    if not open_existing(db_path):
        return 1
    try:
        if not sign_in_cli(args.acting_user):
            return 1
        password = ask_password("DANGVU_NEW_PASSWORD", f"Mật khẩu mới cho {args.username}: ")
        if password is None:
            print("Cần mật khẩu mới: đặt DANGVU_NEW_PASSWORD hoặc chạy trong cửa sổ lệnh.",
                  file=sys.stderr)
            return 1
        try:
            user = create_user(args.username, args.name, args.role, password)
        except ValidationError as error:
            print(error.message, file=sys.stderr)
            return 1
        print(f"Đã tạo tài khoản {user.username} ({user.role}).")
        return 0
    finally:
        close_database()


def run_report(args, db_path: Path) -> int:
    from datetime import date

    from models.core.dates import parse_date
    from models.core.db import close_database
    from models.core.errors import ValidationError
    from models.documents import issue_number
    from reports.conference import draft_for, render_report, report_period
    from reports.figures import period_figures

    output = Path(args.output)
    if not open_existing(db_path):
        return 1
    try:
        if not sign_in_cli(args.acting_user):
            return 1
        issued_on = parse_date(args.date) if args.date else date.today()
        figures = period_figures(*report_period(args.kind, args.year))
        draft = draft_for(args.kind, args.year, figures)
        number = issue_number("BC", draft.subject(), issued_on).number if args.issue else None
        render_report(output, draft, figures, issued_on, number)
    except ValidationError as error:
        print(error.message, file=sys.stderr)
        return 1
    except PermissionError:
        print(f"Không ghi được {output}: tệp đang mở ở chương trình khác? Hãy đóng tệp hoặc chọn tên khác.",
              file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã ghi {output}" + (f" (số {number:02d}-BC)." if number else " (bản dự thảo, chưa lấy số)."))
    return 0


def run_check(db_path: Path) -> int:
    """SQLite's integrity check, the domain checks and the audit chain; non-zero on any problem."""
    from models.core.db import close_database
    from models.storage import all_problems, inspect_file

    check = inspect_file(db_path, thorough=True)
    if not check.ok:
        print(check.problem, file=sys.stderr)
        return 3
    if not open_existing(db_path):
        return 1
    try:
        problems = all_problems()
    finally:
        close_database()
    if not problems:
        print(f"Không thấy vấn đề gì trong {db_path}.")
        return 0
    print(f"Có {len(problems)} vấn đề cần xem lại:", file=sys.stderr)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    return 3


def run_backup(args, db_path: Path) -> int:
    from models.core.db import close_database
    from models.core.errors import ValidationError
    from models.storage import backup_to

    if not open_existing(db_path):
        return 1
    try:
        target = backup_to(Path(args.output).expanduser().resolve())
    except ValidationError as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã sao lưu {db_path} vào {target}.")
    return 0


def run_restore(args, db_path: Path) -> int:
    from models.accounts import session
    from models.core.db import close_database, open_database
    from models.core.errors import Forbidden, ValidationError
    from models.storage import inspect_file, restore

    keep = Path(args.keep).expanduser().resolve() if args.keep else db_path.parent / "truoc-khoi-phuc"
    if db_path.exists() and inspect_file(db_path).ok:
        open_database(db_path)
        if not sign_in_cli(args.acting_user):
            close_database()
            return 1
    else:
        session.set_current(session.LOCAL_ADMIN)  # nothing usable to protect: a new or broken file
    try:
        result = restore(Path(args.source).expanduser().resolve(), db_path, keep)
    except (ValidationError, Forbidden) as error:
        print(error.message, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Không thay được tệp dữ liệu: {error}. Dữ liệu đang dùng không thay đổi.", file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã khôi phục {db_path} từ {args.source}.")
    if result.kept_as:
        print(f"Dữ liệu trước khi khôi phục được giữ tại {result.kept_as}.")
    if result.migrated:
        print(f"Bản sao lưu đã được cập nhật cấu trúc: {', '.join(result.migrated)}.")
    return 0


def print_plan(plan) -> None:
    from models.members import CARD_IN_REGISTRY, DUPLICATE_KINDS

    print(f"Trang “{plan.sheet}”, dòng tiêu đề {plan.header_row}: {len(plan.rows)} dòng đảng viên.")
    problems = plan.problems
    if problems:
        print(f"{len(problems)} lỗi, các dòng này sẽ không được nhập:", file=sys.stderr)
        for problem in problems[:200]:
            value = f" “{problem.value}”" if problem.value else ""
            print(f"  dòng {problem.row}, cột {problem.column}{value}: {problem.message}", file=sys.stderr)
        if len(problems) > 200:
            print(f"  … và {len(problems) - 200} lỗi khác.", file=sys.stderr)
    for kind, label in DUPLICATE_KINDS.items():
        rows = plan.duplicates(kind)
        if rows:
            print(f"{label}: {len(rows)} dòng (" + ", ".join(str(r.row) for r in rows[:20])
                  + (", …" if len(rows) > 20 else "") + ")" + (" — xem --cards" if kind == CARD_IN_REGISTRY
                                                               else " — xem --same-person"))
    for (parent, cell), count in sorted(plan.missing_orgs.items()):
        where = f" thuộc {parent}" if parent else ""
        print(f"Chưa có trong cây tổ chức: {cell}{where} ({count} dòng) — thêm --create-orgs để tạo.",
              file=sys.stderr)


def run_import(args, db_path: Path) -> int:
    """Plan, show, then (unless --dry-run) write every clean row in one transaction."""
    from models.core.db import close_database, open_database
    from models.core.errors import Forbidden, ValidationError
    from models.members import ADD, SKIP, UPDATE, create_missing_orgs, import_members, plan_import
    from models.storage import inspect_file

    if db_path.exists() and not inspect_file(db_path).ok:
        print(inspect_file(db_path).problem, file=sys.stderr)
        return 1
    open_database(db_path)  # a database that does not exist yet is created
    try:
        if not sign_in_cli(args.acting_user):
            return 1
        source = Path(args.source).expanduser().resolve()
        plan = plan_import(source)
        if plan.missing_orgs and args.create_orgs and not args.dry_run:
            made = create_missing_orgs(plan)
            print(f"Đã tạo {made} tổ chức đảng còn thiếu.")
            plan = plan_import(source, plan.mapping)
        print_plan(plan)
        if args.dry_run:
            print(f"Chạy thử: {len(plan.clean_rows)} dòng có thể nhập; không ghi gì.")
            return 0 if not plan.problems else 4
        result = import_members(plan, UPDATE if args.cards == "update" else SKIP,
                                ADD if args.same_person == "add" else SKIP)
    except (ValidationError, Forbidden) as error:
        print(error.message, file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã nhập {result.created} đảng viên mới, cập nhật {result.updated}, bỏ qua {result.skipped}"
          f", {result.refused} dòng lỗi không nhập.")
    return 0 if not result.refused else 4


def run_export(args, db_path: Path) -> int:
    from models.core.db import close_database
    from models.core.errors import Forbidden, ValidationError
    from models.members import export_members

    if not open_existing(db_path):
        return 1
    try:
        if not sign_in_cli(args.acting_user):
            return 1
        count = export_members(Path(args.output).expanduser().resolve())
    except (ValidationError, Forbidden, OSError) as error:
        print(getattr(error, "message", str(error)), file=sys.stderr)
        return 1
    finally:
        close_database()
    print(f"Đã xuất {count} đảng viên ra {args.output}.")
    return 0


def run_ratings(args, db_path: Path) -> int:
    """One workbook per grassroots organisation out; filled workbooks back, each all or nothing."""
    from models.core.db import close_database
    from models.core.errors import Forbidden, ValidationError
    from models.ratings import apply_rating_return, export_rating_workbooks, read_rating_workbook

    if not open_existing(db_path):
        return 1
    status = 0
    try:
        if not sign_in_cli(args.acting_user):
            return 1
        if args.action == "export":
            if not args.output:
                print("Cần -o THƯ_MỤC để ghi các mẫu.", file=sys.stderr)
                return 2
            paths = export_rating_workbooks(args.year, Path(args.output).expanduser().resolve())
            print(f"Đã ghi {len(paths)} mẫu xếp loại năm {args.year} vào {args.output}.")
            return 0
        for name in args.files:
            try:
                returned = read_rating_workbook(Path(name), args.year)
                for problem in returned.problems:
                    print(f"{Path(name).name}: {problem}", file=sys.stderr)
                if not args.dry_run:
                    apply_rating_return(returned)
                print(f"{Path(name).name} — {returned.org_name}: {len(returned.entries)} đảng viên"
                      + (", có số liệu tổng hợp" if returned.totals else "")
                      + (" (chạy thử, chưa ghi)" if args.dry_run else ", đã ghi."))
                status = status or (4 if returned.problems else 0)
            except (ValidationError, Forbidden) as error:
                print(error.message, file=sys.stderr)
                status = 4
    finally:
        close_database()
    return status


def run_demo(args, db_path: Path) -> int:
    from models.core.db import close_database, open_database
    from models.demo import DemoSize, build_demo

    if not 1 <= args.orgs <= 300:
        print("Số tổ chức cơ sở đảng phải từ 1 đến 300.", file=sys.stderr)
        return 2
    if not 10 <= args.members <= 100_000:
        print("Số đảng viên phải từ 10 đến 100.000.", file=sys.stderr)
        return 2
    if db_path.exists():
        if args.if_missing:
            print(f"Đã có {db_path}; giữ nguyên dữ liệu.")
            return 0
        if not args.force:
            print(f"Tệp {db_path} đã có. Thêm --force để ghi đè.", file=sys.stderr)
            return 1
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    open_database(db_path)
    try:
        made = build_demo(DemoSize(args.orgs, args.members, args.seed))
    finally:
        close_database()
    print(f"Đã tạo {db_path}: {args.orgs} tổ chức cơ sở đảng, {made['cells']} chi bộ, "
          f"{made['members']} hồ sơ đảng viên.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    db_arg = getattr(args, "sub_db", None) or args.db
    db_path = resolve_db_path(db_arg)
    if args.command == "demo":
        return run_demo(args, db_path)
    if args.command == "user":
        return run_user_add(args, db_path)
    if args.command == "check":
        return run_check(db_path)
    if args.command == "report":
        return run_report(args, db_path)
    if args.command == "backup":
        return run_backup(args, db_path)
    if args.command == "restore":
        return run_restore(args, db_path)
    if args.command == "import":
        return run_import(args, db_path)
    if args.command == "export":
        return run_export(args, db_path)
    if args.command == "ratings":
        return run_ratings(args, db_path)
    from ui.app import run_gui

    return run_gui(db_path)


if __name__ == "__main__":
    sys.exit(main())

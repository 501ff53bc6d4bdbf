"""Commands that write or read records: accounts, the member list in and out of Excel, and
the rating workbooks exchanged with grassroots organisations."""

from pathlib import Path

from models.accounts import check_new_account, create_user
from models.members import (
    ADD,
    CARD_IN_REGISTRY,
    DUPLICATE_KINDS,
    SKIP,
    UPDATE,
    create_missing_orgs,
    export_members,
    import_members,
    plan_import,
    rehearse_created_orgs,
    rematch_orgs,
    write_problems,
)
from reports.numbers import integer
from ui.commands.context import SOME_REFUSED, Refused, ask_password, opened, say, warn

SHOWN_PROBLEMS = 200


def run_user_add(args, db_path: Path) -> int:
    with opened(db_path, args.acting_user, fresh=True):  # an account made: the password, not a sitting
        check_new_account(args.username, args.name, args.role)
        password = ask_password("DANGVU_NEW_PASSWORD", f"Mật khẩu mới cho {args.username}: ")
        if password is None:
            raise Refused("Cần mật khẩu mới: đặt DANGVU_NEW_PASSWORD hoặc chạy trong cửa sổ lệnh.")
        user = create_user(args.username, args.name, args.role, password)
    say(f"Đã tạo tài khoản {user.username} ({user.role}).")
    return 0


def print_plan(plan) -> None:
    say(f"Trang “{plan.sheet}”, dòng tiêu đề {plan.header_row}: {integer(len(plan.rows))} dòng đảng viên.")
    problems = plan.problems
    if problems:
        warn(f"{integer(len(problems))} lỗi, các dòng này sẽ không được nhập:")
        for problem in problems[:SHOWN_PROBLEMS]:
            value = f" “{problem.value}”" if problem.value else ""
            warn(f"  dòng {problem.row}, cột {problem.column}{value}: {problem.message}")
        if len(problems) > SHOWN_PROBLEMS:
            more = integer(len(problems) - SHOWN_PROBLEMS)
            warn(f"  … và {more} lỗi khác (--errors TEP.xlsx ghi đủ danh sách).")
    for kind, label in DUPLICATE_KINDS.items():
        rows = plan.duplicates(kind)
        if rows:
            listed = ", ".join(str(r.row) for r in rows[:20]) + (", …" if len(rows) > 20 else "")
            option = "--cards" if kind == CARD_IN_REGISTRY else "--same-person"
            say(f"{label}: {integer(len(rows))} dòng ({listed}) — xem {option}")
    for row, why in plan.skipped_rows:
        say(f"Bỏ qua dòng {row}: {why}.")
    for missing, count in sorted(plan.missing_orgs.items()):
        where = f" thuộc {missing.where}" if missing.where else ""
        warn(f"Chưa có trong cây tổ chức: {missing.cell}{where} ({integer(count)} dòng) — thêm --create-orgs "
             "để tạo.")


def run_import(args, db_path: Path) -> int:
    """Plan, show, then (unless --dry-run) write every clean row in one transaction."""
    # A dry run writes nothing anywhere: not even a new database file.
    with opened(db_path, args.acting_user, create=not args.dry_run):
        source = Path(args.source).expanduser().resolve()
        creating = args.create_orgs and not args.dry_run
        # The duplicates are marked once, after the cells are made and matched (rematch_orgs).
        plan = plan_import(source, duplicates=not creating)
        if creating:
            if plan.missing_orgs:
                say(f"Đã tạo {create_missing_orgs(plan)} tổ chức đảng còn thiếu.")
            plan = rematch_orgs(plan)
        elif plan.missing_orgs and args.create_orgs:  # counted as the real run will find them
            wanted = sorted(plan.missing_orgs.items())
            made, plan = rehearse_created_orgs(plan)
            say(f"Khi nhập thật sẽ tạo {made} tổ chức đảng còn thiếu:")
            for missing, count in wanted:
                where = f" thuộc {missing.where}" if missing.where else ""
                say(f"  {missing.cell}{where} ({integer(count)} dòng)")
        print_plan(plan)
        if args.errors:
            written = write_problems(Path(args.errors).expanduser().resolve(), plan.problems)
            say(f"Đã ghi {integer(len(plan.problems))} lỗi vào {written}.")
        if args.dry_run:
            say(f"Chạy thử: {integer(len(plan.clean_rows))} dòng có thể nhập; không ghi gì.")
            return SOME_REFUSED if plan.problems else 0
        result = import_members(plan, UPDATE if args.cards == "update" else SKIP,
                                ADD if args.same_person == "add" else SKIP)
    say(f"Đã nhập {result.created} đảng viên mới, cập nhật {result.updated}, bỏ qua {result.skipped}"
        f", {result.refused} dòng lỗi không nhập.")
    return SOME_REFUSED if result.refused else 0


def run_export(args, db_path: Path) -> int:
    with opened(db_path, args.acting_user):
        count = export_members(Path(args.output).expanduser().resolve())
    say(f"Đã xuất {integer(count)} đảng viên ra {args.output}.")
    return 0

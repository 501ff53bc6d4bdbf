"""The ratings exchange on the command line: one workbook per grassroots organisation out,
filled workbooks back (its own module: openpyxl, which it needs, is not loaded by an import
or export of members)."""

from pathlib import Path

from models.core.errors import ValidationError
from models.ratings import apply_rating_return, export_rating_workbooks, read_rating_workbook
from ui.commands.context import BAD_ARGUMENTS, SOME_REFUSED, Refused, opened, say, warn


def run_ratings(args, db_path: Path) -> int:
    """One workbook per grassroots organisation out; filled workbooks back, each all or nothing."""
    if args.action == "export" and not args.output:
        raise Refused("Cần -o THƯ_MỤC để ghi các mẫu.", BAD_ARGUMENTS)
    with opened(db_path, args.acting_user):
        if args.action == "export":
            paths = export_rating_workbooks(args.year, Path(args.output).expanduser().resolve())
            say(f"Đã ghi {len(paths)} mẫu xếp loại năm {args.year} vào {args.output}.")
            return 0
        return _import_ratings(args)


def _import_ratings(args) -> int:
    status = 0
    for name in args.files:
        try:
            returned = read_rating_workbook(Path(name), args.year)
            for problem in returned.problems:
                warn(f"{Path(name).name}: {problem}")
            if not args.dry_run:
                apply_rating_return(returned)
        except ValidationError as error:  # each file all or nothing; the others go on
            warn(error.message)
            status = SOME_REFUSED
            continue
        say(f"{Path(name).name} — {returned.org_name}: {len(returned.entries)} đảng viên"
            + (", có số liệu tổng hợp" if returned.totals else "")
            + (" (chạy thử, chưa ghi)" if args.dry_run else ", đã ghi."))
        status = status or (SOME_REFUSED if returned.problems else 0)
    return status

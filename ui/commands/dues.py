"""The office's Party dues books on the command line: the shares in force, an organisation's
quarter typed, the quarter taken from the accepted returns (a look first), the quarter's books
and the quarterly dues report."""

from pathlib import Path

from models.core import clock
from models.core.dates import fmt_date, parse_date
from models.core.errors import ValidationError
from models.dues import (
    KEPT_TYPED,
    NOT_READY,
    OUTCOMES,
    dues_quarter,
    first_quarter_using,
    quarter_bounds,
    quarter_name,
    save_share,
    set_entry,
    share_on,
    share_rows,
    take_from_returns,
)
from models.orgs import get_org
from reports.dues_papers import print_dues_report
from reports.letterhead import letterhead_warnings
from reports.numbers import integer
from ui.commands.context import SOME_REFUSED, opened, say, warn


def run_dues(args, db_path: Path) -> int:
    action = args.dues_command.replace("-", "_")
    with opened(db_path, args.acting_user):
        return ACTIONS[action](args)


def _share(args) -> int:
    if args.valid_from:
        for given, option in ((args.kept, "--kept"), (args.bloc_kept, "--bloc-kept")):
            if given is None:
                raise ValidationError(option, f"Nhập tỷ lệ trích giữ lại bằng {option} N (phần trăm).")
        valid_from = parse_date(args.valid_from, "valid_from", "Áp dụng từ ngày")
        before = share_on(valid_from)
        # Without --rate the rates in force go on, as the window's form carries them over.
        carried = args.rate is None and before is not None and bool(before.rates)
        rates = before.rates if carried else "\n".join(args.rate or [])
        row = save_share(valid_from, args.kept, args.bloc_kept, rates, args.note)
        say(f"Từ ngày {fmt_date(row.valid_from)}: tổ chức cơ sở đảng trích giữ lại {row.kept_percent}%, "
            f"Đảng ủy Khối trích giữ lại {row.bloc_kept_percent}%.")
        if carried:
            say(f"  mức đóng giữ như trước: {'; '.join(rates.splitlines())}")
        year, quarter = first_quarter_using(valid_from)
        if quarter_bounds(year, quarter)[0] != valid_from:
            say(f"  Sổ đảng phí tính theo tỷ lệ áp dụng ngày đầu quý: tỷ lệ này dùng từ "
                f"{quarter_name(year, quarter)}.")
        return 0
    rows = share_rows()
    if not rows:
        say("Chưa đặt tỷ lệ trích giữ lại đảng phí: dues share --from DD/MM/YYYY --kept N --bloc-kept N.")
    for row in rows:
        rates = f"; mức đóng: {'; '.join(row.rates.splitlines())}" if row.rates else ""
        say(f"Từ {fmt_date(row.valid_from)}: cơ sở giữ lại {row.kept_percent}%, Khối giữ lại "
            f"{row.bloc_kept_percent}%{rates}")
    return 0


def _set(args) -> int:
    on = parse_date(args.on, "remitted_on", "Ngày nộp") if args.on else None
    set_entry(args.org_id, args.year, args.quarter, args.collected, args.remitted, on, args.note)
    say(f"Đã ghi đảng phí {quarter_name(args.year, args.quarter)} của {get_org(args.org_id).name}.")
    return 0


def _from_returns(args) -> int:
    lines = take_from_returns(args.year, args.quarter, write=not args.dry_run)
    status = 0
    for line in lines:
        detail = f" — {line.detail}" if line.detail else ""
        say(f"{line.org_name}: {OUTCOMES[line.outcome].lower()}{detail}")
        if line.outcome in (NOT_READY, KEPT_TYPED):
            status = SOME_REFUSED
    if not lines:
        say(f"Chưa có báo cáo đã chấp nhận nào cho {quarter_name(args.year, args.quarter)}.")
    say("Chạy thử: chưa ghi gì." if args.dry_run else "Đã ghi theo các báo cáo đã chấp nhận.")
    return status


def _list(args) -> int:
    books = dues_quarter(args.year, args.quarter)
    if books.share is None:
        warn(f"Chưa đặt tỷ lệ trích giữ lại áp dụng cho {quarter_name(args.year, args.quarter)}: số phải "
             "nộp và số còn nợ chưa tính được.")
    for line in books.lines:
        if line.entry_id is None:
            say(f"{line.org_id:>5}  {line.org_name}: chưa có số liệu; còn nợ {integer(line.owed_after)}")
            continue
        say(f"{line.org_id:>5}  {line.org_name}: thu {integer(line.collected)}, phải nộp "
            f"{integer(line.owed)}, đã nộp {integer(line.remitted)}, còn nợ {integer(line.owed_after)}"
            + (f" ({line.source})" if line.source else ""))
    say(f"Cộng: thu {integer(books.total('collected'))}, phải nộp {integer(books.total('owed'))}, đã nộp "
        f"{integer(books.total('remitted'))}; Khối giữ lại {integer(books.bloc_kept)}, nộp cấp trên "
        f"{integer(books.bloc_remits)} (đồng).")
    return 0


def _report(args) -> int:
    output = Path(args.output).expanduser().resolve()
    issued_on = parse_date(args.date, "date", "Ngày ban hành") if args.date else clock.today()
    for note in letterhead_warnings():
        warn(f"Lưu ý: {note}")
    number = print_dues_report(output, args.year, args.quarter, issued_on, args.issue)
    say(f"Đã ghi {output} " + (f"(số {number:02d}-BC)." if number else "(bản dự thảo, chưa lấy số)."))
    return 0


ACTIONS = {"share": _share, "set": _set, "from_returns": _from_returns, "list": _list, "report": _report}

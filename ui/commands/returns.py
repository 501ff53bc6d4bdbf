"""The reporting system on the command line: a request, its workbooks out, the returns back
(a dry run first), who has sent what, the clerk's decision, the reminder and the summary."""

from pathlib import Path

from models.core import clock
from models.core.dates import fmt_date, parse_date
from models.core.errors import ValidationError
from models.orgs import check_in_scope, get_org
from models.returns import (
    AD_HOC,
    HALF,
    KINDS,
    LINE_KINDS,
    MONTH,
    NO_WORKBOOK,
    QUARTER,
    STANDING,
    STATES,
    YEAR,
    apply_intake,
    create_request,
    decide,
    differences_of_return,
    export_request_workbooks,
    gathered,
    get_request,
    is_standard,
    office_form,
    plan_intake,
    read_form_file,
    request_rows,
    reset_office_form,
    save_office_form,
    status_rows,
    write_form_file,
)
from reports.letterhead import letterhead_warnings
from reports.returns_papers import print_reminder, print_summary
from ui.commands.context import SOME_REFUSED, Refused, opened, say, warn

KIND_WORDS = {"month": MONTH, "quarter": QUARTER, "half-year": HALF, "year": YEAR, "ad-hoc": AD_HOC}


def _day(text: str | None, field: str, label: str):
    return parse_date(text, field, label) if text else None


def run_returns(args, db_path: Path) -> int:
    action = args.returns_command.replace("-", "_")
    with opened(db_path, args.acting_user):
        return ACTIONS[action](args)


def _options_not_taken(args) -> str:
    """What the command line would otherwise drop without a word."""
    if args.period and args.kind not in ("month", "quarter"):
        return "Báo cáo 6 tháng, năm hoặc đột xuất không chọn tháng hay quý: bỏ --period."
    if (args.start or args.end) and args.kind != "ad-hoc":
        return "Kỳ của báo cáo tháng, quý, 6 tháng, năm tính theo --year và --period: --start, --end chỉ " \
               "dùng cho báo cáo đột xuất."
    if args.due and args.days is not None:
        return "Hạn gửi ghi một cách: --due hoặc --days, không cả hai."
    return ""


def _request(args) -> int:
    if refusal := _options_not_taken(args):
        raise Refused(refusal)
    request = create_request(
        KIND_WORDS[args.kind], args.year, args.period,
        issued_on=_day(args.date, "date", "Ngày gửi yêu cầu") or clock.today(),
        due_on=_day(args.due, "due", "Hạn gửi"), working_days=args.days, title=args.title,
        start=_day(args.start, "start", "Đầu kỳ"), end=_day(args.end, "end", "Cuối kỳ"))
    say(f"Đã tạo yêu cầu số {request.id}: {request.title} (kỳ {fmt_date(request.period_start)}–"
        f"{fmt_date(request.period_end)}), hạn gửi {fmt_date(request.due_on)}.")
    return 0


def _list(args) -> int:
    rows = request_rows(args.year)
    if not rows:
        say("Chưa có yêu cầu báo cáo nào.")
    for request in rows:
        say(f"{request.id:>4}  {KINDS[request.kind]:<18} {request.title} — hạn {fmt_date(request.due_on)}")
    return 0


def _export(args) -> int:
    folder = Path(args.output).expanduser().resolve()
    paths = export_request_workbooks(args.request_id, folder)
    say(f"Đã ghi {len(paths)} mẫu báo cáo vào {folder}.")
    return 0


def _import(args) -> int:
    received = _day(args.received, "received", "Ngày nhận")
    status, total = 0, 0
    for source in args.paths:
        with gathered(Path(source).expanduser()) as files:
            plan = plan_intake(files, args.request_id, received, Path(args.report) if args.report else None)
            if not plan.lines:  # the wrong folder chosen: said, not "Đã nhận 0 báo cáo"
                warn(f"{Path(source).name}: {NO_WORKBOOK}.")
                status = SOME_REFUSED
            for line in plan.lines:
                if line.refused:
                    warn(f"{line.name}: không nhận — {line.refused}")
                    status = SOME_REFUSED
                    continue
                found = line.found
                for problem in found.problems:
                    warn(f"{line.name} ({found.org_name}): {problem}")
                if found.problems:
                    status = SOME_REFUSED
                    continue
                when = f"chậm {line.late_days} ngày làm việc" if line.late_days else "đúng hạn"
                extra = f", kèm {line.report.name}" if line.report else ""
                again = f", thay báo cáo “{line.replaces}”" if line.replaces else ""
                say(f"{line.name} — {found.org_name}: {when}{extra}{again}.")
                if line.report_problem:
                    warn(f"  Không kèm được báo cáo: {line.report_problem}")
                for item in line.differences:
                    say(f"  Khác hồ sơ: {item.label}: báo cáo {item.reported}, hồ sơ Đảng ủy Khối "
                        f"{item.recorded}")
            for name in plan.ignored:
                say(f"Bỏ qua {name} (không phải mẫu báo cáo .xlsx/.ods, cũng không cùng tên với mẫu nào để "
                    "là báo cáo đính kèm).")
            if args.dry_run:
                say(f"Chạy thử: {len(plan.readable)} báo cáo có thể nhận, chưa ghi gì.")
            else:
                total += apply_intake(plan)
    if not args.dry_run and (total or status == 0):
        say(f"Đã nhận {total} báo cáo; xem xét bằng “returns status” rồi “accept” hoặc “send-back”.")
    return status


def _status(args) -> int:
    request = get_request(args.request_id)
    say(f"{request.title} — hạn gửi {fmt_date(request.due_on)}")
    rows = status_rows(request.id)
    for row in rows:
        state = f", {STATES[row.state].lower()}" if row.state else ""
        when = f" ngày {fmt_date(row.received_on)}" if row.received_on else ""
        late = f" (chậm {row.late_days} ngày làm việc)" if row.late_days else ""
        extra = f"; {row.differences} số liệu khác hồ sơ" if row.differences else ""
        say(f"{row.org_id:>5}  {row.org_name}: {STANDING[row.standing]}{when}{late}{state}{extra}")
        if args.differences and row.differences:
            for item in differences_of_return(row.return_id):
                say(f"         {item.label}: báo cáo {item.reported}, hồ sơ {item.recorded}")
    counts = {key: sum(1 for row in rows if row.standing == key) for key in STANDING}
    say("Cộng: " + "; ".join(f"{STANDING[key].lower()} {value}" for key, value in counts.items() if value))
    return 0


def _decide(args, accept: bool) -> int:
    rows = [row for row in status_rows(args.request_id) if row.org_id == args.org_id]
    if not rows:  # another organisation's, or none at all, is said so: not "has not sent"
        check_in_scope(args.org_id)
        raise ValidationError("org_id", f"Yêu cầu này không gửi đến {get_org(args.org_id).name}.")
    if rows[0].return_id is None:
        raise ValidationError("org_id", f"{rows[0].org_name} chưa gửi báo cáo theo yêu cầu này.")
    decide(rows[0].return_id, accept, args.note)
    say(f"{rows[0].org_name}: " + ("đã chấp nhận báo cáo." if accept else "đã trả lại báo cáo để sửa."))
    return 0


def _paper(args, summary: bool) -> int:
    output = Path(args.output).expanduser().resolve()
    issued_on = _day(args.date, "date", "Ngày ban hành") or clock.today()
    for note in letterhead_warnings():
        warn(f"Lưu ý: {note}")
    if summary:
        number = print_summary(output, args.request_id, min(issued_on, clock.today()), issued_on, args.issue)
        what = "BC"
    else:
        number, late = print_reminder(output, args.request_id, issued_on, args.issue)
        say(f"Công văn nêu {late} tổ chức.")
        what = "CV"
    say(f"Đã ghi {output} " + (f"(số {number:02d}-{what})." if number else "(bản dự thảo, chưa lấy số)."))
    return 0


def _form(args) -> int:
    if args.export:
        path = write_form_file(Path(args.export).expanduser().resolve())
        say(f"Đã ghi mẫu báo cáo vào {path}; sửa bằng Excel (giữ dòng đầu), rồi “returns form --import”.")
        return 0
    if args.import_file:
        lines = save_office_form(read_form_file(Path(args.import_file).expanduser()))
        say(f"Đã dùng mẫu mới ({len(lines)} dòng) cho các yêu cầu tạo từ nay; các yêu cầu đã gửi giữ mẫu cũ.")
        return 0
    if args.reset:
        reset_office_form()
        say("Đã trở về mẫu chuẩn cho các yêu cầu tạo từ nay.")
        return 0
    say("Mẫu chuẩn:" if is_standard() else "Mẫu của cơ quan:")
    for number, line in enumerate(office_form(), 1):
        say(f"{number:>3}. {line.label} [{line.key}, {LINE_KINDS[line.kind].lower()}]")
    return 0


ACTIONS = {
    "request": _request, "list": _list, "export": _export, "import": _import, "status": _status,
    "accept": lambda args: _decide(args, True), "send_back": lambda args: _decide(args, False),
    "letter": lambda args: _paper(args, False), "summary": lambda args: _paper(args, True), "form": _form,
}


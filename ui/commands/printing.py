"""The conference reports from the command line, as drafts or issued with their number."""

from pathlib import Path

from models.core import clock
from models.core.dates import parse_date
from models.documents import write_draft
from reports.conference import (
    check_signed_after_count,
    draft_for,
    figures_advice,
    issue_warning,
    print_report,
    report_period,
    unwritten_advice,
)
from reports.figures import period_figures
from reports.letterhead import letterhead_warnings
from reports.minutes import minutes_of, render_minutes
from ui.commands.context import opened, say, warn


def run_report(args, db_path: Path) -> int:
    output = Path(args.output).expanduser().resolve()
    with opened(db_path, args.acting_user):
        issued_on = parse_date(args.date) if args.date else clock.today()
        figures = period_figures(*report_period(args.kind, args.year))
        check_signed_after_count(issued_on, figures.counted_to)  # before the notes on a paper not printed
        draft = draft_for(args.kind, args.year, figures)
        warning = issue_warning(draft, issued_on) if args.issue else None
        advice = [note for note in (figures_advice(figures), unwritten_advice(
            draft, "Viết các mục đó ở trang Báo cáo (Mở dự thảo), lưu dự thảo rồi in lại.")) if note]
        for note in ([warning] if warning else []) + advice + letterhead_warnings():
            warn(f"Lưu ý: {note}")
        number = print_report(output, draft, issued_on, args.issue, figures, args.org_table)
    say(f"Đã ghi {output} " + (f"(số {number:02d}-BC)." if args.issue else "(bản dự thảo, chưa lấy số)."))
    return 0


def run_minutes(args, db_path: Path) -> int:
    """The minutes of one meeting, as the meeting dialog prints them."""
    output = Path(args.output).expanduser().resolve()
    with opened(db_path, args.acting_user):
        for note in letterhead_warnings():
            warn(f"Lưu ý: {note}")
        write_draft(output, lambda target, _number: render_minutes(target, minutes_of(args.meeting_id)))
    say(f"Đã ghi biên bản cuộc họp {args.meeting_id} vào {output}.")
    return 0

"""The conference reports from the command line, as drafts or issued with their number."""

from datetime import date
from pathlib import Path

from models.core.dates import parse_date
from models.documents import issue_document, write_draft
from reports.conference import draft_for, render_report, report_period
from reports.figures import period_figures
from ui.commands.context import opened, say


def run_report(args, db_path: Path) -> int:
    output = Path(args.output).expanduser().resolve()
    with opened(db_path, args.acting_user):
        issued_on = parse_date(args.date) if args.date else date.today()
        figures = period_figures(*report_period(args.kind, args.year))
        draft = draft_for(args.kind, args.year, figures)

        def write(path: Path, number: int | None) -> None:
            render_report(path, draft, figures, issued_on, number)

        if not args.issue:
            write_draft(output, write)
            say(f"Đã ghi {output} (bản dự thảo, chưa lấy số).")
            return 0
        document = issue_document("BC", draft.subject(), issued_on, output, write)
    say(f"Đã ghi {output} (số {document.number:02d}-BC).")
    return 0

"""`main.py document KIND --for ID`: the documents printed from one record (DOMAIN §12), as
the record's page prints them — a draft, or issued with the register's number."""

from pathlib import Path

from models.core import clock
from models.core.dates import fmt_date, parse_date
from models.documents import (
    admission_paper,
    award_paper,
    badge_paper,
    discipline_paper,
    full_membership_paper,
    letter_paper,
    write_draft,
)
from reports.certificates import render_certificates
from reports.letterhead import letterhead_warnings
from reports.member_sheets import render_member_sheet, render_short_record
from reports.papers import paper_number, print_paper
from ui.commands.context import Refused, opened, say, warn


def _one(ids: list[int]) -> int:
    if len(ids) != 1:
        raise Refused("Loại văn bản này in từ một hồ sơ: ghi một số sau --for.")
    return ids[0]


def _ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise Refused(f"“{text}” không phải số hồ sơ; ghi số, nhiều hồ sơ cách nhau bằng dấu phẩy "
                      "(12,13).") from None
    if not ids:
        raise Refused("Ghi số hồ sơ sau --for.")
    twice = next((number for number in ids if ids.count(number) > 1), None)
    if twice is not None:  # "5,5" is a slip, never one person listed twice
        raise Refused(f"Hồ sơ số {twice} được ghi hai lần sau --for: mỗi hồ sơ ghi một lần.")
    return ids


# Numbered documents: kind -> the paper of its record(s).
PAPERS = {
    "ket-nap": lambda value: admission_paper(_ids(value)),
    "chinh-thuc": lambda value: full_membership_paper(_ids(value)),
    "gioi-thieu": lambda value: letter_paper(_one(_ids(value))),
    "ky-luat": lambda value: discipline_paper(_one(_ids(value))),
    "khen-thuong": lambda value: award_paper(_one(_ids(value))),
    "huy-hieu": lambda value: badge_paper(parse_date(value, "for", "Đợt tặng Huy hiệu")),
}
# Sheets and lists: no number of their own.
SHEETS = {
    "giay-khen": lambda target, value, _on: render_certificates(target, _one(_ids(value))),
    "phieu-dang-vien": lambda target, value, on: render_member_sheet(target, _one(_ids(value)), on),
    "trich-ngang": lambda target, value, on: render_short_record(target, _ids(value), on),
}
KINDS = [*PAPERS, *SHEETS]


def run_document(args, db_path: Path) -> int:
    if args.kind == "giay-khen" and args.date:  # the certificate is the decision's; said, not dropped
        raise Refused("Giấy khen mang ngày của quyết định khen thưởng ghi trên hồ sơ; bỏ --date (ngày ghi "
                      "nhầm thì sửa ở Khen thưởng, huy hiệu › Sửa).")
    output = Path(args.output).expanduser().resolve()
    with opened(db_path, args.acting_user):
        chosen = parse_date(args.date) if args.date else None
        for note in letterhead_warnings():
            warn(f"Lưu ý: {note}")
        if args.kind in SHEETS:
            if args.issue:
                raise Refused("Phiếu, danh sách và giấy khen không lấy số trong sổ văn bản đi; bỏ --issue.")
            on = chosen or clock.today()
            write_draft(output, lambda target, _n: SHEETS[args.kind](target, args.record, on))
            say(f"Đã ghi {output}.")
            return 0
        paper = PAPERS[args.kind](args.record)
        number, printed_on = print_paper(output, paper, chosen, args.issue)
    if number is None:
        say(f"Đã ghi {output} (bản dự thảo, chưa lấy số).")
    else:
        say(f"Đã ghi {output} (số {paper_number(paper, number)}, ngày {fmt_date(printed_on)}).")
    return 0

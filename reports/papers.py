"""Decisions, introduction letters and proposals printed from a record (DOMAIN §8, §12): the
office's template filled with the record's facts, in the Party's document frame, numbered
from the register when issued. A {placeholder} the record cannot fill stops the print and
names what is missing."""

from datetime import date
from pathlib import Path

from models.accounts import office_details
from models.core.errors import ValidationError
from models.documents import (
    COMMISSION,
    KIND_NAMES,
    PARTS,
    PLACEHOLDER,
    Paper,
    Template,
    issue_document,
    issued_for,
    own_number,
    paper_day,
    template_for,
    write_draft,
    written_back,
)
from reports.document import Body, Header, build_document
from reports.letterhead import Signature, number_line, office_signature
from reports.numbers import inline_date

# Where a clerk supplies a fact the records lack, when it is not on the record itself.
HINTS = {
    "nhiệm kỳ": "đặt ngày bắt đầu nhiệm kỳ ở trang Báo cáo › Sổ văn bản đi",
    "đảng ủy khối": "nhập tên cơ quan ở Tệp › Thông tin cơ quan trên văn bản",
    "đảng bộ khối": "nhập tên cơ quan ở Tệp › Thông tin cơ quan trên văn bản",
    "thành tích": "ghi “Đợt, phong trào” của khen thưởng",
    "vi phạm": "ghi nội dung vi phạm vào “Ghi chú” của quyết định kỷ luật",
}


def _opens_sentence(line: str, at: int) -> bool:
    before = line[:at].rstrip()
    return not before or before.endswith(".")


def fill(line: str, paper: Paper) -> str:
    """The line with each {placeholder} replaced by the record's fact, capitalised where it
    opens a sentence ("Các chi bộ có tên trong danh sách tổ chức lễ kết nạp …")."""
    def value(match) -> str:
        name = match.group(1)
        if name not in paper.facts:
            raise ValidationError("template", f"Mẫu “{KIND_NAMES[paper.kind]}” có chỗ điền “{{{name}}}” mà "
                                              "hồ sơ này không có; sửa mẫu ở Báo cáo › Mẫu văn bản.")
        fact = paper.facts[name]
        if fact is None:
            if name in paper.reasons:
                raise ValidationError("record", f"Chưa in được “{name}”: {paper.reasons[name]}.")
            hint = HINTS.get(name, "nhập vào hồ sơ")
            raise ValidationError("record", f"Chưa in được: hồ sơ chưa có “{name}” — {hint} rồi in lại.")
        return fact[:1].upper() + fact[1:] if _opens_sentence(line, match.start()) else fact
    return PLACEHOLDER.sub(value, line)


def fill_all(template: Template, part: str, paper: Paper) -> list[str]:
    return [fill(line, paper) for line in template.lines(part)]


def _committee(paper: Paper) -> str:
    body = "ỦY BAN KIỂM TRA" if paper.issuer == COMMISSION else "BAN THƯỜNG VỤ"
    return f"{body} {fill('{đảng ủy khối}', paper).upper()}"


def paper_number(paper: Paper, number: int | None) -> str:
    """The number as the paper prints it ("07-GGT/ĐUK", "05-QĐ/UBKT"), blank when a draft."""
    code = COMMISSION if paper.issuer == COMMISSION else office_details().code
    return number_line(number, code, paper.type_code).removeprefix("Số ")


def _frame(paper: Paper, office, number: int | None, issued_on: date) -> tuple[Header, Signature]:
    """The standing committee's header and signature, or the inspection commission's: under the
    bloc's committee, its own number ("Số 05-QĐ/UBKT") and "T/M ỦY BAN KIỂM TRA / CHỦ NHIỆM"."""
    line = "Số " + paper_number(paper, number)
    if paper.issuer == COMMISSION:
        return (Header(office.bloc_name, "Ủy ban Kiểm tra", line, office.place, issued_on, paper.title,
                       paper.subject), Signature("T/M ỦY BAN KIỂM TRA", "CHỦ NHIỆM", office.inspection_chair))
    return (Header(office.superior_body, office.bloc_name, line, office.place, issued_on, paper.title,
                   paper.subject), office_signature(office))


def _body(paper: Paper, template: Template) -> Body:
    body = Body()
    grounds = fill_all(template, "grounds", paper)
    articles = fill_all(template, "articles", paper)
    if paper.title == "Quyết định":
        body.heading(_committee(paper), centered=True)
        for line in grounds:
            body.paragraph(line)
        body.heading("QUYẾT ĐỊNH:", centered=True)
    elif paper.title == "Tờ trình":
        body.heading("Kính gửi: Ban Thường vụ Tỉnh ủy", centered=True)
        for line in grounds:
            body.paragraph(line)
    for line in articles:
        body.paragraph(line)
    return body


def _list_annex(paper: Paper, number_text: str, issued_on: date) -> Body | None:
    if not paper.people:
        return None
    annex = Body()
    annex.heading(paper.list_title, centered=True)
    annex.paragraph(f"(Kèm theo {paper.title.lower()} {number_text}, ngày {inline_date(issued_on)} của Ban "
                    f"Thường vụ {office_details().bloc_name})")
    annex.table([paper.list_header, *paper.people], list_widths(paper.list_header),
                numeric_from=len(paper.list_header))
    return annex


# The columns of an annexed list by what they hold: a number, a date or a year keeps the width it
# needs; names and organisations share the rest (one set of widths for every six-column list
# gave a 4-digit year 25 mm and cut a cell's full name into five lines).
FIXED_MM = {"STT": 13, "Ngày sinh": 26, "Năm sinh": 15, "Ngày vào Đảng": 26, "Ngày chính thức": 26,
            "Huy hiệu": 22, "Nghị quyết chi bộ": 26}
SHARE = {"Họ và tên": 42, "Quê quán": 36, "Chi bộ": 40, "Đảng bộ, chi bộ": 50, "Tên tập thể, cá nhân": 94,
         "Đơn vị": 58}
TEXT_WIDTH_MM = 165  # A4 less the margins of §8


def list_widths(header: list[str]) -> list[float]:
    left = TEXT_WIDTH_MM - sum(FIXED_MM.get(title, 0) for title in header)
    shares = sum(SHARE.get(title, 0) for title in header)
    return [FIXED_MM[title] if title in FIXED_MM else round(SHARE[title] * left / shares, 1)
            for title in header]


def _counterfoil(paper: Paper, number_text: str, issued_on: date) -> Body:
    """The letter's stub, kept by the office when the letter goes out with the member."""
    stub = Body()
    stub.heading("CUỐNG GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG", centered=True)
    stub.paragraph(f"{number_text}, ngày {inline_date(issued_on)}.")
    # Each line filled whole, so a fact inside a sentence keeps its small letter (reported:
    # "5/3/1985, Đảng viên chính thức").
    for line in ("Giới thiệu đồng chí {họ và tên}, sinh ngày {ngày sinh}, {đảng viên chính thức hay dự bị}, "
                 "sinh hoạt tại {nơi sinh hoạt}.",
                 "Chuyển sinh hoạt đảng đến: {nơi chuyển đến}, kể từ ngày {ngày chuyển}.",
                 "Người nhận giấy giới thiệu ký tên: ................................................"):
        stub.paragraph(fill(line, paper))
    return stub


def render_paper(path: Path, paper: Paper, number: int | None, issued_on: date) -> Path:
    """The document as a PDF, or its Word copy for a .docx path."""
    office = office_details()
    paper.facts_on(issued_on)
    template = template_for(paper.kind, issued_on)
    header, signature = _frame(paper, office, number, issued_on)
    # In a sentence too, a draft's number keeps the blank written in by hand (a paragraph closes
    # up plain spaces: "Kèm theo quyết định số -QĐ/ĐUK").
    line = header.number_line.replace(" ", "\u00a0").replace("Số\u00a0", "Số ", 1)
    body = _body(paper, template)
    annex = _list_annex(paper, "số " + line.removeprefix("Số "), issued_on)
    if paper.kind == "gioi-thieu":
        annex = _counterfoil(paper, line, issued_on)
    recipients = fill_all(template, "recipients", paper)
    return build_document(path, header, body, signature, recipients, annex=annex,
                          author=KIND_NAMES[paper.kind])


def print_paper(path: Path, paper: Paper, chosen: date | None, issue: bool) -> tuple[int | None, date]:
    """A draft, or issued with the register's next number of its type; printed again from the
    same record, it keeps its number and date. Dated the day its record gives the act, else
    `chosen`, else today. Returns (number, date printed)."""
    issued_on = paper_day(paper, chosen)
    template = template_for(paper.kind, issued_on)  # grounds in force that day, or refused now
    for part in PARTS:  # a missing fact stops the print before a number is taken
        fill_all(template, part, paper)
    if not issue:
        write_draft(path, lambda target, _n: render_paper(target, paper, None, issued_on))
        return None, issued_on
    earlier = issued_for(paper.type_code, paper.source)
    on = earlier.issued_on if earlier else issued_on
    document = issue_document(paper.type_code, paper.register_title, on, path,
                              lambda target, number: render_paper(target, paper, number, on),
                              source=paper.source, on_issued=written_back(paper), issuer=paper.issuer,
                              number=None if earlier else own_number(paper))
    return document.number, on


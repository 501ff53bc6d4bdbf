"""The quarterly Party dues report (báo cáo thu, nộp đảng phí): what the grassroots
organisations collected, owed the bloc after their share, remitted and still owe; what the bloc
keeps and remits upward; the organisations' lines in the annex. In the Party's document frame,
numbered from the register when issued; the draft also says where each line's figures came from."""

from datetime import date
from pathlib import Path

from models.accounts import office_details, require_bloc_reader
from models.core.errors import ValidationError
from models.core.text import opening
from models.documents import issue_document, write_draft
from models.dues import DuesQuarter, dues_quarter, quarter_name
from reports.document import Body, build_document, report_header
from reports.letterhead import office_signature
from reports.numbers import inline_date, integer, listed

RECIPIENTS = ["Văn phòng Tỉnh ủy (báo cáo)", "Các tổ chức cơ sở đảng", "Lưu Văn phòng Đảng ủy"]
NAMED = 10  # organisations named in a sentence; beyond that, a count and the annex


def _dong(value: int) -> str:
    return f"{integer(value)} đồng"


def _mid_sentence(line: str) -> str:
    """A line the office typed as a line of its own, joined into a sentence: "Đảng viên hưởng
    lương hưu" goes on as "đảng viên hưởng lương hưu"; an abbreviation ("HSSV") stays as typed."""
    return line[:1].lower() + line[1:] if line[1:2].islower() else line


def _named(names: list[str]) -> str:
    if len(names) <= NAMED:
        return listed(names)
    return f"{listed(names[:NAMED])} … (xem phụ lục)"


def _by_then(books: DuesQuarter, issued_on: date) -> str:
    """When the arrears are counted: a report printed before the quarter ends names its day, so
    no one signs a quarter's end that has not come."""
    if issued_on < books.end:
        return f"Đến ngày {inline_date(issued_on)} (quý chưa kết thúc)"
    return "Đến hết quý"


def dues_sentences(books: DuesQuarter, issued_on: date) -> list[str]:
    share = books.share
    recorded, lines = books.recorded, books.lines
    name = quarter_name(books.year, books.quarter)
    sentences = [f"{opening(name)} (từ ngày {inline_date(books.start)} đến ngày "
                 f"{inline_date(books.end)}), Văn phòng Đảng ủy Khối đã có số liệu thu, nộp đảng phí của "
                 f"{len(recorded)}/{len(lines)} tổ chức cơ sở đảng."]
    if books.missing:
        sentences.append(f"Còn {len(books.missing)} tổ chức chưa có số liệu: "
                         f"{_named([line.org_name for line in books.missing])}.")
    sentences.append(f"Các tổ chức cơ sở đảng thu được {_dong(books.total('collected'))}; theo tỷ lệ "
                     f"trích giữ lại {share.kept_percent}%, các tổ chức giữ lại {_dong(books.total('kept'))} "
                     f"và phải nộp Đảng ủy Khối {_dong(books.total('owed'))}.")
    earlier = sum(line.owed_before for line in lines)
    paid = f"Trong quý, các tổ chức cơ sở đảng đã nộp Đảng ủy Khối {_dong(books.total('remitted'))}"
    if earlier > 0:
        paid += f" (số còn nợ từ các quý trước là {_dong(earlier)})"
    sentences.append(paid + ".")
    owing = books.owing
    if owing:
        sentences.append(f"{_by_then(books, issued_on)}, {len(owing)} tổ chức còn nợ đảng phí, tổng số "
                         f"{_dong(sum(line.owed_after for line in owing))}: "
                         f"{_named([line.org_name for line in owing])}.")
    else:
        sentences.append(f"{_by_then(books, issued_on)}, không tổ chức nào còn nợ đảng phí.")
    rates = [line.strip().rstrip(";.") for line in share.rates.splitlines() if line.strip()]
    if rates:
        sentences.append("Mức đóng đảng phí áp dụng: " + "; ".join(
            [rates[0], *(_mid_sentence(rate) for rate in rates[1:])]) + ".")
    sentences.append(f"Đảng ủy Khối trích giữ lại {share.bloc_kept_percent}% số đảng phí nhận được "
                     f"({_dong(books.bloc_kept)}) và nộp lên cấp trên {_dong(books.bloc_remits)}.")
    if owing:
        sentences.append("Đề nghị các tổ chức cơ sở đảng còn nợ nộp đủ đảng phí về Đảng ủy Khối (qua Văn "
                         "phòng Đảng ủy) cùng với đảng phí quý sau.")
    return sentences


def annex_rows(books: DuesQuarter) -> list[list[str]]:
    """One line per organisation; what it still owes counts the quarters before (the body says
    how much of the total that is)."""
    rows = [["STT", "Tổ chức cơ sở đảng", "Thu được", "Phải nộp trong quý", "Đã nộp", "Còn nợ"]]
    for index, line in enumerate(books.lines, 1):
        figures = ["chưa có số liệu", "", ""] if line.entry_id is None else \
            [integer(line.collected), integer(line.owed), integer(line.remitted)]
        rows.append([str(index), line.org_name, *figures, integer(line.owed_after)])
    rows.append(["", "Cộng", integer(books.total("collected")), integer(books.total("owed")),
                 integer(books.total("remitted")), integer(sum(line.owed_after for line in books.lines))])
    return rows


def source_rows(books: DuesQuarter) -> list[list[str]]:
    """Where each organisation's figures came from: a return, or typed in the office."""
    counted: dict[str, int] = {}
    for line in books.recorded:
        key = line.source or "Nhập tại Văn phòng"
        counted[key] = counted.get(key, 0) + 1
    return [["Nguồn số liệu", "Số tổ chức"]] + [[key, str(value)] for key, value in sorted(counted.items())]


def render_dues(path: Path, books: DuesQuarter, issued_on: date, number: int | None,
                with_sources: bool) -> Path:
    office = office_details()
    subject = f"kết quả thu, nộp đảng phí {quarter_name(books.year, books.quarter)}"
    header = report_header(office, number, issued_on, subject)
    body = Body()
    sentences = dues_sentences(books, issued_on)
    for sentence in sentences:
        body.paragraph(sentence)
    annex = Body()
    annex.heading("PHỤ LỤC: THU, NỘP ĐẢNG PHÍ CỦA CÁC TỔ CHỨC CƠ SỞ ĐẢNG", centered=True)
    annex.paragraph(f"(Kèm theo báo cáo {subject}; đơn vị tính: đồng; “còn nợ” gồm cả số nợ các quý "
                    "trước)")
    annex.table(annex_rows(books), [14, 39, 28, 28, 28, 28], numeric_from=2)
    # The draft says where the figures come from, after the annex: in the body it pushed the last
    # paragraph and the signature over to a page of their own, where the issued copy has none.
    if with_sources:
        annex.subheading("Nguồn số liệu (chỉ in trong bản dự thảo)")
        annex.table(source_rows(books), [120, 45], numeric_from=1)
    return build_document(path, header, body, office_signature(office), RECIPIENTS, annex=annex,
                          author="Báo cáo thu, nộp đảng phí")


def print_dues_report(path: Path, year: int, quarter: int, issued_on: date, issue: bool) -> int | None:
    require_bloc_reader("Báo cáo thu, nộp đảng phí của Đảng ủy Khối")
    books = dues_quarter(year, quarter)
    if books.share is None:
        raise ValidationError("quarter", f"Chưa đặt tỷ lệ trích giữ lại đảng phí áp dụng cho "
                                         f"{quarter_name(year, quarter)}: đặt ở trang Đảng phí, nút “Tỷ lệ "
                                         "trích giữ lại…”, hoặc bằng lệnh “dues share”.")
    if not books.recorded:
        raise ValidationError("quarter", f"Chưa có số liệu đảng phí nào của {quarter_name(year, quarter)}.")
    if issued_on < books.start:
        raise ValidationError("date", f"Ngày ban hành ({inline_date(issued_on)}) ở trước đầu quý.")
    paid = [line for line in books.lines if line.remitted_on is not None and line.remitted_on > issued_on]
    if paid:  # the paper would state a payment made after it was signed
        last = max(paid, key=lambda line: line.remitted_on)
        raise ValidationError("date", f"Ngày ban hành {inline_date(issued_on)} ở trước ngày nộp "
                                      f"{inline_date(last.remitted_on)} của {last.org_name}: chọn ngày từ "
                                      f"{inline_date(last.remitted_on)}.")
    if issue:
        def write(target: Path, number: int | None) -> None:
            render_dues(target, books, issued_on, number, False)

        title = f"Kết quả thu, nộp đảng phí {quarter_name(year, quarter)}"
        return issue_document("BC", title, issued_on, path, write, source=f"dang-phi:{year}:{quarter}").number
    write_draft(path, lambda target, _n: render_dues(target, books, issued_on, None, True))
    return None

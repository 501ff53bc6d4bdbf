"""Papers of the reporting system: the summary of a request's returns (a report, with its annex
of returns by organisation) and the reminder to the organisations that are late (a công văn
đôn đốc). Both in the Party's document frame, numbered from the register when issued."""

from datetime import date
from pathlib import Path

from models.accounts import office_details, require_bloc_reader
from models.core.errors import ValidationError
from models.core.workdays import add_working_days
from models.documents import issue_document, write_draft
from models.returns import ACCEPTED, SENT_BACK
from reports.document import Body, Header, build_document, report_header
from reports.letterhead import number_line, office_signature
from reports.numbers import inline_date, integer, listed
from reports.returns_figures import ReturnsSummary, returns_summary

SUMMARY_RECIPIENTS = ["Ban Thường vụ Tỉnh ủy (báo cáo)", "Văn phòng Tỉnh ủy",
                      "Các đồng chí Ủy viên Ban Thường vụ", "Lưu Văn phòng Đảng ủy"]
WORDED = (("ket_qua", "Kết quả nổi bật các tổ chức cơ sở đảng nêu"),
          ("han_che", "Hạn chế, khuyết điểm các tổ chức cơ sở đảng nêu"))
DAYS_GIVEN = 3  # working days a reminder gives to send what is late


def _lowered(title: str) -> str:
    return title[:1].lower() + title[1:]


def _count(summary: ReturnsSummary, key: str) -> int | None:
    line = summary.lines.get(key)
    return line.total if line is not None and line.returns else None


def _either(nouns: list[str]) -> str:
    """"A, B hoặc C", as a sentence of none lists what there was none of."""
    if len(nouns) < 2:
        return "".join(nouns)
    return ", ".join(nouns[:-1]) + (", " if " hoặc " in nouns[-1] else " hoặc ") + nouns[-1]


def _numbers_sentence(summary: ReturnsSummary, opening: str, parts: list[tuple[str, str, str]],
                      none: str) -> str | None:
    """`opening` and each part ("kết nạp {} đảng viên mới") whose line the returns state above
    nought; when every stated line is nought, the sentence of none ("Trong kỳ không có đảng viên
    từ trần") — never "có 0 đảng viên"."""
    stated = [(template, noun, value) for key, template, noun in parts
              if (value := _count(summary, key)) is not None]
    counted = [template.format(integer(value)) for template, _noun, value in stated if value]
    if counted:
        return f"{opening} {listed(counted)}."
    return none.format(_either([noun for _template, noun, _value in stated])) if stated else None


SENTENCES = (
    ("Theo báo cáo của các tổ chức cơ sở đảng, trong kỳ đã", [
        ("ket_nap", "kết nạp {} đảng viên mới", "kết nạp mới"),
        ("cong_nhan_chinh_thuc", "công nhận {} đảng viên chính thức", "được công nhận chính thức"),
        ("chuyen_den", "tiếp nhận {} đảng viên chuyển đến", "chuyển đến"),
        ("chuyen_di", "chuyển đi {} đảng viên", "chuyển đi")],
     "Theo báo cáo của các tổ chức cơ sở đảng, trong kỳ không có đảng viên {}."),
    ("Trong kỳ có", [("tu_tran", "{} đảng viên từ trần", "từ trần"),
                     ("ra_khoi_dang", "{} đảng viên bị xóa tên, khai trừ hoặc xin ra khỏi Đảng",
                      "bị xóa tên, khai trừ hoặc xin ra khỏi Đảng")],
     "Trong kỳ không có đảng viên {}."),
    ("Các chi bộ đã tổ chức", [("sinh_hoat_thuong_ky", "{} cuộc sinh hoạt thường kỳ", "thường kỳ"),
                               ("sinh_hoat_chuyen_de", "{} cuộc sinh hoạt chuyên đề", "chuyên đề")],
     "Trong kỳ các chi bộ không tổ chức cuộc sinh hoạt {} nào."),
    ("Các tổ chức cơ sở đảng đã tiến hành", [("kiem_tra", "{} cuộc kiểm tra", "kiểm tra"),
                                              ("giam_sat", "{} cuộc giám sát", "giám sát")],
     "Trong kỳ các tổ chức cơ sở đảng không tiến hành cuộc {} nào."),
    ("Số đảng viên bị thi hành kỷ luật trong kỳ là", [("ky_luat", "{}", "bị thi hành kỷ luật")],
     "Trong kỳ không có đảng viên {}."),
    ("Số đảng viên được nơi cư trú nhận xét là", [("nhan_xet_cu_tru", "{}", "được nơi cư trú nhận xét")],
     "Trong kỳ không có đảng viên {}."),
)


def summary_sentences(summary: ReturnsSummary) -> list[str]:
    """The consolidated paragraphs, each from the lines of the accepted returns."""
    sentences = [
        f"Đến ngày {inline_date(summary.counted_on)}, có {summary.received}/{summary.asked} tổ chức cơ sở "
        f"đảng gửi báo cáo ({summary.on_time} tổ chức gửi đúng hạn); {summary.accepted} báo cáo đã được "
        "chấp nhận và được tổng hợp dưới đây."]
    if summary.overdue:
        sentences.append(f"Còn {len(summary.overdue)} tổ chức quá hạn chưa gửi báo cáo: "
                         f"{listed(summary.overdue)}.")
    if summary.sent_back:
        sentences.append(f"{len(summary.sent_back)} báo cáo phải sửa lại: {listed(summary.sent_back)}.")
    for opening, parts, none in SENTENCES:
        sentence = _numbers_sentence(summary, opening, parts, none)
        if sentence:
            sentences.append(sentence)
    headcount, probationary = _count(summary, "dang_vien_cuoi_ky"), _count(summary, "du_bi_cuoi_ky")
    if headcount is not None:
        within = "" if probationary is None else " (không có đảng viên dự bị)" if probationary == 0 else \
            f" (trong đó {integer(probationary)} đảng viên dự bị)"
        sentences.append(f"Cuối kỳ, các tổ chức đã báo cáo có {integer(headcount)} đảng viên{within}.")
    collected, remitted = _count(summary, "dang_phi_thu"), _count(summary, "dang_phi_nop")
    parts = ([f"thu được {integer(collected)} đồng"] if collected is not None else []) + \
        ([f"nộp cấp trên {integer(remitted)} đồng"] if remitted is not None else [])
    if parts:
        sentences.append(f"Về đảng phí, các tổ chức cơ sở đảng đã {listed(parts)}.")
    return sentences


def source_lines(summary: ReturnsSummary) -> list[list[str]]:
    """Each summed figure, how many returns it adds up, and the bloc's own count beside it."""
    rows = [["Chỉ tiêu", "Tổng theo báo cáo", "Số báo cáo", "Hồ sơ Đảng ủy Khối"]]
    for line in summary.lines.values():
        rows.append([line.label, integer(line.total), f"{line.returns}/{summary.asked}",
                     "" if line.recorded is None else integer(line.recorded)])
    return rows


def _state_words(line) -> str:
    if line.state == ACCEPTED:
        return "Chấp nhận"
    if line.state == SENT_BACK:
        return "Trả lại"
    return "Chưa gửi" if line.received_on is None else "Chờ xem xét"


def render_summary(path: Path, summary: ReturnsSummary, issued_on: date, number: int | None,
                   with_sources: bool) -> Path:
    office = office_details()
    subject = f"tổng hợp {_lowered(summary.title)} của các tổ chức cơ sở đảng"
    header = report_header(office, number, issued_on, subject)
    body = Body()
    body.note(f"(Kỳ báo cáo từ ngày {inline_date(summary.period_start)} đến ngày "
              f"{inline_date(summary.period_end)})")
    for sentence in summary_sentences(summary):
        body.paragraph(sentence)
    worded = [(key, heading) for key, heading in WORDED if summary.texts.get(key)]
    if worded:
        speakers = {org for key, _heading in worded for org, _words in summary.texts[key]}
        body.paragraph(f"Kết quả nổi bật và hạn chế do {len(speakers)} tổ chức cơ sở đảng nêu trong báo cáo "
                       "được tập hợp ở phụ lục.")
    annex = Body()
    annex.heading("PHỤ LỤC: BÁO CÁO CỦA CÁC TỔ CHỨC CƠ SỞ ĐẢNG", centered=True)
    annex.paragraph(f"(Kèm theo báo cáo {subject})")
    rows = [["STT", "Tổ chức cơ sở đảng", "Ngày gửi", "Đảng viên cuối kỳ", "Kết nạp",
             "Đảng phí thu (nghìn đồng)", "Tình trạng"]]
    for index, line in enumerate(summary.orgs, 1):
        figures = line.figures

        def shown(key: str, thousands: bool = False, figures=figures) -> str:
            value = figures.get(key)
            return "" if value is None else integer(round(value / 1000) if thousands else value)

        rows.append([str(index), line.org_name, inline_date(line.received_on) if line.received_on else "",
                     shown("dang_vien_cuoi_ky"), shown("ket_nap"), shown("dang_phi_thu", thousands=True),
                     _state_words(line)])
    # A plain line, not a heading kept with what follows: the table is longer than a page.
    annex.paragraph("I. Số liệu chính và tình trạng báo cáo")
    annex.table(rows, [12, 54, 25, 17, 14, 20, 23], numeric_from=2)
    for number, (key, heading) in enumerate(worded, start=2):
        annex.subheading(f"{'I' * number}. {heading}")
        for org, words in summary.texts[key]:
            annex.paragraph(f"- {org}: {words}")
    if with_sources:  # the draft says where each figure comes from, after the annex (as above)
        annex.subheading("Nguồn số liệu (chỉ in trong bản dự thảo)")
        annex.table(source_lines(summary), [75, 30, 25, 35], numeric_from=1)
    return build_document(path, header, body, office_signature(office), SUMMARY_RECIPIENTS, annex=annex,
                          author="Báo cáo tổng hợp của tổ chức cơ sở")


def print_summary(path: Path, request_id: int, today: date, issued_on: date, issue: bool) -> int | None:
    require_bloc_reader("Báo cáo tổng hợp của Đảng ủy Khối")
    summary = returns_summary(request_id, today)
    if not summary.accepted:  # "0 báo cáo … được tổng hợp dưới đây" above an empty page
        raise ValidationError("request", f"Đến ngày {inline_date(today)} chưa có báo cáo nào được chấp nhận "
                                         f"trong “{summary.title}”: chưa có gì để tổng hợp.")
    if issue:
        def write(target: Path, number: int | None) -> None:
            render_summary(target, summary, issued_on, number, False)

        return issue_document("BC", f"Tổng hợp {summary.title}", issued_on, path, write,
                              source=f"tong-hop-bao-cao:{request_id}").number
    write_draft(path, lambda target, _n: render_summary(target, summary, issued_on, None, True))
    return None


def reminder_paragraphs(summary: ReturnsSummary, issued_on: date) -> list[str]:
    names = summary.overdue + summary.sent_back
    # A letter written before the deadline (to those sent back) never shortens the time the
    # request gave.
    until = max(summary.due_on, add_working_days(issued_on, DAYS_GIVEN))
    lines = [f"Ngày {inline_date(summary.issued_on)}, Đảng ủy Khối đã đề nghị các tổ chức cơ sở đảng gửi "
             f"{_lowered(summary.title)} (kỳ báo cáo từ ngày {inline_date(summary.period_start)} "
             f"đến ngày {inline_date(summary.period_end)}), hạn gửi ngày {inline_date(summary.due_on)}."]
    lines.append(f"Đến ngày {inline_date(issued_on)}, còn {len(names)} tổ chức cơ sở đảng chưa gửi báo cáo "
                 "hoặc báo cáo phải sửa lại, gồm:")
    lines += [f"{index}. {name}{' (báo cáo phải sửa lại)' if name in summary.sent_back else ''}."
              for index, name in enumerate(names, 1)]
    lines.append("Ban Thường vụ Đảng ủy Khối đề nghị các tổ chức cơ sở đảng nêu trên khẩn trương hoàn thành, "
                 f"gửi báo cáo về Đảng ủy Khối (qua Văn phòng Đảng ủy) trước ngày {inline_date(until)}.")
    return lines


def render_reminder(path: Path, summary: ReturnsSummary, issued_on: date, number: int | None) -> Path:
    office = office_details()
    header = Header(office.superior_body, office.bloc_name, number_line(number, office.code, "CV"),
                    office.place, issued_on, "", f"V/v đôn đốc gửi {_lowered(summary.title)}")
    body = Body()
    body.heading("Kính gửi: Các tổ chức cơ sở đảng có tên dưới đây", centered=True)
    for line in reminder_paragraphs(summary, issued_on):
        body.paragraph(line)
    return build_document(path, header, body, office_signature(office),
                          ["Như kính gửi", "Lưu Văn phòng Đảng ủy"], author="Công văn đôn đốc báo cáo")


def print_reminder(path: Path, request_id: int, issued_on: date, issue: bool) -> tuple[int | None, int]:
    """The letter to the organisations late on the day it is dated. Returns (number, how many
    organisations it names)."""
    require_bloc_reader("Công văn đôn đốc của Đảng ủy Khối")
    summary = returns_summary(request_id, issued_on)
    late = len(summary.overdue) + len(summary.sent_back)
    if late == 0:
        raise ValidationError("request", f"Ngày {inline_date(issued_on)} không có tổ chức nào chậm gửi "
                                         f"“{summary.title}”.")
    if issue:
        number = issue_document("CV", f"Đôn đốc gửi {summary.title}", issued_on, path,
                                lambda target, n: render_reminder(target, summary, issued_on, n),
                                source=f"don-doc-bao-cao:{request_id}:{issued_on.isoformat()}").number
        return number, late
    write_draft(path, lambda target, _n: render_reminder(target, summary, issued_on, None))
    return None, late

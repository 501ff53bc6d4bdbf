"""The paragraphs of a report that the records can write, in the office's wording (DOMAIN §9,
examples/000–004). Each returns "" when the records hold nothing to say, so the report never
prints an invented number."""

from models import vocab as v
from models.counts import ADDITIONS, REMOVALS
from reports.figures import PeriodFigures
from reports.inspection_words import inspection_sentence
from reports.numbers import achievement, integer, percent


def period_words(figures: PeriodFigures) -> str:
    if (figures.start.month, figures.start.day, figures.end.month, figures.end.day) == (1, 1, 12, 31):
        return f"năm {figures.end.year}"
    if (figures.start.month, figures.start.day, figures.end.month, figures.end.day) == (1, 1, 6, 30):
        return f"6 tháng đầu năm {figures.end.year}"
    return f"từ {figures.start:%d/%m/%Y} đến {figures.end:%d/%m/%Y}"


def organisation_paragraph(figures: PeriodFigures) -> str:
    orgs, members = figures.orgs, figures.members
    if not orgs.grassroots:
        return ""
    return (f"Đến ngày {figures.end.day}/{figures.end.month}/{figures.end.year}, Đảng bộ Khối có "
            f"{integer(orgs.grassroots)} tổ chức cơ sở đảng ({integer(orgs.by_level.get(v.DBCS, 0))} đảng bộ "
            f"cơ sở, {integer(orgs.by_level.get(v.CBCS, 0))} chi bộ cơ sở), "
            f"{integer(orgs.by_level.get(v.CBTT, 0))} chi bộ trực thuộc đảng ủy cơ sở, với "
            f"{integer(members.total)} đảng viên ({integer(members.full)} đảng viên chính thức, "
            f"{integer(members.probationary)} đảng viên dự bị).")


def movement_paragraph(figures: PeriodFigures) -> str:
    table = figures.movement
    if not (table.opening or table.closing):
        return ""
    added = ", ".join(f"{label.lower()} {integer(table.additions[kind])}"
                      for kind, label in ADDITIONS.items() if table.additions[kind])
    removed = ", ".join(f"{label.lower()} {integer(table.removals[kind])}"
                        for kind, label in REMOVALS.items() if table.removals[kind])
    text = (f"Số đảng viên đầu kỳ {integer(table.opening)} đồng chí; trong {period_words(figures)} tăng "
            f"{integer(table.added)} đồng chí" + (f" ({added})" if added else "") +
            f", giảm {integer(table.removed)} đồng chí" + (f" ({removed})" if removed else ""))
    if table.struck_off_probationary:
        text += f", trong đó xóa tên {integer(table.struck_off_probationary)} đảng viên dự bị"
    return text + f"; đến cuối kỳ có {integer(table.closing)} đảng viên."


def admission_paragraph(figures: PeriodFigures) -> str:
    adm = figures.admissions
    if not adm.admitted and not figures.year_target:
        return ""
    text = f"Trong {period_words(figures)}, toàn Đảng bộ kết nạp {integer(adm.admitted)} đảng viên"
    if figures.year_target:
        text += f", {achievement(adm.admitted, figures.year_target, 'chỉ tiêu năm')}"
    parts = [(adm.women, "nữ"), (adm.ethnic_minority, "dân tộc thiểu số"),
             (adm.youth_union, "đoàn viên thanh niên"), (adm.readmitted, "kết nạp lại")]
    shown = [f"{label} {integer(n)} (chiếm {percent(n, adm.admitted, 2)})" for n, label in parts if n]
    if shown and adm.admitted:
        text += "; trong đó " + ", ".join(shown)
    text += f". Công nhận đảng viên chính thức cho {integer(adm.recognised)} đồng chí"
    if adm.struck_off_in_probation:
        text += f"; xóa tên {integer(adm.struck_off_in_probation)} đảng viên dự bị"
    return text + "."


def inspection_paragraph(figures: PeriodFigures, pad: int = 2) -> str:
    ins = figures.inspections
    if not (ins.done or ins.planned or ins.discipline):
        return ""
    return inspection_sentence(ins, pad)

"""Laying out a conference report (year-end or half-year) from its draft and the figures of
the period: the body in the Party document frame, then the annex tables and a chart."""

from datetime import date
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from models.accounts import require_bloc_reader
from models.admissions import AGE_BANDS
from models.awards import issuer_advice
from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.core.text import fold
from models.core.vocab import AWARD_FORMS
from models.documents import date_order_warning, issue_document, issued_already, load_draft, write_draft
from models.inspections import KINDS, PERFORMERS, SUBJECT_TYPES
from models.members import ADDITIONS, REMOVALS
from models.ratings import rules_for
from reports.document import Body, build_document, report_header
from reports.figures import PeriodFigures, counted_until, period_figures
from reports.fonts import register_fonts
from reports.letterhead import office_signature
from reports.numbers import achievement, integer, percent
from reports.outline import YEAR_END, Draft, fresh_draft, from_records, regenerate, unwritten_headings
from reports.rating_lines import member_rating_lines
from reports.returns_words import returns_org_rows, returns_source_rows
from reports.target_words import target_table_rows

RECIPIENTS = ["Ban Thường vụ Tỉnh ủy (báo cáo)", "Ban Tổ chức Tỉnh ủy",
              "Các đảng ủy, chi bộ cơ sở trực thuộc", "Lưu Văn phòng Đảng ủy"]
ADMISSIONS_CHART = "Số đảng viên kết nạp theo năm"


def counted_note(figures: PeriodFigures) -> str | None:
    """Under the subject line of a report counted before its period ended: the day it was
    counted, as offices write it."""
    return f"(Số liệu tính đến ngày {fmt_date(figures.as_of)})" if figures.unfinished else None


def final_figures_advice(figures: PeriodFigures) -> str | None:
    """For the clerk (command line, reports page), not the paper: how to get the final figures."""
    if not figures.unfinished:
        return None
    return (f"Kỳ báo cáo chưa kết thúc (đến ngày {fmt_date(figures.end)}): số liệu tính đến hôm nay, ngày "
            f"{fmt_date(figures.as_of)}. Sau ngày {fmt_date(figures.end)}, mở lại dự thảo, bấm “Tính lại số "
            "liệu” (hoặc chạy lại lệnh report) rồi in để có số liệu cả kỳ.")


def awards_advice(figures: PeriodFigures) -> str | None:
    """The awards of the period the report would print as the bloc's, wrongly (issuer_advice)."""
    advice = issuer_advice((issuer, form, groups + people)
                           for (issuer, form), (groups, people) in figures.awards.by_issuer.items())
    return f"{advice} Rồi tính lại số liệu." if advice else None


def figures_advice(figures: PeriodFigures) -> str | None:
    """Everything the clerk should know of the figures before printing, one note a line."""
    notes = [note for note in (final_figures_advice(figures), awards_advice(figures)) if note]
    return "\n".join(notes) or None


def unwritten_advice(draft: Draft, remedy: str) -> str | None:
    """For the clerk, not the paper: headings that would print bare (reported: "PHƯƠNG HƯỚNG,
    NHIỆM VỤ" printed alone above the signature). `remedy` says what to do where the clerk is:
    the command has printed already, the window has not."""
    headings = unwritten_headings(draft)
    if not headings:
        return None
    listed = ", ".join(f"“{heading}”" for heading in headings)
    return f"Các mục chưa có nội dung, in ra chỉ có tiêu đề: {listed}. {remedy}"


def _body(draft: Draft, figures: PeriodFigures) -> Body:
    body = Body()
    note = counted_note(figures)
    if note:
        body.note(note)
    for section in draft.sections:
        if section.level == 0:
            body.heading(section.heading, centered=True)
        elif section.level == 1:
            body.heading(section.heading)
        elif section.level == 2:
            body.subheading(section.heading)
        if section.text.strip():
            body.paragraph(section.text)
    return body


def _org_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    rows = [["Loại hình cơ quan, đơn vị", "Đảng bộ cơ sở", "Chi bộ cơ sở", "Tổng số"]]
    for code, label in v.ORG_TYPES.items():
        counts = figures.orgs.by_type.get(code, {})
        if counts:
            rows.append([label, integer(counts.get(v.DBCS, 0)), integer(counts.get(v.CBCS, 0)),
                         integer(sum(counts.values()))])
    rows.append(["Tổng số", integer(figures.orgs.by_level.get(v.DBCS, 0)),
                 integer(figures.orgs.by_level.get(v.CBCS, 0)), integer(figures.orgs.grassroots)])
    annex.subheading(f"{number}. Tổ chức cơ sở đảng theo loại hình")
    annex.table(rows, [75, 30, 30, 30])


def _movement_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    now, before = figures.movement, figures.movement_last_year

    def line(label, this, last):
        return [label, integer(this), integer(last), percent(this, last)]

    rows = [["Chỉ tiêu", "Kỳ này", "Cùng kỳ năm trước", "%"],
            line("A. Đảng viên đầu kỳ", now.opening, before.opening),
            line("B. Tăng trong kỳ", now.added, before.added)]
    rows += [line(f"   - {label}", now.additions[k], before.additions[k]) for k, label in ADDITIONS.items()]
    rows.append(line("C. Giảm trong kỳ", now.removed, before.removed))
    rows += [line(f"   - {label}", now.removals[k], before.removals[k]) for k, label in REMOVALS.items()]
    rows.append(line("      trong đó xóa tên đảng viên dự bị", now.struck_off_probationary,
                     before.struck_off_probationary))
    rows.append(line("D. Đảng viên cuối kỳ (A + B − C)", now.closing, before.closing))
    annex.subheading(f"{number}. Biến động đảng viên")
    annex.table(rows, [75, 30, 35, 25])


def _admission_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    adm = figures.admissions
    rows = [["Chỉ tiêu", "Số lượng", "Tỷ lệ"], ["Đảng viên kết nạp", integer(adm.admitted), ""]]
    for label, n in (("   - Nữ", adm.women), ("   - Dân tộc thiểu số", adm.ethnic_minority),
                     ("   - Đoàn viên thanh niên", adm.youth_union), ("   - Kết nạp lại", adm.readmitted)):
        rows.append([label, integer(n), percent(n, adm.admitted, 2)])
    for band in AGE_BANDS:
        count = adm.age_bands[band]
        rows.append([f"   - {band} tuổi", integer(count), percent(count, adm.admitted, 2)])
    if figures.year_target:
        rows.append(["Chỉ tiêu năm", integer(figures.year_target),
                     achievement(adm.admitted, figures.year_target)])
    rows.append(["Công nhận đảng viên chính thức", integer(adm.recognised), ""])
    annex.subheading(f"{number}. Kết nạp đảng viên")
    annex.table(rows, [75, 30, 60])
    years = sorted(figures.admissions_by_year)
    annex.flowable(admissions_chart(figures), (ADMISSIONS_CHART, [
        ["Năm", *(year_label(year, figures.as_of).replace("\n", " ") for year in years)],
        ["Số đảng viên kết nạp", *(integer(figures.admissions_by_year[year]) for year in years)]]))


def _axis_number(value: float) -> str:
    return integer(round(value))  # "2.000", as the tables write numbers


def _room_for_labels(data: list[list[int]]) -> float:
    """The axis runs a fifth past the longest bar, so its label stays inside the drawing."""
    return max(1, max((value for series in data for value in series), default=0)) * 1.2


def year_label(year: int, end: date) -> str:
    """A bar's label: the year, or the part of it counted when the period stops inside it
    ("6 tháng đầu năm 2025" for a half-year report), on two lines under the bar."""
    if year != end.year or (end.month, end.day) == (12, 31):
        return str(year)
    if (end.month, end.day) == (6, 30):
        return f"6 tháng đầu\nnăm {year}"
    return f"đến {end:%d/%m}\nnăm {year}"  # as the paper writes its dates: 07/12, never 7/12


def admissions_chart(figures: PeriodFigures) -> Drawing:
    """Admissions of the last five years; the period's own year only up to its end."""
    family = register_fonts()
    years = sorted(figures.admissions_by_year)
    drawing = Drawing(160 * mm, 66 * mm)  # room under the bars for a two-line label
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 15 * mm, 14 * mm, 135 * mm, 42 * mm
    chart.data = [[figures.admissions_by_year[y] for y in years]]
    chart.categoryAxis.categoryNames = [year_label(y, figures.as_of) for y in years]
    chart.categoryAxis.labels.fontName = family
    chart.valueAxis.labels.fontName = family
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _room_for_labels(chart.data)
    chart.bars[0].fillColor = colors.HexColor("#b22222")
    chart.barLabelFormat = integer  # "1.914", as the tables write it
    chart.barLabels.fontName = family
    chart.barLabels.nudge = 7
    drawing.add(chart)
    drawing.add(String(80 * mm, 61 * mm, ADMISSIONS_CHART, fontName=f"{family}-Bold",
                       fontSize=11, textAnchor="middle"))
    return drawing


def _inspection_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    matrix = figures.inspections.done
    rows = [["Chủ thể — loại việc", *(label.capitalize() for label in SUBJECT_TYPES.values())]]
    for performer, performer_label in PERFORMERS.items():
        for kind, kind_label in KINDS.items():
            counts = [matrix.get((performer, kind, t), 0) for t in SUBJECT_TYPES]
            if any(counts):
                rows.append([f"{performer_label} — {kind_label.lower()}", *(integer(n) for n in counts)])
    annex.subheading(f"{number}. Kiểm tra, giám sát")
    annex.table(rows, [105, 20, 20, 20])


def _rating_table(figures: PeriodFigures, annex: Body, number: int, org_table: bool = False) -> None:
    r = figures.ratings
    rules = rules_for(r.year)
    rows = [["Chỉ tiêu", "Số lượng", "Tỷ lệ", "Tỷ lệ tính trên"],
            ["Tổ chức cơ sở đảng", integer(r.org_total), "", ""]]
    for level, label in rules.org_levels.items():
        rows.append([f"   - {label}", integer(r.org_levels.get(level, 0)),
                     percent(r.org_levels.get(level, 0), r.org_total), "tổng số tổ chức cơ sở đảng"])
    rows.append(["   - Chưa xếp loại", integer(r.org_not_rated), percent(r.org_not_rated, r.org_total),
                 "tổng số tổ chức cơ sở đảng"])
    rows.append(["Đảng viên", integer(r.total_members), "", ""])
    for item in member_rating_lines(r):  # the same lines as the body's sentence
        indent = "      " if item.label.startswith("trong đó") else "   - "
        rows.append([indent + item.label, integer(item.count), item.share,
                     item.base_label.removeprefix("so với ")])
    annex.subheading(f"{number}. Kết quả đánh giá, xếp loại năm {r.year}")
    annex.table(rows, [70, 22, 22, 51])
    annex.flowable(_rating_chart(figures))
    if r.from_totals:
        marked = " (đánh dấu * ở bảng từng tổ chức)." if org_table else "."
        annex.paragraph(f"Số liệu đảng viên của {integer(len(r.from_totals))} tổ chức cơ sở đảng tổng hợp "
                        f"theo báo cáo số lượng của tổ chức{marked}")


def _org_rating_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    """Each grassroots organisation on one row, kept to its figures (reported: the annex listed
    all 75 organisations by name over some two and a half pages); printed when asked for."""
    r = figures.ratings
    rules = rules_for(r.year)
    short = {code: "".join(word[0] for word in fold(label).split()).upper()  # HTXSNV, as offices write it
             for code, label in rules.org_levels.items()}
    rows = [["STT", "Tổ chức cơ sở đảng", "Xếp loại", "Đảng viên", "Được đánh giá", "Tốt trở lên",
             "Xuất sắc"]]
    for n, line in enumerate(r.by_org, 1):
        rows.append([str(n), line.name + (" *" if line.from_totals else ""), short.get(line.level, "Chưa"),
                     integer(line.members), integer(line.rated), percent(line.good_or_better, line.rated),
                     percent(line.excellent, line.good_or_better)])
    annex.subheading(f"{number}. Kết quả đánh giá, xếp loại từng tổ chức cơ sở đảng năm {r.year}")
    legend = "; ".join(f"{short[code]}: {label.lower()}" for code, label in rules.org_levels.items())
    annex.paragraph(f"Xếp loại tổ chức — {legend}. Tốt trở lên: tỷ lệ trên số được đánh giá; xuất sắc: tỷ lệ "
                    "trên số hoàn thành tốt trở lên.")
    annex.table(rows, [13, 59, 23, 16, 18, 18, 18], numeric_from=2)


def _target_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    annex.subheading(f"{number}. Chỉ tiêu chủ yếu")
    annex.table(target_table_rows(figures.targets), [75, 28, 27, 35], numeric_from=1)


def _returns_sources_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    annex.subheading(f"{number}. Nguồn số liệu báo cáo của cơ sở (chỉ in trong bản dự thảo)")
    annex.table(returns_source_rows(figures), [95, 35, 35], numeric_from=1)


def _returns_org_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    annex.subheading(f"{number}. Báo cáo của các tổ chức cơ sở đảng")
    annex.table(returns_org_rows(figures), [13, 62, 25, 18, 22, 25], numeric_from=2)


def _award_table(figures: PeriodFigures, annex: Body, number: int) -> None:
    """Biểu 7: awards by form for collectives and individuals, badges by milestone."""
    awards = figures.awards
    rows = [["Hình thức", "Tập thể", "Cá nhân"]]
    for form, label in AWARD_FORMS.items():
        rows.append([label, integer(awards.collectives[form]), integer(awards.individuals[form])])
    rows.append(["Cộng", integer(awards.total_collectives), integer(awards.total_individuals)])
    if figures.badges:
        rows.append(["Huy hiệu Đảng", "", "Số đảng viên"])
        for milestone, count in sorted(figures.badges.items(), reverse=True):
            rows.append([f"   - Huy hiệu {milestone} năm tuổi Đảng", "", integer(count)])
    annex.subheading(f"{number}. Khen thưởng, Huy hiệu Đảng")
    annex.table(rows, [85, 40, 40])


def _rating_chart(figures: PeriodFigures) -> Drawing:
    family = register_fonts()
    r = figures.ratings
    drawing = Drawing(160 * mm, 55 * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 62 * mm, 5 * mm, 90 * mm, 38 * mm
    shown = [item for item in member_rating_lines(r) if item.key not in ("rated", "not_rated")]
    chart.data = [[item.count for item in reversed(shown)]]
    chart.categoryAxis.categoryNames = [item.label.removeprefix("trong đó: ").capitalize()
                                        for item in reversed(shown)]
    chart.categoryAxis.labels.fontName = family
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = family
    chart.valueAxis.labelTextFormat = _axis_number
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _room_for_labels(chart.data)
    chart.bars[0].fillColor = colors.HexColor("#b22222")
    chart.barLabelFormat = integer  # "1.914", as the tables write it
    chart.barLabels.fontName = family
    chart.barLabels.nudge = 10
    drawing.add(chart)
    drawing.add(String(80 * mm, 49 * mm, f"Xếp loại đảng viên năm {r.year}", fontName=f"{family}-Bold",
                       fontSize=11, textAnchor="middle"))
    return drawing


def render_report(path: Path, draft: Draft, figures: PeriodFigures, issued_on: date,
                  number: int | None = None, org_table: bool = False) -> Path:
    """`org_table`: the annex also lists each grassroots organisation's rating figures."""
    office = figures.office
    header = report_header(office, number, issued_on, draft.subject())
    annex = Body()
    annex.heading("PHỤ LỤC SỐ LIỆU", centered=True)
    subject = draft.subject()
    annex.paragraph(f"(Kèm theo báo cáo {subject[0].lower()}{subject[1:]})")
    rated = figures.ratings is not None and figures.ratings.any
    awarded = figures.awards.total_collectives or figures.awards.total_individuals or figures.badges
    tables = [(figures.orgs.grassroots, _org_table),
              (figures.movement.opening or figures.movement.closing, _movement_table),
              (figures.admissions.admitted or figures.year_target, _admission_table),
              (figures.inspections.done, _inspection_table),
              (rated, lambda f, a, n: _rating_table(f, a, n, org_table)),
              (rated and org_table, _org_rating_table),
              (awarded, _award_table),
              (figures.targets, _target_table),
              (figures.returns is not None and org_table, _returns_org_table),
              # The draft says where the grassroots figures come from; the issued copy does not.
              (figures.returns is not None and number is None, _returns_sources_table)]
    # Numbered in order of those printed: a table with nothing to show leaves no gap.
    for number, table in enumerate((table for shown, table in tables if shown), start=1):
        table(figures, annex, number)
    return build_document(path, header, _body(draft, figures), office_signature(office), RECIPIENTS,
                          annex=annex)


def print_report(path: Path, draft: Draft, issued_on: date, issue: bool,
                 figures: PeriodFigures | None = None, org_table: bool = False) -> int | None:
    """The report as a PDF at `path`, for the command line and the window alike: a draft, or
    issued with the register's next number, taken only once the file is in place. `figures`
    when the caller has them for the period already. Returns the number (None for a draft)."""
    require_bloc_reader("Báo cáo của Đảng ủy Khối")
    figures = figures or period_figures(*report_period(draft.kind, draft.year))
    check_signed_after_count(issued_on, figures.counted_to)

    def write(target: Path, number: int | None) -> None:
        render_report(target, draft, figures, issued_on, number, org_table)

    if issue:
        return issue_document("BC", draft.subject(), issued_on, path, write).number
    write_draft(path, write)
    return None


def draft_counted_to(draft: Draft) -> date:
    """The day the draft's figures are counted to, were they counted now."""
    return counted_until(report_period(draft.kind, draft.year)[1])


def check_signed_after_count(issued_on: date, counted_to: date) -> None:
    """A report is signed on or after the day its figures are counted to: dated before it, the
    paper would state what happened after it was signed."""
    if issued_on < counted_to:
        raise ValidationError("issued_on", f"Ngày ký {fmt_date(issued_on)} ở trước ngày "
                                           f"{fmt_date(counted_to)}, ngày số liệu của báo cáo được tính "
                                           f"đến: chọn ngày ký từ {fmt_date(counted_to)}.")


def issue_warning(draft: Draft, issued_on: date) -> str | None:
    """Before a number is taken: a date earlier than the last report's (a reprint of an issued
    report keeps its number, so it is never warned about)."""
    if issued_already("BC", draft.subject(), issued_on) is not None:
        return None
    return date_order_warning("BC", issued_on)


def report_period(kind: str, year: int) -> tuple[date, date]:
    end = date(year, 12, 31) if kind == YEAR_END else date(year, 6, 30)
    return date(year, 1, 1), end


def last_year_texts(kind: str, year: int) -> dict[str, str]:
    """The clerk's own sections of the same report a year earlier, as saved: what a section
    may start from when the clerk asks — never copied in unasked."""
    records = load_draft(kind, year - 1) or []
    return {r["key"]: r["text"] for r in records if not r["computed"] and r["text"].strip()}


def draft_for(kind: str, year: int, figures: PeriodFigures) -> Draft:
    """The saved draft with its computed paragraphs brought up to date, or a fresh one."""
    records = load_draft(kind, year)
    if records is None:
        return fresh_draft(kind, year, figures)
    return regenerate(from_records(kind, year, records), figures)

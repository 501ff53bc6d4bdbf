"""The paragraphs of a report that the records can write, in the office's wording (DOMAIN §9,
examples/000–004). Each returns "" when the records hold nothing to say, so the report never
prints an invented number."""

from models.core import vocab as v
from models.members import ADDITIONS, REMOVALS
from models.ratings import ADEQUATE, EXCELLENT, FAILED, GOOD, rules_for
from reports.figures import PeriodFigures
from reports.inspection_words import inspection_sentence
from reports.numbers import achievement, inline_date, integer, percent
from reports.rating_lines import line, member_rating_lines


def period_words(figures: PeriodFigures) -> str:
    if (figures.start.month, figures.start.day, figures.end.month, figures.end.day) == (1, 1, 12, 31):
        return f"năm {figures.end.year}"
    if (figures.start.month, figures.start.day, figures.end.month, figures.end.day) == (1, 1, 6, 30):
        return f"6 tháng đầu năm {figures.end.year}"
    return f"từ {figures.start:%d/%m/%Y} đến {figures.end:%d/%m/%Y}"


def _counted(parts: list[tuple[int, str]]) -> str:
    """"1 đảng bộ cơ sở, 1 chi bộ cơ sở", leaving out the kinds with none."""
    return ", ".join(f"{integer(n)} {label}" for n, label in parts if n)


def organisation_paragraph(figures: PeriodFigures) -> str:
    orgs, members = figures.orgs, figures.members
    if not orgs.grassroots:
        return ""
    kinds = _counted([(orgs.by_level.get(v.DBCS, 0), "đảng bộ cơ sở"),
                      (orgs.by_level.get(v.CBCS, 0), "chi bộ cơ sở")])
    cells = orgs.by_level.get(v.CBTT, 0)
    text = (f"Đến ngày {inline_date(figures.as_of)}, Đảng bộ Khối có "
            f"{integer(orgs.grassroots)} tổ chức cơ sở đảng ({kinds})")
    middle = orgs.by_level.get(v.DBBP, 0)
    if middle:  # cells under an intermediate committee are not the grassroots committee's own
        text += f", {integer(middle)} đảng bộ bộ phận, {integer(cells)} chi bộ trực thuộc"
    elif cells:
        text += f", {integer(cells)} chi bộ trực thuộc đảng ủy cơ sở"
    if members.total:
        split = _counted([(members.full, "đảng viên chính thức"), (members.probationary, "đảng viên dự bị")])
        text += f", với {integer(members.total)} đảng viên ({split})"
    return text + "."


def movement_paragraph(figures: PeriodFigures) -> str:
    table = figures.movement
    if not (table.opening or table.closing):
        return ""
    added = ", ".join(f"{label.lower()} {integer(table.additions[kind])}"
                      for kind, label in ADDITIONS.items() if table.additions[kind])
    removed = ", ".join(f"{label.lower()} {integer(table.removals[kind])}"
                        for kind, label in REMOVALS.items() if table.removals[kind])
    changes = []
    if table.added:
        changes.append(f"tăng {integer(table.added)} đồng chí" + (f" ({added})" if added else ""))
    if table.removed:
        changes.append(f"giảm {integer(table.removed)} đồng chí" + (f" ({removed})" if removed else ""))
    # A zero is said as the office says it, never as "tăng 0 đồng chí".
    text = (f"Số đảng viên đầu kỳ {integer(table.opening)} đồng chí; trong {period_words(figures)} "
            + (", ".join(changes) if changes else "không có đảng viên tăng hay giảm"))
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
    text += "."
    if adm.recognised:
        text += f" Công nhận đảng viên chính thức cho {integer(adm.recognised)} đồng chí"
    if adm.struck_off_in_probation:
        text += ("; xóa tên" if adm.recognised else " Xóa tên") + \
            f" {integer(adm.struck_off_in_probation)} đảng viên dự bị"
    return text + ("." if adm.recognised or adm.struck_off_in_probation else "")


def inspection_paragraph(figures: PeriodFigures, pad: int = 2) -> str:
    ins = figures.inspections
    if not (ins.done or ins.planned or ins.discipline):
        return ""
    return inspection_sentence(ins, pad)


def rating_paragraph(figures: PeriodFigures) -> str:
    """The paragraph of examples/000: organisation levels over all grassroots organisations,
    rated members over all members, levels over the rated, excellent within the good."""
    r = figures.ratings
    if r is None or not r.any:
        return ""
    org_words = rules_for(r.year).org_levels
    parts = [f"{integer(n)} tổ chức cơ sở đảng {'đạt ' if level == 'TSVM' else ''}"
             f"{org_words[level][0].lower()}{org_words[level][1:]} (chiếm {percent(n, r.org_total)})"
             for level in org_words if (n := r.org_levels.get(level, 0))]
    text = f"Kết quả đánh giá, xếp loại năm {r.year}"
    if parts:
        text += f", có {', '.join(parts)} trong tổng số {integer(r.org_total)} tổ chức cơ sở đảng"
    text += "."
    lines = member_rating_lines(r)
    if r.rated:
        rated, good, excellent = (line(lines, key) for key in ("rated", "good", EXCELLENT))
        text += (f" Có {integer(rated.count)} đảng viên được đánh giá, phân loại (chiếm {rated.share}): "
                 f"đảng viên hoàn thành tốt nhiệm vụ {integer(good.count)} đồng chí (chiếm {good.share})")
        if excellent.count:
            text += (f", trong đó có {integer(excellent.count)} đảng viên hoàn thành xuất sắc nhiệm vụ "
                     f"(chiếm {excellent.share})")
        for key, words in ((ADEQUATE, "hoàn thành nhiệm vụ"), (FAILED, "không hoàn thành nhiệm vụ")):
            if (item := line(lines, key)).count:
                text += f"; {words} {integer(item.count)} đồng chí (chiếm {item.share})"
        text += "."
    if r.not_rated:
        item = line(lines, "not_rated")
        text += f" Đảng viên chưa đánh giá {integer(item.count)} đồng chí, chiếm {item.share}."
    return text


def rating_comparison(now, before) -> list[str]:
    """Each rating count of the year beside last year's, with the change. Organisation levels
    are compared by rank, so 2018's "hoàn thành xuất sắc" sits beside 2017's "trong sạch vững
    mạnh"."""
    def line(label: str, a: int, b: int) -> str:
        change = "không đổi" if a == b else f"{'tăng' if a > b else 'giảm'} {integer(abs(a - b))}"
        return f"{label}: {integer(a)} (năm {before.year}: {integer(b)}; {change})"

    lines = [line("Tổ chức cơ sở đảng", now.org_total, before.org_total)]
    old_levels = list(rules_for(before.year).org_levels)
    for rank, (level, words) in enumerate(rules_for(now.year).org_levels.items()):
        was = before.org_levels.get(old_levels[rank], 0)
        lines.append(line(f"  {words}", now.org_levels.get(level, 0), was))
    lines.append(line("Đảng viên", now.total_members, before.total_members))
    lines.append(line("  Được đánh giá, xếp loại", now.rated, before.rated))
    for level, words in ((EXCELLENT, "Hoàn thành xuất sắc nhiệm vụ"), (GOOD, "Hoàn thành tốt nhiệm vụ"),
                         (ADEQUATE, "Hoàn thành nhiệm vụ"), (FAILED, "Không hoàn thành nhiệm vụ")):
        was = before.member_levels.get(level, 0)
        lines.append(line(f"    {words}", now.member_levels.get(level, 0), was))
    lines.append(line("  Chưa đánh giá", now.not_rated, before.not_rated))
    return lines


def badge_paragraph(figures: PeriodFigures) -> str:
    """"Trao tặng Huy hiệu Đảng cho 45 đảng viên (…)", the highest milestone first."""
    if not figures.badges:
        return ""
    total = sum(figures.badges.values())
    parts = [f"{integer(n, 2)} huy hiệu {milestone} năm" for milestone, n in sorted(figures.badges.items(),
                                                                                  reverse=True)]
    return (f"Trong {period_words(figures)}, đã trao tặng Huy hiệu Đảng cho {integer(total, 2)} đảng viên "
            f"({', '.join(parts)} tuổi Đảng).")


def award_paragraph(figures: PeriodFigures) -> str:
    """As examples/002 words it: "Ban Thường vụ Đảng ủy Khối tặng giấy khen cho 14 tập thể, 08 cá
    nhân; có 02 tập thể được … tặng bằng khen"."""
    clauses = []
    for (issuer, form), (groups, people) in figures.awards.by_issuer.items():
        whom = [f"{integer(n, 2)} {word}" for n, word in ((groups, "tập thể"), (people, "cá nhân")) if n]
        clauses.append(f"{issuer} tặng {v.AWARD_FORMS[form].lower()} cho {', '.join(whom)}")
    if not clauses:
        return ""
    return f"Trong {period_words(figures)}, {'; '.join(clauses)}."


def residence_paragraph(figures: PeriodFigures) -> str:
    """Members' contact with their residence (QĐ 213): how many were introduced, how many
    comments came back and how many said "không đạt"; nothing when nothing was entered."""
    r = figures.residence
    if r is None or not r.introduced:
        return ""
    text = (f"Thực hiện Quy định số 213-QĐ/TW, {integer(r.introduced)}/{integer(r.members)} đảng viên đã "
            "được giới thiệu về sinh hoạt nơi cư trú")
    if r.commented:
        text += f"; {integer(r.commented)} đồng chí được chi bộ nơi cư trú nhận xét"
        if r.failed:
            text += f", trong đó {integer(r.failed)} đồng chí không đạt"
    if r.not_introduced:
        text += f"; còn {integer(r.not_introduced)} đồng chí chưa được giới thiệu"
    return text + "."

"""The conference report's sentences on the bloc's reporting system: the periodic reports the
grassroots organisations sent for the period, and their Party dues. Lines the bloc counts in its
own records (admissions, meetings) are stated once, from those records, by the other sections;
what the returns say of them is set beside the records in the draft's sources table, for the
clerk to see any difference before signing."""

from models.returns import MONTH, QUARTER
from reports.figures import PeriodFigures
from reports.numbers import integer, listed


def _roman_list(quarters: list[int]) -> str:
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
    return listed([roman[quarter] for quarter in quarters])


def _requested(returns) -> str:
    """"báo cáo quý I, II và III năm 2026" for requests named as the program names them; else
    the titles the office gave them."""
    if returns.standard_titles and returns.kind in (QUARTER, MONTH):
        year = returns.titles[0].rsplit(" ", 1)[-1]
        if returns.kind == QUARTER:
            return f"báo cáo quý {_roman_list(returns.periods)} năm {year}"
        return f"báo cáo tháng {listed([str(month) for month in returns.periods])} năm {year}"
    return listed([title[:1].lower() + title[1:] for title in returns.titles])


def grassroots_paragraph(figures: PeriodFigures) -> str:
    returns = figures.returns
    if returns is None:
        return ""
    titles = _requested(returns)
    sentences = [f"Thực hiện chế độ báo cáo định kỳ, các tổ chức cơ sở đảng đã gửi {titles}; Văn phòng "
                 f"Đảng ủy Khối đã tiếp nhận, xem xét, chấp nhận {integer(returns.accepted)}/"
                 f"{integer(returns.asked)} báo cáo."]
    dues = returns.dues()
    if dues is not None:
        collected, remitted, source = dues
        where = f"quý {_roman_list(returns.dues_quarters)}" if source == "books" else "trong kỳ"
        sentences.append(f"Về đảng phí, {where}, các tổ chức cơ sở đảng thu được {integer(collected)} đồng, "
                         f"nộp Đảng ủy Khối {integer(remitted)} đồng.")
    return " ".join(sentences)


def returns_source_rows(figures: PeriodFigures) -> list[list[str]]:
    """Each summed line of the accepted returns beside the bloc's own count (the lines it keeps),
    and where the dues sentence comes from."""
    returns = figures.returns
    rows = [["Chỉ tiêu", "Theo báo cáo cơ sở", "Hồ sơ Đảng ủy Khối"]]
    for key, total in returns.totals.items():
        recorded = returns.recorded.get(key)
        rows.append([returns.labels[key], integer(total), "" if recorded is None else integer(recorded)])
    dues = returns.dues()
    if dues is not None:
        source = (f"Sổ đảng phí quý {_roman_list(returns.dues_quarters)}" if dues[2] == "books"
                  else "Báo cáo cơ sở đã chấp nhận")
        rows.append(["Đảng phí trong đoạn văn lấy từ", source, ""])
    return rows


def returns_org_rows(figures: PeriodFigures) -> list[list[str]]:
    rows = [["STT", "Tổ chức cơ sở đảng", "Báo cáo đã chấp nhận", "Kết nạp", "Sinh hoạt thường kỳ",
             "Đảng phí thu (đồng)"]]
    for index, line in enumerate(figures.returns.orgs, 1):
        rows.append([str(index), line.org_name, f"{line.accepted}/{line.asked}",
                     *("" if value is None else integer(value)
                       for value in (line.admitted, line.regular_meetings, line.dues_collected))])
    return rows

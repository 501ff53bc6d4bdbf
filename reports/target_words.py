"""The main targets in the report (DOMAIN §10): the sentence of examples/003 ("5 chỉ tiêu chủ
yếu năm 2021 đều hoàn thành, trong đó chỉ tiêu kết nạp đảng viên mới vượt chỉ tiêu"), the
term's counts against the congress ("đạt 100% mục tiêu Đại hội đề ra", examples/001), and
the annex table "Chỉ tiêu — Kết quả — Đánh giá"."""

from models.targets import ABOVE, ACHIEVED, COUNT, EXCEEDED, MISSED, RANGE, UNDER_WAY, TargetResult
from reports.numbers import integer, share

# Shares of organisations take one decimal, of members two (DOMAIN §9).
DECIMALS = {"ORG_GOOD": 1, "ORG_EXCELLENT": 1}


def _names(results: list[TargetResult]) -> str:
    names = [r.short_name for r in results]
    return f"chỉ tiêu {names[0]}" if len(names) == 1 else f"các chỉ tiêu {', '.join(names)}"


def value_text(result: TargetResult) -> str:
    if result.value is None:
        return "chưa có số liệu"
    if result.unit == COUNT:
        return integer(round(result.value))
    return share(result.value, DECIMALS.get(result.measure, 2))


def threshold_text(result: TargetResult) -> str:
    def number(value: float) -> str:
        return integer(round(value)) if result.unit == COUNT else share(value, 2)

    if result.comparator == RANGE:
        return f"{number(result.threshold).rstrip('%')} – {number(result.threshold_high)}"
    if result.comparator == ABOVE:
        return f"trên {number(result.threshold)}"
    if result.unit == COUNT or result.threshold >= 100:
        return number(result.threshold)
    return f"từ {number(result.threshold)} trở lên"


def judgement_text(result: TargetResult) -> str:
    if result.judgement == EXCEEDED and result.ratio is not None:
        return f"Vượt {share(result.ratio - 100)}"
    if result.judgement in (MISSED, UNDER_WAY) and result.ratio is not None:
        said = "Chưa đạt" if result.judgement == MISSED else "Đang thực hiện"
        return f"{said} (đạt {share(result.ratio)})"
    return {ACHIEVED: "Đạt", EXCEEDED: "Vượt", MISSED: "Chưa đạt", UNDER_WAY: "Đang thực hiện"}.get(
        result.judgement, "Chưa đánh giá được")


def target_sentence(results: list[TargetResult], year: int) -> str:
    """The year's targets in one sentence, then each term count against the congress."""
    sentences = []
    own = [r for r in results if not r.term]
    if own:
        met = [r for r in own if r.judgement in (ACHIEVED, EXCEEDED)]
        exceeded = [r for r in own if r.judgement == EXCEEDED]
        missed = [r for r in own if r.judgement == MISSED]
        under_way = [r for r in own if r.judgement == UNDER_WAY]
        unknown = [r for r in own if r.judgement not in (ACHIEVED, EXCEEDED, MISSED, UNDER_WAY)]
        if len(met) == len(own):
            text = f"{len(own)} chỉ tiêu chủ yếu năm {year} đều hoàn thành"
        else:
            text = f"{len(met)}/{len(own)} chỉ tiêu chủ yếu năm {year} hoàn thành"
        if exceeded:
            text += f", trong đó {_names(exceeded)} vượt chỉ tiêu"
        if missed:
            text += f"; {_names(missed)} chưa đạt"
        if under_way:
            text += f"; {_names(under_way)} đang thực hiện"
        if unknown:
            text += f"; {_names(unknown)} chưa có số liệu để đánh giá"
        sentences.append(text + ".")
    for result in (r for r in results if r.term and r.unit == COUNT and r.value is not None):
        reached = f"vượt {share(result.ratio - 100)}" if result.ratio > 100 else f"đạt {share(result.ratio)}"
        sentences.append(f"Từ đầu nhiệm kỳ {result.year_from} - {result.year_to}, {result.short_name} "
                         f"{integer(round(result.value))}, {reached} mục tiêu Đại hội đề ra.")
    return " ".join(sentences)


def target_table_rows(results: list[TargetResult]) -> list[list[str]]:
    rows = [["Chỉ tiêu", "Mức", "Kết quả", "Đánh giá"]]
    for heading, term in (("Chỉ tiêu năm", False), ("Chỉ tiêu nhiệm kỳ (tính đến cuối năm)", True)):
        chosen = [r for r in results if r.term == term]
        if chosen:
            rows.append([heading, "", "", ""])
            rows += [[r.wording, threshold_text(r), value_text(r), judgement_text(r)] for r in chosen]
    return rows

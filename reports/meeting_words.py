"""The meetings of a period in the office's words: conferences held, cells met, cells whose
meeting a standing committee member attended ("đã phân công dự sinh hoạt chi bộ ở 7 chi bộ")."""

from datetime import date

from models.core.dates import check_period
from models.meetings import (
    BODIES,
    CHI_BO,
    KINDS,
    RESOLUTION,
    RESOLUTION_KINDS,
    MeetingFigures,
    meeting_figures,
)
from reports.numbers import integer


def meeting_paragraph(figures: MeetingFigures, pad: int = 2) -> str:
    """"" when no meeting is recorded in the period."""
    if not figures.any:
        return ""
    parts = []
    if figures.bch_conferences:
        parts.append(f"Ban Chấp hành Đảng bộ Khối tổ chức {integer(figures.bch_conferences, pad)} hội nghị")
    for body in ("BTV_DUK", "THUONG_TRUC", "UBKT_DUK"):
        held = sum(n for (b, _kind), n in figures.by_body_kind.items() if b == body)
        if held:
            parts.append(f"{BODIES[body]} họp {integer(held, pad)} cuộc")
    if figures.cells_met:
        parts.append(f"{integer(figures.cells_met, pad)} chi bộ có ghi nhận sinh hoạt thường kỳ")
    thematic = figures.by_body_kind.get((CHI_BO, "CHUYEN_DE"), 0)
    if thematic:
        parts.append(f"các chi bộ tổ chức {integer(thematic, pad)} cuộc sinh hoạt chuyên đề")
    if figures.cells_visited:
        parts.append(f"các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối đã dự sinh hoạt chi bộ ở "
                     f"{integer(figures.cells_visited, pad)} chi bộ")
    adopted = [f"{integer(n, pad)} {RESOLUTION_KINDS[kind].lower()}" for kind, n in
               sorted(figures.resolutions.items(), key=lambda item: item[0] != RESOLUTION) if n]
    if adopted:
        parts.append(f"ban hành {', '.join(adopted)}")
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "." if text else ""


def meeting_summary(start: date | None, end: date | None) -> str:
    """The paragraph, then every body and kind counted, for the meetings page."""
    check_period(start, end)
    figures = meeting_figures(start, end)
    if not figures.any:
        return f"Chưa ghi cuộc họp nào từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}."
    lines = [meeting_paragraph(figures), "", "Chi tiết theo cơ quan họp và loại:"]
    for (body, kind), count in sorted(figures.by_body_kind.items(),
                                      key=lambda item: (list(BODIES).index(item[0][0]), item[0][1])):
        lines.append(f"• {BODIES[body]} — {KINDS[kind].lower()}: {integer(count)}")
    if figures.bch_conferences:
        lines.append(f"Hội nghị Ban Chấp hành: {integer(figures.bch_conferences)}")
    return "\n".join(lines)

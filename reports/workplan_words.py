"""The work programme in the report (examples/002): "… thực hiện 11/12 nội dung theo chương
trình công tác 6 tháng đầu năm 2023; Kế hoạch thực hiện 05 nhóm nhiệm vụ trọng tâm năm 2023;
tiếp tục triển khai 05 đề án, 01 nghị quyết chuyên đề."."""

from models.workplan import WorkFigures
from reports.numbers import integer


def programme_sentence(w: WorkFigures, period: str, year: int) -> str:
    """`period`: "năm 2025" or "6 tháng đầu năm 2025"."""
    parts = []
    if w.planned:
        parts.append(f"Ban Chấp hành, Ban Thường vụ Đảng ủy Khối đã thực hiện {integer(w.done)}/"
                     f"{integer(w.planned)} nội dung theo chương trình công tác {period}")
    if w.key_tasks:
        parts.append(f"Kế hoạch thực hiện {integer(w.key_tasks, 2)} nhóm nhiệm vụ trọng tâm năm {year}")
    counted = ((w.schemes, "đề án"), (w.resolutions, "nghị quyết chuyên đề"))
    projects = ", ".join(f"{integer(n, 2)} {word}" for n, word in counted if n)
    if projects:
        parts.append(f"tiếp tục triển khai {projects}")
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."

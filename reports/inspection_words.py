"""The sentence the office writes about inspection, supervision and discipline, from the
figures of a period, in the wording of its reports (examples/002): "Ban Thường vụ Đảng ủy
Khối kiểm tra 03 tổ chức, 05 cấp ủy viên; giám sát chuyên đề 03 tổ chức, 06 cấp ủy viên."."""

from models.inspections import (
    FORMS,
    KIND_PHRASES,
    KINDS,
    PERFORMERS,
    SUBJECT_TYPES,
    TO_CHUC,
    InspectionFigures,
)
from reports.numbers import integer


def _subjects(counts: dict[str, int], pad: int) -> str:
    return ", ".join(f"{integer(counts[t], pad)} {SUBJECT_TYPES[t]}" for t in SUBJECT_TYPES if counts.get(t))


def _by_performer(matrix) -> dict[str, dict[str, dict[str, int]]]:
    grouped: dict[str, dict[str, dict[str, int]]] = {}
    for (performer, kind, subject_type), count in matrix.items():
        grouped.setdefault(performer, {}).setdefault(kind, {})[subject_type] = count
    return grouped


def _clauses(matrix, pad: int, lead: str = "") -> list[str]:
    grouped = _by_performer(matrix)
    sentences = []
    for performer in PERFORMERS:
        kinds = grouped.get(performer)
        if not kinds:
            continue
        parts = [f"{KIND_PHRASES[kind]} {_subjects(kinds[kind], pad)}" for kind in KINDS if kind in kinds]
        sentences.append(f"{PERFORMERS[performer]} {lead}{'; '.join(parts)}.")
    return sentences


def inspection_sentence(figures: InspectionFigures, pad: int = 2) -> str:
    """Done, then planned, then discipline; `pad` zero-pads small counts (0 for none)."""
    sentences = _clauses(figures.done, pad)
    sentences += _clauses(figures.planned, pad, lead="có kế hoạch ")
    sentences.append(discipline_sentence(figures, pad))
    return " ".join(sentence for sentence in sentences if sentence)


def discipline_sentence(figures: InspectionFigures, pad: int = 2) -> str:
    parts = []
    for kind, word in ((("DANG_VIEN"), "đảng viên"), ((TO_CHUC), "tổ chức đảng")):
        forms = {form: n for (subject, form), n in figures.discipline.items() if subject == kind}
        if forms:
            detail = ", ".join(f"{FORMS[f].lower()} {integer(forms[f], pad)}" for f in FORMS if f in forms)
            parts.append(f"{integer(sum(forms.values()), pad)} {word} ({detail})")
    if not parts:
        # No discipline entered is not the same as none having happened: the clerk says so.
        return ""
    return f"Thi hành kỷ luật {' và '.join(parts)}."

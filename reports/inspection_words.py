"""The paragraph the office writes about inspection, supervision and discipline, from the
figures of a period, in the wording of its reports (examples/002):

"Ban Thường vụ Đảng ủy Khối đã thực hiện kiểm tra 03 tổ chức, 05 cấp ủy viên; giám sát chuyên
đề 03 tổ chức, 06 cấp ủy viên. Chỉ đạo Ủy ban Kiểm tra Đảng ủy Khối hoàn thành kiểm tra khi có
dấu hiệu vi phạm đối với … Xây dựng kế hoạch … Cấp cơ sở thực hiện kiểm tra, giám sát: …"

The bloc's committees speak of what they did themselves, the standing committee of what it
directed its inspection commission to complete, and the grassroots level comes last, in one
sentence of its own."""

from models.inspections import FINANCE_KIND as FINANCE
from models.inspections import FORMS, PERFORMERS, SUBJECT_TYPES, TO_CHUC, InspectionFigures
from models.inspections import TASK_KIND as TASK
from reports.numbers import integer

PROGRAMME_KINDS = ("KT_CHAP_HANH", "GS_THUONG_XUYEN", "GS_CHUYEN_DE")
_TASK_WORDS = "về việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật của Đảng"

# Each kind's clause, "{}" standing for its subjects ("03 tổ chức, 05 cấp ủy viên").
BLOC_CLAUSES = {
    "KT_DAU_HIEU_VI_PHAM": "kiểm tra khi có dấu hiệu vi phạm đối với {}",
    TASK: "kiểm tra {} " + _TASK_WORDS,
    FINANCE: "kiểm tra tài chính đảng {}",
    "KT_CHAP_HANH": "kiểm tra {}",
    "GS_THUONG_XUYEN": "giám sát thường xuyên {}",
    "GS_CHUYEN_DE": "giám sát chuyên đề {}",
    "GIAI_QUYET_TO_CAO": "giải quyết tố cáo đối với {}",
    "GIAI_QUYET_KHIEU_NAI": "giải quyết khiếu nại kỷ luật đối với {}",
}
# What the standing committee directed its inspection commission to complete.
COMMISSION_CLAUSES = {
    **{kind: "hoàn thành " + words for kind, words in BLOC_CLAUSES.items()},
    "GS_THUONG_XUYEN": "giám sát thường xuyên đối với {}",
    "GS_CHUYEN_DE": "giám sát chuyên đề đối với {}",
}
GRASSROOTS_CLAUSES = {**BLOC_CLAUSES, "KT_DAU_HIEU_VI_PHAM": "kiểm tra dấu hiệu vi phạm {}"}
JOINT_CLAUSE = "kiểm tra {} " + _TASK_WORDS + ", kiểm tra tài chính đảng"

# The noun for an organisation among the subjects: a grassroots body inspects the cells below
# it and supervises the organisations below it; a task or finance check names "tổ chức đảng".
BLOC_ORG = "tổ chức"
FULL_ORG = "tổ chức đảng"
LOWER_CELLS = "chi bộ cấp dưới"
LOWER_ORGS = "tổ chức đảng cấp dưới"

GRASSROOTS_ONES = ("UBKT_CO_SO", "CAP_UY_CO_SO", "CHI_BO_TRUC_THUOC")
COMMITTEES = ("CAP_UY_CO_SO", "CHI_BO_TRUC_THUOC")
GRASSROOTS_NAMES = {"UBKT_CO_SO": "Ủy ban Kiểm tra đảng ủy cơ sở", "CAP_UY_CO_SO": "Đảng ủy, chi bộ cơ sở",
                    "CHI_BO_TRUC_THUOC": "chi bộ dưới cơ sở"}


def _subjects(counts: dict[str, int], pad: int, org_noun: str, pair_with_and: bool) -> str:
    items = [f"{integer(counts[t], pad)} {org_noun if t == TO_CHUC else SUBJECT_TYPES[t]}"
             for t in SUBJECT_TYPES if counts.get(t)]
    return " và ".join(items) if pair_with_and and len(items) == 2 else ", ".join(items)


def _kinds_of(matrix, performers) -> dict[str, dict[str, int]]:
    """kind -> subject type -> count, summed over the given performers."""
    kinds: dict[str, dict[str, int]] = {}
    for (performer, kind, subject_type), count in matrix.items():
        if performer in performers and count:
            subjects = kinds.setdefault(kind, {})
            subjects[subject_type] = subjects.get(subject_type, 0) + count
    return kinds


def _org_noun(kind: str, grassroots: bool) -> str:
    if kind in (TASK, FINANCE):
        return FULL_ORG
    if grassroots:
        return LOWER_ORGS if kind.startswith("GS_") else LOWER_CELLS
    return BLOC_ORG


def _clauses(kinds, clauses: dict, pad: int, pair_with_and: bool, grassroots: bool = False,
             joint: int = 0) -> list[str]:
    """One clause per kind, in the order of `clauses`; `joint` organisations inspected both on
    their inspection tasks and their finances make one clause, not two of "01 tổ chức"."""
    kinds = {kind: dict(subjects) for kind, subjects in kinds.items()}
    out = []
    for kind, words in clauses.items():
        if kind == TASK and joint:
            for joined in (TASK, FINANCE):
                kinds[joined][TO_CHUC] -= joint
            lead = "hoàn thành " if clauses is COMMISSION_CLAUSES else ""
            out.append(lead + JOINT_CLAUSE.format(f"{integer(joint, pad)} {FULL_ORG}"))
        subjects = {t: n for t, n in kinds.get(kind, {}).items() if n}
        if subjects:
            out.append(words.format(_subjects(subjects, pad, _org_noun(kind, grassroots), pair_with_and)))
    return out


def _bloc_sentences(figures: InspectionFigures, pad: int) -> list[str]:
    sentences = []
    for performer in ("BCH_DUK", "BTV_DUK"):
        parts = _clauses(_kinds_of(figures.done, (performer,)), BLOC_CLAUSES, pad, False,
                         joint=figures.finance_with_task.get(performer, 0))
        if parts:
            sentences.append(f"{PERFORMERS[performer]} đã thực hiện {'; '.join(parts)}.")
    parts = _clauses(_kinds_of(figures.done, ("UBKT_DUK",)), COMMISSION_CLAUSES, pad, True,
                     joint=figures.finance_with_task.get("UBKT_DUK", 0))
    if parts:
        sentences.append(f"Chỉ đạo {PERFORMERS['UBKT_DUK']} {'; '.join(parts)}.")
    planned = _clauses(_kinds_of(figures.planned, ("BCH_DUK", "BTV_DUK", "UBKT_DUK")), BLOC_CLAUSES,
                       pad, False)
    if planned:
        sentences.append(f"Xây dựng kế hoạch {'; '.join(planned)}.")
    return sentences


def _committee_name(performers: set[str], with_orgs: bool, with_members: bool) -> str:
    if performers >= set(COMMITTEES):
        return ("Đảng ủy" if with_orgs else "Cấp ủy") + ", chi bộ cơ sở và dưới cơ sở"
    if "CHI_BO_TRUC_THUOC" in performers:
        return GRASSROOTS_NAMES["CHI_BO_TRUC_THUOC"]
    if not with_members:
        return "Đảng ủy cơ sở"
    return "Đảng ủy, chi bộ cơ sở" if with_orgs else "Cấp ủy, chi bộ cơ sở"


def _committee_clauses(matrix, pad: int) -> list[str]:
    """The programme's checks and supervision by grassroots committees and the cells below
    them, as one body: members checked, then lower cells checked, then supervision."""
    out = []
    for kind in PROGRAMME_KINDS:
        by_performer = {p: _kinds_of(matrix, (p,)).get(kind, {}) for p in COMMITTEES}
        groups = [{t: n for t, n in subjects.items() if n} for subjects in by_performer.values()]
        if not any(groups):
            continue
        splits = ((lambda t: t != TO_CHUC), (lambda t: t == TO_CHUC)) if kind == "KT_CHAP_HANH" \
            else ((lambda t: True),)
        for wanted in splits:
            subjects: dict[str, int] = {}
            performers = set()
            for performer, counts in by_performer.items():
                for t, n in counts.items():
                    if n and wanted(t):
                        subjects[t] = subjects.get(t, 0) + n
                        performers.add(performer)
            if subjects:
                name = _committee_name(performers, TO_CHUC in subjects, len(subjects) > (TO_CHUC in subjects))
                words = GRASSROOTS_CLAUSES[kind].format(
                    _subjects(subjects, pad, _org_noun(kind, grassroots=True), True))
                out.append(f"{name} {words}")
    return out


def _grassroots_sentence(figures: InspectionFigures, pad: int) -> str:
    clauses = _committee_clauses(figures.done, pad)
    for performer in GRASSROOTS_ONES:
        kinds = _kinds_of(figures.done, (performer,))
        if performer in COMMITTEES:
            kinds = {kind: subjects for kind, subjects in kinds.items() if kind not in PROGRAMME_KINDS}
        parts = _clauses(kinds, GRASSROOTS_CLAUSES, pad, True, grassroots=True,
                         joint=figures.finance_with_task.get(performer, 0))
        if parts:
            clauses.append(f"{GRASSROOTS_NAMES[performer]} {', '.join(parts)}")
    sentence = ""
    if clauses:
        first = clauses[0]
        clauses[0] = first[0].upper() + first[1:]
        sentence = f"Cấp cơ sở thực hiện kiểm tra, giám sát: {'; '.join(clauses)}."
    planned = _clauses(_kinds_of(figures.planned, GRASSROOTS_ONES), GRASSROOTS_CLAUSES, pad, True,
                       grassroots=True)
    if planned:
        sentence += f" Cấp cơ sở xây dựng kế hoạch {'; '.join(planned)}."
    return sentence.strip()


def inspection_sentence(figures: InspectionFigures, pad: int = 2) -> str:
    """The bloc's own work, what it directed, its plans, the grassroots level, then discipline;
    `pad` zero-pads small counts as the office does ("03"), 0 for none."""
    sentences = _bloc_sentences(figures, pad)
    sentences.append(_grassroots_sentence(figures, pad))
    sentences.append(discipline_sentence(figures, pad))
    return " ".join(sentence for sentence in sentences if sentence)


def discipline_sentence(figures: InspectionFigures, pad: int = 2) -> str:
    parts = []
    for kind, word in (("DANG_VIEN", "đảng viên"), (TO_CHUC, "tổ chức đảng")):
        forms = {form: n for (subject, form), n in figures.discipline.items() if subject == kind}
        if forms:
            detail = ", ".join(f"{FORMS[f].lower()} {integer(forms[f], pad)}" for f in FORMS if f in forms)
            parts.append(f"{integer(sum(forms.values()), pad)} {word} ({detail})")
    if not parts:
        # No discipline entered is not the same as none having happened: the clerk says so.
        return ""
    return f"Thi hành kỷ luật {' và '.join(parts)}."

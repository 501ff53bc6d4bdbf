"""Lists for the inspection page: cases of a year, their subjects, and discipline."""

from dataclasses import dataclass, replace
from datetime import date

from peewee import JOIN, fn

from models.inspections.tables import Discipline, InspectionCase, InspectionSubject
from models.inspections.vocab import CONCLUSIONS, FORMS, KINDS, PERFORMERS, STATUSES, SUBJECT_TYPES, TO_CHUC
from models.members.tables import Member
from models.orgs.tree import full_names

SUBJECTS_SHOWN = 3
CHUNK = 500  # case ids per query: SQLite's limit on parameters is far above, PostgreSQL's too

# A performer below the bloc, said before the organisation it belongs to.
PERFORMED_BY = {"CAP_UY_CO_SO": "Cấp ủy", "UBKT_CO_SO": "Ủy ban Kiểm tra", "CHI_BO_TRUC_THUOC": ""}


@dataclass(frozen=True)
class InspectionRow:
    id: int
    performer: str
    kind: str
    status: str
    start_date: date | None
    end_date: date | None
    title: str
    subjects: int
    subject_names: tuple[str, ...] = ()
    performer_org: str = ""  # the grassroots committee or cell that performed it, named in full

    @property
    def who(self) -> str:
        """Who was inspected, in a line: the first names, then how many more."""
        shown = ", ".join(self.subject_names[:SUBJECTS_SHOWN])
        more = self.subjects - min(self.subjects, SUBJECTS_SHOWN)
        return shown + (f" và {more} đối tượng khác" if more else "")

    @property
    def labels(self) -> tuple[str, str, str]:
        return self.performed_by, KINDS[self.kind], STATUSES[self.status]

    @property
    def performed_by(self) -> str:
        """Which body: "Cấp ủy Đảng bộ Sở Y tế", not "Đảng ủy, chi bộ cơ sở" for dozens of cases."""
        if not self.performer_org:
            return PERFORMERS[self.performer]
        return f"{PERFORMED_BY[self.performer]} {self.performer_org}".strip()


def inspection_rows(
    year: int, performer: str | None = None, status: str | None = None
) -> list[InspectionRow]:
    """Cases begun in the year, or planned for it."""
    in_year = (
        (InspectionCase.start_date >= date(year, 1, 1)) & (InspectionCase.start_date <= date(year, 12, 31))
    ) | (InspectionCase.start_date.is_null() & (InspectionCase.plan_year == year))
    query = (
        InspectionCase.select(
            InspectionCase.id,
            InspectionCase.performer,
            InspectionCase.kind,
            InspectionCase.status,
            InspectionCase.start_date,
            InspectionCase.end_date,
            InspectionCase.title,
            fn.COUNT(InspectionSubject.id),
            InspectionCase.performer_org,
        )
        .join(InspectionSubject, JOIN.LEFT_OUTER)
        .where(in_year)
        .group_by(InspectionCase.id)
        .order_by(InspectionCase.start_date.desc(), InspectionCase.id.desc())
    )
    if performer:
        query = query.where(InspectionCase.performer == performer)
    if status:
        query = query.where(InspectionCase.status == status)
    rows = [(InspectionRow(*row[:-1]), row[-1]) for row in query.tuples()]
    names = _subject_names([row.id for row, _org in rows])
    orgs = full_names()
    return [replace(row, subject_names=tuple(names.get(row.id, [])), performer_org=orgs.get(org_id, ""))
            for row, org_id in rows]


def _subject_names(case_ids: list[int]) -> dict[int, list[str]]:
    """The organisations and members each case looks at, in the order they were entered."""
    names: dict[int, list[str]] = {}
    orgs = full_names()  # a cell with its đảng bộ: many share a name
    for start in range(0, len(case_ids), CHUNK):
        query = (InspectionSubject.select(InspectionSubject.case, InspectionSubject.org, Member.full_name)
                 .join(Member, JOIN.LEFT_OUTER, on=(InspectionSubject.member == Member.id))
                 .where(InspectionSubject.case.in_(case_ids[start:start + CHUNK]))
                 .order_by(InspectionSubject.id))
        for case_id, org_id, member_name in query.tuples():
            names.setdefault(case_id, []).append(orgs.get(org_id) or member_name or "")
    return names


@dataclass(frozen=True)
class SubjectRow:
    id: int
    subject_type: str
    name: str
    conclusion: str | None
    recommendations: str
    follow_up_done: bool

    @property
    def cells(self) -> list[str]:
        return [
            SUBJECT_TYPES[self.subject_type].capitalize(),
            self.name,
            CONCLUSIONS.get(self.conclusion, "Chưa kết luận"),
            self.recommendations,
            "Đã thực hiện" if self.follow_up_done else "",
        ]


def subject_rows(case_id: int) -> list[SubjectRow]:
    query = (
        InspectionSubject.select(InspectionSubject, Member.full_name)
        .join(Member, JOIN.LEFT_OUTER, on=(InspectionSubject.member == Member.id))
        .where(InspectionSubject.case == case_id)
        .order_by(InspectionSubject.id)
    )
    orgs = full_names()  # a cell with its đảng bộ: many share a name
    rows = []
    for subject in query:
        name = orgs[subject.org_id] if subject.subject_type == TO_CHUC else subject.member.full_name
        rows.append(
            SubjectRow(
                subject.id,
                subject.subject_type,
                name,
                subject.conclusion,
                subject.recommendations,
                subject.follow_up_done,
            )
        )
    return rows


@dataclass(frozen=True)
class DisciplineRow:
    id: int
    decision_date: date
    name: str
    subject_type: str
    form: str
    deciding_body: str
    decision_no: str
    effective_date: date
    note: str

    @property
    def form_label(self) -> str:
        return FORMS[self.form]


def discipline_rows(year: int) -> list[DisciplineRow]:
    query = (
        Discipline.select(Discipline, Member.full_name)
        .join(Member, JOIN.LEFT_OUTER, on=(Discipline.member == Member.id))
        .where(
            (Discipline.decision_date >= date(year, 1, 1)) & (Discipline.decision_date <= date(year, 12, 31))
        )
        .order_by(Discipline.decision_date.desc())
    )
    orgs = full_names()  # a cell with its đảng bộ: many share a name
    return [
        DisciplineRow(
            d.id,
            d.decision_date,
            orgs[d.org_id] if d.subject_type == TO_CHUC else d.member.full_name,
            d.subject_type,
            d.form,
            d.deciding_body,
            d.decision_no,
            d.effective_date,
            d.note,
        )
        for d in query
    ]

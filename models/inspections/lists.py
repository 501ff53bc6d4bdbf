"""Lists for the inspection page: cases of a year, their subjects, and discipline."""

from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

from models.inspections.tables import Discipline, InspectionCase, InspectionSubject
from models.inspections.vocab import CONCLUSIONS, FORMS, KINDS, PERFORMERS, STATUSES, SUBJECT_TYPES, TO_CHUC
from models.members.tables import Member
from models.orgs.tables import PartyOrg


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

    @property
    def labels(self) -> tuple[str, str, str]:
        return PERFORMERS[self.performer], KINDS[self.kind], STATUSES[self.status]


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
    return [InspectionRow(*row) for row in query.tuples()]


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
        InspectionSubject.select(InspectionSubject, PartyOrg.name, Member.full_name)
        .join(PartyOrg, JOIN.LEFT_OUTER, on=(InspectionSubject.org == PartyOrg.id))
        .switch(InspectionSubject)
        .join(Member, JOIN.LEFT_OUTER, on=(InspectionSubject.member == Member.id))
        .where(InspectionSubject.case == case_id)
        .order_by(InspectionSubject.id)
    )
    rows = []
    for subject in query:
        name = subject.org.name if subject.subject_type == TO_CHUC else subject.member.full_name
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

    @property
    def form_label(self) -> str:
        return FORMS[self.form]


def discipline_rows(year: int) -> list[DisciplineRow]:
    query = (
        Discipline.select(Discipline, PartyOrg.name, Member.full_name)
        .join(PartyOrg, JOIN.LEFT_OUTER, on=(Discipline.org == PartyOrg.id))
        .switch(Discipline)
        .join(Member, JOIN.LEFT_OUTER, on=(Discipline.member == Member.id))
        .where(
            (Discipline.decision_date >= date(year, 1, 1)) & (Discipline.decision_date <= date(year, 12, 31))
        )
        .order_by(Discipline.decision_date.desc())
    )
    return [
        DisciplineRow(
            d.id,
            d.decision_date,
            d.org.name if d.subject_type == TO_CHUC else d.member.full_name,
            d.subject_type,
            d.form,
            d.deciding_body,
            d.decision_no,
        )
        for d in query
    ]

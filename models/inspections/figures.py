"""Inspection figures of a period (DOMAIN §5 report matrix): subjects counted by performing
body × kind × subject type, planned work, the year's programme against what was done, and
discipline by form."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from models.core.dates import check_period
from models.inspections.tables import Discipline, InspectionCase, InspectionSubject
from models.inspections.vocab import CONCLUDED, FINANCE_KIND, IN_PROGRESS, PLANNED, TASK_KIND, TO_CHUC


@dataclass(frozen=True)
class InspectionFigures:
    start: date
    end: date
    done: Counter  # (performer, kind, subject type) -> subjects, cases begun in the period
    planned: Counter  # the same for planned cases not begun, of the period's years
    discipline: Counter  # (subject kind "TO_CHUC"/"DANG_VIEN", form) -> count
    # performer -> organisations whose Party finances it inspected in the period together with
    # how they carry out inspection and discipline: the office reports those as one inspection.
    finance_with_task: Counter = field(default_factory=Counter)


def inspection_figures(start: date, end: date) -> InspectionFigures:
    check_period(start, end)
    done, planned, discipline = Counter(), Counter(), Counter()
    orgs_by = {FINANCE_KIND: Counter(), TASK_KIND: Counter()}
    rows = (InspectionSubject.select(InspectionCase.performer, InspectionCase.kind,
                                     InspectionSubject.subject_type, InspectionSubject.org,
                                     InspectionCase.status, InspectionCase.start_date,
                                     InspectionCase.plan_year)
            .join(InspectionCase).tuples())
    for performer, kind, subject_type, org_id, status, started, plan_year in rows:
        if status in (IN_PROGRESS, CONCLUDED) and started and start <= started <= end:
            done[(performer, kind, subject_type)] += 1
            if kind in orgs_by and org_id is not None:
                orgs_by[kind][(performer, org_id)] += 1
        elif status == PLANNED and plan_year and start.year <= plan_year <= end.year:
            planned[(performer, kind, subject_type)] += 1
    for subject_type, form in (Discipline.select(Discipline.subject_type, Discipline.form)
                               .where((Discipline.decision_date >= start)
                                      & (Discipline.decision_date <= end)).tuples()):
        discipline[(TO_CHUC if subject_type == TO_CHUC else "DANG_VIEN", form)] += 1
    finance_with_task = Counter()
    for (performer, org_id), times in orgs_by[FINANCE_KIND].items():
        if orgs_by[TASK_KIND][(performer, org_id)]:
            finance_with_task[performer] += times
    return InspectionFigures(start, end, done, planned, discipline, finance_with_task)


@dataclass(frozen=True)
class ProgrammeLine:
    performer: str
    kind: str
    planned: int
    done: int


def programme(year: int) -> list[ProgrammeLine]:
    """Per performing body and kind: cases in the year's programme, and how many of those
    have been concluded."""
    planned, done = Counter(), Counter()
    for case in InspectionCase.select().where((InspectionCase.planned == True)  # noqa: E712 - SQL
                                              & (InspectionCase.plan_year == year)):
        planned[(case.performer, case.kind)] += 1
        done[(case.performer, case.kind)] += case.status == CONCLUDED
    return [ProgrammeLine(p, k, planned[(p, k)], done[(p, k)]) for p, k in sorted(planned)]

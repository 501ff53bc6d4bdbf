"""The figures of a report period, computed once from the records into frozen dataclasses.
Renderers lay these out and never query (DESIGN: figures first, layout second)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from models.accounts import OfficeDetails, office_details
from models.admissions import AdmissionFigures, admission_figures, admitted_count, progress
from models.awards import AwardCounts, award_counts, badge_counts
from models.core import clock
from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.core.read_once import reading_once
from models.inspections import InspectionFigures, inspection_figures
from models.meetings import MeetingFigures, meeting_figures
from models.members import Headcount, Movement, headcount, movement
from models.movements import MovementFigures, movement_figures
from models.orgs import org_rows
from models.ratings import RatingFigures, rating_figures
from models.residence import ResidenceFigures, residence_figures
from models.targets import TargetResult, target_results
from models.workplan import WorkFigures, work_figures
from reports.period_returns import PeriodReturns, period_returns


@dataclass(frozen=True)
class OrgFigures:
    by_level: dict[str, int]  # live organisations at the end of the period
    by_type: dict[str, dict[str, int]]  # agency type -> {DBCS: n, CBCS: n}

    @property
    def grassroots(self) -> int:
        return self.by_level.get(v.DBCS, 0) + self.by_level.get(v.CBCS, 0)


@dataclass(frozen=True)
class PeriodFigures:
    start: date
    end: date
    office: OfficeDetails
    orgs: OrgFigures
    members: Headcount
    movement: Movement
    movement_last_year: Movement
    admissions: AdmissionFigures
    year_target: int | None  # the bloc's admission target for the year, if set
    admissions_by_year: dict[int, int]
    inspections: InspectionFigures
    ratings: RatingFigures | None  # year-end only: the rating is of a whole year
    awards: AwardCounts
    badges: dict[int, int]  # badges presented by milestone
    meetings: MeetingFigures
    targets: list[TargetResult] = field(default_factory=list)  # year-end only: judged on the year
    residence: ResidenceFigures | None = None  # year-end only: the comments are yearly
    movements: list[MovementFigures] = field(default_factory=list)
    work: WorkFigures | None = None
    counted_to: date | None = None  # the day the figures were counted: `end`, or today if sooner
    returns: PeriodReturns | None = None  # what the grassroots organisations reported, if asked

    @property
    def as_of(self) -> date:
        return self.counted_to or self.end

    @property
    def unfinished(self) -> bool:
        """The period was still under way when counted: its figures are not yet final."""
        return self.as_of < self.end


def _same_period_last_year(day: date) -> date:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) \
        else day.replace(year=day.year - 1)


def org_figures(on: date) -> OrgFigures:
    by_level, by_type = Counter(), {}
    for row in org_rows():
        if row.dissolved_on and row.dissolved_on <= on:
            continue
        if row.founded_on and row.founded_on > on:
            continue
        by_level[row.level] += 1
        if row.level in v.GRASSROOTS:
            by_type.setdefault(row.org_type or "KHAC", Counter())[row.level] += 1
    return OrgFigures(dict(by_level), {key: dict(value) for key, value in by_type.items()})


def period_figures(start: date, end: date) -> PeriodFigures:
    """The figures of a period, counted up to its end or, while it is under way, up to today
    (the records hold nothing later); refused for a period that has not begun."""
    with reading_once():
        return _period_figures(start, end)


def counted_until(end: date) -> date:
    """The day a period's figures are counted to: its end, or today while it is under way."""
    return min(end, clock.today())


def _period_figures(start: date, end: date) -> PeriodFigures:
    if start > clock.today():
        raise ValidationError("year", f"Kỳ báo cáo bắt đầu ngày {fmt_date(start)}, sau hôm nay: chưa có số "
                                      "liệu nào để báo cáo.")
    to = counted_until(end)
    year = end.year
    year_end = (end.month, end.day) == (12, 31)
    ratings = rating_figures(year) if year_end else None  # read once: the targets judge by them too
    by_year = {y: admitted_count(date(y, 1, 1), min(date(y, 12, 31), to))
               for y in range(year - 4, year + 1)}
    return PeriodFigures(
        start=start, end=end, counted_to=to, office=office_details(), orgs=org_figures(to),
        members=headcount(to), movement=movement(start, to),
        movement_last_year=movement(_same_period_last_year(start), _same_period_last_year(to)),
        admissions=admission_figures(start, to),
        year_target=progress(None, year).target, admissions_by_year=by_year,
        inspections=inspection_figures(start, to),
        ratings=ratings,
        awards=award_counts(start, to), badges=badge_counts(start, to),
        meetings=meeting_figures(start, to),
        targets=target_results(year, ratings) if year_end else [],
        residence=residence_figures(year) if year_end else None,
        movements=movement_figures(start, to),
        work=work_figures(start, to),
        returns=period_returns(start, end, to),
    )

"""How far each main target is met (DOMAIN §10): the result from the records where they
give it — admissions, rating shares, inspections — or as the clerk typed it, then judged
đạt / vượt / chưa đạt. A term's count accumulates from its first year to the year in hand."""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from models.admissions.targets import admitted_count
from models.core import clock
from models.inspections.tables import InspectionCase
from models.inspections.vocab import BLOC_PERFORMERS, CONCLUDED, IN_PROGRESS
from models.meetings.lists import meeting_figures, monthly_meeting_months, thematic_cells_kept
from models.ratings.figures import RatingFigures, rating_figures
from models.ratings.rules import EXCELLENT, GOOD, TSVM
from models.targets.record import targets_for, threshold_of
from models.targets.tables import MainTarget
from models.targets.vocab import (
    ABOVE,
    ACHIEVED,
    COUNT,
    EXCEEDED,
    MANUAL,
    MEASURES,
    MISSED,
    RANGE,
    UNDER_WAY,
    UNKNOWN,
)


@dataclass(frozen=True)
class TargetResult:
    id: int
    term: bool  # a congress term's target, counted up to the year in hand
    year_from: int
    year_to: int
    wording: str
    short_name: str
    measure: str
    comparator: str
    threshold: float
    threshold_high: float | None
    value: Fraction | float | None  # a percentage for a share; None: no figures yet
    judgement: str  # vocab: ACHIEVED, EXCEEDED, MISSED, UNDER_WAY, UNKNOWN
    source: str

    @property
    def unit(self) -> str:
        return MEASURES[self.measure][1]

    @property
    def ratio(self) -> Fraction | None:
        """The result as a percentage of the target (counts): 115 for "vượt 15%"."""
        if self.value is None or self.unit != COUNT or not self.threshold:
            return None
        return Fraction(self.value) * 100 / Fraction(self.threshold)

# Measures counted over the part of a year under way that has gone by (models/meetings/lists.py).
SHARES_SO_FAR = ("CELL_MEETINGS", "CELL_THEMATIC")


def _share(part: int, whole: int) -> Fraction | None:
    """Exact, so a report rounds it half-up as it rounds every share (DOMAIN §9)."""
    return Fraction(part * 100, whole) if whole else None


def measured(measure: str, first_year: int, last_year: int,
             ratings: dict[int, RatingFigures] | None = None) -> Fraction | float | None:
    """The records' figure for a measure over the years (counts) or in the last year (shares).
    `ratings`: the years' rating figures already read (reading them is most of the cost)."""
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    if measure == "ADMISSIONS":
        return Fraction(admitted_count(start, end))
    if measure == "INSPECTIONS":
        begun = InspectionCase.status.in_([IN_PROGRESS, CONCLUDED])
        return Fraction(InspectionCase.select().where(
            InspectionCase.performer.in_(BLOC_PERFORMERS) & begun
            & (InspectionCase.start_date >= start) & (InspectionCase.start_date <= end)).count())
    if measure == "BCH_CONFERENCES":
        return Fraction(meeting_figures(start, end).bch_conferences)
    if measure == "CELL_MEETINGS":
        today = clock.today()  # a year under way counts the months gone by
        months_gone = 12 if last_year < today.year else max(1, today.month - 1)
        held, months = monthly_meeting_months(last_year, months_gone)
        return _share(held, months)
    if measure == "CELL_THEMATIC":
        today = clock.today()  # a year under way counts the quarters ended, or the first one begun
        quarters_gone = 4 if last_year < today.year else max(1, (today.month - 1) // 3)
        return _share(*thematic_cells_kept(last_year, quarters_gone))
    if ratings is None:
        ratings = {}
    if last_year not in ratings:
        ratings[last_year] = rating_figures(last_year)
    ratings = ratings[last_year]
    orgs = ratings.org_levels
    rated_orgs = sum(orgs.values())
    top = orgs.get(EXCELLENT, 0) + orgs.get(TSVM, 0)  # before 2018 the top level was "trong sạch vững mạnh"
    return {
        "ORG_GOOD": lambda: _share(top + orgs.get(GOOD, 0), rated_orgs),
        "ORG_EXCELLENT": lambda: _share(top, rated_orgs),
        "MEMBER_GOOD": lambda: _share(ratings.good_or_better, ratings.rated),
        "MEMBER_EXCELLENT": lambda: _share(ratings.member_levels.get(EXCELLENT, 0), ratings.rated),
    }[measure]()


def judge(comparator: str, threshold: float, high: float | None, value: float | None, unit: str) -> str:
    if value is None:
        return UNKNOWN
    if comparator == RANGE:
        return MISSED if value < threshold else EXCEEDED if value > high else ACHIEVED
    if comparator == ABOVE:
        return ACHIEVED if value > threshold else MISSED
    if value < threshold:
        return MISSED
    return EXCEEDED if value > threshold and unit == COUNT else ACHIEVED


def result_of(target: MainTarget, year: int, ratings: dict[int, RatingFigures] | None = None) -> TargetResult:
    last = min(year, target.year_to)
    value = target.result if target.measure in MANUAL else measured(target.measure, target.year_from, last,
                                                                      ratings)
    unit = MEASURES[target.measure][1]
    threshold = threshold_of(target)
    judgement = judge(target.comparator, threshold, target.threshold_high, value, unit)
    # Not "chưa đạt" with weeks of the year, or years of the term, still to run: as of the end of
    # the year reported on (a term that ran on past it), or of today for the year under way.
    if judgement == MISSED and (last < target.year_to or date(target.year_to, 12, 31) >= clock.today()):
        judgement = UNDER_WAY
    # A share of the months or quarters gone by is not met before the year is over: a count
    # reached stays reached, but the last quarter's meetings could still be missed (reported:
    # "100% chi bộ sinh hoạt chuyên đề" judged Đạt on 07/12 from three quarters).
    if judgement in (ACHIEVED, EXCEEDED) and target.measure in SHARES_SO_FAR \
            and date(last, 12, 31) >= clock.today():
        judgement = UNDER_WAY
    return TargetResult(target.id, target.year_from != target.year_to, target.year_from, target.year_to,
                        target.wording, target.short_name, target.measure, target.comparator,
                        threshold, target.threshold_high, value, judgement, target.source)


def target_results(year: int, ratings: RatingFigures | None = None) -> list[TargetResult]:
    """The year's targets, then the term's, each judged as of the end of `year`; `ratings`: the
    year's rating figures when the caller has them."""
    known = {year: ratings} if ratings is not None else {}
    return [result_of(target, year, known) for target in targets_for(year)]

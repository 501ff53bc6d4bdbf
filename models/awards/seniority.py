"""Party seniority (tuổi Đảng, DOMAIN §7): counted from the admission decision, minus the time
spent out of the Party before a readmission. Pure functions, so they can be checked against
any history."""

from dataclasses import dataclass
from datetime import date, timedelta

from models.core import vocab as v
from models.core.dates import add_months, months_between

MILESTONES = (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90)
# (month, day, name) of the usual presentation days.
OCCASIONS = (
    (2, 3, "Kỷ niệm ngày thành lập Đảng 3/2"),
    (5, 19, "Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5"),
    (9, 2, "Quốc khánh 2/9"),
    (11, 7, "Kỷ niệm Cách mạng Tháng Mười Nga 7/11"),
)
# Leaving the Party itself (a transfer elsewhere is not a gap: the member is still in the Party).
OUT_OF_PARTY = (v.STRUCK_OFF_EVENT, v.RESIGNED_EVENT, v.EXPELLED_EVENT)


def early_allowance_months(milestone: int) -> int:
    """Serious illness: up to 12 months early for 30–65 years, 24 months for 70–90."""
    return 24 if milestone >= 70 else 12


POSTHUMOUS_ALLOWANCE_MONTHS = 12


@dataclass(frozen=True)
class Seniority:
    admitted_on: date
    gaps: tuple[tuple[date, date], ...]  # (left the Party, readmitted)
    out_since: date | None = None  # out of the Party now (no readmission after)
    # Readmitted before the registry knew the member, the first admission earlier: the time out
    # of the Party between them is not recorded here and must be checked on the dossier.
    unknown_gap: bool = False

    @property
    def gap_days(self) -> int:
        return sum((end - start).days for start, end in self.gaps)

    def reaches(self, milestone: int) -> date:
        """The day the member completes `milestone` years in the Party."""
        return add_months(self.admitted_on, 12 * milestone) + timedelta(days=self.gap_days)

    def years_on(self, day: date) -> int:
        """Whole years of seniority on `day` (0 before admission); it stops growing while
        the member is out of the Party."""
        if self.out_since is not None:
            day = min(day, self.out_since)
        day -= timedelta(days=sum((min(end, day) - start).days for start, end in self.gaps if start < day))
        if day < self.admitted_on:
            return 0
        return months_between(self.admitted_on, day) // 12


def seniority_from(admission_date: date | None, events: list[tuple[str, date]]) -> Seniority | None:
    """`events` are the member's (kind, date) in order. The admission decision date on the
    record comes first; else the first admission event. None when there is no admission."""
    start = admission_date
    if start is None:
        start = next((day for kind, day in events if kind in (v.ADMITTED, v.READMITTED)), None)
    if start is None:
        return None
    gaps, left = [], None
    opened = next(((kind, day) for kind, day in events if kind in (v.ADMITTED, v.READMITTED, v.TRANSFER_IN,
                                                                 v.TEMP_IN_START)), None)
    unknown_gap = bool(opened and opened[0] == v.READMITTED and start < opened[1])
    for kind, day in events:
        if kind in OUT_OF_PARTY:
            left = day
        elif kind == v.READMITTED and left is not None:
            gaps.append((left, max(left, day)))
            left = None
    return Seniority(start, tuple(gaps), left, unknown_gap)


def occasions_of(year: int) -> list[tuple[date, str]]:
    return [(date(year, month, day), name) for month, day, name in OCCASIONS]

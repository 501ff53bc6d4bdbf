"""What the grassroots organisations reported for a conference report's period: the periodic
requests that fall in it (the year's or half-year's own, else its quarters, else its months —
one kind, so nothing is added twice), how many returns were accepted, the sums of the accepted
figures beside what the bloc's own records count, each organisation's returns, and the dues
from the office's books when it keeps them. Read-only; computed with the period's figures."""

from dataclasses import dataclass, field
from datetime import date

from models.dues import dues_quarter, quarter_bounds
from models.returns import (
    ACCEPTED,
    ADMITTED,
    CHECKED,
    COUNT,
    DUES_COLLECTED,
    DUES_REMITTED,
    HALF,
    HEADCOUNT,
    MONEY,
    MONTH,
    PROBATIONARY,
    QUARTER,
    REGULAR_MEETINGS,
    STANDARD_FORM,
    YEAR,
    accepted_figures,
    answers,
    default_title,
    known_figures,
    request_rows,
)

# The lines that add up over several requests: counts and sums of the period, not the headcount
# at its end.
FLOWS = [(key, label) for key, label, kind in STANDARD_FORM if kind in (COUNT, MONEY)
         and key not in (HEADCOUNT, PROBATIONARY)]


@dataclass(frozen=True)
class OrgReturns:
    org_name: str
    asked: int
    accepted: int
    admitted: int | None
    regular_meetings: int | None
    dues_collected: int | None


@dataclass(frozen=True)
class PeriodReturns:
    titles: list[str]
    kind: str  # of the requests read (vocab.KINDS)
    periods: list[int]  # their months or quarters
    standard_titles: bool  # each titled as the program names its kind and period
    asked: int  # returns asked for, over the requests read
    accepted: int
    totals: dict[str, int]  # summed accepted figures, by form key
    recorded: dict[str, int]  # the bloc's own count for the checked lines, of the organisations that reported
    labels: dict[str, str]
    orgs: list[OrgReturns] = field(default_factory=list)
    dues_from_books: tuple[int, int] | None = None  # (collected, remitted) when the books hold the period
    dues_quarters: list[int] = field(default_factory=list)

    def dues(self) -> tuple[int, int, str] | None:
        """(collected, remitted, where from): the office's books first, they are its own."""
        if self.dues_from_books is not None:
            return (*self.dues_from_books, "books")
        if DUES_COLLECTED in self.totals and DUES_REMITTED in self.totals:
            return self.totals[DUES_COLLECTED], self.totals[DUES_REMITTED], "returns"
        return None


def _requests(start: date, end: date, to: date) -> list:
    """The requests of one kind whose periods lie in the report's period and have ended by `to`."""
    whole = HALF if end.month == 6 else YEAR
    inside = [request for request in request_rows(start.year)
              if request.period_start >= start and request.period_end <= min(end, to)]
    for kind in (whole, QUARTER, MONTH):
        chosen = sorted((request for request in inside if request.kind == kind), key=lambda q: q.period_start)
        if chosen:
            return chosen
    return []


def _dues_books(start: date, to: date) -> tuple[tuple[int, int] | None, list[int]]:
    quarters = [q for q in range(1, 5) if quarter_bounds(start.year, q)[0] >= start
                and quarter_bounds(start.year, q)[1] <= to]
    collected = remitted = 0
    kept = []
    for quarter in quarters:
        books = dues_quarter(start.year, quarter)
        if books.recorded:
            kept.append(quarter)
            collected += books.total("collected")
            remitted += books.total("remitted")
    return ((collected, remitted) if kept else None), kept


def _answered(start: date, end: date, to: date) -> list[tuple]:
    """(request, the organisations asked with their returns' states) for the period's requests,
    leaving out one not yet due from which nothing has come: at 31 December the fourth quarter's
    returns are due in January, and the report would otherwise say they were sent."""
    answered = []
    for request in _requests(start, end, to):
        rows = answers(request.id)
        if rows and (to > request.due_on or any(row.state for row in rows)):
            answered.append((request, rows))
    return answered


def period_returns(start: date, end: date, to: date) -> PeriodReturns | None:
    answered = _answered(start, end, to)
    if not answered:
        return None
    requests = [request for request, _rows in answered]
    totals: dict[str, int] = {}
    per_org: dict[int, dict] = {}
    asked = accepted_count = 0
    reporting: set[int] = set()
    for request, rows in answered:
        accepted = accepted_figures(request.id)
        asked += len(rows)
        for row in rows:
            entry = per_org.setdefault(row.org_id, {"name": row.org_name, "asked": 0, "accepted": 0,
                                                    "sums": {}})
            entry["asked"] += 1
            figures = accepted.get(row.org_id) if row.state == ACCEPTED else None
            if figures is None:
                continue
            entry["accepted"] += 1
            accepted_count += 1
            reporting.add(row.org_id)
            for key, _label in FLOWS:
                if isinstance(figures.get(key), int):
                    totals[key] = totals.get(key, 0) + figures[key]
                    entry["sums"][key] = entry["sums"].get(key, 0) + figures[key]
    covered_start, covered_end = requests[0].period_start, max(request.period_end for request in requests)
    known = known_figures(covered_start, covered_end, headcount_at_end=False) if reporting else {}
    recorded = {key: sum(known.get(org_id, {}).get(key, 0) for org_id in reporting)
                for key, _label in FLOWS if key in CHECKED}
    orgs = [OrgReturns(entry["name"], entry["asked"], entry["accepted"], entry["sums"].get(ADMITTED),
                       entry["sums"].get(REGULAR_MEETINGS), entry["sums"].get(DUES_COLLECTED))
            for entry in sorted(per_org.values(), key=lambda entry: entry["name"].casefold())]
    books, quarters = _dues_books(start, to)
    return PeriodReturns([request.title for request in requests], requests[0].kind,
                         [request.period for request in requests],
                         all(request.title == default_title(request.kind, request.year, request.period)
                             for request in requests), asked, accepted_count, totals, recorded,
                         dict(FLOWS), orgs, books, quarters)

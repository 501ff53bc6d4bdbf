"""The dues of a quarter as the office's books show them: for each grassroots organisation what
it collected, what it owed the bloc after its share, what it remitted and what it still owes
(carried from quarter to quarter); for the bloc what it received, keeps and remits upward."""

from dataclasses import dataclass, field
from datetime import date

from models.accounts import session
from models.dues.books import _grassroots_in, _started, quarter_bounds
from models.dues.shares import share_on
from models.dues.tables import DuesEntry, DuesShare


def _part(amount: int, percent: int) -> int:
    """`percent` of `amount`, rounded to the đồng, halves up: the books add up to the đồng."""
    return (amount * percent + 50) // 100


@dataclass(frozen=True)
class DuesLine:
    org_id: int
    org_name: str
    entry_id: int | None  # None: nothing recorded for the quarter
    collected: int
    kept: int
    owed: int  # to the bloc for this quarter
    remitted: int
    remitted_on: date | None
    owed_before: int  # still owed from earlier quarters (negative: paid ahead)
    source: str
    note: str

    @property
    def owed_after(self) -> int:
        return self.owed_before + self.owed - self.remitted


@dataclass(frozen=True)
class DuesQuarter:
    year: int
    quarter: int
    start: date
    end: date
    share: DuesShare | None  # None: the office has not set the share in force
    lines: list[DuesLine] = field(default_factory=list)

    @property
    def recorded(self) -> list[DuesLine]:
        return [line for line in self.lines if line.entry_id is not None]

    @property
    def missing(self) -> list[DuesLine]:
        return [line for line in self.lines if line.entry_id is None]

    def total(self, name: str) -> int:
        return sum(getattr(line, name) for line in self.recorded)

    @property
    def owing(self) -> list[DuesLine]:
        return [line for line in self.lines if line.owed_after > 0]

    @property
    def bloc_kept(self) -> int:
        return _part(self.total("remitted"), self.share.bloc_kept_percent) if self.share else 0

    @property
    def bloc_remits(self) -> int:
        return self.total("remitted") - self.bloc_kept


def _owed(entry: DuesEntry, shares: dict[tuple[int, int], DuesShare | None]) -> int:
    key = (entry.year, entry.quarter)
    if key not in shares:
        shares[key] = share_on(quarter_bounds(*key)[0])
    share = shares[key]
    return entry.collected - _part(entry.collected, share.kept_percent) if share else 0


def dues_quarter(year: int, quarter: int) -> DuesQuarter:
    """Every grassroots organisation of the quarter (those the account may see), by name. What
    an organisation owes is counted with the share in force on the first day of each quarter;
    a quarter before any share was set owes nothing the books can count."""
    session.require(session.READ_RECORDS)
    start, end = _started(year, quarter)  # a quarter to come has no books to show
    share = share_on(start)
    orgs = _grassroots_in(start, end)
    entries = (DuesEntry.select().where(DuesEntry.org.in_(list(orgs))
                                       & ((DuesEntry.year < year)
                                          | ((DuesEntry.year == year) & (DuesEntry.quarter <= quarter)))))
    shares: dict[tuple[int, int], DuesShare | None] = {}
    now: dict[int, DuesEntry] = {}
    before: dict[int, int] = {}
    for entry in entries:
        if (entry.year, entry.quarter) == (year, quarter):
            now[entry.org_id] = entry
        else:
            before[entry.org_id] = before.get(entry.org_id, 0) + _owed(entry, shares) - entry.remitted
    lines = []
    for org_id, name in sorted(orgs.items(), key=lambda item: item[1].casefold()):
        entry = now.get(org_id)
        if entry is None:
            lines.append(DuesLine(org_id, name, None, 0, 0, 0, 0, None, before.get(org_id, 0), "", ""))
            continue
        owed = _owed(entry, shares)
        lines.append(DuesLine(org_id, name, entry.id, entry.collected, entry.collected - owed if share else 0,
                              owed, entry.remitted, entry.remitted_on, before.get(org_id, 0), entry.source,
                              entry.note))
    return DuesQuarter(year, quarter, start, end, share, lines)

"""Reading meetings back: the filtered list, the days of a month that have meetings, which
cells missed their monthly or quarterly meeting, and the figures of a period for reports."""

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from peewee import fn

from models.core import vocab as v
from models.core.dates import add_months, stored_date
from models.core.db import database
from models.core.errors import Forbidden
from models.core.text import fold
from models.meetings.record import get_meeting
from models.meetings.tables import Meeting, MeetingResolution
from models.meetings.vocab import BCH_DUK, BODIES, CHI_BO, CHUYEN_DE, SO_KET, THUONG_KY, TONG_KET
from models.orgs.tree import check_in_scope, committees_above, full_names, org_rows, scope_ids, subtree_ids


@dataclass(frozen=True)
class MeetingFilter:
    start: date | None = None
    end: date | None = None
    body: str | None = None
    kind: str | None = None
    org_id: int | None = None  # the organisation and what is under it
    text: str = ""


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: date
    time: str
    body: str
    kind: str
    org_name: str
    title: str
    place: str
    resolutions: int

    @property
    def heading(self) -> str:
        """How the office names it when the clerk gave no title."""
        if self.title:
            return self.title
        if self.kind == THUONG_KY:
            return f"Sinh hoạt chi bộ thường kỳ tháng {self.date.month}/{self.date.year}"
        if self.kind == CHUYEN_DE:
            return f"Sinh hoạt chi bộ chuyên đề tháng {self.date.month}/{self.date.year}"
        if self.kind == TONG_KET:
            reviewed = self.date.year - 1 if self.date.month <= 6 else self.date.year
            return f"Hội nghị tổng kết công tác xây dựng Đảng năm {reviewed}"
        if self.kind == SO_KET:
            return f"Hội nghị sơ kết công tác 6 tháng đầu năm {self.date.year}"
        return f"Hội nghị {BODIES[self.body]}" + (f" {self.org_name}" if self.org_name else "")


def _allowed_orgs(org_id: int | None) -> set[int] | None:
    allowed = scope_ids()
    if org_id is not None:
        allowed = subtree_ids(org_id) if allowed is None else allowed & subtree_ids(org_id)
    return allowed


def readable_meeting(meeting_id: int) -> Meeting:
    """A meeting whose minutes are taken out of the program (they name who came and who did
    not): for an account limited to some organisations, only their meetings, as their list shows
    (found: such a clerk asked for the minutes of the bloc's committee, and the command failed
    with an unexplained error)."""
    meeting = get_meeting(meeting_id)
    if meeting.org_id is not None:
        check_in_scope(meeting.org_id)
    elif scope_ids() is not None:
        raise Forbidden("Tài khoản này chỉ được làm việc với các tổ chức được giao, không gồm hội nghị của "
                        "cấp Khối.")
    return meeting


def meeting_rows(flt: MeetingFilter) -> list[MeetingRow]:
    """A year of a large bloc is some 20,000 meetings: plain tuples, the resolutions counted in
    the same query."""
    resolutions = (MeetingResolution.select(fn.COUNT(MeetingResolution.id))
                   .where(MeetingResolution.meeting == Meeting.id))
    query = (Meeting.select(Meeting.id, Meeting.date, Meeting.time, Meeting.body, Meeting.kind,
                            Meeting.org, Meeting.title, Meeting.number, Meeting.place, resolutions)
             .order_by(Meeting.date.desc(), Meeting.time.desc(), Meeting.id.desc()))
    if flt.start:
        query = query.where(Meeting.date >= flt.start)
    if flt.end:
        query = query.where(Meeting.date <= flt.end)
    if flt.body:
        query = query.where(Meeting.body == flt.body)
    if flt.kind:
        query = query.where(Meeting.kind == flt.kind)
    if fold(flt.text):
        query = query.where(Meeting.search_folded.contains(fold(flt.text)))
    allowed = _allowed_orgs(flt.org_id)
    if allowed is not None:
        query = query.where(Meeting.org.in_(sorted(allowed)))
    # The cursor's rows as they come, the date read here: peewee's conversion of 69,000 rows
    # (a year at 100,000 members) cost 0.5 of the list's 0.9 s.
    names = full_names()  # a cell with its đảng bộ: many share a name
    return [MeetingRow(meeting_id, stored_date(day), time, body, kind, names.get(org_id, ""),
                       title or _numbered(body, number), place, count)
            for meeting_id, day, time, body, kind, org_id, title, number, place, count
            in database.execute(query).fetchall()]


def _numbered(body: str, number: int | None) -> str:
    if body == BCH_DUK and number:
        return f"Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ {number}"
    return ""


def meeting_days(year: int, month: int) -> set[date]:
    start = date(year, month, 1)
    end = add_months(start, 1) - timedelta(days=1)
    return {day for (day,) in Meeting.select(Meeting.date).where(Meeting.date.between(start, end)).tuples()}


@dataclass(frozen=True)
class CellGap:
    org_id: int
    name: str
    parent: str


def _cells_live(start: date, end: date) -> list:
    allowed = scope_ids()
    return [row for row in org_rows() if row.level in v.CELLS
            and not (row.founded_on and row.founded_on > end)
            and not (row.dissolved_on and row.dissolved_on < start)
            and (allowed is None or row.id in allowed)]


def _cells_without(kind: str, start: date, end: date) -> list[CellGap]:
    held = {org for (org,) in Meeting.select(Meeting.org).where(
        (Meeting.body == CHI_BO) & (Meeting.kind == kind) & Meeting.date.between(start, end)).tuples()}
    rows = org_rows()
    names = {row.id: row.name for row in rows}
    above = committees_above(rows)  # every committee up to the đảng bộ: many cells share a name
    gaps = [CellGap(row.id, row.name,
                    names.get(row.parent_id, "") if row.level in v.GRASSROOTS else above[row.id])
            for row in _cells_live(start, end) if row.id not in held]
    return sorted(gaps, key=lambda gap: (fold(gap.parent), fold(gap.name)))


def cells_without_monthly_meeting(year: int, month: int) -> list[CellGap]:
    """Cells that existed in the month and have no regular meeting recorded in it."""
    start = date(year, month, 1)
    return _cells_without(THUONG_KY, start, add_months(start, 1) - timedelta(days=1))


def _live_and_met(kind: str, periods: list[tuple[date, int]]) -> list[tuple[set[int], set[int]]]:
    """For each (first day, months) period: the ids of the cells that existed in it and of those
    that held a meeting of the kind in it — one reading of the year's meetings for all periods,
    where a list of gaps per period (names, committees, sorting) cost 0.3 s at 100,000 members."""
    bounds = [(start, add_months(start, months) - timedelta(days=1)) for start, months in periods]
    held = Meeting.select(Meeting.org, Meeting.date).where(
        (Meeting.body == CHI_BO) & (Meeting.kind == kind) & Meeting.date.between(bounds[0][0], bounds[-1][1]))
    starts = [start for start, _end in bounds]  # the periods follow one another
    met: list[set[int]] = [set() for _ in bounds]
    for org, day in database.execute(held).fetchall():
        met[bisect_right(starts, stored_date(day)) - 1].add(org)
    return [({row.id for row in _cells_live(start, end)}, met[at]) for at, (start, end) in enumerate(bounds)]


def monthly_meeting_months(year: int, last_month: int = 12) -> tuple[int, int]:
    """(cell-months with the regular meeting recorded, cell-months the cells existed) from
    January to `last_month`: how far the monthly meeting was kept (Điều lệ, Điều 24)."""
    periods = _live_and_met(THUONG_KY, [(date(year, month, 1), 1) for month in range(1, last_month + 1)])
    return sum(len(live & met) for live, met in periods), sum(len(live) for live, _met in periods)


def cells_without_thematic_meeting(year: int, quarter: int) -> list[CellGap]:
    """Cells with no thematic meeting in the quarter (at least one a quarter)."""
    start = date(year, 3 * (quarter - 1) + 1, 1)
    return _cells_without(CHUYEN_DE, start, add_months(start, 3) - timedelta(days=1))


def thematic_cells_kept(year: int, last_quarter: int = 4) -> tuple[int, int]:
    """(cells with a thematic meeting in every quarter they existed, cells that existed) from the
    first quarter to `last_quarter`: "chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần"."""
    periods = _live_and_met(CHUYEN_DE, [(date(year, 3 * quarter - 2, 1), 3)
                                        for quarter in range(1, last_quarter + 1)])
    existed = set().union(*(live for live, _met in periods))
    missed = set().union(*(live - met for live, met in periods))
    return len(existed - missed), len(existed)


@dataclass(frozen=True)
class MeetingFigures:
    by_body_kind: dict[tuple[str, str], int] = field(default_factory=dict)
    bch_conferences: int = 0
    cells_met: int = 0  # cells with at least one regular meeting recorded
    cells_visited: int = 0  # cells whose meeting a standing committee member attended
    resolutions: dict[str, int] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.by_body_kind)


def meeting_figures(start: date, end: date) -> MeetingFigures:
    # The driver's rows (codes, ids and text need no conversion), and the resolutions of the
    # period's meetings by a subquery: a year of a large bloc's cells is some 20,000 meetings.
    in_period = Meeting.date.between(start, end)
    columns = (Meeting.body, Meeting.kind, Meeting.org, Meeting.standing_visitors)
    meetings = database.execute(Meeting.select(*columns).where(in_period)).fetchall()
    by_body_kind = Counter((body, kind) for body, kind, _org, _visitors in meetings)
    cells = {org for body, kind, org, _visitors in meetings if body == CHI_BO and kind == THUONG_KY}
    visited = {org for body, _kind, org, visitors in meetings if body == CHI_BO and (visitors or "").strip()}
    resolutions = Counter(kind for (kind,) in database.execute(
        MeetingResolution.select(MeetingResolution.kind)
        .where(MeetingResolution.meeting.in_(Meeting.select(Meeting.id).where(in_period)))).fetchall())
    conferences = sum(n for (body, _kind), n in by_body_kind.items() if body == BCH_DUK)
    return MeetingFigures(dict(by_body_kind), conferences, len(cells), len(visited), dict(resolutions))

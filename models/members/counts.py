"""Headcounts at a date and the movement table of a period, computed from the events.

Every event stores the member's state just before and after it, so a headcount at a date is
"the state after each member's last event on or before that date", and the movement of a
period is the set of events whose before/after states cross the edge of the counted scope.
That makes A + B − C = D hold by construction, for the whole bloc or any sub-tree.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from peewee import fn

from models.core import vocab as v
from models.core.dates import check_period, stored_date
from models.core.db import database, on_server
from models.core.read_once import read_once
from models.members.tables import MemberEvent
from models.orgs.tree import grassroots_of, org_rows, subtree_ids, tree_order

# Lines of the movement table (Biểu 1-BTCTW), in their printed order.
ADDITIONS = {
    v.ADMITTED: "Kết nạp mới",
    v.READMITTED: "Kết nạp lại",
    v.TRANSFER_IN: "Chuyển đến",
}
REMOVALS = {
    v.DECEASED_EVENT: "Từ trần",
    v.EXPELLED_EVENT: "Khai trừ",
    v.STRUCK_OFF_EVENT: "Xóa tên",
    v.RESIGNED_EVENT: "Xin ra khỏi Đảng",
    v.TRANSFER_OUT: "Chuyển đi",
}


@dataclass(frozen=True)
class Headcount:
    on: date
    probationary: int
    full: int
    by_org: dict[int, tuple[int, int]] = field(default_factory=dict)  # org -> (prob., full)

    @property
    def total(self) -> int:
        return self.probationary + self.full


@dataclass(frozen=True)
class Movement:
    start: date
    end: date
    opening: int  # A
    additions: dict[str, int]  # B, by line of ADDITIONS
    removals: dict[str, int]  # C, by line of REMOVALS
    struck_off_probationary: int  # "trong đó đảng viên dự bị" of the struck-off line
    closing: int  # D

    @property
    def added(self) -> int:
        return sum(self.additions.values())

    @property
    def removed(self) -> int:
        return sum(self.removals.values())


def _scope(org_id: int | None) -> set[int] | None:
    return None if org_id is None else subtree_ids(org_id)


@read_once  # a report's two movement tables share the days they open and close on
def headcount(on: date, org_id: int | None = None) -> Headcount:
    """Members counted on the date (DOMAIN §2: where officially registered).

    Each member's events telescope: summing +1 for every event whose after-state is counted
    in an organisation, and −1 for every event whose before-state was, leaves exactly the
    member's state after their last event up to the date. Two grouped sums, no per-member
    scan."""
    scope = _scope(org_id)
    totals: dict[tuple[int, str], int] = {}
    for org_col, membership_col, counted_col, sign in (
        (MemberEvent.org_after, MemberEvent.membership_after, MemberEvent.counted_after, 1),
        (MemberEvent.org_before, MemberEvent.membership_before, MemberEvent.counted_before, -1),
    ):
        query = (
            MemberEvent.select(org_col, membership_col, fn.COUNT(MemberEvent.id))
            .where((MemberEvent.date <= on) & (counted_col == True))  # noqa: E712 - SQL
            .group_by(org_col, membership_col)
        )
        # The driver's rows (ids, codes and counts need no conversion): 10,000 groups per sum
        # at 100,000 members, where peewee's per-row wrapping cost more than the query.
        for org, membership, count in database.execute(query).fetchall():
            key = (org, membership)
            totals[key] = totals.get(key, 0) + sign * count
    by_org: dict[int, list[int]] = {}
    for (org, membership), count in totals.items():
        if count == 0 or (scope is not None and org not in scope):
            continue
        pair = by_org.setdefault(org, [0, 0])
        pair[0 if membership == v.PROBATIONARY else 1] += count
    probationary = sum(p for p, _ in by_org.values())
    full = sum(f for _, f in by_org.values())
    return Headcount(on, probationary, full, {k: (p, f) for k, (p, f) in by_org.items()})


def bloc_totals(days: list[date]) -> dict[date, int]:
    """The whole bloc's headcount on each of the days, from one reading of the events (the home
    page's five years): headcount()'s telescoping sums taken per day of the events, then added
    up to each day — two grouped scans for any number of days, where five headcounts took ten
    (0.5 → 0.17 s at 100,000 members)."""
    if not days:
        return {}
    last = max(days)
    net: dict[date, int] = {}
    for counted_col, sign in ((MemberEvent.counted_after, 1), (MemberEvent.counted_before, -1)):
        query = (MemberEvent.select(MemberEvent.date, fn.COUNT(MemberEvent.id))
                 .where((counted_col == True) & (MemberEvent.date <= last))  # noqa: E712 - SQL
                 .group_by(MemberEvent.date))
        for day, count in database.execute(query).fetchall():
            day = stored_date(day)
            net[day] = net.get(day, 0) + sign * count
    changed_on = sorted(net)
    running = list(accumulate(net[day] for day in changed_on))  # the headcount after each such day
    return {day: running[at - 1] if (at := bisect_right(changed_on, day)) else 0 for day in days}


def movement(start: date, end: date, org_id: int | None = None) -> Movement:
    """The table A + B − C = D for [start, end], both days included."""
    check_period(start, end)
    scope = _scope(org_id)

    def inside(counted: bool, org: int | None) -> bool:
        return bool(counted) and (scope is None or org in scope)

    additions = dict.fromkeys(ADDITIONS, 0)
    removals = dict.fromkeys(REMOVALS, 0)
    struck_probationary = 0
    rows = (
        MemberEvent.select(
            MemberEvent.kind, MemberEvent.counted_before, MemberEvent.org_before,
            MemberEvent.membership_before, MemberEvent.counted_after, MemberEvent.org_after,
        )
        .where((MemberEvent.date >= start) & (MemberEvent.date <= end))
    )
    # The driver's rows: peewee's per-row wrapping was most of a year's 47,000 events at 100,000.
    for kind, counted_before, org_before, membership_before, counted_after, org_after in \
            database.execute(rows).fetchall():
        was, now = inside(counted_before, org_before), inside(counted_after, org_after)
        if now and not was:
            additions[v.TRANSFER_IN if kind == v.MOVED else kind] += 1
        elif was and not now:
            removals[v.TRANSFER_OUT if kind == v.MOVED else kind] += 1
            if kind == v.STRUCK_OFF_EVENT and membership_before == v.PROBATIONARY:
                struck_probationary += 1
    return Movement(
        start=start,
        end=end,
        opening=headcount(start - timedelta(days=1), org_id).total,
        additions=additions,
        removals=removals,
        struck_off_probationary=struck_probationary,
        closing=headcount(end, org_id).total,
    )


@dataclass(frozen=True)
class GrassrootsCount:
    org_id: int
    name: str
    probationary: int
    full: int

    @property
    def total(self) -> int:
        return self.probationary + self.full


def headcount_by_grassroots(on: date, org_id: int | None = None) -> list[GrassrootsCount]:
    """The headcount at a date per grassroots organisation, in tree order; organisations
    that had no one counted that day are left out."""
    count = headcount(on, org_id)
    rows = org_rows()
    owner = grassroots_of(rows)
    sums: dict[int, list[int]] = {}
    for cell, (probationary, full) in count.by_org.items():
        if cell in owner:
            pair = sums.setdefault(owner[cell].id, [0, 0])
            pair[0] += probationary
            pair[1] += full
    return [
        GrassrootsCount(row.id, row.name, *sums[row.id])
        for _depth, row in tree_order(rows) if row.id in sums
    ]


def members_at(on: date, org_ids: set[int] | None = None) -> list[tuple[int, int, str]]:
    """(member id, organisation, membership) of everyone counted on the date, optionally only
    in the given organisations."""
    return [(member_id, org, membership) for member_id, org, membership, _status in roster_at(on, org_ids)]


def roster_at(on: date, org_ids: set[int] | None = None) -> list[tuple[int, int, str, str]]:
    """(member id, organisation, membership, status) of everyone counted on the date: the state
    after each member's last event up to that day."""
    return _roster(on, None if org_ids is None else frozenset(org_ids))


@read_once  # the year-end report reads the bloc's roster at the year's end for two sections
def _roster(on: date, org_ids: frozenset[int] | None) -> list[tuple[int, int, str, str]]:
    among = None
    if org_ids is not None:  # only those who were ever there: one cell's roster reads its own history
        among = MemberEvent.select(MemberEvent.member).where(MemberEvent.org_after.in_(sorted(org_ids)))
    return [(member_id, org, membership, status)
            for member_id, org, membership, status, counted in _last_states(on, among)
            if counted and (org_ids is None or org in org_ids)]


def counted_among(on: date, members) -> dict[int, int]:
    """{member id: organisation} of those of `members` (a query of ids) counted on the date.
    The badge list asks only of members admitted 29 years ago or more: a tenth of the bloc,
    and a tenth of the history read (0.34 → 0.05 s at 100,000 members)."""
    return {member_id: org for member_id, org, _membership, _status, counted in _last_states(on, members)
            if counted}


def _last_states(on: date, among=None, window: bool | None = None) -> list[tuple]:
    """(member id, organisation, membership, status, counted) after each member's last event
    up to the day (by date, then position); only of the members `among` selects, when given.
    The driver's rows as they come: peewee's per-row processing was half of a 30,000 roster."""
    if window is None:
        window = on_server()
    if window:
        ranked = _last_events(on, among)
        query = (MemberEvent.select(ranked.c.member_id, ranked.c.org_id, ranked.c.membership, ranked.c.status,
                                    ranked.c.counted)
                 .from_(ranked).where(ranked.c.rank == 1))
    else:
        # SQLite gives a grouped row's other columns from the row its one max() was taken from
        # (its "bare columns"): 0.70 → 0.48 s for the roster of 100,000 members, where the
        # window function sorted every event. Dates are stored as YYYY-MM-DD text.
        last = fn.MAX(fn.printf("%s%06d", MemberEvent.date, MemberEvent.position))
        query = (MemberEvent.select(MemberEvent.member, MemberEvent.org_after, MemberEvent.membership_after,
                                    MemberEvent.status_after, MemberEvent.counted_after, last)
                 .where(MemberEvent.date <= on).group_by(MemberEvent.member))
        if among is not None:
            query = query.where(MemberEvent.member.in_(among))
    return [tuple(row[:5]) for row in database.execute(query).fetchall()]


def _last_events(on: date, among=None):
    """Each member's events up to the day, ranked from the last (rank 1: the state on the day);
    only of the members `among` selects, when given (PostgreSQL has no bare columns)."""
    last = fn.ROW_NUMBER().over(
        partition_by=[MemberEvent.member],
        order_by=[MemberEvent.date.desc(), MemberEvent.position.desc()],
    )
    ranked = (
        MemberEvent.select(MemberEvent.member.alias("member_id"), MemberEvent.org_after.alias("org_id"),
                           MemberEvent.membership_after.alias("membership"),
                           MemberEvent.status_after.alias("status"),
                           MemberEvent.counted_after.alias("counted"), last.alias("rank"))
        .where(MemberEvent.date <= on)
    )
    if among is not None:
        ranked = ranked.where(MemberEvent.member.in_(among))
    return ranked.alias("ranked")

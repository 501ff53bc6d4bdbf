"""The year's rating results with the office's denominators (DOMAIN §4): organisation levels
over all grassroots organisations; rated members over all members; member levels over the
rated; "trong đó" excellent over those good or better; not rated over all members."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from models.core.db import database
from models.members.counts import members_at
from models.orgs.tree import grassroots_live_on, grassroots_of, org_rows
from models.ratings.rules import ADEQUATE, EXCELLENT, FAILED, GOOD
from models.ratings.tables import MemberRating, OrgRating, RatingTotals


@dataclass(frozen=True)
class OrgRatingLine:
    """One grassroots organisation's year: its own level, its members and how they were rated."""

    name: str
    level: str | None
    members: int
    rated: int
    excellent: int
    good_or_better: int
    from_totals: bool  # reported as totals, not member by member


@dataclass(frozen=True)
class RatingFigures:
    year: int
    org_total: int
    org_levels: dict[str, int]
    org_not_rated: int
    total_members: int
    rated: int
    member_levels: dict[str, int]
    from_totals: list[str] = field(default_factory=list)  # organisations counted from totals
    by_org: list[OrgRatingLine] = field(default_factory=list)  # each live organisation, by name

    @property
    def not_rated(self) -> int:
        return self.total_members - self.rated

    @property
    def good_or_better(self) -> int:
        return self.member_levels.get(EXCELLENT, 0) + self.member_levels.get(GOOD, 0)

    @property
    def any(self) -> bool:
        return bool(sum(self.org_levels.values()) or self.rated)


def rating_figures(year: int) -> RatingFigures:
    end = date(year, 12, 31)
    live = grassroots_live_on(end)
    live_ids = {row.id for row in live}
    own_level = {r.org_id: r.level for r in OrgRating.select().where(
        (OrgRating.year == year) & OrgRating.level.is_null(False)) if r.org_id in live_ids}
    org_levels = Counter(own_level.values())
    org_rated = sum(org_levels.values())
    totals = {t.org_id: t for t in RatingTotals.select().where(RatingTotals.year == year)}
    names = {row.id: row.name for row in org_rows()}
    levels = Counter()
    total = rated = 0
    per_org = {org_id: Counter() for org_id in live_ids}  # members, rated and levels of each
    for t in totals.values():
        total += t.total_members
        rated += t.rated
        counted = {EXCELLENT: t.excellent, GOOD: t.good, ADEQUATE: t.adequate, FAILED: t.failed}
        levels.update(counted)
        per_org.setdefault(t.org_id, Counter()).update({"members": t.total_members, "rated": t.rated,
                                                        **counted})
    owner = grassroots_of()
    # The driver's rows, not records nor peewee's tuples: 73,000 ratings at 100,000 members.
    ratings = dict(database.execute(MemberRating.select(MemberRating.member, MemberRating.level)
                                    .where(MemberRating.year == year)).fetchall())
    # Counted by (cell, level) in one pass the interpreter runs in C, then by organisation:
    # a Counter per member's cell and level was a third of the count at 100,000 members.
    by_cell = Counter((org, ratings.get(member_id)) for member_id, org, _membership in members_at(end))
    for (org, level), count in by_cell.items():
        grassroots = owner.get(org)
        if grassroots is not None and grassroots.id in totals:
            continue
        total += count
        mine = per_org.setdefault(grassroots.id, Counter()) if grassroots is not None else Counter()
        mine["members"] += count
        if level:
            rated += count
            levels[level] += count
            mine["rated"] += count
            mine[level] += count
    lines = sorted((OrgRatingLine(names[org_id], own_level.get(org_id), c["members"], c["rated"],
                                  c[EXCELLENT], c[EXCELLENT] + c[GOOD], org_id in totals)
                    for org_id, c in per_org.items() if org_id in live_ids), key=lambda line: line.name)
    return RatingFigures(year, len(live), dict(org_levels), len(live) - org_rated, total, rated,
                         dict(levels), sorted(names[org_id] for org_id in totals), lines)

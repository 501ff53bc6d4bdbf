"""Last year's rating for the demo database: every grassroots organisation rated; most enter
their members one by one, some report totals only — as offices do."""

import random

from models import vocab as v
from models.orgs import grassroots_of
from models.rating_rules import ADEQUATE, EXCELLENT, FAILED, GOOD, rules_for
from models.ratings import grid_rows, rate_members, rate_org, set_totals


def build_ratings(rng: random.Random, year: int) -> None:
    rules = rules_for(year)
    organisations = sorted({row.id for row in grassroots_of().values() if not row.dissolved})
    for org_id in organisations:
        rate_org(year, org_id, rng.choices(list(rules.org_levels), weights=[30, 60, 8, 2])[0])
        people = grid_rows(year, org_id)
        if not people:
            continue
        reasons = [("EXEMPT" if row.membership == v.FULL and rng.random() < 0.02 else None)
                   for row in people]
        levels = [None if reason else rng.choices([GOOD, ADEQUATE, FAILED], weights=[88, 10, 2])[0]
                  for reason in reasons]
        good = levels.count(GOOD)
        for index in rng.sample(range(len(levels)), len(levels)):
            excellent = levels.count(EXCELLENT)
            # Within the cap: excellent ≤ 20% of those left at "hoàn thành tốt".
            if levels[index] == GOOD and excellent + 1 <= int(0.2 * (good - excellent - 1)):
                levels[index] = EXCELLENT
        if rng.random() < 0.2:  # this organisation reports its totals only
            rated = [level for level in levels if level is not None]
            set_totals(year, org_id, {
                "total_members": len(people), "rated": len(rated), "excellent": rated.count(EXCELLENT),
                "good": rated.count(GOOD), "adequate": rated.count(ADEQUATE),
                "failed": rated.count(FAILED), "not_rated": len(people) - len(rated)})
            continue
        entries = [(row.member_id, level, None, reason)
                   for row, level, reason in zip(people, levels, reasons, strict=True)]
        rate_members(year, entries)


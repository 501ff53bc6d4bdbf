"""Ratings for the demo database over several years (one before 2018): every grassroots
organisation rated; most enter their members one by one, some report totals only — as
offices do. Members keep a steady merit, so some are excellent five years in a row."""

import random

from models.core import vocab as v
from models.orgs.tree import grassroots_of
from models.ratings.grid import grid_rows, rate_members, rate_org, set_totals
from models.ratings.rules import ADEQUATE, EXCELLENT, FAILED, GOOD, rules_for

SCORES = {EXCELLENT: (90, 98), GOOD: (72, 89), ADEQUATE: (55, 69), FAILED: (35, 49)}


def rating_years(this_year: int) -> list[int]:
    """The last five years, and 2017 for the rules before 2018."""
    years = list(range(this_year - 5, this_year))
    return sorted({2017, *years})


def build_ratings(rng: random.Random, years: list[int]) -> None:
    organisations = sorted({row.id for row in grassroots_of().values() if not row.dissolved})
    by_totals = {org_id for org_id in organisations if rng.random() < 0.2}
    merit: dict[int, float] = {}
    for year in years:
        for org_id in organisations:
            _rate_year(rng, year, org_id, org_id in by_totals, merit)


def _rate_year(rng: random.Random, year: int, org_id: int, by_totals: bool, merit: dict) -> None:
    rules = rules_for(year)
    people = grid_rows(year, org_id)
    if not people:
        return
    rate_org(year, org_id, rng.choices(list(rules.org_levels), weights=[30, 60, 8, 2])[0])
    reasons = [("EXEMPT" if row.membership == v.FULL and rng.random() < 0.02 else None) for row in people]
    levels = [None if reason else rng.choices([GOOD, ADEQUATE, FAILED], weights=[88, 10, 2])[0]
              for reason in reasons]
    good = levels.count(GOOD)
    # The best of this year's "hoàn thành tốt", by a merit that lasts from year to year.
    ranked = sorted((index for index, level in enumerate(levels) if level == GOOD),
                    key=lambda index: merit.setdefault(people[index].member_id, rng.random())
                    + rng.random() * 0.05, reverse=True)
    for index in ranked:
        excellent = levels.count(EXCELLENT)
        # Within the cap: excellent ≤ 20% of those left at "hoàn thành tốt".
        if excellent + 1 > int(0.2 * (good - excellent - 1)):
            break
        levels[index] = EXCELLENT
    sick = [level == ADEQUATE and rng.random() < 0.1 for level in levels]
    if by_totals:
        rated = [level for level in levels if level is not None]
        set_totals(year, org_id, {
            "total_members": len(people), "rated": len(rated), "excellent": rated.count(EXCELLENT),
            "good": rated.count(GOOD), "adequate": rated.count(ADEQUATE),
            "failed": rated.count(FAILED), "not_rated": len(people) - len(rated)})
        return
    scores = [rng.randint(*SCORES[level]) if rules.uses_score and level else None for level in levels]
    rate_members(year, [(row.member_id, level, score, reason, ill) for row, level, score, reason, ill
                        in zip(people, levels, scores, reasons, sick, strict=True)])

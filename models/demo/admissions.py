"""Admission work for the demo database: targets for recent years and the congress term,
and cases at every step — all written through the same functions the app uses."""

import random
from datetime import date, timedelta

from models.admissions.cases import create_case, get_case, next_step
from models.admissions.steps import fail_probation, record_step, withdraw
from models.admissions.targets import admitted_count, set_target
from models.core import vocab as v
from models.core.dates import add_months
from models.core.workdays import working_day_from
from models.demo.names import FAMILY, GIVEN, MIDDLE
from models.members.tables import Member
from models.orgs.tree import grassroots_of, org_rows

STEP_VALUES = {
    "course": lambda day, n: {"course_from": day - timedelta(days=5), "course_to": day - timedelta(days=1),
                              "certificate_no": f"{n}/GCN", "certificate_date": day},
    "verified": lambda day, n: {"history_verified_on": day},
    "cell": lambda day, n: {"cell_resolution_no": f"{n}-NQ/CB", "cell_resolution_date": day,
                            "votes_for": 9, "votes_total": 10},
    "base": lambda day, n: {"base_resolution_no": f"{n}-NQ/ĐU", "base_resolution_date": day},
    "decision": lambda day, n: {"decision_no": f"{n}-QĐ/ĐUK", "decision_date": day},
    "ceremony": lambda day, n: {"ceremony_date": day},
}


def _targets(today: date) -> None:
    for year in (today.year - 1, today.year):
        actual_last = admitted_count(date(year - 1, 1, 1), date(year - 1, 12, 31))
        set_target(None, year, year, max(10, round(actual_last * 1.1)))
    start = today.year - 5
    term_actual = admitted_count(date(start, 1, 1), date(today.year - 1, 12, 31))
    set_target(None, start, today.year - 1, max(10, round(term_actual * 0.97)))
    grassroots = {row.id for row in grassroots_of().values()}
    for org_id in sorted(grassroots):
        done = admitted_count(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), org_id)
        set_target(org_id, today.year, today.year, max(1, round(done * 1.2)))


def _introducers(rng: random.Random, cell_id: int) -> list[int]:
    full = [row.id for row in Member.select(Member.id).where(
        (Member.org == cell_id) & (Member.membership == v.FULL) & Member.status.in_(v.COUNTED))]
    return rng.sample(full, min(2, len(full)))


def _person(rng: random.Random, cell_id: int, listed: date) -> dict:
    sex = "F" if rng.random() < 0.5 else "M"
    name = f"{rng.choice(FAMILY)[0]} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
    fields = {"full_name": name, "sex": sex, "org_id": cell_id, "listed_on": listed,
              "birth_date": listed - timedelta(days=rng.randint(21 * 365, 34 * 365)),
              "ethnicity": "Kinh" if rng.random() < 0.9 else "Tày",
              "youth_union": rng.random() < 0.7, "occupation": "Chuyên viên"}
    for index, member_id in enumerate(_introducers(rng, cell_id), start=1):
        fields[f"introducer{index}_id"] = member_id
        fields[f"introducer{index}_since"] = listed - timedelta(days=rng.randint(200, 1500))
    return fields


def build_admissions(rng: random.Random, today: date, count: int) -> int:
    """Targets, then `count` cases spread over every state; returns the cases made."""
    _targets(today)
    cells = [row for row in org_rows(include_dissolved=False) if row.level in v.CELLS]
    for number in range(1, count + 1):
        cell = rng.choice(cells)
        # How far along: 0–6 steps done (6: the ceremony), 7: already a full member; one in
        # twelve is a stalled case, listed long ago with only the course done.
        stage = rng.choices(range(8), weights=[2, 2, 2, 2, 2, 2, 4, 2])[0]
        stalled = number % 12 == 0
        if stalled:
            listed = today - timedelta(days=rng.randint(420, 600))
        elif stage == 7:
            listed = today - timedelta(days=rng.randint(700, 900))
        else:
            listed = today - timedelta(days=40 * stage + rng.randint(15, 40))
        case = create_case(_person(rng, cell.id, listed))
        day = listed
        done = 0
        while (step := next_step(get_case(case.id))) in STEP_VALUES:
            if stalled and done == 1 or not stalled and stage < 7 and done >= stage:
                break
            day = working_day_from(day + timedelta(days=rng.randint(25, 38)))  # offices sign on working days
            if day > today:
                break
            record_step(case.id, step, STEP_VALUES[step](day, number))
            done += 1
        case = get_case(case.id)
        review = working_day_from(add_months(case.ceremony_date, 12) + timedelta(days=10)) \
            if case.ceremony_date else None
        decided = review and working_day_from(review + timedelta(days=5))
        if stage == 7 and case.state == "PROBATION" and review and decided <= today:
            record_step(case.id, "full", {"review_date": review, "full_decision_no": f"{number}-QĐ/ĐUK",
                                          "full_decision_date": decided})
        elif case.state == "POOL" and rng.random() < 0.06:
            withdraw(case.id, min(today, listed + timedelta(days=90)), "Chuyển công tác khỏi đơn vị")
        elif case.state == "PROBATION" and rng.random() < 0.06:
            fail_probation(case.id, min(today, case.ceremony_date + timedelta(days=200)),
                           "Không giữ được tư cách đảng viên trong thời gian dự bị")
    return count

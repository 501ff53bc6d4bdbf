"""A realistic demo database: one bloc, its organisations, members with decades of history.

Organisations go through orgs.create_org (every rule checked); members and events are
written in bulk for speed, but every history is first run through the status machine
(lifecycle.replay), so the demo holds nothing the app itself would refuse.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from models.accounts.office import OfficeDetails, save_office_details
from models.core import clock
from models.core import vocab as v
from models.core.dates import add_months, fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import fold, name_sort_key
from models.demo.admissions import build_admissions
from models.demo.awards import build_awards, build_badges
from models.demo.dues import build_dues
from models.demo.inspections import build_inspections
from models.demo.meetings import build_meetings
from models.demo.names import (
    AGENCIES,
    COMMUNES,
    DISTRICTS,
    ETHNICITIES,
    EXTRA_FIELDS,
    EXTRA_KINDS,
    FAMILY,
    GIVEN,
    MIDDLE,
    OCCUPATIONS,
    PROFESSIONAL,
    REGIONS,
    THEORY,
    UNITS,
)
from models.demo.programme import build_main_targets, build_movements, build_residence
from models.demo.ratings import build_ratings, rating_years
from models.demo.returns import build_returns
from models.demo.workplan import build_workplan
from models.members.bulk import insert_members
from models.members.lifecycle import EventInput, replay
from models.members.tables import Member, MemberEvent
from models.orgs.changes import create_org, dissolve_org

BATCH = 400
LEFT_SHARE = 0.08  # members who have left, on top of the current ones
TEMP_IN_SHARE = 0.01
MIN_ORGS, MAX_ORGS = 1, 1000
MIN_MEMBERS, MAX_MEMBERS = 10, 150_000


# A training bloc as it stood on a day of the last years: the demo's fixed history (a cell
# dissolved in mid-2020, contact with the residence from 2020) lies before it.
EARLIEST_DAY = date(2021, 1, 1)


def check_demo_day(day: date) -> None:
    """The day a demo is built as of (`demo --today`): from EARLIEST_DAY up to the real today."""
    if not EARLIEST_DAY <= day <= clock.today():
        raise ValidationError("today", f"Ngày của dữ liệu mẫu ({fmt_date(day)}) phải từ "
                                       f"{fmt_date(EARLIEST_DAY)} đến hôm nay.")


@dataclass(frozen=True)
class DemoSize:
    orgs: int = 75
    members: int = 2700
    seed: int = 2026

    def __post_init__(self) -> None:
        if not MIN_ORGS <= self.orgs <= MAX_ORGS:
            raise ValidationError("orgs", f"Số tổ chức cơ sở đảng phải từ {MIN_ORGS} đến {MAX_ORGS}.")
        if not MIN_MEMBERS <= self.members <= MAX_MEMBERS:
            raise ValidationError("members", f"Số đảng viên phải từ {MIN_MEMBERS} đến "
                                             f"{MAX_MEMBERS:,}.".replace(",", "."))


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _agencies(count: int) -> list[tuple[str, str]]:
    agencies = list(AGENCIES)
    for field in EXTRA_FIELDS:
        for kind, org_type in EXTRA_KINDS:
            agencies.append((f"{kind} {field}", org_type))
    # A merged province's bloc: the same kinds of agency once per area (appended after the
    # names above, so the smaller demo databases stay as they were).
    for region in REGIONS:
        for field in EXTRA_FIELDS:
            for kind, org_type in EXTRA_KINDS:
                agencies.append((f"{kind} {field} {region}", org_type))
    if count > len(agencies):
        raise ValueError(f"demo has names for at most {len(agencies)} organisations")
    return agencies[:count]


def _grassroots_sizes(rng: random.Random, orgs: int, members: int) -> list[int]:
    """Member count per grassroots organisation: small chi bộ cơ sở, larger đảng bộ cơ sở."""
    cells = max(1, round(orgs * 0.45)) if orgs > 1 else 0
    sizes = [rng.randint(6, 24) for _ in range(cells)]
    rest = max(members - sum(sizes), 30 * (orgs - cells))
    weights = [rng.uniform(1, 4) for _ in range(orgs - cells)]
    big = [max(30, round(rest * w / sum(weights))) for w in weights]
    sizes += big
    rng.shuffle(sizes)
    return sizes


def _build_orgs(rng: random.Random, size: DemoSize) -> list[tuple[int, int]]:
    """Create the tree; return (cell id, how many members it should hold)."""
    save_office_details(OfficeDetails(
        bloc_name="Đảng ủy Khối các cơ quan tỉnh", superior_body="Đảng bộ tỉnh Quảng Ninh",
        code="ĐUK", place="Hạ Long", signer_name="Nguyễn Đức Thành", signer_title="Bí thư",
        inspection_chair="Trần Thị Hồng Vân",
    ))
    bloc = create_org(
        name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK", founded_on=date(1990, 3, 1)
    )
    placements = []
    sizes = _grassroots_sizes(rng, size.orgs, size.members)
    # The largest đảng bộ (and any of 150 members or more) has an intermediate committee over
    # half its cells, so every demo holds a tree three levels deep.
    deepest = max(range(len(sizes)), key=lambda index: sizes[index]) if sizes else -1
    for position, ((agency, org_type), members) in enumerate(zip(_agencies(size.orgs), sizes, strict=True)):
        founded = date(rng.randint(1976, 1985), rng.randint(1, 12), 1)
        if members < 30:
            cell = create_org(name=f"Chi bộ {agency}", level=v.CBCS, parent_id=bloc.id, code="CB",
                              agency=agency, org_type=org_type, founded_on=founded)
            placements.append((cell.id, members))
            continue
        base = create_org(name=f"Đảng bộ {agency}", level=v.DBCS, parent_id=bloc.id, code="ĐU",
                          agency=agency, org_type=org_type, founded_on=founded)
        cell_count = min(len(UNITS), max(2, members // 18))
        parent_of_cells = base.id
        for index, unit in enumerate(rng.sample(UNITS, cell_count)):
            if (members >= 150 or position == deepest) and index == cell_count // 2:
                parent_of_cells = create_org(
                    name="Đảng bộ bộ phận Khối chuyên môn", level=v.DBBP,
                    parent_id=base.id, founded_on=founded,
                ).id
            cell = create_org(name=f"Chi bộ {unit}", level=v.CBTT, parent_id=parent_of_cells,
                              founded_on=founded)
            share = members // cell_count + (1 if index < members % cell_count else 0)
            placements.append((cell.id, share))
    old = create_org(name="Chi bộ Ban Quản lý dự án số 2 (cũ)", level=v.CBCS, parent_id=bloc.id,
                     founded_on=date(2005, 1, 1))
    dissolve_org(old.id, date(2020, 6, 30))
    return placements


def _person(rng: random.Random, today: date) -> dict:
    sex = "F" if rng.random() < 0.46 else "M"
    name = f"{_weighted(rng, FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
    age_days = rng.randint(24 * 365, 60 * 365)
    return {
        "full_name": name, "name_folded": fold(name), "sort_key": name_sort_key(name),
        "sex": sex, "birth_date": today - timedelta(days=age_days),
        "ethnicity": _weighted(rng, ETHNICITIES),
        "religion": "Không" if rng.random() < 0.95 else "Phật giáo",
        "home_town": f"{rng.choice(COMMUNES)}, {rng.choice(DISTRICTS)}",
        "residence": f"Tổ {rng.randint(1, 60)}, {rng.choice(COMMUNES)}, {rng.choice(DISTRICTS)}",
        "education": "12/12",
        "professional_level": _weighted(rng, PROFESSIONAL),
        "political_theory": _weighted(rng, THEORY),
        "occupation": rng.choice(OCCUPATIONS),
    }


def _random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _history(rng, person, cell_id, other_cell, today, fate) -> tuple[list[EventInput], dict]:
    """Events of one member, and the card dates that go with them."""
    birth = person["birth_date"]
    admitted = _random_day(rng, add_months(birth, 12 * 20), min(today - timedelta(days=40),
                                                               add_months(birth, 12 * 40)))
    ceremony = admitted + timedelta(days=rng.randint(7, 28))
    full = add_months(ceremony, 12)
    full = full if full <= today - timedelta(days=7) else None
    if full and full > today - timedelta(days=60) and rng.random() < 0.3:
        full = None  # a probation review the cell has not held yet: overdue
    first_cell = other_cell() if rng.random() < 0.15 else cell_id
    events: list[EventInput] = []
    if fate == "temp_in":
        start = _random_day(rng, today - timedelta(days=300), today - timedelta(days=5))
        events.append(EventInput(v.TEMP_IN_START, start, cell_id, v.FULL if full else v.PROBATIONARY))
        return events, {"admission_date": admitted, "ceremony_date": ceremony, "full_member_date": full}
    if rng.random() < 0.75:
        entered = admitted
        events.append(EventInput(v.ADMITTED, admitted, first_cell))
    else:
        entered = _random_day(rng, admitted + timedelta(days=30), today - timedelta(days=20))
        membership = v.FULL if full and full <= entered else v.PROBATIONARY
        events.append(EventInput(v.TRANSFER_IN, entered, first_cell, membership))
    if full and full > entered:
        events.append(EventInput(v.RECOGNISED, full))
    if first_cell != cell_id:
        events.append(EventInput(v.MOVED, _random_day(rng, entered + timedelta(days=1), today), cell_id))
    events.sort(key=lambda e: e.date)
    last = events[-1].date
    if fate == "left":
        leaving = _random_day(rng, min(last + timedelta(days=1), today), today)
        events = [e for e in events if e.date < leaving] or events[:1]
        membership = v.FULL if any(e.kind == v.RECOGNISED for e in events) else None
        kind = _weighted(rng, [(v.TRANSFER_OUT, 60), (v.DECEASED_EVENT, 22), (v.STRUCK_OFF_EVENT, 12),
                               (v.RESIGNED_EVENT, 3), (v.EXPELLED_EVENT, 3)])
        if kind == v.EXPELLED_EVENT and membership != v.FULL:
            kind = v.STRUCK_OFF_EVENT
        events.append(EventInput(kind, max(leaving, events[-1].date)))
    elif fate == "current":
        roll = rng.random()
        if roll < 0.03 and (today - birth).days > 55 * 365:
            events.append(EventInput(v.EXEMPTED, _random_day(rng, last, today)))
        elif roll < 0.05:
            events.append(EventInput(v.TEMP_OUT_START, _random_day(rng, last, today)))
    return events, {"admission_date": admitted, "ceremony_date": ceremony, "full_member_date": full}


DESTINATIONS = ("Đảng bộ Khối Doanh nghiệp tỉnh", "Đảng bộ thành phố Hạ Long", "Đảng bộ thị xã Quảng Yên",
                "Đảng bộ huyện Vân Đồn", "Đảng bộ Quân sự tỉnh")


def _destination(kind: str, member_id: int) -> str:
    """Where a member transferred out went (the rules ask for it), or came from (the member sheet
    prints it beside the transfer); chosen by the record, not the random stream, so the rest of
    the demo stays as it was."""
    if kind not in (v.TRANSFER_OUT, v.TEMP_OUT_START, v.TRANSFER_IN, v.TEMP_IN_START):
        return ""
    return DESTINATIONS[member_id % len(DESTINATIONS)]


def _paper_number(rng: random.Random, kind: str, member_id: int) -> str:
    """The decision or letter an event was made by, as a clerk types it; an expulsion by the
    standing committee's decision (the form refuses one without)."""
    if kind in (v.ADMITTED, v.RECOGNISED, v.TRANSFER_IN, v.TRANSFER_OUT):
        return f"{rng.randint(1, 999)}-QĐ/ĐUK"
    if kind == v.TEMP_OUT_START:
        return f"{member_id % 97 + 1}-GGT/ĐUK"
    if kind == v.EXPELLED_EVENT:
        return f"{member_id % 89 + 1}-QĐ/ĐUK"
    return ""


PHASES = ["tổ chức đảng", "đảng viên và biến động", "hồ sơ kết nạp", "kiểm tra, giám sát",
          "đánh giá, xếp loại", "khen thưởng", "huy hiệu Đảng", "hội nghị, sinh hoạt",
          "báo cáo của tổ chức cơ sở", "sổ đảng phí"]


def build_demo(size: DemoSize, progress: Callable[[int, int, str], None] | None = None) -> dict:
    """Fill an empty, migrated database with a bloc as it stands on the clock's today (no record
    dated after it). Returns counts of what was made. `progress(step, steps, what)` hears of
    each phase as it begins."""

    def phase(number: int) -> None:
        if progress:
            progress(number, len(PHASES), PHASES[number])

    rng = random.Random(size.seed)
    today = clock.today()
    now = clock.now()
    with database.atomic():
        phase(0)
        placements = _build_orgs(rng, size)
        cells = [cell for cell, _ in placements]
        fates = [(cell, "current") for cell, count in placements for _ in range(count)]
        extra = round(len(fates) * LEFT_SHARE)
        fates += [(rng.choice(cells), "left") for _ in range(extra)]
        fates += [(rng.choice(cells), "temp_in") for _ in range(round(len(fates) * TEMP_IN_SHARE))]
        cards = rng.sample(range(10**8), len(fates))
        next_id = (Member.select(Member.id).order_by(Member.id.desc()).scalar() or 0) + 1
        next_event = (MemberEvent.select(MemberEvent.id).order_by(MemberEvent.id.desc()).scalar() or 0) + 1
        members, events = [], []
        phase(1)
        for index, (cell, fate) in enumerate(fates):
            person = _person(rng, today)
            history, card_dates = _history(rng, person, cell, lambda: rng.choice(cells), today, fate)
            states = replay(history)
            final = states[-1][1]
            member_id = next_id + index
            members.append({
                **person, **card_dates, "id": member_id,
                "card_number": f"{cards[index]:08d}" if card_dates["full_member_date"] else None,
                "dossier_number": f"{member_id:06d}QN",
                "org_id": final.org_id, "membership": final.membership, "status": final.status,
                "note": "", "other_name": "", "party_posts": "", "identity_number": None,
                "created_at": now, "updated_at": now,
            })
            for position, (ev, (before, after)) in enumerate(zip(history, states, strict=True)):
                events.append({
                    "id": next_event, "member_id": member_id, "kind": ev.kind, "date": ev.date,
                    "org_id": ev.org_id, "place": _destination(ev.kind, member_id), "note": "",
                    "created_at": now,
                    "membership": ev.membership, "position": position,
                    "decision_no": _paper_number(rng, ev.kind, member_id),
                    "org_before_id": before.org_id, "membership_before": before.membership,
                    "counted_before": before.counted, "org_after_id": after.org_id,
                    "membership_after": after.membership, "counted_after": after.counted,
                    "status_after": after.status,
                })
                next_event += 1
            if len(members) >= BATCH:
                insert_members(members, events)
        insert_members(members, events)
        phase(2)
        cases = build_admissions(rng, today, max(12, size.members // 80))
        build_main_targets(today)
        build_residence(today)
        build_movements(today)
        build_workplan(today)
        phase(3)
        build_inspections(rng, today)
        years = rating_years(today.year)
        phase(4)
        build_ratings(rng, years)
        phase(5)
        build_awards(rng, years)
        phase(6)
        build_badges(rng, today)
        phase(7)
        build_meetings(rng, today)
        phase(8)
        build_returns(random.Random(size.seed + 1), today)
        phase(9)
        build_dues(today)
    return {"cells": len(cells), "members": len(fates), "cases": cases}

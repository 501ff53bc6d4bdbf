"""Writing a planned import: every row in one transaction, or none. A cancel or a crash midway
leaves the database exactly as it was (SQLite rolls the transaction back)."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.accounts import session
from models.accounts.office import office_details
from models.core import clock
from models.core import vocab as v
from models.core.bulk import collector_paused, indexes_set_aside
from models.core.db import database
from models.core.excel import write_table
from models.core.text import fold
from models.members.bulk import insert_members
from models.members.events import record_event
from models.members.import_plan import (
    ADD,
    CARD_IN_REGISTRY,
    SAME_PERSON_IN_FILE,
    SAME_PERSON_IN_REGISTRY,
    SKIP,
    UPDATE,
    ImportPlan,
    PlannedRow,
    rematch_orgs,
)
from models.members.lifecycle import EventInput, replay
from models.members.record import get_member, member_fields, update_member
from models.members.tables import Member, MemberEvent
from models.orgs.changes import create_org, create_orgs
from models.orgs.tree import check_in_scope, org_rows

BATCH = 400


class ImportCancelled(Exception):
    """The clerk pressed cancel: the transaction is rolled back."""


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int
    refused: int  # rows with problems, never written


def _events_for(row: PlannedRow) -> list[EventInput]:
    fields = row.fields
    events = [EventInput(v.ADMITTED, fields["admission_date"], row.org_id)]
    if fields.get("full_member_date"):
        events.append(EventInput(v.RECOGNISED, fields["full_member_date"]))
    return events


@collector_paused()
def import_members(plan: ImportPlan, cards: str = SKIP, same_person: str = SKIP,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """`cards`: SKIP or UPDATE the record that has the card number; `same_person`: SKIP or ADD
    when name and birth date match a record (or an earlier row)."""
    session.require(session.WRITE_RECORDS)
    rows = plan.clean_rows
    for org_id in {row.org_id for row in rows}:
        check_in_scope(org_id)
    now = clock.now()
    created = updated = skipped = 0
    with database.atomic():
        next_id = (Member.select(Member.id).order_by(Member.id.desc()).scalar() or 0) + 1
        next_event = (MemberEvent.select(MemberEvent.id).order_by(MemberEvent.id.desc()).scalar() or 0) + 1
        members, events = [], []
        adding = {Member: len(rows), MemberEvent: 2 * len(rows)}  # the trail gains a batch per 1,000
        with indexes_set_aside(adding):
            for done, row in enumerate(rows, 1):
                if cancelled is not None and done % 50 == 0 and cancelled():
                    raise ImportCancelled
                if row.duplicate == CARD_IN_REGISTRY:
                    if cards == UPDATE:
                        # An update may record an event itself (a recognition): the rows prepared
                        # so far go in first, and the next ids are read again after it.
                        insert_members(members, events)
                        _update(row)
                        next_event = (MemberEvent.select(MemberEvent.id).order_by(MemberEvent.id.desc())
                                      .scalar() or 0) + 1
                        updated += 1
                    else:
                        skipped += 1
                    continue
                if row.duplicate in (SAME_PERSON_IN_REGISTRY, SAME_PERSON_IN_FILE) and same_person != ADD:
                    skipped += 1
                    continue
                next_event = _prepare(row, next_id, next_event, now, members, events)
                next_id += 1
                created += 1
                if len(members) >= BATCH:
                    insert_members(members, events)
                    if progress:
                        progress(done, len(rows))
            insert_members(members, events)
        if cancelled is not None and cancelled():
            raise ImportCancelled
    if progress:
        progress(len(rows), len(rows))
    return ImportResult(created, updated, skipped, len(plan.rows) - len(rows))


def _prepare(row: PlannedRow, member_id: int, event_id: int, now, members: list, events: list) -> int:
    """The row's member and its history as rows to insert (appended); returns the next event id."""
    history = _events_for(row)
    states = replay(history)
    final = states[-1][1]
    members.append({**row.fields, "id": member_id, "org_id": final.org_id, "membership": final.membership,
                    "status": final.status, "created_at": now, "updated_at": now})
    for position, (event, (before, after)) in enumerate(zip(history, states, strict=True)):
        events.append({
            "id": event_id, "member_id": member_id, "kind": event.kind, "date": event.date,
            "org_id": event.org_id, "place": "", "note": "Nhập từ Excel", "created_at": now,
            "membership": event.membership, "position": position, "decision_no": "",
            "org_before_id": before.org_id, "membership_before": before.membership,
            "counted_before": before.counted, "org_after_id": after.org_id,
            "membership_after": after.membership, "counted_after": after.counted,
            "status_after": after.status,
        })
        event_id += 1
    return event_id


def _update(row: PlannedRow) -> None:
    """The file's non-empty values over the record's. The history changes only where the file
    says a probationary member became a full member: the recognition is recorded on that date
    (a full date beside a dự bị state is refused), checked by the status machine like any."""
    member = get_member(row.existing_id)
    fields = member_fields(member)
    for key, value in row.fields.items():
        if key in fields and value not in (None, ""):
            fields[key] = value
    full = fields.get("full_member_date")
    if member.membership == v.PROBATIONARY and full is not None:
        record_event(member.id, v.RECOGNISED, full)
    update_member(member.id, fields)


def create_missing_orgs(plan: ImportPlan) -> int:
    """Make the cells the file names that the tree lacks: under their đảng bộ bộ phận and đảng
    bộ cơ sở (each made too when missing) or, without one, as grassroots organisations of the
    bloc — a đảng bộ cơ sở when the name says "Đảng bộ" (reported: "Đảng bộ Sở Tài chính" filed
    as a chi bộ cơ sở), whose members the plan then asks to be placed in a cell. Returns how
    many were made."""
    rows = org_rows()
    bloc = next((row for row in rows if row.level == v.BLOC), None)
    made = 0
    with database.atomic():
        if bloc is None:
            bloc_id = create_org(name=office_details().bloc_name or "Đảng bộ Khối", level=v.BLOC).id
            made += 1
        else:
            bloc_id = bloc.id
        live = [row for row in rows if not row.dissolved]
        grassroots = {fold(row.name): row.id for row in live if row.level == v.DBCS}
        units = {(row.parent_id, fold(row.name)): row.id for row in live if row.level == v.DBBP}
        wanted = sorted(plan.missing_orgs)
        # Level by level, each in one batch: the đảng bộ the file names that the tree lacks, then
        # the đảng bộ bộ phận under them, then every cell; each under the first spelling met.
        parents: dict[str, str] = {}
        for missing in wanted:
            if missing.parent and fold(missing.parent) not in grassroots:
                parents.setdefault(fold(missing.parent), missing.parent)
        made_parents = create_orgs([{"name": name, "level": v.DBCS, "parent_id": bloc_id}
                                    for name in parents.values()])
        grassroots.update(zip(parents, made_parents, strict=True))
        new_units: dict[tuple[int, str], str] = {}
        for missing in wanted:
            if missing.parent and missing.unit:
                key = (grassroots[fold(missing.parent)], fold(missing.unit))
                if key not in units:
                    new_units.setdefault(key, missing.unit)
        made_units = create_orgs([{"name": name, "level": v.DBBP, "parent_id": parent_id}
                                  for (parent_id, _folded), name in new_units.items()])
        units.update(zip(new_units, made_units, strict=True))
        # A committee named without its đảng bộ: the one of that name, if the tree has just one.
        named_units: dict[str, list[int]] = {}
        for (_parent_id, folded), unit_id in units.items():
            named_units.setdefault(folded, []).append(unit_id)
        cells = []
        for missing in wanted:
            if missing.parent:
                cells.append({"name": missing.cell, "level": v.CBTT,
                              "parent_id": _committee(missing, grassroots, units)})
            elif not missing.unit:
                cells.append({"name": missing.cell, "level": _grassroots_level(missing.cell),
                              "parent_id": bloc_id})
            elif len(named_units.get(fold(missing.unit), [])) == 1:
                cells.append({"name": missing.cell, "level": v.CBTT,
                              "parent_id": named_units[fold(missing.unit)][0]})
            # else: no committee of that name, or several: left for the clerk to place.
        made += len(made_parents) + len(made_units) + len(create_orgs(cells))
    return made


def _committee(missing, grassroots: dict[str, int], units: dict[tuple[int, str], int]) -> int:
    """The committee a missing cell goes under: its đảng bộ bộ phận if named, else its đảng bộ."""
    parent_id = grassroots[fold(missing.parent)]
    return units[(parent_id, fold(missing.unit))] if missing.unit else parent_id


def _grassroots_level(name: str) -> str:
    words = fold(name)
    return v.DBCS if words.startswith("dang bo ") and not words.startswith("dang bo bo phan") else v.CBCS


def rehearse_created_orgs(plan: ImportPlan) -> tuple[int, ImportPlan]:
    """What an import with its missing organisations created would take: the organisations made,
    the rows matched again, then everything undone (a dry run counts exactly what the real run
    will take; it said "0 dòng có thể nhập" where the real run took 299)."""
    with database.atomic() as transaction:
        made = create_missing_orgs(plan)
        plan = rematch_orgs(plan)
        transaction.rollback()
    return made, plan


def write_problems(path: Path, problems: list) -> Path:
    """Every problem of a file to import, as a workbook the clerk corrects the file from (the
    screen shows the first few: "… và 109 lỗi khác")."""
    rows = ([problem.row, problem.column, problem.value, problem.message] for problem in problems)
    return write_table(path, "CÁC LỖI CỦA TỆP NHẬP", f"{len(problems)} lỗi",
                       ["Dòng", "Cột", "Giá trị", "Lý do"], rows, [8, 22, 30, 70])

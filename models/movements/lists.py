"""The movements, their registrations and items as the window lists them."""

from dataclasses import dataclass
from datetime import date

from models.movements.tables import Movement, MovementEntry, MovementItem, SocialOrg
from models.orgs.tree import full_names


@dataclass(frozen=True)
class MovementRow:
    id: int
    name: str
    kind: str
    start_date: date
    end_date: date | None
    item_noun: str
    item_unit: str
    count_before: int
    note: str
    entries: int
    items: int
    completed: int


@dataclass(frozen=True)
class EntryRow:
    id: int
    name: str
    social: bool
    registered_on: date


@dataclass(frozen=True)
class ItemRow:
    id: int
    kind: str
    name: str
    org_id: int | None
    social_org_id: int | None
    by: str
    registered_on: date
    completed_on: date | None
    value: int | None


def movement_rows() -> list[MovementRow]:
    rows = []
    for m in Movement.select().order_by(Movement.start_date.desc(), Movement.id.desc()):
        items = list(MovementItem.select(MovementItem.completed_on).where(MovementItem.movement == m.id))
        rows.append(MovementRow(m.id, m.name, m.kind, m.start_date, m.end_date, m.item_noun, m.item_unit,
                                m.count_before, m.note,
                                MovementEntry.select().where(MovementEntry.movement == m.id).count(),
                                len(items), sum(i.completed_on is not None for i in items)))
    return rows


def _names() -> tuple[dict[int, str], dict[int, str]]:
    return (full_names(),  # a cell with its đảng bộ: many share a name
            dict(SocialOrg.select(SocialOrg.id, SocialOrg.name).tuples()))


def entry_rows(movement_id: int) -> list[EntryRow]:
    orgs, socials = _names()
    entries = MovementEntry.select().where(MovementEntry.movement == movement_id)
    rows = [EntryRow(e.id, orgs.get(e.org_id) if e.org_id else socials.get(e.social_org_id, ""),
                     e.social_org_id is not None, e.registered_on) for e in entries]
    return sorted(rows, key=lambda row: (row.social, row.name))


def item_rows(movement_id: int) -> list[ItemRow]:
    orgs, socials = _names()
    items = MovementItem.select().where(MovementItem.movement == movement_id).order_by(MovementItem.id)
    return [ItemRow(i.id, i.kind, i.name, i.org_id, i.social_org_id,
                    orgs.get(i.org_id) if i.org_id else socials.get(i.social_org_id, ""),
                    i.registered_on, i.completed_on, i.value) for i in items]

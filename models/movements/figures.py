"""The figures of the movements under way in a period (DOMAIN §10): who registered, items
registered and completed with their value, counts carried across years."""

from dataclasses import dataclass
from datetime import date

from models.core import vocab as v
from models.movements.tables import Movement, MovementEntry, MovementItem, SocialOrg
from models.movements.vocab import CONG_TRINH, MO_HINH
from models.orgs.tables import PartyOrg
from models.orgs.tree import grassroots_live_on, grassroots_of


@dataclass(frozen=True)
class MovementFigures:
    id: int
    name: str
    kind: str
    start_date: date
    item_noun: str
    item_unit: str
    grassroots_registered: int
    grassroots_total: int
    social_registered: int
    social_total: int
    cells_registered: int
    every_base_has_a_cell: bool  # each đảng bộ cơ sở has at least one of its cells registered
    items: dict[str, int]  # kind -> registered by the end of the period
    completed: dict[str, int]  # kind -> completed by the end of the period
    completed_value: int  # đồng, of the completed items
    new_in_year: int  # items registered in the period's year
    cumulative: int  # carried from before the records plus every item so far


def movement_figures(start: date, end: date) -> list[MovementFigures]:
    """Every movement under way in the period, in the order they began."""
    running = Movement.select().where((Movement.start_date <= end)
                                      & (Movement.end_date.is_null() | (Movement.end_date >= start)))
    base_ids = {row.id for row in grassroots_live_on(end)}
    parents = {org_id: owner.id for org_id, owner in grassroots_of().items()}  # a cell's grassroots org
    levels = dict(PartyOrg.select(PartyOrg.id, PartyOrg.level).tuples())
    socials = SocialOrg.select().where(SocialOrg.dissolved_on.is_null()
                                       | (SocialOrg.dissolved_on > end)).count()
    figures = []
    for movement in running.order_by(Movement.start_date, Movement.id):
        entries = list(MovementEntry.select().where((MovementEntry.movement == movement.id)
                                                    & (MovementEntry.registered_on <= end)))
        orgs = [e.org_id for e in entries if e.org_id is not None]
        cells = [o for o in orgs if levels.get(o) in (v.CBTT, v.CBCS)]
        bases_with_cell = {parents.get(o) for o in cells if levels.get(o) == v.CBTT}
        party_bases = {o for o in base_ids if levels.get(o) == v.DBCS}
        items = list(MovementItem.select().where((MovementItem.movement == movement.id)
                                                 & (MovementItem.registered_on <= end)))
        done = [i for i in items if i.completed_on is not None and i.completed_on <= end]
        figures.append(MovementFigures(
            movement.id, movement.name, movement.kind, movement.start_date, movement.item_noun,
            movement.item_unit,
            len({parents.get(o, o) for o in orgs} & base_ids), len(base_ids),
            sum(e.social_org_id is not None for e in entries), socials, len(set(cells)),
            bool(party_bases) and party_bases <= bases_with_cell,
            {kind: sum(i.kind == kind for i in items) for kind in (MO_HINH, CONG_TRINH)},
            {kind: sum(i.kind == kind for i in done) for kind in (MO_HINH, CONG_TRINH)},
            sum(i.value or 0 for i in done),
            sum(i.registered_on.year == end.year for i in items),
            movement.count_before + len(items)))
    return figures

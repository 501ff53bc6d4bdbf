"""The organisation tree (DOMAIN §1) as read: rows, tree order, grassroots of each
organisation, subtrees, and the organisations the signed-in user may work on."""

from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.core import vocab as v
from models.core.checks import stored_record
from models.core.dates import stored_date
from models.core.db import database
from models.core.errors import Forbidden
from models.core.read_once import read_once
from models.orgs.tables import PartyOrg


@dataclass(frozen=True)
class OrgRow:
    """What the tree and pickers show of one organisation."""

    id: int
    name: str
    level: str
    parent_id: int | None
    code: str
    org_type: str
    founded_on: date | None
    dissolved_on: date | None
    name_folded: str = ""  # stored with the name: sorting never folds again

    @property
    def dissolved(self) -> bool:
        return self.dissolved_on is not None


def get_org(org_id: int) -> PartyOrg:
    return stored_record(PartyOrg, org_id, "tổ chức đảng")


def org_rows(include_dissolved: bool = True) -> list[OrgRow]:
    return _org_rows(include_dissolved)


@read_once  # a report asks for the tree a dozen times
def _org_rows(include_dissolved: bool) -> list[OrgRow]:
    query = PartyOrg.select(
        PartyOrg.id, PartyOrg.name, PartyOrg.level, PartyOrg.parent, PartyOrg.code,
        PartyOrg.org_type, PartyOrg.founded_on, PartyOrg.dissolved_on, PartyOrg.name_folded,
    ).order_by(PartyOrg.name_folded, PartyOrg.id)
    if not include_dissolved:
        query = query.where(PartyOrg.dissolved_on.is_null())
    return [OrgRow(*row[:6], stored_date(row[6]), stored_date(row[7]), row[8])
            for row in database.execute(query).fetchall()]


def grassroots_live_on(day: date) -> list[OrgRow]:
    """Grassroots organisations that exist on the day: founded by then, not yet dissolved."""
    return [row for row in org_rows() if row.level in v.GRASSROOTS
            and not (row.dissolved_on and row.dissolved_on <= day)
            and not (row.founded_on and row.founded_on > day)]


_LEVEL_ORDER = {level: rank for rank, level in enumerate(v.ORG_LEVELS)}


def children_map(rows: list[OrgRow]) -> dict[int | None, list[OrgRow]]:
    """Children of each organisation: đảng bộ before chi bộ, then by name."""
    children: dict[int | None, list[OrgRow]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    for siblings in children.values():
        siblings.sort(key=lambda row: (_LEVEL_ORDER[row.level], row.name_folded, row.id))
    return children


def tree_order(rows: list[OrgRow]) -> list[tuple[int, OrgRow]]:
    """(depth, row) in tree order: each organisation followed by those under it.
    A row whose parent is not in `rows` (filtered out) starts a tree of its own."""
    children = children_map(rows)
    ids = {row.id for row in rows}
    ordered: list[tuple[int, OrgRow]] = []

    def walk(row: OrgRow, depth: int) -> None:
        ordered.append((depth, row))
        for child in children.get(row.id, []):
            walk(child, depth + 1)

    roots = [row for row in rows if row.parent_id is None or row.parent_id not in ids]
    for root in sorted(roots, key=lambda row: (_LEVEL_ORDER[row.level], row.name_folded)):
        walk(root, 0)
    return ordered


def tree_ranks(rows: list[OrgRow] | None = None) -> dict[int, int]:
    """Each organisation's place in the tree's order (grassroots, then its cells)."""
    rows = org_rows() if rows is None else rows
    return {row.id: position for position, (_depth, row) in enumerate(tree_order(rows))}


def grassroots_of(rows: list[OrgRow] | None = None) -> dict[int, OrgRow]:
    """For every organisation at or below grassroots level, its grassroots organisation."""
    by_id = {row.id: row for row in (rows if rows is not None else org_rows())}
    found: dict[int, OrgRow] = {}
    for org_id, row in by_id.items():
        current = row
        while current is not None and current.level not in v.GRASSROOTS:
            current = by_id.get(current.parent_id)
        if current is not None:
            found[org_id] = current
    return found


def name_chains(rows: list[OrgRow] | None = None) -> dict[int, list[str]]:
    """Each organisation's name followed by the names of the committees above it up to its đảng
    bộ cơ sở (["Chi bộ 1", "Đảng bộ bộ phận Phòng Kế hoạch", "Đảng bộ Sở Tài chính"]); a
    grassroots organisation and the bloc by their own name alone."""
    rows = org_rows() if rows is None else rows
    by_id = {row.id: row for row in rows}
    chains = {}
    for row in rows:
        chain = [row.name]
        owner = by_id.get(row.parent_id) if row.level not in (*v.GRASSROOTS, v.BLOC) else None
        while owner is not None and owner.level != v.BLOC:
            chain.append(owner.name)
            owner = None if owner.level in v.GRASSROOTS else by_id.get(owner.parent_id)
        chains[row.id] = chain
    return chains


def committees_above(rows: list[OrgRow] | None = None) -> dict[int, str]:
    """Each cell's committees up to its đảng bộ cơ sở ("Đảng bộ bộ phận Khối A, Đảng bộ Sở Y
    tế"), so twin cells of one đảng bộ are told apart in a list that shows the cell beside it;
    a grassroots organisation by its own name."""
    return {org_id: ", ".join(chain[1:]) or chain[0] for org_id, chain in name_chains(rows).items()}


def full_names(rows: list[OrgRow] | None = None) -> dict[int, str]:
    """Each organisation named so that a reader knows which it is — the one rule for every
    place a name is shown or printed: a grassroots organisation (and the bloc) by its own name,
    once; a cell or intermediate committee with every committee above it up to its đảng bộ
    cơ sở ("Chi bộ Phòng Thanh tra, Đảng bộ Sở Tư pháp"; "Chi bộ 1, Đảng bộ bộ phận Phòng Kế
    hoạch, Đảng bộ Sở Tài chính"): many cells share a name, also under one đảng bộ."""
    if rows is None:
        return _tree_full_names()
    return {org_id: ", ".join(chain) for org_id, chain in name_chains(rows).items()}


@read_once  # the quarterly dues books and the returns' status ask for them five times in a report
def _tree_full_names() -> dict[int, str]:
    return {org_id: ", ".join(chain) for org_id, chain in name_chains(org_rows()).items()}


def full_name_of(org_id: int) -> str:
    return full_names().get(org_id, "")


def grassroots_names() -> dict[int, str]:
    return {org_id: row.name for org_id, row in grassroots_of().items()}


def subtree_ids(org_id: int) -> set[int]:
    """The organisation and everything below it, dissolved ones included: one small query per
    level of the tree (four at most), not the whole tree for every call."""
    found, frontier = {org_id}, [org_id]
    while frontier:
        children = PartyOrg.select(PartyOrg.id).where(PartyOrg.parent.in_(frontier)).tuples()
        below = [child for (child,) in children if child not in found]
        found.update(below)
        frontier = below
    return found


def scope_ids() -> set[int] | None:
    """Organisations the current user may work on; None when not limited."""
    actor = session.current()
    if actor is None or actor.org_ids is None:
        return None
    allowed: set[int] = set()
    for org_id in actor.org_ids:
        allowed |= subtree_ids(org_id)
    return allowed


def check_in_scope(org_id: int) -> None:
    scope = scope_ids()
    if scope is not None and org_id not in scope:
        name = get_org(org_id).name  # a number no organisation has is said so (it was a traceback)
        raise Forbidden(f"Tài khoản này chỉ được làm việc với các tổ chức được giao, không gồm “{name}”.")


def cell_choices() -> list[OrgRow]:
    """Live cells, where a member can be placed."""
    return [row for row in org_rows(include_dissolved=False) if row.level in v.CELLS]

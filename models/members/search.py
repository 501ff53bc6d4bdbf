"""Finding members: one search box and a few filters, run in SQL on indexed columns.

The member list asks for the ordered ids that match a page at a time (the first 200, more as
it scrolls), for the display rows of the ids it is about to show, and, separately, for how
many match. A name search reads the index member_listing (migration 0024) in the list's
order, never the member rows: its first page at 100,000 members takes 0.1–8.5 ms.
"""

from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

from models.core import clock
from models.core import vocab as v
from models.core.dates import add_months
from models.core.db import database
from models.core.text import fold
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from models.orgs.tree import scope_ids, subtree_ids, tree_ranks

# Age bands as reports group them: label -> (lowest age, highest age) in whole years.
AGE_BANDS = {
    "≤ 30": (0, 30),
    "31 – 40": (31, 40),
    "41 – 50": (41, 50),
    "51 – 60": (51, 60),
    "61 – 70": (61, 70),
    "> 70": (71, 200),
}
STATE_GROUPS = {
    "current": "Đang sinh hoạt",
    "temp_in": "Sinh hoạt tạm thời tại đây",
    "moved_out": "Đã chuyển đi",
    "left": "Đã ra khỏi danh sách",
    "all": "Tất cả hồ sơ",
}
SORTABLE = ("name", "sex", "birth_date", "org", "membership", "status", "card_number")


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""
    org_id: int | None = None
    membership: str | None = None
    state: str = "current"
    sex: str | None = None
    age_band: str | None = None
    on: date | None = None  # the day ages are counted at; today when None


@dataclass(frozen=True)
class MemberRow:
    id: int
    full_name: str
    sex: str
    birth_date: date
    org_id: int | None
    org_name: str
    membership: str | None
    status: str | None
    card_number: str | None


def _where(flt: MemberFilter):
    condition = Member.id.is_null(False)
    words = fold(flt.text)
    if words:
        compact = words.replace(" ", "")
        match = Member.name_folded.contains(words)
        # Only a number typed looks at the card, identity and dossier (012345QN) numbers it may
        # begin: a name search then stays on the narrow index, never reading a member's row.
        if compact.isdigit():
            match |= Member.card_number.startswith(compact) | Member.identity_number.startswith(compact)
        if compact[0].isdigit() and len(compact) >= 3:
            match |= Member.dossier_number.startswith(compact.upper())
        condition &= match
    if flt.org_id is not None:
        condition &= Member.org.in_(sorted(subtree_ids(flt.org_id)))
    scope = scope_ids()
    if scope is not None:  # a user limited to some organisations sees only their members
        condition &= Member.org.in_(sorted(scope))
    if flt.membership:
        condition &= Member.membership == flt.membership
    if flt.state == "current":
        condition &= Member.status.in_(v.COUNTED)
    elif flt.state == "temp_in":
        condition &= Member.status == v.TEMP_IN
    elif flt.state == "moved_out":
        condition &= Member.status == v.TRANSFERRED_OUT
    elif flt.state == "left":
        condition &= Member.status.in_(v.LEFT)
    if flt.sex:
        condition &= Member.sex == flt.sex
    if flt.age_band:
        low, high = AGE_BANDS[flt.age_band]
        on = flt.on or clock.today()
        # Aged `low` or more: born on or before on − low years; at most `high`: after on − (high+1).
        condition &= (Member.birth_date <= add_months(on, -12 * low)) & (
            Member.birth_date > add_months(on, -12 * (high + 1))
        )
    return condition


def _order(sort: str, descending: bool):
    columns = {
        "name": [Member.sort_key],
        "sex": [Member.sex, Member.sort_key],
        "birth_date": [Member.birth_date, Member.sort_key],
        "membership": [Member.membership, Member.sort_key],
        "status": [Member.status, Member.sort_key],
        "card_number": [Member.card_number, Member.sort_key],
    }[sort]
    first = columns[0].desc() if descending else columns[0].asc()
    return [first, *columns[1:], Member.id]


def member_ids(flt: MemberFilter, sort: str = "name", descending: bool = False) -> list[int]:
    """Every matching id in the list's order."""
    return member_page(flt, sort, descending)


def member_page(flt: MemberFilter, sort: str = "name", descending: bool = False, offset: int = 0,
                limit: int | None = None, ranks: dict[int, int] | None = None) -> list[int]:
    """The matching ids from position `offset` on, at most `limit` of them (all without).
    Sorted by organisation, `ranks` (models.orgs.tree_ranks()) may be kept by the caller while the tree
    stays as it is: reading the tree is 20 ms a keystroke at 5,800 organisations."""
    condition = _where(flt)
    few = _few_matching(condition) if sort != "name" else None
    if few is not None:  # their rows found by id, not by walking another order's index
        condition = Member.id.in_(few)
    if sort == "org":
        ranks = ranks or tree_ranks()
        return _page_in_tree_order(condition, few is not None, descending, offset, limit, ranks)
    query = Member.select(Member.id).where(condition).order_by(*_order(sort, descending))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    # The cursor's rows as they come: peewee's per-row wrapping costs more than the query here.
    return [row[0] for row in database.execute(query).fetchall()]


# Up to how many matches sorting them all finds a page sooner than walking the order's index
# and reading rows until a page is full. Another order than the name's: SQLite walks that
# order's index and reads each row to test the name (223 ms at 100,000 members for 89 names
# matching "nguyen van d" by birth date), or reads the whole table (25 ms); by their ids, 3 ms.
# "nguy" matches 40% of the names: walked by birth date, 200 are found within 500 rows.
MANY = 2000


def _few_matching(condition) -> list[int] | None:
    """Every matching id when fewer than MANY match, else None: read off the list's index as
    far as MANY (1 ms when many match, the whole narrow index — 8 ms at 100,000 — when few)."""
    query = Member.select(Member.id).where(condition).limit(MANY)
    ids = [row[0] for row in database.execute(query).fetchall()]
    return ids if len(ids) < MANY else None


def matching_count(flt: MemberFilter) -> int:
    """How many members match: the list's count, asked apart from its pages."""
    return Member.select().where(_where(flt)).count()


def _page_in_tree_order(condition, few: bool, descending: bool, offset: int, limit: int | None,
                        rank: dict[int, int]) -> list[int]:
    """By organisation as the tree lists them (grassroots, then its cells), then by name.
    The tree order is not a column. When few match, they are read by name with their
    organisations and sorted here. When many do, the first page walks the tree reading each
    organisation's matches until the page is full; later pages count how many match in each
    organisation and read only those the page falls in. (Reading every match and sorting it
    took 0.3–0.8 s a keystroke at 100,000 members.) Members of no organisation come after the
    tree (before it, reversed), with those of an organisation the tree did not hold when
    `rank` was read."""
    if few:  # all of them by name, with their organisations
        pairs = database.execute(Member.select(Member.id, Member.org).where(condition)
                                 .order_by(Member.sort_key, Member.id)).fetchall()
        pairs.sort(key=lambda pair: rank.get(pair[1], len(rank)), reverse=descending)
        ids = [member_id for member_id, _org in pairs]
        return ids[offset:] if limit is None else ids[offset:offset + limit]
    if offset == 0 and limit is not None:
        walked = _walk_tree(condition, descending, limit, rank)
        if walked is not None:
            return walked
    # How many match in each organisation, grouped on the index by organisation.
    counts = dict(database.execute(Member.select(Member.org, fn.COUNT(Member.id)).where(condition)
                                   .group_by(Member.org)).fetchall())
    ranked = sorted((org for org in counts if org in rank), key=rank.__getitem__, reverse=descending)
    strays = [org for org in counts if org not in rank]
    groups = [([org], counts[org]) for org in ranked]
    if strays:
        group = (strays, sum(counts[org] for org in strays))
        groups = [group, *groups] if descending else [*groups, group]
    ids: list[int] = []
    start = 0
    for orgs, size in groups:
        wanted = None if limit is None else limit - len(ids)
        if wanted == 0:
            break
        if start + size > offset:
            ids += _ids_by_name(condition & _in_any(orgs), max(0, offset - start), wanted)
        start += size
    return ids


WALK_MOST = 100  # organisations read one by one before counting is the quicker way


def _walk_tree(condition, descending: bool, limit: int, rank: dict[int, int]) -> list[int] | None:
    """The first `limit` ids in the tree's order, reading the organisations in turn; None when
    WALK_MOST of them have not filled the page (the matches lie further down the tree)."""
    walk: list[int | None] = sorted(rank, key=rank.__getitem__, reverse=descending)
    walk = [None, *walk] if descending else [*walk, None]
    ids: list[int] = []
    for read, org in enumerate(walk):
        if read == WALK_MOST:
            return None
        ids += _ids_by_name(condition & _in_any([org]), 0, limit - len(ids))
        if len(ids) == limit:
            break
    return ids


def _in_any(orgs: list[int | None]):
    known = [org for org in orgs if org is not None]
    if not known:
        return Member.org.is_null()
    return Member.org.in_(known) | Member.org.is_null() if None in orgs else Member.org.in_(known)


def _ids_by_name(condition, offset: int, limit: int | None) -> list[int]:
    query = Member.select(Member.id).where(condition).order_by(Member.sort_key, Member.id).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [row[0] for row in database.execute(query).fetchall()]


def member_rows(ids: list[int]) -> dict[int, MemberRow]:
    """Display rows for the given ids (at most a few hundred at a time)."""
    if not ids:
        return {}
    query = (
        Member.select(
            Member.id, Member.full_name, Member.sex, Member.birth_date, Member.org, PartyOrg.name,
            Member.membership, Member.status, Member.card_number,
        )
        .join(PartyOrg, JOIN.LEFT_OUTER, on=(Member.org == PartyOrg.id))
        .where(Member.id.in_(ids))
        .tuples()
    )
    return {row[0]: MemberRow(*row[:5], row[5] or "", *row[6:]) for row in query}

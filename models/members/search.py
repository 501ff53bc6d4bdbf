"""Finding members: one search box and a few filters, run in SQL on indexed columns.

The member list asks for the ordered ids that match a page at a time (the first 200, more as
it scrolls), for the display rows of the ids it is about to show, and, separately, for how
many match. A name search reads the index member_listing (migration 0024) in the list's
order, never the member rows: its first page at 100,000 members takes 0.1–8.5 ms.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

from models.core import clock
from models.core import vocab as v
from models.core.dates import add_months
from models.core.db import database, engine
from models.core.text import fold
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from models.orgs.tree import org_rows, scope_ids, subtree_ids, tree_order

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


def _order(sort: str, descending: bool, narrowed: bool = False):
    columns = {
        "name": [Member.sort_key],
        "sex": [Member.sex, Member.sort_key],
        "birth_date": [Member.birth_date, Member.sort_key],
        "membership": [Member.membership, Member.sort_key],
        "status": [Member.status, Member.sort_key],
        "card_number": [Member.card_number, Member.sort_key],
    }[sort]
    first = columns[0]
    if narrowed and sort != "name" and engine() == "sqlite":
        # A name searched for and another order: SQLite would walk that order's index and read
        # every member's row to test the name (223 ms at 100,000 for a name sorted by birth
        # date). Ordered by the column as text (the same order: dates are stored as ISO text)
        # it finds the matches on the narrow index first and sorts only them (37 ms).
        first = first.concat("")
    first = first.desc() if descending else first.asc()
    return [first, *columns[1:], Member.id]


def member_ids(flt: MemberFilter, sort: str = "name", descending: bool = False) -> list[int]:
    """Every matching id in the list's order."""
    return member_page(flt, sort, descending)


def member_page(flt: MemberFilter, sort: str = "name", descending: bool = False, offset: int = 0,
                limit: int | None = None, ranks: dict[int, int] | None = None) -> list[int]:
    """The matching ids from position `offset` on, at most `limit` of them (all without).
    Sorted by organisation, `ranks` (tree_ranks()) may be kept by the caller while the tree
    stays as it is: reading the tree is 20 ms a keystroke at 5,800 organisations."""
    if sort == "org":
        return _page_in_tree_order(flt, descending, offset, limit, ranks or tree_ranks())
    narrowed = len(fold(flt.text).replace(" ", "")) >= 3  # one or two letters match most names
    query = Member.select(Member.id).where(_where(flt)).order_by(*_order(sort, descending, narrowed))
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    # The cursor's rows as they come: peewee's per-row wrapping costs more than the query here.
    return [row[0] for row in database.execute(query).fetchall()]


def matching_count(flt: MemberFilter) -> int:
    """How many members match: the list's count, asked apart from its pages."""
    return Member.select().where(_where(flt)).count()


def tree_ranks() -> dict[int, int]:
    """Each organisation's place in the tree's order (grassroots, then its cells)."""
    return {row.id: position for position, (_depth, row) in enumerate(tree_order(org_rows()))}


def _page_in_tree_order(flt: MemberFilter, descending: bool, offset: int, limit: int | None,
                        rank: dict[int, int]) -> list[int]:
    """By organisation as the tree lists them (grassroots, then its cells), then by name.
    The tree order is not a column: how many match in each organisation is counted on the
    index (org_id, …), and only the organisations the page falls in are read, each by name.
    (Reading every match and sorting it here took 0.3–0.8 s a keystroke at 100,000 members.)
    Members of no organisation, or of one the tree does not hold, come together after the
    tree (before it, reversed)."""
    condition = _where(flt)
    if fold(flt.text):
        # The organisations of the matches, counted here: grouped in SQL, SQLite would walk the
        # index by organisation and read each member's row for the name (migration 0027).
        counts = Counter(org for (org,) in database.execute(Member.select(Member.org).where(condition)))
    else:  # without a name, grouping reads the index by organisation alone
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
            known = [org for org in orgs if org is not None]
            in_group = Member.org.in_(known) if known else Member.org.is_null()
            if None in orgs and known:
                in_group |= Member.org.is_null()
            query = (Member.select(Member.id).where(condition & in_group)
                     .order_by(Member.sort_key, Member.id).offset(max(0, offset - start)))
            if wanted is not None:
                query = query.limit(wanted)
            ids += [row[0] for row in database.execute(query).fetchall()]
        start += size
    return ids


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

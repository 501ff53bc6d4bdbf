"""What an organisation holds: its members now, and the warnings of DOMAIN §1 about its size."""

from peewee import fn

from models.core import vocab as v
from models.core.db import database
from models.members.tables import Member
from models.orgs.tree import get_org


def current_member_count(org_id: int) -> int:
    """Members whose record is in this organisation now: counted or here temporarily."""
    return Member.select().where(
        (Member.org == org_id) & Member.status.not_in(v.LEFT)
    ).count()


def member_counts() -> dict[int, dict[str, int]]:
    """Per organisation: current members by membership ('PROBATIONARY', 'FULL', 'TEMP_IN')."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Member.select(Member.org, Member.membership, Member.status, fn.COUNT(Member.id))
        .where(Member.status.not_in(v.LEFT) & Member.org.is_null(False))
        .group_by(Member.org, Member.membership, Member.status)
    )
    # The cursor's rows as they come: peewee's wrapping of 10,000 groups cost more than the query.
    for org_id, membership, status, count in database.execute(rows).fetchall():
        bucket = counts.setdefault(org_id, {v.PROBATIONARY: 0, v.FULL: 0, v.TEMP_IN: 0})
        bucket[v.TEMP_IN if status == v.TEMP_IN else membership] += count
    return counts


def org_warnings(org_id: int) -> list[str]:
    """Plain-language warnings about one organisation (DOMAIN §1 rules); never blocking."""
    org = get_org(org_id)
    if org.dissolved_on or org.level not in v.CELLS:
        return []
    counts = member_counts().get(org.id, {v.PROBATIONARY: 0, v.FULL: 0, v.TEMP_IN: 0})
    official = counts[v.PROBATIONARY] + counts[v.FULL]
    warnings = []
    if org.level == v.CBCS and official >= v.GRASSROOTS_CELL_LIMIT:
        warnings.append(_size_words(org.name, official))
    if counts[v.FULL] < 3:
        warnings.append(
            f"Chi bộ chỉ có {counts[v.FULL]} đảng viên chính thức; cần ít nhất 3 (Điều lệ Đảng)."
        )
    return warnings


def _size_words(name: str, official: int) -> str:
    return (
        f"“{name}” là chi bộ cơ sở nay có {official} đảng viên (từ {v.GRASSROOTS_CELL_LIMIT} "
        "trở lên): đủ điều kiện lập đảng bộ cơ sở."
    )


def size_warning(org_id: int | None) -> str | None:
    """The warning due when a chi bộ cơ sở has reached 30 members, else None."""
    if org_id is None:
        return None
    org = get_org(org_id)
    if org.level != v.CBCS or org.dissolved_on:
        return None
    counts = member_counts().get(org.id, {})
    official = counts.get(v.PROBATIONARY, 0) + counts.get(v.FULL, 0)
    return _size_words(org.name, official) if official >= v.GRASSROOTS_CELL_LIMIT else None

"""The organisation tree (DOMAIN §1): add, edit, move, dissolve; tree queries and warnings."""

from dataclasses import dataclass
from datetime import date, datetime

from peewee import fn

from models import session
from models import vocab as v
from models.audit import log_insert, log_update, values_of
from models.dates import check_plausible, fmt_date
from models.db import database
from models.errors import Forbidden, NotFound, ValidationError
from models.tables import Member, MemberEvent, PartyOrg
from models.text import clean, clean_multiline, fold

NAME_MAX = 200
CODE_MAX = 12


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

    @property
    def dissolved(self) -> bool:
        return self.dissolved_on is not None


def get_org(org_id: int) -> PartyOrg:
    org = PartyOrg.get_or_none(PartyOrg.id == org_id)
    if org is None:
        raise NotFound(f"Không tìm thấy tổ chức đảng số {org_id}.")
    return org


def org_rows(include_dissolved: bool = True) -> list[OrgRow]:
    query = PartyOrg.select(
        PartyOrg.id, PartyOrg.name, PartyOrg.level, PartyOrg.parent, PartyOrg.code,
        PartyOrg.org_type, PartyOrg.founded_on, PartyOrg.dissolved_on,
    ).order_by(PartyOrg.name_folded, PartyOrg.id)
    if not include_dissolved:
        query = query.where(PartyOrg.dissolved_on.is_null())
    return [OrgRow(*row) for row in query.tuples()]


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
        siblings.sort(key=lambda row: (_LEVEL_ORDER[row.level], fold(row.name), row.id))
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
    for root in sorted(roots, key=lambda row: (_LEVEL_ORDER[row.level], fold(row.name))):
        walk(root, 0)
    return ordered


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


def grassroots_names() -> dict[int, str]:
    return {org_id: row.name for org_id, row in grassroots_of().items()}


def subtree_ids(org_id: int) -> set[int]:
    """The organisation and everything below it, dissolved ones included."""
    children = children_map(org_rows())
    found, stack = set(), [org_id]
    while stack:
        current = stack.pop()
        if current in found:
            continue
        found.add(current)
        stack.extend(row.id for row in children.get(current, []))
    return found


def _validated(fields: dict, org: PartyOrg | None) -> dict:
    name = clean(fields.get("name", org.name if org else ""))
    if not name:
        raise ValidationError("name", "Nhập tên tổ chức đảng.")
    if len(name) > NAME_MAX:
        raise ValidationError("name", f"Tên tổ chức dài quá {NAME_MAX} ký tự.")
    level = fields.get("level", org.level if org else None)
    if level not in v.ORG_LEVELS:
        raise ValidationError("level", "Chọn cấp của tổ chức đảng.")
    code = clean(fields.get("code", org.code if org else "")).upper()
    if len(code) > CODE_MAX or " " in code:
        raise ValidationError("code", f"Ký hiệu viết liền, tối đa {CODE_MAX} ký tự (ví dụ ĐU, CB).")
    org_type = fields.get("org_type", org.org_type if org else "") or ""
    if org_type and org_type not in v.ORG_TYPES:
        raise ValidationError("org_type", "Chọn loại hình cơ quan, đơn vị.")
    founded_on = fields.get("founded_on", org.founded_on if org else None)
    check_plausible(founded_on, "founded_on", "Ngày thành lập")
    return {
        "name": name,
        "name_folded": fold(name),
        "level": level,
        "code": code,
        "agency": clean(fields.get("agency", org.agency if org else "")),
        "org_type": org_type,
        "founded_on": founded_on,
        "note": clean_multiline(fields.get("note", org.note if org else "")),
    }


def _check_parent(level: str, parent: PartyOrg | None, org_id: int | None) -> None:
    allowed = v.ALLOWED_PARENTS[level]
    if not allowed:
        if parent is not None:
            raise ValidationError("parent", "Đảng bộ Khối là cấp cao nhất, không có tổ chức cấp trên.")
        others = PartyOrg.select().where(
            (PartyOrg.level == v.BLOC) & PartyOrg.dissolved_on.is_null()
        )
        if org_id is not None:
            others = others.where(PartyOrg.id != org_id)
        if others.exists():
            raise ValidationError("level", "Đã có Đảng bộ Khối; chỉ có một Đảng bộ Khối.")
        return
    if parent is None:
        names = " hoặc ".join(v.ORG_LEVELS[p] for p in allowed)
        raise ValidationError("parent", f"{v.ORG_LEVELS[level]} phải trực thuộc {names}.")
    if parent.level not in allowed:
        names = " hoặc ".join(v.ORG_LEVELS[p] for p in allowed)
        raise ValidationError(
            "parent",
            f"{v.ORG_LEVELS[level]} phải trực thuộc {names}, "
            f"không thể trực thuộc {v.ORG_LEVELS[parent.level].lower()} “{parent.name}”.",
        )
    if parent.dissolved_on:
        raise ValidationError("parent", f"“{parent.name}” đã giải thể ngày {fmt_date(parent.dissolved_on)}.")


def _check_unique_name(name_folded: str, parent_id: int | None, org_id: int | None) -> None:
    same = PartyOrg.select().where(
        (PartyOrg.name_folded == name_folded)
        & PartyOrg.dissolved_on.is_null()
        & (PartyOrg.parent.is_null() if parent_id is None else PartyOrg.parent == parent_id)
    )
    if org_id is not None:
        same = same.where(PartyOrg.id != org_id)
    if same.exists():
        raise ValidationError("name", "Đã có tổ chức cùng tên trong cùng cấp trên.")


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
        name = PartyOrg.get_by_id(org_id).name
        raise Forbidden(f"Tài khoản này chỉ được làm việc với các tổ chức được giao, không gồm “{name}”.")


def _require_tree_rights() -> None:
    actor = session.require(session.WRITE_RECORDS)
    if actor.org_ids is not None:
        raise Forbidden("Tài khoản chỉ được giao một số tổ chức thì không sửa được cây tổ chức của Đảng bộ.")


def create_org(**fields) -> PartyOrg:
    _require_tree_rights()
    data = _validated(fields, None)
    parent_id = fields.get("parent_id")
    parent = get_org(parent_id) if parent_id else None
    with database.atomic():
        _check_parent(data["level"], parent, None)
        _check_unique_name(data["name_folded"], parent_id, None)
        org = PartyOrg.create(parent=parent, **data)
        log_insert(org)
        return org


def update_org(org_id: int, **fields) -> PartyOrg:
    """Edit name, code, level, type, dates, note. Moving to another parent is move_org()."""
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        before = values_of(org)
        data = _validated(fields, org)
        parent = org.parent
        if data["level"] != org.level:
            _check_parent(data["level"], parent, org.id)
            _check_level_fits_contents(org, data["level"])
        _check_unique_name(data["name_folded"], org.parent_id, org.id)
        if org.dissolved_on and data["founded_on"] and data["founded_on"] > org.dissolved_on:
            raise ValidationError("founded_on", "Ngày thành lập ở sau ngày giải thể.")
        for key, value in data.items():
            setattr(org, key, value)
        _save(org, before)
        return org


def _check_level_fits_contents(org: PartyOrg, level: str) -> None:
    for child in PartyOrg.select().where(PartyOrg.parent == org.id):
        if level not in v.ALLOWED_PARENTS[child.level]:
            raise ValidationError(
                "level",
                f"Không đổi được cấp: “{child.name}” ({v.ORG_LEVELS[child.level].lower()}) "
                f"không thể trực thuộc {v.ORG_LEVELS[level].lower()}.",
            )
    if level not in v.CELLS and current_member_count(org.id):
        raise ValidationError(
            "level",
            f"Không đổi được cấp: “{org.name}” đang có đảng viên sinh hoạt; đảng viên chỉ "
            "sinh hoạt ở chi bộ. Chuyển đảng viên sang chi bộ khác trước.",
        )


def move_org(org_id: int, new_parent_id: int) -> PartyOrg:
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        before = values_of(org)
        parent = get_org(new_parent_id)
        if new_parent_id in subtree_ids(org.id):
            raise ValidationError("parent", "Không thể chuyển một tổ chức vào chính nó hoặc cấp dưới của nó.")
        _check_parent(org.level, parent, org.id)
        _check_unique_name(org.name_folded, parent.id, org.id)
        org.parent = parent
        _save(org, before)
        return org


def current_member_count(org_id: int) -> int:
    """Members whose record is in this organisation now: counted or here temporarily."""
    return Member.select().where(
        (Member.org == org_id) & Member.status.not_in(v.LEFT)
    ).count()


def dissolve_org(org_id: int, on: date) -> PartyOrg:
    """Mark dissolved; history stays. Refused while members or live sub-organisations remain."""
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        before = values_of(org)
        if on is None:
            raise ValidationError("dissolved_on", "Nhập ngày giải thể.")
        check_plausible(on, "dissolved_on", "Ngày giải thể")
        if org.dissolved_on:
            raise ValidationError(
                "dissolved_on", f"“{org.name}” đã giải thể ngày {fmt_date(org.dissolved_on)}."
            )
        if org.founded_on and on < org.founded_on:
            raise ValidationError("dissolved_on", "Ngày giải thể ở trước ngày thành lập.")
        live = PartyOrg.select().where((PartyOrg.parent == org.id) & PartyOrg.dissolved_on.is_null())
        if live.exists():
            names = ", ".join(child.name for child in live.limit(3))
            raise ValidationError(
                "dissolved_on",
                f"“{org.name}” còn tổ chức trực thuộc chưa giải thể ({names}…). "
                "Giải thể hoặc chuyển chúng sang nơi khác trước.",
            )
        members = current_member_count(org.id)
        if members:
            raise ValidationError(
                "dissolved_on",
                f"“{org.name}” còn {members} đảng viên. Chuyển sinh hoạt cho các đảng viên "
                "sang chi bộ khác trước khi giải thể.",
            )
        later = MemberEvent.select().where((MemberEvent.org_after == org.id) & (MemberEvent.date > on))
        if later.exists():
            raise ValidationError(
                "dissolved_on",
                "Có biến động đảng viên của tổ chức này sau ngày giải thể đã nhập; kiểm tra lại ngày.",
            )
        org.dissolved_on = on
        _save(org, before)
        return org


def _save(org: PartyOrg, before: dict) -> None:
    """Write and audit the organisation, unless the form changed nothing."""
    if values_of(org) == before:
        return
    org.updated_at = datetime.now()
    org.save()
    log_update(org, before)


def member_counts() -> dict[int, dict[str, int]]:
    """Per organisation: current members by membership ('PROBATIONARY', 'FULL', 'TEMP_IN')."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Member.select(Member.org, Member.membership, Member.status, fn.COUNT(Member.id))
        .where(Member.status.not_in(v.LEFT) & Member.org.is_null(False))
        .group_by(Member.org, Member.membership, Member.status)
        .tuples()
    )
    for org_id, membership, status, count in rows:
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


def cell_choices() -> list[OrgRow]:
    """Live cells, where a member can be placed."""
    return [row for row in org_rows(include_dissolved=False) if row.level in v.CELLS]


def org_names() -> dict[int, str]:
    return dict(PartyOrg.select(PartyOrg.id, PartyOrg.name).tuples())


"""Changes to the organisation tree (DOMAIN §1): add, edit, move, dissolve, each checked
against the levels of the Party Charter and audited."""

from datetime import date

from peewee import fn

from models.accounts import session
from models.accounts.audit import check_version, log_bulk_inserts, log_insert, log_update, values_of
from models.core import clock
from models.core import vocab as v
from models.core.bulk import insert_rows
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import Forbidden, ValidationError
from models.core.text import checked_multiline, clean, fold
from models.members.tables import MemberEvent
from models.orgs.contents import current_member_count
from models.orgs.tables import PartyOrg
from models.orgs.tree import get_org, subtree_ids

NAME_MAX = 200


CODE_MAX = 12


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
        "note": checked_multiline(fields.get("note", org.note if org else ""), "note", "Ghi chú"),
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


def create_orgs(new: list[dict]) -> list[int]:
    """Many organisations at once, under parents that exist (an import's missing cells: 1,810 of
    them took 5 s one by one at 100,000 members). Each is checked as create_org checks it —
    its fields, its parent's level, its name unique under the parent, in the tree and within
    the list — and the whole list goes in, audited, or nothing does. Returns the new ids."""
    _require_tree_rights()
    if not new:
        return []
    datas = [_validated(fields, None) for fields in new]
    parent_ids = sorted({fields["parent_id"] for fields in new if fields.get("parent_id")})
    with database.atomic():
        parents = {org.id: org for org in PartyOrg.select().where(PartyOrg.id.in_(parent_ids))}
        for parent_id in parent_ids:
            if parent_id not in parents:
                get_org(parent_id)  # says which is missing, as create_org does
        taken = set(PartyOrg.select(PartyOrg.parent, PartyOrg.name_folded)
                    .where(PartyOrg.parent.in_(parent_ids) & PartyOrg.dissolved_on.is_null()).tuples())
        now, next_id = clock.now(), (PartyOrg.select(fn.MAX(PartyOrg.id)).scalar() or 0) + 1
        rows = []
        for fields, data in zip(new, datas, strict=True):
            parent = parents.get(fields.get("parent_id"))
            _check_parent(data["level"], parent, None)
            place = (parent.id if parent else None, data["name_folded"])
            if place in taken:
                raise ValidationError("name", f"Đã có tổ chức cùng tên “{data['name']}” trong cùng cấp trên.")
            taken.add(place)
            rows.append({"id": next_id, **data, "parent_id": place[0], "dissolved_on": None, "version": 1,
                         "created_at": now, "updated_at": now})
            next_id += 1
        insert_rows(PartyOrg, rows)
        log_bulk_inserts(PartyOrg._meta.table_name, rows)
    return [row["id"] for row in rows]


def update_org(org_id: int, seen_version: int | None = None, **fields) -> PartyOrg:
    """Edit name, code, level, type, dates, note. Moving to another parent is move_org().
    `seen_version`: the version the form read; a record saved since is not overwritten."""
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        check_version(org, seen_version)
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


def dissolve_org(org_id: int, on: date) -> PartyOrg:
    """Mark dissolved; history stays. Refused while members or live sub-organisations remain."""
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        before = values_of(org)
        if on is None:
            raise ValidationError("dissolved_on", "Nhập ngày giải thể.")
        if org.dissolved_on:
            raise ValidationError(
                "dissolved_on", f"“{org.name}” đã giải thể ngày {fmt_date(org.dissolved_on)}."
            )
        _check_dissolution_day(org, on)
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
        org.dissolved_on = on
        _save(org, before)
        return org


def _check_dissolution_day(org: PartyOrg, on: date) -> None:
    """A day an organisation can have been dissolved on: a real day, not before it was founded,
    and not before a member came to it or left it (they would have been in a dissolved body)."""
    check_plausible(on, "dissolved_on", "Ngày giải thể")
    if org.founded_on and on < org.founded_on:
        raise ValidationError("dissolved_on", "Ngày giải thể ở trước ngày thành lập.")
    touching = (MemberEvent.org_before == org.id) | (MemberEvent.org_after == org.id)
    last = MemberEvent.select(fn.MAX(MemberEvent.date)).where(touching).scalar()
    if last is not None and last > on:
        raise ValidationError("dissolved_on", f"“{org.name}” có biến động đảng viên ngày {fmt_date(last)}, "
                                              f"sau ngày giải thể {fmt_date(on)}; kiểm tra lại ngày.")


def redate_dissolution(org_id: int, on: date | None) -> PartyOrg:
    """Put right the day of a dissolution typed wrong, or take it back (`on` None) when the
    decision that dissolved the organisation was recorded against the wrong one."""
    _require_tree_rights()
    with database.atomic():
        org = get_org(org_id)
        before = values_of(org)
        if org.dissolved_on is None:
            raise ValidationError("dissolved_on", f"“{org.name}” chưa giải thể.")
        if on is None:
            parent = org.parent
            if parent is not None and parent.dissolved_on is not None:
                raise ValidationError("dissolved_on", f"Tổ chức cấp trên “{parent.name}” đã giải thể ngày "
                                                      f"{fmt_date(parent.dissolved_on)}.")
        else:
            _check_dissolution_day(org, on)
        org.dissolved_on = on
        _save(org, before)
        return org


def _save(org: PartyOrg, before: dict) -> None:
    """Write and audit the organisation, unless the form changed nothing."""
    if values_of(org) == before:
        return
    org.updated_at = clock.now()
    org.save()
    log_update(org, before)

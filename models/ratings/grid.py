"""Entering the annual quality rating (DOMAIN §4) — member by member, organisation by
organisation, or as the totals a grassroots organisation reports — and checking the year."""

from dataclasses import dataclass
from datetime import date
from math import floor

from models.accounts import session
from models.accounts.audit import insert_logged, log_delete, log_insert, save_changes
from models.core import clock
from models.core import vocab as v
from models.core.checks import whole_number, year_in
from models.core.db import database
from models.core.errors import ValidationError
from models.members.counts import members_at
from models.members.record import get_member
from models.members.tables import Member
from models.orgs.tree import check_in_scope, get_org, grassroots_of, org_rows, subtree_ids
from models.ratings.rules import EXCELLENT, GOOD, NOT_RATED_REASONS, rules_for
from models.ratings.tables import MemberRating, OrgRating, RatingTotals

TOTAL_FIELDS = {"total_members": "Tổng số đảng viên", "rated": "Số được đánh giá",
                "excellent": "Hoàn thành xuất sắc", "good": "Hoàn thành tốt (không kể xuất sắc)",
                "adequate": "Hoàn thành", "failed": "Không hoàn thành", "not_rated": "Chưa đánh giá"}


def rating_year(year: int) -> int:
    """The year of a rating: one that has begun (a year to come has no one to rate yet)."""
    return year_in(year, "year", "Năm đánh giá", 1990, clock.today().year)


def _validated(year: int, levels: dict, level, score, reason) -> tuple:
    rules = rules_for(year)
    if score is not None:
        if not rules.uses_score:
            raise ValidationError("score", f"Năm {year} chưa chấm điểm theo thang 100 điểm.")
        score = whole_number(score, "score", "Điểm", 0, 100)
        level = level or rules.level_for_score(score)
    if level is not None and reason is not None:
        raise ValidationError("level", "Đã xếp loại thì không ghi lý do chưa đánh giá.")
    if level is not None and level not in levels:
        raise ValidationError("level", f"Mức “{level}” không có trong quy định năm {year}.")
    if reason is not None and reason not in NOT_RATED_REASONS:
        raise ValidationError("reason", "Chọn lý do chưa đánh giá.")
    return level, score, reason


def _upsert(model, key: dict, values: dict, row=...) -> None:
    """Insert, change or (when every value is None) delete the row at `key`; `row` may be
    given when the caller already looked it up."""
    if row is ...:
        row = model.get_or_none(*[getattr(model, k) == value for k, value in key.items()])
    empty = all(value is None or value is False for value in values.values())
    if row is None:
        if not empty:
            log_insert(model.create(**key, **values))
        return
    if empty:
        log_delete(row)
        row.delete_instance()
        return
    save_changes(row, values, touch=True)


def rate_members(year: int, entries: list[tuple]) -> None:
    """Save a grid of (member, level, score, reason[, long sick leave]) in one transaction; an
    entry with nothing set takes the rating away."""
    session.require(session.WRITE_RECORDS)
    rating_year(year)
    levels = rules_for(year).member_levels
    ids = [entry[0] for entry in entries]
    # Looked up once for the whole grid: one query per row made a 2,700-row year slow.
    members = {m.id: m for m in Member.select(Member.id, Member.full_name, Member.org)
               .where(Member.id.in_(ids))}
    existing = {r.member_id: r for r in MemberRating.select().where(
        (MemberRating.year == year) & MemberRating.member.in_(ids))}
    checked_orgs = set()
    fresh = []  # members rated for the first time this year: written together
    with database.atomic():
        for member_id, level, score, reason, *sick in entries:
            member = members.get(member_id) or get_member(member_id)
            if member.org_id is not None and member.org_id not in checked_orgs:
                check_in_scope(member.org_id)
                checked_orgs.add(member.org_id)
            try:
                level, score, reason = _validated(year, levels, level, score, reason)
            except ValidationError as error:
                raise ValidationError(error.field, f"{member.full_name}: {error.message}") from None
            values = {"level": level, "score": score, "not_rated_reason": reason,
                      "long_sick_leave": bool(sick and sick[0])}
            if member_id in existing:
                _upsert(MemberRating, {"year": year, "member": member_id}, values, existing[member_id])
            elif any(value not in (None, False) for value in values.values()):
                fresh.append({"year": year, "member_id": member_id, **values, "updated_at": clock.now()})
        insert_logged(MemberRating, fresh)


def rate_org(year: int, org_id: int, level: str | None, score: int | None = None,
             reason: str | None = None) -> None:
    session.require(session.WRITE_RECORDS)
    rating_year(year)
    org = get_org(org_id)
    if org.level not in v.GRASSROOTS:
        raise ValidationError("org", "Xếp loại tổ chức áp dụng cho tổ chức cơ sở đảng.")
    if org.dissolved_on and org.dissolved_on < date(year, 12, 31):
        raise ValidationError("org", f"“{org.name}” đã giải thể trước cuối năm {year}.")
    check_in_scope(org_id)
    level, score, reason = _validated(year, rules_for(year).org_levels, level, score, reason)
    with database.atomic():
        _upsert(OrgRating, {"year": year, "org": org_id},
                {"level": level, "score": score, "not_rated_reason": reason})


def set_totals(year: int, org_id: int, totals: dict[str, int] | None) -> None:
    """The counts per level a grassroots organisation reports; None takes them away."""
    session.require(session.WRITE_RECORDS)
    rating_year(year)
    if get_org(org_id).level not in v.GRASSROOTS:
        raise ValidationError("org", "Số liệu tổng hợp nhập cho tổ chức cơ sở đảng.")
    check_in_scope(org_id)
    values = {key: None for key in TOTAL_FIELDS}
    if totals is not None:
        for key, label in TOTAL_FIELDS.items():
            value = totals.get(key)
            if value is None:
                raise ValidationError(key, f"{label}: nhập số nguyên không âm.")
            values[key] = whole_number(value, key, label, 0, 1_000_000)
        if values["rated"] > values["total_members"]:
            raise ValidationError("rated", "Số được đánh giá lớn hơn tổng số đảng viên.")
    with database.atomic():
        _upsert(RatingTotals, {"year": year, "org": org_id}, values)


def org_level(year: int, org_id: int) -> str | None:
    """The organisation's own level for the year, if rated."""
    return (OrgRating.select(OrgRating.level)
            .where((OrgRating.year == year) & (OrgRating.org == org_id)).scalar())


def org_totals(year: int, org_id: int) -> dict[str, int] | None:
    """The counts the organisation reported for the year, if it did."""
    row = RatingTotals.get_or_none((RatingTotals.year == year) & (RatingTotals.org == org_id))
    return {key: getattr(row, key) for key in TOTAL_FIELDS} if row else None


@dataclass(frozen=True)
class GridRow:
    member_id: int
    full_name: str
    org_id: int
    membership: str
    level: str | None
    score: int | None
    reason: str | None
    long_sick_leave: bool = False


def grid_rows(year: int, org_id: int) -> list[GridRow]:
    """Everyone counted in the organisation on 31/12 of the year, with their rating."""
    people = members_at(date(year, 12, 31), subtree_ids(org_id))
    ids = [member_id for member_id, _org, _m in people]
    names = dict(Member.select(Member.id, Member.full_name).where(Member.id.in_(ids)).tuples())
    order = dict(Member.select(Member.id, Member.sort_key).where(Member.id.in_(ids)).tuples())
    ratings = {r.member_id: r for r in MemberRating.select().where(
        (MemberRating.year == year) & MemberRating.member.in_(ids))}
    rows = []
    for member_id, org, membership in people:
        rating = ratings.get(member_id)
        rows.append(GridRow(member_id, names[member_id], org, membership,
                            rating.level if rating else None, rating.score if rating else None,
                            rating.not_rated_reason if rating else None,
                            bool(rating and rating.long_sick_leave)))
    return sorted(rows, key=lambda row: order[row.member_id])


def year_warnings(year: int) -> list[str]:
    """Never corrections: levels that do not add up, people without a rating or a reason,
    the cap on "hoàn thành xuất sắc" broken — each with its numbers."""
    rules = rules_for(year)
    warnings = []
    owner = grassroots_of()
    totals = {t.org_id: t for t in RatingTotals.select().where(RatingTotals.year == year)}
    names = {row.id: row.name for row in org_rows()}
    for org_id, t in totals.items():
        levels = t.excellent + t.good + t.adequate + t.failed
        if levels != t.rated:
            warnings.append(f"{names[org_id]}: các mức cộng lại {levels}, khác số được đánh giá {t.rated}.")
        if t.rated + t.not_rated != t.total_members:
            warnings.append(f"{names[org_id]}: được đánh giá {t.rated} + chưa đánh giá {t.not_rated} "
                            f"khác tổng số {t.total_members}.")
    counted = members_at(date(year, 12, 31))
    ratings = {r.member_id: r for r in MemberRating.select().where(MemberRating.year == year)}
    excellent, base = {}, {}
    missing = {}
    for member_id, org, _m in counted:
        grassroots = owner.get(org)
        if grassroots is None or grassroots.id in totals:
            continue
        rating = ratings.get(member_id)
        if rating is None:
            missing[grassroots.id] = missing.get(grassroots.id, 0) + 1
            continue
        excellent[grassroots.id] = excellent.get(grassroots.id, 0) + (rating.level == EXCELLENT)
        base[grassroots.id] = base.get(grassroots.id, 0) + (rating.level == GOOD) + (
            rules.cap_base_includes_excellent and rating.level == EXCELLENT)
    for org_id, t in totals.items():
        excellent[org_id] = t.excellent
        base[org_id] = t.good + (t.excellent if rules.cap_base_includes_excellent else 0)
    for org_id, count in sorted(missing.items(), key=lambda item: names[item[0]]):
        warnings.append(f"{names[org_id]}: {count} đảng viên có trong danh sách ngày 31/12/{year} "
                        "chưa được xếp loại hay ghi lý do.")
    sick = [r for r in ratings.values() if r.long_sick_leave and r.level in (EXCELLENT, GOOD)]
    if sick:
        people = dict(Member.select(Member.id, Member.full_name)
                      .where(Member.id.in_([r.member_id for r in sick])).tuples())
        for rating in sorted(sick, key=lambda r: people[r.member_id]):
            level = rules.member_levels[rating.level].lower()
            warnings.append(f"{people[rating.member_id]}: nghỉ ốm từ 3 tháng trở lên trong năm nhưng xếp "
                            f"loại “{level}” — tối đa “hoàn thành nhiệm vụ”.")
    for org_id, count in excellent.items():
        cap = floor(rules.excellent_cap * base.get(org_id, 0))
        if count > cap:
            warnings.append(f"{names[org_id]}: có {count} đảng viên xuất sắc, vượt mức "
                            f"{round(rules.excellent_cap * 100)}% của {base.get(org_id, 0)} = {cap}.")
    return warnings

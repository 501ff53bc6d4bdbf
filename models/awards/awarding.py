"""Awards (thi đua, khen thưởng, DOMAIN §9): flags, certificates of merit to organisations,
members and others; and the lists the office draws up from the ratings, to confirm."""

from dataclasses import dataclass
from datetime import date

from peewee import fn

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, save_changes
from models.awards.tables import Award
from models.core import clock
from models.core import vocab as v
from models.core.bodies import bloc_commission, bloc_committee
from models.core.checks import stored_record
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline, clean
from models.members.record import get_member
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from models.orgs.tree import check_in_scope, full_names, get_org, scope_ids
from models.ratings.rules import EXCELLENT, TSVM
from models.ratings.tables import MemberRating, OrgRating

TEXT_MAX = 200
AWARD_FIELDS = ("recipient_kind", "org_id", "member_id", "recipient_name", "form", "issuer", "campaign",
                "decision_no", "decision_date", "note")
STREAK_YEARS = 5


# Flags and Bằng khen are the province's to give (DOMAIN §1: giấy khen by BTV ĐUK, bằng khen by
# the province): typed with the bloc as issuer they were counted in the reports as the bloc's and
# refused only when the decision was printed.
HIGHER_FORMS = ("CO", "BANG_KHEN")


def get_award(award_id: int) -> Award:
    return stored_record(Award, award_id, "khen thưởng")


def beyond_the_bloc(form: str, issuer: str) -> bool:
    """A flag or Bằng khen named as given by the bloc's own bodies, which give Giấy khen only."""
    return form in HIGHER_FORMS and (bloc_committee(issuer) or bloc_commission(issuer))


def issuer_advice(counts) -> str | None:
    """For the clerk, of (issuer, form, how many) counts: the awards an earlier version stored
    with the bloc giving a flag or Bằng khen (the form refuses them now); None when none."""
    wrong = [f"{count} khen thưởng ghi “{issuer}” tặng {v.AWARD_FORMS[form].lower()}"
             for issuer, form, count in counts if beyond_the_bloc(form, issuer)]
    if not wrong:
        return None
    return (f"{'; '.join(wrong)}: Đảng ủy Khối tặng Giấy khen, cờ và bằng khen do cấp trên tặng. Sửa cấp "
            "khen hoặc hình thức ở trang Khen thưởng (bản ghi từ phiên bản trước).")


def _validated(fields: dict) -> dict:
    kind = fields.get("recipient_kind")
    if kind not in v.AWARD_RECIPIENTS:
        raise ValidationError("recipient_kind", "Chọn đối tượng được khen thưởng.")
    org_id = fields.get("org_id") if kind == v.ORG_RECIPIENT else None
    member_id = fields.get("member_id") if kind == v.MEMBER_RECIPIENT else None
    name = clean(fields.get("recipient_name") or "")
    if kind == v.ORG_RECIPIENT:
        if org_id is None:
            raise ValidationError("org_id", "Chọn tổ chức đảng được khen thưởng.")
        check_in_scope(org_id)
        name = name or get_org(org_id).name
    elif kind == v.MEMBER_RECIPIENT:
        if member_id is None:
            raise ValidationError("member_id", "Chọn đảng viên được khen thưởng.")
        member = get_member(member_id)
        if member.org_id is not None:
            check_in_scope(member.org_id)
        name = name or f"đồng chí {member.full_name}"
    elif not name:
        raise ValidationError("recipient_name", "Nhập tên tập thể hoặc cá nhân được khen thưởng.")
    if fields.get("form") not in v.AWARD_FORMS:
        raise ValidationError("form", "Chọn hình thức khen thưởng.")
    issuer = clean(fields.get("issuer") or "")
    if not issuer:
        raise ValidationError("issuer", "Nhập cấp khen thưởng (cơ quan ra quyết định).")
    if beyond_the_bloc(fields["form"], issuer):
        higher = v.AWARD_FORMS[fields["form"]].lower()
        raise ValidationError("form", f"Đảng ủy Khối tặng Giấy khen; {higher} do cấp trên tặng (Tỉnh ủy, "
                                      "Ủy ban nhân dân tỉnh…). Chọn Giấy khen, hoặc ghi đúng cấp đã ra "
                                      "quyết định.")
    decision_date = fields.get("decision_date")
    if decision_date is None:
        raise ValidationError("decision_date", "Nhập ngày quyết định khen thưởng.")
    check_plausible(decision_date, "decision_date", "Ngày quyết định")
    data = {"recipient_kind": kind, "org_id": org_id, "member_id": member_id, "recipient_name": name,
            "form": fields["form"], "issuer": issuer, "campaign": clean(fields.get("campaign") or ""),
            "decision_no": clean(fields.get("decision_no") or ""), "decision_date": decision_date,
            "note": checked_multiline(fields.get("note"), "note", "Ghi chú")}
    for key in ("recipient_name", "issuer", "campaign", "decision_no"):
        if len(data[key]) > TEXT_MAX:
            raise ValidationError(key, f"Tối đa {TEXT_MAX} ký tự.")
    return data


def create_award(**fields) -> Award:
    session.require(session.WRITE_RECORDS)
    data = _validated(fields)
    with database.atomic():
        award = Award.create(**data, created_at=clock.now())
        log_insert(award)
    return award


def update_award(award_id: int, **fields) -> Award:
    session.require(session.WRITE_RECORDS)
    award = get_award(award_id)
    _check_award_scope(award)
    data = _validated(fields)
    with database.atomic():
        save_changes(award, data)
    return award


def delete_award(award_id: int) -> None:
    session.require(session.WRITE_RECORDS)
    award = get_award(award_id)
    _check_award_scope(award)
    with database.atomic():
        log_delete(award)
        award.delete_instance()


def _check_award_scope(award: Award) -> None:
    if award.org_id is not None:
        check_in_scope(award.org_id)
    elif award.member_id is not None and get_member(award.member_id).org_id is not None:
        check_in_scope(get_member(award.member_id).org_id)


def award_many(recipients: list[tuple[str, int]], **common) -> int:
    """Confirm a proposal list: one award per (recipient kind, id), all or none."""
    session.require(session.WRITE_RECORDS)
    if not recipients:
        raise ValidationError("recipients", "Chưa chọn ai trong danh sách đề nghị.")
    with database.atomic():
        for kind, record_id in recipients:
            key = "org_id" if kind == v.ORG_RECIPIENT else "member_id"
            create_award(recipient_kind=kind, **{key: record_id}, **common)
    return len(recipients)


@dataclass(frozen=True)
class AwardRow:
    id: int
    recipient_kind: str
    org_id: int | None
    member_id: int | None
    recipient_name: str
    form: str
    issuer: str
    campaign: str
    decision_no: str
    decision_date: date
    note: str


def awards_between(start: date, end: date) -> list[AwardRow]:
    # Plain rows, not model instances: 3,500 awards of a 100,000-member year took 0.16 s as models.
    query = (Award.select(Award.id, Award.recipient_kind, Award.org, Award.member, Award.recipient_name,
                          Award.form, Award.issuer, Award.campaign, Award.decision_no, Award.decision_date,
                          Award.note)
             .where(Award.decision_date.between(start, end))
             .order_by(Award.decision_date.desc(), Award.id.desc()).tuples())
    allowed = scope_ids()
    members = dict(Member.select(Member.id, Member.org).tuples()) if allowed is not None else {}
    return [AwardRow(*row) for row in query
            if allowed is None or row[2] in allowed or members.get(row[3]) in allowed]


def decisions_among(rows: list[AwardRow]) -> int:
    """How many decisions these awards were given by: one decision often awards many (a year's
    outstanding members). An award typed without a number is its own decision."""
    return len({(row.issuer, row.decision_no, row.decision_date) if row.decision_no else ("", row.id)
                for row in rows})


@dataclass(frozen=True)
class AwardCounts:
    """Awards in a period by form, split into collectives and individuals (Biểu 7), and by
    issuer and form as reports word them ("tặng giấy khen cho 14 tập thể, 08 cá nhân")."""
    collectives: dict[str, int]
    individuals: dict[str, int]
    by_issuer: dict[tuple[str, str], tuple[int, int]]

    @property
    def total_collectives(self) -> int:
        return sum(self.collectives.values())

    @property
    def total_individuals(self) -> int:
        return sum(self.individuals.values())


def award_counts(start: date, end: date) -> AwardCounts:
    collectives = {form: 0 for form in v.AWARD_FORMS}
    individuals = {form: 0 for form in v.AWARD_FORMS}
    by_issuer: dict[tuple[str, str], tuple[int, int]] = {}
    for kind, form, issuer in (Award.select(Award.recipient_kind, Award.form, Award.issuer)
                               .where(Award.decision_date.between(start, end))
                               .order_by(Award.decision_date, Award.id).tuples()):
        collective = kind in v.COLLECTIVE_RECIPIENTS
        (collectives if collective else individuals)[form] += 1
        groups, people = by_issuer.get((issuer, form), (0, 0))
        by_issuer[(issuer, form)] = (groups + collective, people + (not collective))
    return AwardCounts(collectives, individuals, by_issuer)


@dataclass(frozen=True)
class Proposal:
    kind: str  # vocab.ORG_RECIPIENT or vocab.MEMBER_RECIPIENT
    record_id: int
    name: str
    org_name: str
    already: str  # the award already recorded for this campaign, if any


def tsvm_campaign(year: int) -> str:
    return f"Tổ chức cơ sở đảng trong sạch vững mạnh tiêu biểu năm {year}"


def streak_campaign(year: int) -> str:
    first = year - STREAK_YEARS + 1
    return f"Đảng viên hoàn thành xuất sắc nhiệm vụ {STREAK_YEARS} năm liền ({first}–{year})"


def _already(campaign: str, column, ids: list[int]) -> dict[int, str]:
    return {record_id: f"Đã khen: {number or 'không số'} ngày {fmt_date(day)}"
            for record_id, number, day in Award.select(column, Award.decision_no, Award.decision_date)
            .where((Award.campaign == campaign) & column.in_(ids)).tuples()}


def tsvm_proposals(year: int) -> list[Proposal]:
    """Grassroots organisations rated at the top level for the year (HTXSNV; before 2018 TSVM)."""
    rows = (OrgRating.select(OrgRating.org, PartyOrg.name).join(PartyOrg, on=(OrgRating.org == PartyOrg.id))
            .where((OrgRating.year == year) & OrgRating.level.in_([EXCELLENT, TSVM]))
            .order_by(PartyOrg.name_folded).tuples())
    allowed = scope_ids()
    rows = [(org_id, name) for org_id, name in rows if allowed is None or org_id in allowed]
    already = _already(tsvm_campaign(year), Award.org, [org_id for org_id, _ in rows])
    return [Proposal(v.ORG_RECIPIENT, org_id, name, name, already.get(org_id, "")) for org_id, name in rows]


def streak_proposals(year: int) -> list[Proposal]:
    """Members rated "hoàn thành xuất sắc nhiệm vụ" in each of the last five years up to `year`
    (member-by-member ratings; totals carry no names)."""
    first = year - STREAK_YEARS + 1
    streak = (MemberRating.select(MemberRating.member)
              .where(MemberRating.year.between(first, year) & (MemberRating.level == EXCELLENT))
              .group_by(MemberRating.member)
              .having(fn.COUNT(fn.DISTINCT(MemberRating.year)) == STREAK_YEARS))
    people = (Member.select(Member.id, Member.full_name, Member.org, Member.sort_key)
              .where(Member.id.in_(streak)).order_by(Member.sort_key))
    allowed = scope_ids()
    people = [m for m in people if allowed is None or m.org_id in allowed]
    names = full_names()  # a cell with its đảng bộ: many share a name
    already = _already(streak_campaign(year), Award.member, [m.id for m in people])
    return [Proposal(v.MEMBER_RECIPIENT, m.id, m.full_name, names.get(m.org_id, ""), already.get(m.id, ""))
            for m in people]

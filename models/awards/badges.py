"""Party badges (Huy hiệu Đảng, DOMAIN §7): who reaches a milestone by a presentation day, and
the badges presented. Early cases (serious illness, posthumous) are listed separately, flagged,
for the office to decide."""

from collections import namedtuple
from dataclasses import dataclass
from datetime import date, timedelta

from models.accounts import session
from models.accounts.audit import log_delete, log_insert
from models.awards.seniority import (
    MILESTONES,
    OUT_OF_PARTY,
    POSTHUMOUS_ALLOWANCE_MONTHS,
    Seniority,
    early_allowance_months,
    seniority_from,
)
from models.awards.tables import BadgeAward
from models.core import clock
from models.core import vocab as v
from models.core.checks import record_number
from models.core.dates import EARLIEST, add_months, fmt_date, stored_date
from models.core.db import database
from models.core.errors import NotFound, ValidationError
from models.core.text import checked_multiline, clean
from models.members.counts import counted_among
from models.members.record import get_member
from models.members.tables import Member, MemberEvent
from models.orgs.tree import check_in_scope, full_names, scope_ids, subtree_ids

DUE, EARLY, POSTHUMOUS = "DUE", "EARLY", "POSTHUMOUS"
CANDIDATE_KINDS = {DUE: "Đủ tuổi Đảng", EARLY: "Có thể tặng sớm (ốm nặng)", POSTHUMOUS: "Truy tặng"}
TEXT_MAX = 100
# How far ahead a presentation may be decided.
PLANNING_DAYS = 366


@dataclass(frozen=True)
class BadgeCandidate:
    member_id: int
    full_name: str
    birth_date: date
    org_name: str
    admitted_on: date
    gap_days: int
    milestone: int
    reaches: date
    kind: str
    died_on: date | None = None
    unknown_gap: bool = False  # readmitted before the registry: check the time out on the dossier


def _histories(members) -> dict[int, list[tuple[str, date]]]:
    """The events seniority is reckoned from, of `members`: a list of ids, or a query of them."""
    kinds = (v.ADMITTED, v.READMITTED, v.DECEASED_EVENT, *OUT_OF_PARTY)
    query = (MemberEvent.select(MemberEvent.member, MemberEvent.kind, MemberEvent.date)
             .where(MemberEvent.kind.in_(kinds) & MemberEvent.member.in_(members))
             .order_by(MemberEvent.date, MemberEvent.position))
    histories: dict[int, list[tuple[str, date]]] = {}
    # The driver's rows, days read by stored_date: peewee's conversion of 60,000 events' days
    # was half of the home page's badge line at 100,000 members.
    for member_id, kind, day in database.execute(query).fetchall():
        histories.setdefault(member_id, []).append((kind, stored_date(day)))
    return histories


_OldMember = namedtuple("_OldMember", "id full_name birth_date admission_date sort_key")


def awarded_milestones() -> dict[int, int]:
    """The highest badge each member has been given."""
    highest: dict[int, int] = {}
    for member_id, milestone in BadgeAward.select(BadgeAward.member, BadgeAward.milestone).tuples():
        highest[member_id] = max(highest.get(member_id, 0), milestone)
    return highest


def _reached(seniority: Seniority, by: date, above: int) -> int | None:
    """The highest milestone above `above` completed by `by`. Milestones are reached in their
    order, so the first one not reached ends the search (most members reach none)."""
    reached = None
    for milestone in MILESTONES:
        if milestone <= above:
            continue
        if seniority.reaches(milestone) > by:
            break
        reached = milestone
    return reached


def _next_milestone(above: int) -> int | None:
    return next((m for m in MILESTONES if m > above), None)


def badge_list(occasion: date, org_id: int | None = None, with_early: bool = True) -> list[BadgeCandidate]:
    """Members to propose for the presentation on `occasion`: those who have completed a
    milestone they were not yet given (however long ago), those within the early-award window
    (flagged), and members who died in the twelve months before (posthumous, flagged)."""
    allowed = scope_ids()
    if org_id is not None:
        allowed = subtree_ids(org_id) if allowed is None else allowed & subtree_ids(org_id)
    # Only members admitted long enough ago can have completed the first milestone, even early
    # or posthumously (time out of the Party only shortens seniority): most need no reckoning.
    allowance = POSTHUMOUS_ALLOWANCE_MONTHS + early_allowance_months(MILESTONES[0])  # more than enough
    latest_admission = add_months(occasion, allowance - 12 * MILESTONES[0])
    old_enough_ids = Member.select(Member.id).where(Member.admission_date <= latest_admission)
    # Who was in the registry on the day, not who is now: past lists come out as they were.
    counted = {member_id: org for member_id, org in counted_among(occasion, old_enough_ids).items()
               if allowed is None or org in allowed}
    deaths = {
        member_id: (day, org)
        for member_id, day, org in MemberEvent.select(MemberEvent.member, MemberEvent.date,
                                                      MemberEvent.org_before)
        .where((MemberEvent.kind == v.DECEASED_EVENT) & (MemberEvent.date <= occasion)
               & (MemberEvent.date > add_months(occasion, -POSTHUMOUS_ALLOWANCE_MONTHS))).tuples()
        if allowed is None or org in allowed
    }
    columns = (Member.id, Member.full_name, Member.birth_date, Member.admission_date, Member.sort_key)
    old_enough = Member.select(*columns).where(Member.admission_date <= latest_admission)
    records = {member_id: _OldMember(member_id, name, stored_date(born), stored_date(admitted), key)
               for member_id, name, born, admitted, key in database.execute(old_enough).fetchall()
               if member_id in counted or member_id in deaths}
    counted = {member_id: org for member_id, org in counted.items() if member_id in records}
    deaths = {member_id: death for member_id, death in deaths.items() if member_id in records}
    people = [(records[member_id], org, None) for member_id, org in counted.items()]
    people += [(records[member_id], org, day) for member_id, (day, org) in deaths.items()]
    # A few ids as parameters; the whole bloc's as the query that chose them (no list of
    # thousands of parameters, and none of the younger members' events read).
    histories = _histories([m.id for m, _org, _died in people] if allowed is not None
                           else old_enough_ids)
    names = full_names()  # a cell with its đảng bộ: many share a name
    awarded = awarded_milestones()
    found = []
    for member, org, died in people:
        seniority = seniority_from(member.admission_date, histories.get(member.id, []))
        if seniority is None or seniority.out_since is not None:
            continue
        given = awarded.get(member.id, 0)
        if died is not None:
            milestone = _reached(seniority, add_months(died, POSTHUMOUS_ALLOWANCE_MONTHS), given)
            kind = POSTHUMOUS
        else:
            milestone, kind = _reached(seniority, occasion, given), DUE
            if milestone is None and with_early:
                following = _next_milestone(given)
                window = add_months(occasion, early_allowance_months(following)) if following else None
                if following and seniority.reaches(following) <= window:
                    milestone, kind = following, EARLY
        if milestone is None:
            continue
        found.append((member.sort_key, BadgeCandidate(
            member.id, member.full_name, member.birth_date, names.get(org, ""), seniority.admitted_on,
            seniority.gap_days, milestone, seniority.reaches(milestone), kind, died, seniority.unknown_gap)))
    order = {DUE: 0, POSTHUMOUS: 1, EARLY: 2}
    found.sort(key=lambda pair: (order[pair[1].kind], -pair[1].milestone, pair[0]))
    return [candidate for _key, candidate in found]


def _death_date(member_id: int) -> date | None:
    return (MemberEvent.select(MemberEvent.date)
            .where((MemberEvent.member == member_id) & (MemberEvent.kind == v.DECEASED_EVENT)).scalar())


def _check_entitled(member: Member, milestone: int, occasion: date, posthumous: bool) -> tuple:
    """The day the member completes the milestone and their death date, or a refusal."""
    name = member.full_name
    seniority = seniority_from(member.admission_date, _histories([member.id]).get(member.id, []))
    if seniority is None:
        raise ValidationError("member", f"{name} chưa có ngày kết nạp: không tính được tuổi Đảng.")
    if seniority.out_since is not None and seniority.out_since <= occasion:
        raise ValidationError("member", f"{name} đã ra khỏi Đảng từ {fmt_date(seniority.out_since)}.")
    died = _death_date(member.id)
    if died is not None and died <= occasion and not posthumous:
        raise ValidationError("posthumous", f"Đồng chí đã từ trần ngày {fmt_date(died)}: chọn “truy tặng”.")
    if posthumous and (died is None or died > occasion):
        raise ValidationError("posthumous", "Chỉ truy tặng cho đảng viên đã từ trần trước ngày trao tặng.")
    reaches = seniority.reaches(milestone)
    reached = f"Đủ {milestone} năm tuổi Đảng ngày {fmt_date(reaches)}"
    if posthumous and reaches > add_months(died, POSTHUMOUS_ALLOWANCE_MONTHS):
        raise ValidationError("milestone", f"{reached}: quá 12 tháng sau ngày từ trần ({fmt_date(died)}), "
                                           "không truy tặng được.")
    allowance = early_allowance_months(milestone)
    if not posthumous and reaches > add_months(occasion, allowance):
        raise ValidationError("milestone", f"{reached}: sớm hơn {allowance} tháng so với ngày trao tặng "
                                           f"{fmt_date(occasion)}.")
    given = BadgeAward.get_or_none((BadgeAward.member == member.id) & (BadgeAward.milestone == milestone))
    if given is not None:
        raise ValidationError("milestone", f"{name} đã được tặng Huy hiệu {milestone} năm tuổi Đảng "
                                           f"(ngày {fmt_date(given.occasion)}).")
    return reaches, died


def present_badge(member_id: int, milestone: int, occasion: date | None, decision_no: str = "",
                  decision_date: date | None = None, badge_number: str = "", posthumous: bool = False,
                  note: str = "") -> BadgeAward:
    """Record a badge presented. Refused before the member is entitled, even early; an early
    presentation is kept as such."""
    session.require(session.WRITE_RECORDS)
    member = get_member(member_id)
    if member.org_id is not None:
        check_in_scope(member.org_id)
    if milestone not in MILESTONES:
        raise ValidationError("milestone", "Chọn mốc Huy hiệu: 30, 40, 45, 50 … 90 năm tuổi Đảng.")
    if occasion is None:
        raise ValidationError("occasion", "Nhập ngày trao tặng.")
    if occasion < EARLIEST or occasion > clock.today() + timedelta(days=PLANNING_DAYS):
        raise ValidationError("occasion", f"Ngày trao tặng {fmt_date(occasion)} không hợp lệ.")
    if decision_date is not None and (decision_date < EARLIEST or decision_date > clock.today()):
        raise ValidationError("decision_date", f"Ngày quyết định {fmt_date(decision_date)} không hợp lệ.")
    decision_no, badge_number = clean(decision_no), clean(badge_number)
    if len(decision_no) > TEXT_MAX or len(badge_number) > TEXT_MAX:
        raise ValidationError("decision_no", f"Số quyết định, số huy hiệu tối đa {TEXT_MAX} ký tự.")
    reaches, died = _check_entitled(member, milestone, occasion, posthumous)
    with database.atomic():
        badge = BadgeAward.create(
            member=member_id, milestone=milestone, occasion=occasion, decision_no=decision_no,
            decision_date=decision_date, badge_number=badge_number, posthumous=bool(posthumous),
            early=reaches > occasion, note=checked_multiline(note, "note", "Ghi chú"),
            created_at=clock.now())
        log_insert(badge)
    return badge


def remove_badge(badge_id: int) -> None:
    session.require(session.WRITE_RECORDS)
    badge = BadgeAward.get_or_none(BadgeAward.id == record_number(badge_id))
    if badge is None:
        raise NotFound(f"Không tìm thấy huy hiệu số {badge_id}.")
    member = get_member(badge.member_id)
    if member.org_id is not None:
        check_in_scope(member.org_id)
    with database.atomic():
        log_delete(badge)
        badge.delete_instance()


@dataclass(frozen=True)
class BadgeRow:
    id: int
    member_id: int
    full_name: str
    milestone: int
    occasion: date
    decision_no: str
    decision_date: date | None
    badge_number: str
    posthumous: bool
    early: bool


def badges_presented(start: date, end: date) -> list[BadgeRow]:
    """Badges presented between two days, highest milestone first."""
    query = (BadgeAward.select(BadgeAward, Member.full_name, Member.org, Member.sort_key)
             .join(Member, on=(BadgeAward.member == Member.id))
             .where(BadgeAward.occasion.between(start, end)))
    allowed = scope_ids()
    rows = []
    for badge in query:
        if allowed is not None and badge.member.org_id not in allowed:
            continue
        rows.append((badge.occasion, -badge.milestone, badge.member.sort_key, BadgeRow(
            badge.id, badge.member_id, badge.member.full_name, badge.milestone, badge.occasion,
            badge.decision_no, badge.decision_date, badge.badge_number, badge.posthumous, badge.early)))
    rows.sort(key=lambda row: row[:3])
    return [row[3] for row in rows]


def badge_counts(start: date, end: date) -> dict[int, int]:
    """Badges presented in the period by milestone, for the reports (Biểu 7)."""
    counts: dict[int, int] = {}
    for (milestone,) in (BadgeAward.select(BadgeAward.milestone)
                         .where(BadgeAward.occasion.between(start, end)).tuples()):
        counts[milestone] = counts.get(milestone, 0) + 1
    return dict(sorted(counts.items()))


def present_badges(entries: list[tuple[int, int, bool]], occasion: date | None, decision_no: str = "",
                   decision_date: date | None = None) -> int:
    """One decision for a whole list: (member, milestone, posthumous) each, all or none."""
    session.require(session.WRITE_RECORDS)
    if not entries:
        raise ValidationError("members", "Chưa chọn đảng viên nào trong danh sách.")
    with database.atomic():
        for member_id, milestone, posthumous in entries:
            present_badge(member_id, milestone, occasion, decision_no, decision_date, posthumous=posthumous)
    return len(entries)

"""What needs attention in admission work: warnings on one case, and the office's
reminder list (probation reviews due, stalled cases, ceremonies past their deadline)."""

from dataclasses import dataclass
from datetime import date, timedelta

from models.admissions.cases import (
    CEREMONY_DEADLINE_WORKDAYS,
    DECIDED,
    DECISION_DEADLINE_WORKDAYS,
    POOL,
    PROBATION,
    REVIEW_DEADLINE_WORKDAYS,
    STALE_MONTHS,
    STEPS,
    full_member_date,
)
from models.admissions.tables import AdmissionCase
from models.core import clock
from models.core import vocab as v
from models.core.dates import add_months, fmt_date, months_between, stored_date
from models.core.db import database
from models.core.workdays import add_working_days
from models.members.tables import Member
from models.orgs.tree import full_names, scope_ids

REVIEW_NOTICE_DAYS = 30


def _introducer_warnings(case: AdmissionCase) -> list[str]:
    found = []
    pairs = [(case.introducer1_id, case.introducer1_since), (case.introducer2_id, case.introducer2_since)]
    given = [(member_id, since) for member_id, since in pairs if member_id is not None]
    if len(given) < 2:
        found.append("Chưa đủ hai đảng viên chính thức giới thiệu.")
    for member_id, since in given:
        introducer = Member.get_by_id(member_id)
        name = introducer.full_name
        if introducer.membership != v.FULL or introducer.status not in v.COUNTED:
            found.append(f"Người giới thiệu {name} không phải đảng viên chính thức đang sinh hoạt.")
        elif introducer.org_id != case.org_id:
            found.append(f"Người giới thiệu {name} không cùng chi bộ với người được giới thiệu.")
        if since is None:
            found.append(f"Chưa ghi từ khi nào {name} công tác cùng người được giới thiệu.")
        elif months_between(since, case.listed_on) < 12:
            found.append(f"{name} công tác cùng người được giới thiệu chưa đủ 1 năm "
                         f"(từ {fmt_date(since)}).")
    return found


def case_warnings(case: AdmissionCase, today: date | None = None) -> list[str]:
    """Rules that do not block but must be seen, each saying which rule and why."""
    today = today or clock.today()
    found = _introducer_warnings(case) if case.state == POOL else []
    if case.state == POOL and case.cell_resolution_date is None:
        limit = add_months(case.listed_on, STALE_MONTHS)
        if today > limit:
            found.append(f"Quá {STALE_MONTHS} tháng từ khi lập hồ sơ ({fmt_date(case.listed_on)}) mà "
                         "chi bộ chưa xét: một số tài liệu phải làm lại.")
    deadlines = (
        (case.cell_resolution_date, DECISION_DEADLINE_WORKDAYS, case.decision_date, POOL,
         "Quyết định kết nạp", "nghị quyết chi bộ"),
        (case.decision_date, CEREMONY_DEADLINE_WORKDAYS, case.ceremony_date, DECIDED,
         "Lễ kết nạp", "quyết định kết nạp"),
        (full_member_date(case), REVIEW_DEADLINE_WORKDAYS, case.review_date, PROBATION,
         "Xét công nhận chính thức", "khi đủ 12 tháng dự bị"),
    )
    for start, workdays, done_on, waiting_state, what, after in deadlines:
        if start is None:
            continue
        limit = add_working_days(start, workdays)
        late = done_on > limit if done_on else case.state == waiting_state and today > limit
        if late:
            found.append(f"{what} quá {workdays} ngày làm việc sau {after} (hạn {fmt_date(limit)}).")
    return found


@dataclass(frozen=True)
class Reminder:
    kind: str  # "review", "stalled", "ceremony"
    name: str
    org_name: str
    due: date
    text: str
    member_id: int | None = None
    case_id: int | None = None


REMINDER_KINDS = {"review": "Xét chính thức", "stalled": "Hồ sơ không tiến triển",
                  "ceremony": "Chưa tổ chức lễ kết nạp"}


def attention(today: date | None = None) -> list[Reminder]:
    today = today or clock.today()
    names = full_names()  # a cell with its đảng bộ: many share a name
    scope = scope_ids()
    found: list[Reminder] = []
    probationers = Member.select(Member.id, Member.full_name, Member.org, Member.ceremony_date,
                                 Member.admission_date).where(
        (Member.membership == v.PROBATIONARY) & Member.status.in_(v.COUNTED))
    # The driver's rows: 8,000 probationers at 100,000 members, whose records peewee built one
    # by one in a third of the home page's reminders.
    for member_id, full_name, org_id, ceremony, admitted in database.execute(probationers).fetchall():
        if scope is not None and org_id not in scope:
            continue
        start = stored_date(ceremony) or stored_date(admitted)
        if start is None:
            continue
        due = add_months(start, 12)
        if due <= today + timedelta(days=REVIEW_NOTICE_DAYS):
            text = (f"Quá hạn xét công nhận chính thức (đủ 12 tháng ngày {fmt_date(due)})"
                    if due < today else f"Đến hạn xét công nhận chính thức ngày {fmt_date(due)}")
            found.append(Reminder("review", full_name, names.get(org_id, ""), due, text, member_id=member_id))
    for case in AdmissionCase.select().where(AdmissionCase.state.in_([POOL, DECIDED])):
        if scope is not None and case.org_id not in scope:
            continue
        if case.state == POOL:
            dates = [case.listed_on] + [getattr(case, field) for _label, field in STEPS.values()]
            last = max(d for d in dates if d is not None)
            if add_months(last, STALE_MONTHS) <= today:
                found.append(Reminder("stalled", case.full_name, names.get(case.org_id, ""),
                                      add_months(last, STALE_MONTHS),
                                      f"Không có bước mới từ {fmt_date(last)}", case_id=case.id))
        else:
            limit = add_working_days(case.decision_date, CEREMONY_DEADLINE_WORKDAYS)
            if today > limit:
                found.append(Reminder("ceremony", case.full_name, names.get(case.org_id, ""), limit,
                                      f"Có quyết định từ {fmt_date(case.decision_date)}, chưa tổ "
                                      f"chức lễ kết nạp (hạn {fmt_date(limit)})", case_id=case.id))
    return sorted(found, key=lambda r: (r.due, r.name))

"""Recording the steps of an admission case, in order, with the rules of DOMAIN §3.
Blocking rules raise ValidationError; deadlines only warn (case_warnings, attention)."""

from datetime import date

from models.accounts import session
from models.accounts.audit import save_changes
from models.admissions.cases import (
    DECIDED,
    FULL,
    MAX_AGE_MONTHS,
    MIN_AGE_MONTHS,
    POOL,
    PROBATION,
    STATES,
    STEPS,
    STRUCK_OFF,
    WITHDRAWN,
    full_member_date,
    get_case,
    next_step,
    steps_for,
    write_case,
)
from models.admissions.tables import AdmissionCase
from models.core import vocab as v
from models.core.checks import record_number
from models.core.dates import check_plausible, fmt_date, months_between
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean
from models.members.events import correct_event, create_member, record_event, remove_event
from models.members.record import get_member
from models.members.tables import MemberEvent
from models.orgs.tree import check_in_scope

STEP_FIELDS = {
    "course": ("course_from", "course_to", "certificate_no", "certificate_date"),
    "verified": ("history_verified_on",),
    "cell": ("cell_resolution_no", "cell_resolution_date", "votes_for", "votes_total"),
    "base": ("base_resolution_no", "base_resolution_date"),
    "decision": ("decision_no", "decision_date", "decision_body"),
    "ceremony": ("ceremony_date",),
    "full": ("review_date", "full_decision_no", "full_decision_date"),
}
REQUIRED_NUMBERS = {"course": "certificate_no", "cell": "cell_resolution_no",
                    "base": "base_resolution_no", "decision": "decision_no",
                    "full": "full_decision_no"}


def _age_words(months: int) -> str:
    return f"{months // 12} tuổi {months % 12} tháng"


def _previous_date(case: AdmissionCase, step: str) -> tuple[str, date] | None:
    earlier = steps_for(case)[: steps_for(case).index(step)]
    for name in reversed(earlier):
        value = getattr(case, STEPS[name][1])
        if value is not None:
            return STEPS[name][0], value
    return None


def record_step(case_id: int, step: str, values: dict) -> AdmissionCase:
    """Record the next step of a case. The ceremony puts the person in the registry as a
    probationary member; full membership writes the recognition — each in one transaction."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        expected = next_step(case)
        if expected is None:
            raise ValidationError("step", f"Hồ sơ đã kết thúc ({STATES[case.state].lower()}).")
        if step != expected:
            raise ValidationError(
                "step", f"Bước tiếp theo là “{STEPS[expected][0]}”; ghi các bước theo thứ tự.")
        changes = _checked(case, step, values)
        if step == "decision":
            changes["state"] = DECIDED
        elif step == "ceremony":
            member = _admit(case, changes["ceremony_date"])
            changes.update(member=member.id, state=PROBATION)
        elif step == "full":
            record_event(case.member_id, v.RECOGNISED, full_member_date(case),
                         decision_no=changes["full_decision_no"])
            changes["state"] = FULL
        write_case(case, changes)  # one write, one audit entry, for the case row
        return case


def correctable_step(case: AdmissionCase) -> str | None:
    """The step a clerk may still correct (a number or a day typed wrong): the latest one
    recorded — the ceremony while on probation (its day is corrected on the member it wrote;
    probation is counted from it), or the full-membership decision last of all (its number is
    corrected on the member's "recognised" event too; the day of full membership follows the
    ceremony, not the decision)."""
    if case.state == FULL:
        return "full"
    if case.state == PROBATION and case.member_id is not None:
        return "ceremony"
    if case.member_id is not None or case.state in (STRUCK_OFF, WITHDRAWN):
        return None
    done = [step for step in steps_for(case) if getattr(case, STEPS[step][1]) is not None]
    return done[-1] if done else None


def correct_step(case_id: int, step: str, values: dict) -> AdmissionCase:
    """Write the latest step again with corrected values, checked as when it was recorded
    (found: a decision's day typed wrong could not be put right, and the decision printed from
    the case carries the case's day)."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        if step != correctable_step(case):
            raise ValidationError("step", "Chỉ sửa được bước ghi sau cùng.")
        changes = _checked(case, step, values)
        if step == "ceremony":
            save_changes(get_member(case.member_id), {"ceremony_date": changes["ceremony_date"]})
        if step == "full" and changes["full_decision_no"] != case.full_decision_no:
            recognised = (MemberEvent.select().where((MemberEvent.member == case.member_id)
                                                     & (MemberEvent.kind == v.RECOGNISED)
                                                     & (MemberEvent.decision_no == case.full_decision_no))
                          .order_by(MemberEvent.id.desc()).first())
            if recognised is not None:
                save_changes(recognised, {"decision_no": changes["full_decision_no"]})
        write_case(case, changes)
        return case


def _checked(case: AdmissionCase, step: str, values: dict) -> dict:
    label, date_field = STEPS[step]
    changes = {key: values.get(key) for key in STEP_FIELDS[step]}
    for key, value in changes.items():
        if isinstance(value, str):
            changes[key] = clean(value)
            if len(changes[key]) > 100:
                raise ValidationError(key, "Tối đa 100 ký tự.")
    when = changes[date_field]
    if when is None:
        raise ValidationError(date_field, f"Nhập ngày của bước “{label}”.")
    check_plausible(when, date_field, f"Ngày {label.lower()}")
    number = REQUIRED_NUMBERS.get(step)
    if number and not changes[number]:
        raise ValidationError(number, "Nhập số văn bản.")
    previous = _previous_date(case, step)
    if previous and when < previous[1]:
        raise ValidationError(
            date_field, f"Ngày {label.lower()} ({fmt_date(when)}) ở trước bước “{previous[0]}” "
                        f"({fmt_date(previous[1])}).")
    if step == "course":
        start, end = changes["course_from"], changes["course_to"]
        if start and end and end < start:
            raise ValidationError("course_to", "Ngày kết thúc lớp ở trước ngày khai giảng.")
        if end and when < end:
            raise ValidationError("certificate_date", "Ngày cấp giấy chứng nhận ở trước ngày kết thúc lớp.")
    elif step == "cell":
        _check_cell_resolution(case, when, changes["votes_for"], changes["votes_total"])
    elif step == "decision" and not changes["decision_body"]:
        changes["decision_body"] = "Ban Thường vụ Đảng ủy Khối"
    elif step == "full":
        earliest = full_member_date(case)
        if changes["review_date"] is None or changes["review_date"] < earliest:
            raise ValidationError(
                "review_date", f"Chi bộ xét công nhận chính thức sau khi đủ 12 tháng dự bị, "
                               f"tức từ {fmt_date(earliest)}.")
        if when < changes["review_date"]:
            raise ValidationError("full_decision_date", "Ngày quyết định ở trước ngày chi bộ xét.")
    return changes


def _check_cell_resolution(case: AdmissionCase, when: date, votes_for, votes_total) -> None:
    age = months_between(case.birth_date, when)
    if not MIN_AGE_MONTHS <= age <= MAX_AGE_MONTHS:
        raise ValidationError(
            "cell_resolution_date",
            f"Tại ngày chi bộ xét ({fmt_date(when)}), người này {_age_words(age)}; tuổi kết nạp "
            "từ đủ 18 tuổi đến đủ 60 tuổi, tính theo tháng (trên 60 tuổi cần cấp ủy trực thuộc "
            "Trung ương quyết định).")
    if votes_total is None or votes_for is None:
        raise ValidationError("votes_for", "Nhập số đảng viên chính thức của chi bộ và số tán thành.")
    if not (0 <= votes_for <= votes_total and votes_total >= 1):
        raise ValidationError("votes_for", "Số tán thành phải từ 0 đến số đảng viên chính thức.")
    if votes_for * 2 <= votes_total:
        raise ValidationError(
            "votes_for", f"{votes_for}/{votes_total} tán thành chưa quá một nửa số đảng viên "
                         "chính thức của chi bộ: nghị quyết không thông qua.")


def _admit(case: AdmissionCase, ceremony: date):
    """The ceremony: the person enters the registry as a probationary member."""
    fields = {key: getattr(case, key) for key in (
        "full_name", "sex", "birth_date", "ethnicity", "religion", "home_town", "residence",
        "identity_number", "occupation")}
    fields.update(admission_date=case.decision_date, ceremony_date=ceremony,
                  professional_level="", education=case.education, youth_union=case.youth_union)
    member = create_member(fields, {"kind": v.ADMITTED, "date": case.decision_date,
                                    "decision_no": case.decision_no, "org_id": case.org_id})
    return member


def fail_probation(case_id: int, on: date | None, reason: str) -> AdmissionCase:
    """Probation not passed: struck off (xóa tên), with the reason."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        if case.state != PROBATION:
            raise ValidationError("step", "Chỉ xóa tên khi người này đang là đảng viên dự bị.")
        if on is None:
            raise ValidationError("ended_on", "Nhập ngày xóa tên.")
        if on < case.ceremony_date:
            raise ValidationError("ended_on", "Ngày xóa tên ở trước lễ kết nạp.")
        reason = clean(reason)
        if not reason:
            raise ValidationError("end_reason", "Ghi lý do xóa tên.")
        record_event(case.member_id, v.STRUCK_OFF_EVENT, on, note=reason)
        write_case(case, {"state": STRUCK_OFF, "ended_on": on, "end_reason": reason})
        return case


def withdraw(case_id: int, on: date | None, reason: str) -> AdmissionCase:
    """Take a person off the list before the admission decision."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        if case.state != POOL:
            raise ValidationError("step", "Đã có quyết định kết nạp: không đưa ra khỏi danh sách được.")
        if on is None:
            raise ValidationError("ended_on", "Nhập ngày.")
        check_plausible(on, "ended_on", "Ngày đưa ra khỏi danh sách")
        write_case(case, {"state": WITHDRAWN, "ended_on": on, "end_reason": clean(reason)})
        return case


def reopen_case(case_id: int) -> AdmissionCase:
    """Take back an ending recorded on the wrong case: one taken off the list is back on it; one
    struck off during probation is on probation again, its struck-off event taken out of the
    member's history in the same transaction (refused if what followed depends on it)."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        if case.state not in (WITHDRAWN, STRUCK_OFF):
            raise ValidationError("step", "Hồ sơ chưa kết thúc (thôi xét hay xóa tên): không có gì để mở "
                                          "lại.")
        state = POOL
        if case.state == STRUCK_OFF:
            struck = (MemberEvent.select().where((MemberEvent.member == case.member_id)
                                                 & (MemberEvent.kind == v.STRUCK_OFF_EVENT)
                                                 & (MemberEvent.date == case.ended_on))
                      .order_by(MemberEvent.id.desc()).first())
            if struck is not None:
                remove_event(struck.id)
            state = PROBATION
        write_case(case, {"state": state, "ended_on": None, "end_reason": ""})
        return case


def correct_registry_event(event_id: int, on: date | None, decision_no: str) -> MemberEvent:
    """An event's day or number put right from the member's history (members.correct_event),
    the admission case it came from kept in step: a member admitted through a case has its
    "Kết nạp" event from the case's decision — corrected there too, checked as that step is —
    and its full membership from the case's last decision, whose number follows."""
    with database.atomic():
        event = MemberEvent.get_or_none(MemberEvent.id == record_number(event_id))
        case = None if event is None else AdmissionCase.get_or_none(AdmissionCase.member == event.member_id)
        if case is not None and event.kind == v.ADMITTED:
            changes = _checked(case, "decision", {"decision_no": decision_no, "decision_date": on,
                                                  "decision_body": case.decision_body})
            corrected = correct_event(event_id, on, decision_no)
            write_case(case, changes)
            return corrected
        corrected = correct_event(event_id, on, decision_no)
        if case is not None and event.kind == v.RECOGNISED and case.state == FULL:
            write_case(case, {"full_decision_no": corrected.decision_no})
        return corrected

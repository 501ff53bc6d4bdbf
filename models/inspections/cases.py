"""Inspection and supervision cases with their subjects, and discipline (DOMAIN §5).
Forms of discipline are checked against the subject; expulsion writes the member's event and
dissolution dissolves the organisation, each in the same transaction."""

from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import check_version, log_delete, log_insert, log_update, save_changes, values_of
from models.core import vocab as v
from models.core.checks import record_number, stored_record, whole_number, year_in
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import Forbidden, NotFound, ValidationError
from models.core.text import checked_multiline, clean
from models.inspections.tables import Discipline, InspectionCase, InspectionSubject
from models.inspections.vocab import (
    BLOC_PERFORMERS,
    CAP_UY_VIEN,
    CONCLUDED,
    CONCLUSIONS,
    DANG_VIEN,
    FORMS,
    FULL_MEMBER_FORMS,
    IN_PROGRESS,
    INSPECTION_COMMISSIONS,
    KINDS,
    ORG_FORMS,
    PERFORMERS,
    PLANNED,
    PROBATIONARY_FORMS,
    STATUSES,
    SUBJECT_TYPES,
    TO_CHUC,
)
from models.members.events import record_event
from models.members.record import get_member
from models.members.tables import Member
from models.orgs.changes import dissolve_org
from models.orgs.tree import check_in_scope, get_org, subtree_ids

CASE_FIELDS = ("performer", "performer_org_id", "kind", "planned", "plan_year", "plan_month", "title",
               "decision_no", "decision_date", "team", "start_date", "end_date", "status", "note")


def get_inspection(case_id: int) -> InspectionCase:
    return stored_record(InspectionCase, case_id, "cuộc kiểm tra, giám sát")


def _require_performer_rights(performer: str, org_id: int | None) -> None:
    actor = session.require(session.WRITE_RECORDS)
    if performer in BLOC_PERFORMERS and actor.org_ids is not None:
        raise Forbidden("Tài khoản chỉ được giao một số tổ chức không ghi việc của cấp Khối.")
    if org_id is not None:
        check_in_scope(org_id)


def _validated_case(fields: dict) -> dict:
    performer, kind = fields.get("performer"), fields.get("kind")
    if performer not in PERFORMERS:
        raise ValidationError("performer", "Chọn chủ thể tiến hành.")
    if kind not in KINDS:
        raise ValidationError("kind", "Chọn loại việc kiểm tra, giám sát.")
    if kind == "KT_TAI_CHINH_DANG" and performer not in INSPECTION_COMMISSIONS:
        raise ValidationError("kind", "Kiểm tra tài chính đảng do Ủy ban Kiểm tra tiến hành "
                                      "(Điều lệ Đảng, Điều 32).")
    org_id = fields.get("performer_org_id")
    if performer in BLOC_PERFORMERS:
        org_id = None
    elif org_id is None:
        raise ValidationError("performer_org", f"Chọn tổ chức của “{PERFORMERS[performer]}”.")
    else:
        level = get_org(org_id).level
        wanted = (v.CBTT,) if performer == "CHI_BO_TRUC_THUOC" else v.GRASSROOTS
        if level not in wanted:
            raise ValidationError("performer_org", "Tổ chức không đúng cấp với chủ thể tiến hành.")
    status = fields.get("status") or PLANNED
    if status not in STATUSES:
        raise ValidationError("status", "Chọn tình trạng.")
    data = {"performer": performer, "performer_org": org_id, "kind": kind, "status": status,
            "planned": bool(fields.get("planned")), "title": clean(fields.get("title")),
            "decision_no": clean(fields.get("decision_no")),
            "team": checked_multiline(fields.get("team"), "team", "Đoàn kiểm tra"),
            "note": checked_multiline(fields.get("note"), "note", "Ghi chú")}
    for key, label in (("decision_date", "Ngày quyết định"), ("start_date", "Ngày bắt đầu"),
                       ("end_date", "Ngày kết thúc")):
        check_plausible(fields.get(key), key, label)
        data[key] = fields.get(key)
    year, month = fields.get("plan_year"), fields.get("plan_month")
    if data["planned"] and not year:
        raise ValidationError("plan_year", "Việc trong chương trình cần có năm của chương trình.")
    if year:
        year = year_in(year, "plan_year", "Năm của chương trình", 1990, 2100)
    if month:
        month = whole_number(month, "plan_month", "Tháng", 1, 12)
    data["plan_year"], data["plan_month"] = year or None, month or None
    if status in (IN_PROGRESS, CONCLUDED) and data["start_date"] is None:
        raise ValidationError("start_date", "Nhập ngày bắt đầu.")
    if status == CONCLUDED and data["end_date"] is None:
        raise ValidationError("end_date", "Đã kết luận: nhập ngày kết thúc.")
    if data["start_date"] and data["end_date"] and data["end_date"] < data["start_date"]:
        raise ValidationError("end_date", "Ngày kết thúc ở trước ngày bắt đầu.")
    if data["decision_date"] and data["start_date"] and data["start_date"] < data["decision_date"]:
        raise ValidationError("start_date", "Ngày bắt đầu ở trước ngày quyết định.")
    return data


def create_inspection(fields: dict) -> InspectionCase:
    data = _validated_case(fields)
    _require_performer_rights(data["performer"], data["performer_org"])
    with database.atomic():
        case = InspectionCase.create(**data)
        log_insert(case)
        return case


def update_inspection(case_id: int, fields: dict, seen_version: int | None = None) -> InspectionCase:
    """`seen_version`: the version the form read; a case saved since is not overwritten."""
    data = _validated_case(fields)
    with database.atomic():
        case = get_inspection(case_id)
        check_version(case, seen_version)
        _require_performer_rights(case.performer, case.performer_org_id)
        _require_performer_rights(data["performer"], data["performer_org"])
        save_changes(case, data, touch=True)
        return case


def add_subject(case_id: int, subject_type: str, org_id: int | None = None,
                member_id: int | None = None) -> InspectionSubject:
    with database.atomic():
        case = get_inspection(case_id)
        _require_performer_rights(case.performer, case.performer_org_id)
        if subject_type not in SUBJECT_TYPES:
            raise ValidationError("subject_type", "Chọn đối tượng: tổ chức, cấp ủy viên hoặc đảng viên.")
        if subject_type == TO_CHUC:
            if org_id is None:
                raise ValidationError("org", "Chọn tổ chức đảng được kiểm tra, giám sát.")
            get_org(org_id)
            member_id = None
        else:
            if member_id is None:
                raise ValidationError("member", "Chọn đảng viên được kiểm tra, giám sát.")
            get_member(member_id)
            org_id = None
        same = InspectionSubject.select().where(
            (InspectionSubject.case == case.id) & (InspectionSubject.subject_type == subject_type)
            & (InspectionSubject.org == org_id if org_id else InspectionSubject.member == member_id))
        if same.exists():
            raise ValidationError("subject_type", "Đối tượng này đã có trong cuộc kiểm tra, giám sát.")
        subject = InspectionSubject.create(case=case.id, subject_type=subject_type, org=org_id,
                                           member=member_id)
        log_insert(subject)
        return subject


def conclude_subject(subject_id: int, conclusion: str | None, recommendations: str = "",
                     follow_up_done: bool = False) -> InspectionSubject:
    with database.atomic():
        subject = InspectionSubject.get_or_none(InspectionSubject.id == record_number(subject_id))
        if subject is None:
            raise NotFound("Đối tượng này không còn trong cuộc kiểm tra.")
        case = subject.case
        _require_performer_rights(case.performer, case.performer_org_id)
        if conclusion is not None and conclusion not in CONCLUSIONS:
            raise ValidationError("conclusion", "Chọn kết luận.")
        before = values_of(subject)
        subject.conclusion = conclusion
        subject.recommendations = checked_multiline(recommendations, "recommendations", "Kiến nghị")
        subject.follow_up_done = bool(follow_up_done)
        if values_of(subject) != before:
            subject.save()
            log_update(subject, before)
        return subject


def remove_subject(subject_id: int) -> None:
    with database.atomic():
        subject = InspectionSubject.get_or_none(InspectionSubject.id == record_number(subject_id))
        if subject is None:
            raise NotFound("Đối tượng này không còn trong cuộc kiểm tra.")
        _require_performer_rights(subject.case.performer, subject.case.performer_org_id)
        log_delete(subject)
        subject.delete_instance()


def allowed_forms(subject_type: str, member: Member | None = None) -> tuple[str, ...]:
    if subject_type == TO_CHUC:
        return ORG_FORMS
    return FULL_MEMBER_FORMS if member is not None and member.membership == v.FULL else PROBATIONARY_FORMS


def decision_particulars(deciding_body: str, decision_no: str, decision_date: date | None,
                         effective_date: date | None) -> tuple[str, str, date]:
    """Who decided, the number and the days of a discipline decision, checked: the body and the
    number cleaned, and the day it takes effect (the decision's own when not given)."""
    deciding_body, decision_no = clean(deciding_body), clean(decision_no)
    if not deciding_body:
        raise ValidationError("deciding_body", "Nhập cấp ra quyết định kỷ luật.")
    if not decision_no:
        raise ValidationError("decision_no", "Nhập số quyết định.")
    if decision_date is None:
        raise ValidationError("decision_date", "Nhập ngày quyết định.")
    check_plausible(decision_date, "decision_date", "Ngày quyết định")
    effective_date = effective_date or decision_date
    if effective_date < decision_date:
        raise ValidationError("effective_date", "Ngày có hiệu lực ở trước ngày quyết định.")
    return deciding_body, decision_no, effective_date


def record_discipline(subject_type: str, form: str, deciding_body: str, decision_no: str,
                      decision_date: date | None, effective_date: date | None,
                      org_id: int | None = None, member_id: int | None = None,
                      case_id: int | None = None, note: str = "") -> Discipline:
    session.require(session.WRITE_RECORDS)
    if subject_type not in (TO_CHUC, DANG_VIEN, CAP_UY_VIEN):
        raise ValidationError("subject_type", "Chọn đối tượng bị kỷ luật.")
    if form not in FORMS:
        raise ValidationError("form", "Chọn hình thức kỷ luật.")
    deciding_body, decision_no, effective_date = decision_particulars(
        deciding_body, decision_no, decision_date, effective_date)
    with database.atomic():
        if case_id is not None:
            get_inspection(case_id)
        if subject_type == TO_CHUC:
            if org_id is None:
                raise ValidationError("org", "Chọn tổ chức đảng bị kỷ luật.")
            org = get_org(org_id)
            check_in_scope(org_id)
            member_id = None
            _check_form(form, ORG_FORMS, f"tổ chức đảng “{org.name}”")
            if form == "GIAI_TAN":
                _dissolve(org, effective_date)
        else:
            if member_id is None:
                raise ValidationError("member", "Chọn đảng viên bị kỷ luật.")
            member = get_member(member_id)
            if member.org_id is not None:
                check_in_scope(member.org_id)
            if member.status not in v.COUNTED:
                raise ValidationError("member", f"{member.full_name} không còn trong danh sách đảng viên.")
            org_id = None
            if member.membership == v.FULL:
                _check_form(form, FULL_MEMBER_FORMS, f"đảng viên chính thức {member.full_name}")
            else:
                _check_form(form, PROBATIONARY_FORMS, f"đảng viên dự bị {member.full_name}",
                            "; nếu không đủ tư cách đảng viên thì xóa tên")
            if form == "KHAI_TRU":
                record_event(member.id, v.EXPELLED_EVENT, effective_date, decision_no=decision_no,
                             note="Kỷ luật khai trừ")
        discipline = Discipline.create(
            subject_type=subject_type, org=org_id, member=member_id, form=form,
            deciding_body=deciding_body, decision_no=decision_no, decision_date=decision_date,
            effective_date=effective_date, case=case_id, note=checked_multiline(note, "note", "Ghi chú"))
        log_insert(discipline)
        return discipline


def _check_form(form: str, allowed: tuple[str, ...], whom: str, advice: str = "") -> None:
    if form not in allowed:
        names = ", ".join(FORMS[f].lower() for f in allowed)
        raise ValidationError("form", f"Hình thức “{FORMS[form].lower()}” không áp dụng cho {whom}: "
                                      f"chỉ có {names}{advice}.")


def _dissolve(org, on: date) -> None:
    members = Member.select().where(Member.org.in_(sorted(subtree_ids(org.id)))
                                    & Member.status.not_in(v.LEFT)).count()
    if members:
        raise ValidationError("form", f"Không giải tán được “{org.name}”: còn {members} đảng viên. "
                                      "Chuyển sinh hoạt cho các đảng viên trước.")
    dissolve_org(org.id, on)


@dataclass(frozen=True)
class HistoryLine:
    on: date | None
    text: str


def inspection_history(member_id: int | None = None, org_id: int | None = None) -> list[HistoryLine]:
    """Cases that looked at the member or organisation, and discipline they received."""
    lines = []
    subjects = InspectionSubject.select().join(InspectionCase)
    subjects = subjects.where(InspectionSubject.member == member_id if member_id is not None
                              else InspectionSubject.org == org_id)
    for subject in subjects:
        case = subject.case
        when = case.start_date or case.decision_date
        conclusion = f" — {CONCLUSIONS[subject.conclusion].lower()}" if subject.conclusion else ""
        lines.append(HistoryLine(when, f"{PERFORMERS[case.performer]}: {KINDS[case.kind].lower()} "
                                       f"({STATUSES[case.status].lower()}){conclusion}"))
    disciplines = Discipline.select().where(Discipline.member == member_id if member_id is not None
                                            else Discipline.org == org_id)
    for item in disciplines:
        lines.append(HistoryLine(item.decision_date, f"Kỷ luật {FORMS[item.form].lower()} — "
                                                    f"{item.deciding_body}, {item.decision_no}, "
                                                    f"ngày {fmt_date(item.decision_date)}"))
    return sorted(lines, key=lambda line: line.on or date.min)

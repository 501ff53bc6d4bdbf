"""Admission cases (DOMAIN §3): a person on the candidate list, taken step by step to the
admission decision and ceremony — where they enter the registry as a probationary member —
and after twelve months to full membership (or struck off)."""

from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import check_version, log_insert, log_update, values_of
from models.admissions.tables import AdmissionCase
from models.core import clock
from models.core import vocab as v
from models.core.checks import stored_record
from models.core.dates import add_months, check_plausible, months_between
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline, clean, fold, name_sort_key
from models.members.record import get_member
from models.orgs.tables import PartyOrg
from models.orgs.tree import check_in_scope, get_org, scope_ids, subtree_ids

# States of a case, for lists and filters.
POOL, DECIDED, PROBATION, FULL, STRUCK_OFF, WITHDRAWN = (
    "POOL", "DECIDED", "PROBATION", "FULL", "STRUCK_OFF", "WITHDRAWN")
STATES = {
    POOL: "Đang bồi dưỡng, xét kết nạp",
    DECIDED: "Có quyết định, chờ lễ kết nạp",
    PROBATION: "Đảng viên dự bị",
    FULL: "Đã là đảng viên chính thức",
    STRUCK_OFF: "Xóa tên khi dự bị",
    WITHDRAWN: "Đã đưa ra khỏi danh sách",
}
# The steps in their order, with the date that marks each done.
STEPS = {
    "course": ("Lớp bồi dưỡng nhận thức về Đảng", "certificate_date"),
    "verified": ("Thẩm tra, xác minh lý lịch", "history_verified_on"),
    "cell": ("Nghị quyết chi bộ", "cell_resolution_date"),
    "base": ("Nghị quyết đảng ủy cơ sở", "base_resolution_date"),
    "decision": ("Quyết định kết nạp", "decision_date"),
    "ceremony": ("Lễ kết nạp", "ceremony_date"),
    "full": ("Công nhận đảng viên chính thức", "full_decision_date"),
}
MIN_AGE_MONTHS, MAX_AGE_MONTHS = 18 * 12, 60 * 12
DECISION_DEADLINE_WORKDAYS = 60  # after the cell resolution (QĐ 232 pt. 4.3.1)
CEREMONY_DEADLINE_WORKDAYS = 30  # after the decision
REVIEW_DEADLINE_WORKDAYS = 30  # after the 12 months of probation
STALE_MONTHS = 12


def get_case(case_id: int) -> AdmissionCase:
    return stored_record(AdmissionCase, case_id, "hồ sơ kết nạp")


def steps_for(case: AdmissionCase, org_level: str | None = None) -> list[str]:
    """A chi bộ cơ sở is itself the grassroots organisation: no separate committee step.
    `org_level`: the case's organisation's level when the caller has it (a whole list)."""
    steps = list(STEPS)
    if (org_level or get_org(case.org_id).level) == v.CBCS:
        steps.remove("base")
    return steps


def next_step(case: AdmissionCase, org_level: str | None = None) -> str | None:
    if case.state in (FULL, STRUCK_OFF, WITHDRAWN):
        return None
    for step in steps_for(case, org_level):
        if getattr(case, STEPS[step][1]) is None:
            return step
    return None


def full_member_date(case: AdmissionCase) -> date | None:
    """Ceremony + 12 months, even when the decision comes later (QĐ 29 pt. 4.2)."""
    return add_months(case.ceremony_date, 12) if case.ceremony_date else None


# --- the person and the list -----------------------------------------------------------
PERSON_TEXT = {"ethnicity": "Dân tộc", "religion": "Tôn giáo", "home_town": "Quê quán",
               "residence": "Nơi ở", "education": "Trình độ học vấn", "occupation": "Nghề nghiệp"}


def _person(fields: dict) -> dict:
    name = clean(fields.get("full_name"))
    if len(name.split(" ")) < 2 or len(name) > 100 or any(ch.isdigit() for ch in name):
        raise ValidationError("full_name", "Nhập đầy đủ họ và tên (ít nhất hai chữ, không có chữ số).")
    if fields.get("sex") not in v.SEXES:
        raise ValidationError("sex", "Chọn giới tính.")
    birth = fields.get("birth_date")
    if birth is None:
        raise ValidationError("birth_date", "Nhập ngày sinh.")
    check_plausible(birth, "birth_date", "Ngày sinh")
    data = {"full_name": name, "name_folded": fold(name), "sort_key": name_sort_key(name),
            "sex": fields["sex"], "birth_date": birth, "youth_union": bool(fields.get("youth_union")),
            "note": checked_multiline(fields.get("note"), "note", "Ghi chú")}
    for key, label in PERSON_TEXT.items():
        value = clean(fields.get(key))
        if len(value) > 200:
            raise ValidationError(key, f"{label} dài quá 200 ký tự.")
        data[key] = value
    identity = clean(fields.get("identity_number")).replace(" ", "")
    if identity and not (identity.isdigit() and len(identity) in (9, 12)):
        raise ValidationError("identity_number", "Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).")
    data["identity_number"] = identity or None
    return data


def _listing(fields: dict, birth: date) -> dict:
    org_id = fields.get("org_id")
    if org_id is None:
        raise ValidationError("org", "Chọn chi bộ đề nghị kết nạp.")
    org = get_org(org_id)
    if org.level not in v.CELLS or org.dissolved_on:
        raise ValidationError("org", f"“{org.name}” không phải chi bộ đang hoạt động.")
    check_in_scope(org_id)
    listed = fields.get("listed_on")
    if listed is None:
        raise ValidationError("listed_on", "Nhập ngày đưa vào danh sách.")
    check_plausible(listed, "listed_on", "Ngày đưa vào danh sách")
    if months_between(birth, listed) < 16 * 12:
        raise ValidationError("listed_on", "Khi đưa vào danh sách, người này chưa đủ 16 tuổi.")
    data = {"org": org_id, "listed_on": listed}
    introducers = [fields.get("introducer1_id"), fields.get("introducer2_id")]
    if introducers[0] and introducers[0] == introducers[1]:
        raise ValidationError("introducer2", "Hai người giới thiệu phải là hai đảng viên khác nhau.")
    for index, member_id in enumerate(introducers, start=1):
        since = fields.get(f"introducer{index}_since")
        check_plausible(since, f"introducer{index}_since", "Ngày bắt đầu công tác cùng")
        if member_id is not None:
            get_member(member_id)
        data[f"introducer{index}"] = member_id
        data[f"introducer{index}_since"] = since
    return data


def create_case(fields: dict) -> AdmissionCase:
    session.require(session.WRITE_RECORDS)
    data = _person(fields)
    data.update(_listing(fields, data["birth_date"]))
    with database.atomic():
        case = AdmissionCase.create(state=POOL, **data)
        log_insert(case)
        return case


def update_case(case_id: int, fields: dict, seen_version: int | None = None) -> AdmissionCase:
    """The person's details, cell, listing date and introducers — not the steps.
    `seen_version`: the version the form read; a case saved since is not overwritten."""
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        case = get_case(case_id)
        check_in_scope(case.org_id)
        check_version(case, seen_version)
        data = _person(fields)
        listing = _listing(fields, data["birth_date"])
        if case.member_id is not None and listing["org"] != case.org_id:
            raise ValidationError("org", "Đã kết nạp: đổi chi bộ bằng biến động của đảng viên.")
        data.update(listing)
        write_case(case, data)
        return case


def write_case(case: AdmissionCase, changes: dict) -> None:
    before = values_of(case)
    for key, value in changes.items():
        setattr(case, key, value)
    if values_of(case) != before:
        case.updated_at = clock.now()
        case.save()
        log_update(case, before)


@dataclass(frozen=True)
class CaseRow:
    id: int
    full_name: str
    org_id: int
    state: str
    listed_on: date
    next_step: str | None


def case_rows(text: str = "", org_id: int | None = None, states: tuple[str, ...] = ()) -> list[CaseRow]:
    """Cases for the list, sorted the Vietnamese way, within the user's organisations."""
    query = AdmissionCase.select().order_by(AdmissionCase.sort_key, AdmissionCase.id)
    words = fold(text)
    if words:
        query = query.where(AdmissionCase.name_folded.contains(words))
    if org_id is not None:
        query = query.where(AdmissionCase.org.in_(sorted(subtree_ids(org_id))))
    scope = scope_ids()
    if scope is not None:
        query = query.where(AdmissionCase.org.in_(sorted(scope)))
    if states:
        query = query.where(AdmissionCase.state.in_(list(states)))
    levels = dict(PartyOrg.select(PartyOrg.id, PartyOrg.level).tuples())  # once, not once a case
    return [CaseRow(case.id, case.full_name, case.org_id, case.state, case.listed_on,
                    next_step(case, levels[case.org_id])) for case in query]


def case_fields(case: AdmissionCase) -> dict:
    """The person and listing fields of a case, in the shape create_case() takes."""
    keys = ["full_name", "sex", "birth_date", "youth_union", "note", "identity_number", *PERSON_TEXT,
            "listed_on", "introducer1_since", "introducer2_since"]
    fields = {key: getattr(case, key) for key in keys}
    fields.update(org_id=case.org_id, introducer1_id=case.introducer1_id,
                  introducer2_id=case.introducer2_id)
    return fields

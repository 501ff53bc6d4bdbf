"""Meetings of the bloc's bodies, grassroots committees and cells (DOMAIN §6): the record,
attendance taken against the body's membership, and the resolutions adopted."""

from dataclasses import dataclass
from datetime import date
from math import ceil

from models.accounts import session
from models.accounts.audit import check_version, insert_logged, log_delete, log_insert, save_changes
from models.core import clock
from models.core import vocab as v
from models.core.checks import record_number, stored_record, whole_number
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import Forbidden, NotFound, ValidationError
from models.core.text import LONG_TEXT_MAX, NOTE_MAX, checked_multiline, clean, fold
from models.documents.register import term_start
from models.meetings.folder import attachment_path, drop_content
from models.meetings.tables import Meeting, MeetingAttendance, MeetingFile, MeetingResolution
from models.meetings.vocab import (
    BCH_DUK,
    BLOC_BODIES,
    BODIES,
    CAP_UY_CO_SO,
    CELL_ONLY_KINDS,
    CHI_BO,
    KINDS,
    QUORUM,
    RESOLUTION_KINDS,
)
from models.members.counts import roster_at
from models.members.tables import Member
from models.orgs.tree import check_in_scope, get_org

TEXT_MAX = 255  # what the columns hold (VARCHAR(255) on the server)
MEETING_FIELDS = ("body", "org_id", "kind", "number", "title", "date", "time", "place", "chairs", "secretary",
                  "guests", "presenters", "standing_visitors", "agenda", "minutes", "body_size")
ORG_LEVELS_OF = {CHI_BO: v.CELLS, CAP_UY_CO_SO: (v.DBCS, v.DBBP)}
LONG_FIELDS = {"chairs": "Chủ trì", "guests": "Đại biểu dự", "presenters": "Người trình bày",
               "standing_visitors": "Ủy viên Ban Thường vụ dự", "agenda": "Chương trình",
               "minutes": "Biên bản"}


def get_meeting(meeting_id: int) -> Meeting:
    return stored_record(Meeting, meeting_id, "cuộc họp")


def require_meeting_rights(body: str, org_id: int | None) -> None:
    actor = session.require(session.WRITE_RECORDS)
    if body in BLOC_BODIES and actor.org_ids is not None:
        raise Forbidden("Tài khoản chỉ được giao một số tổ chức không ghi hội nghị của cấp Khối.")
    if org_id is not None:
        check_in_scope(org_id)


def next_bch_number(on: date, except_id: int | None = None) -> int:
    """The executive committee's conferences are numbered "lần thứ N" within the term."""
    query = Meeting.select(Meeting.number).where((Meeting.body == BCH_DUK) & Meeting.number.is_null(False))
    start = term_start()
    if start is not None:
        query = query.where(Meeting.date >= start)
    if except_id is not None:
        query = query.where(Meeting.id != except_id)
    return max((number for (number,) in query.tuples()), default=0) + 1


def validated_meeting(fields: dict, meeting_id: int | None) -> dict:
    """The row a meeting's fields make, checked as the meeting form checks them."""
    body, kind = fields.get("body"), fields.get("kind")
    if body not in BODIES:
        raise ValidationError("body", "Chọn cơ quan họp.")
    if kind not in KINDS:
        raise ValidationError("kind", "Chọn loại hội nghị, sinh hoạt.")
    day = fields.get("date")
    if day is None:
        raise ValidationError("date", "Nhập ngày họp.")
    check_plausible(day, "date", "Ngày họp")
    org_id = fields.get("org_id") if body in ORG_LEVELS_OF else None
    if body in ORG_LEVELS_OF:
        if org_id is None:
            raise ValidationError("org_id", "Chọn tổ chức đảng họp.")
        org = get_org(org_id)
        if org.level not in ORG_LEVELS_OF[body]:
            words = "chi bộ" if body == CHI_BO else "đảng bộ cơ sở hoặc đảng bộ bộ phận"
            raise ValidationError("org_id", f"“{org.name}” không phải {words}.")
        if org.founded_on and day < org.founded_on or org.dissolved_on and day > org.dissolved_on:
            raise ValidationError("date", f"Ngày {fmt_date(day)}, “{org.name}” chưa thành lập hoặc đã "
                                          "giải thể.")
    if kind in CELL_ONLY_KINDS and body != CHI_BO:
        raise ValidationError("kind", f"“{KINDS[kind]}” là sinh hoạt của chi bộ.")
    number = fields.get("number")
    if body == BCH_DUK:
        number = number or next_bch_number(day, meeting_id)
        if number < 1:
            raise ValidationError("number", "Hội nghị lần thứ mấy: số từ 1.")
        start = term_start()
        taken = Meeting.select().where((Meeting.body == BCH_DUK) & (Meeting.number == number)
                                       & (Meeting.id != (meeting_id or 0)))
        if start is not None:
            taken = taken.where(Meeting.date >= start)
        if taken.exists():
            raise ValidationError("number", f"Đã có Hội nghị Ban Chấp hành lần thứ {number} trong nhiệm kỳ; "
                                            f"số tiếp theo là {next_bch_number(day, meeting_id)}.")
    else:
        number = None
    body_size = fields.get("body_size")
    if body_size is not None:
        body_size = whole_number(body_size, "body_size", "Số thành viên của cơ quan họp", 1, 500)
    data = {"body": body, "org_id": org_id, "kind": kind, "number": number, "date": day,
            "body_size": body_size if body != CHI_BO else None}
    for key in ("title", "time", "place", "secretary"):
        data[key] = clean(fields.get(key) or "")
        if len(data[key]) > TEXT_MAX:
            raise ValidationError(key, f"Tối đa {TEXT_MAX} ký tự.")
    for key, label in LONG_FIELDS.items():
        data[key] = checked_multiline(fields.get(key), key, label,
                                      LONG_TEXT_MAX if key == "minutes" else NOTE_MAX)
    if data["standing_visitors"] and body != CHI_BO:
        raise ValidationError("standing_visitors", "Ủy viên Ban Thường vụ dự sinh hoạt chỉ ghi ở cuộc họp "
                                                   "chi bộ.")
    data["search_folded"] = fold(" ".join(data[key] for key in ("title", "agenda", "minutes", "place")))
    return data


def create_meeting(fields: dict) -> Meeting:
    require_meeting_rights(fields.get("body"), fields.get("org_id"))
    data = validated_meeting(fields, None)
    with database.atomic():
        now = clock.now()
        meeting = Meeting.create(**data, created_at=now, updated_at=now)
        log_insert(meeting)
    return meeting


def update_meeting(meeting_id: int, fields: dict, seen_version: int | None = None) -> Meeting:
    """`seen_version`: the version the form read; a meeting saved since is not overwritten."""
    meeting = get_meeting(meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    require_meeting_rights(fields.get("body"), fields.get("org_id"))
    data = validated_meeting(fields, meeting_id)
    with database.atomic():
        meeting = get_meeting(meeting_id)  # read again under the writer lock
        check_version(meeting, seen_version)
        save_changes(meeting, data, touch=True)
    return meeting


def delete_meeting(meeting_id: int) -> None:
    """Takes its attendance, resolutions and files with it, each audited; the copies of the
    files are deleted only once the transaction has committed."""
    meeting = get_meeting(meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    copies = []
    with database.atomic():
        for model in (MeetingAttendance, MeetingResolution, MeetingFile):
            for row in model.select().where(model.meeting == meeting_id):
                if model is MeetingFile:
                    copies.append(row.stored_name)
                log_delete(row)
                row.delete_instance()
        log_delete(meeting)
        meeting.delete_instance()
        for stored_name in copies:
            if not MeetingFile.select().where(MeetingFile.stored_name == stored_name).exists():
                drop_content(stored_name)
    for stored_name in copies:
        path = attachment_path(stored_name)
        shared = MeetingFile.select().where(MeetingFile.stored_name == stored_name).exists()
        if path is not None and not shared:
            path.unlink(missing_ok=True)


# --- Attendance ----------------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceLine:
    member_id: int | None
    name: str
    membership: str | None = None
    exempt: bool = False
    present: bool = True
    absence_reason: str = ""
    # Counted among those convened unless away on the day (AWAY): read from the registry, not
    # stored with the sheet.
    convened: bool = True

    @property
    def stayed_away(self) -> bool:
        """Away on the day and not come: neither convened nor absent (Điều 32)."""
        return not self.present and (self.exempt or not self.convened)


# Members of a cell not convened to its meeting unless they come (Quy chế bầu cử trong Đảng,
# Điều 32; QĐ 24-QĐ/TW): temporarily active elsewhere, exempt, suspended.
AWAY = {v.EXEMPT: "Miễn sinh hoạt", v.TEMP_OUT: "Sinh hoạt tạm thời nơi khác",
        v.SUSPENDED: "Đình chỉ sinh hoạt"}


def default_roster(meeting_id: int) -> list[AttendanceLine]:
    """A cell's members on the day (full and probationary, the exempt marked), everyone
    present until the clerk says otherwise. Other bodies have no roster in the registry."""
    meeting = get_meeting(meeting_id)
    if meeting.body != CHI_BO:
        return []
    people = roster_at(meeting.date, {meeting.org_id})
    records = {m.id: m for m in Member.select(Member.id, Member.full_name, Member.sort_key)
               .where(Member.id.in_([p[0] for p in people]))}
    lines = [AttendanceLine(member_id, records[member_id].full_name, membership, status == v.EXEMPT,
                            status not in AWAY, AWAY.get(status, ""), status not in AWAY)
             for member_id, _org, membership, status in people]
    return sorted(lines, key=lambda line: records[line.member_id].sort_key)


def attendance(meeting_id: int) -> list[AttendanceLine]:
    meeting = get_meeting(meeting_id)
    away = set()
    if meeting.body == CHI_BO and meeting.org_id is not None:
        roster = roster_at(meeting.date, {meeting.org_id})
        away = {member_id for member_id, _org, _membership, status in roster if status in AWAY}
    return [AttendanceLine(a.member_id, a.name, a.membership, a.exempt, a.present, a.absence_reason,
                           not a.exempt and a.member_id not in away)
            for a in MeetingAttendance.select().where(MeetingAttendance.meeting == meeting_id)
            .order_by(MeetingAttendance.id)]


def set_attendance(meeting_id: int, lines: list[AttendanceLine]) -> None:
    """Replace the meeting's attendance; an absence needs its reason."""
    meeting = get_meeting(meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    seen = set()
    for number, line in enumerate(lines, 1):
        if not clean(line.name):
            raise ValidationError("attendance", f"Dòng {number}: nhập họ tên.")
        if not line.present and not clean(line.absence_reason):
            raise ValidationError("attendance", f"{line.name}: vắng mặt thì ghi lý do.")
        key = line.member_id or fold(line.name)
        if key in seen:
            raise ValidationError("attendance", f"{line.name} có hai dòng trong danh sách.")
        seen.add(key)
    existing = {row.member_id or fold(row.name): row
                for row in MeetingAttendance.select().where(MeetingAttendance.meeting == meeting_id)}
    fresh = []
    with database.atomic():
        # Matched by person, so a corrected absence is one changed row, not a delete and an insert.
        for line in lines:
            values = {"member_id": line.member_id, "name": clean(line.name), "membership": line.membership,
                      "exempt": line.exempt, "present": line.present,
                      "absence_reason": "" if line.present else clean(line.absence_reason)}
            row = existing.pop(line.member_id or fold(line.name), None)
            if row is None:
                fresh.append({"meeting_id": meeting_id, **values})
                continue
            save_changes(row, {"member": values.pop("member_id"), **values})
        insert_logged(MeetingAttendance, fresh)
        for row in existing.values():
            log_delete(row)
            row.delete_instance()


@dataclass(frozen=True)
class Quorum:
    members: int  # of the body
    exempt: int
    present: int
    voting: int  # who vote on resolutions: a cell's full members not away; a committee's members
    away: int = 0  # not convened: away on the day (AWAY) and not come

    @property
    def convened(self) -> int:
        return self.members - self.away

    @property
    def needed(self) -> int:
        return ceil(self.convened * QUORUM[0] / QUORUM[1])

    @property
    def ok(self) -> bool:
        return self.present >= self.needed

    @property
    def majority(self) -> int:
        """More than half of all members of the body (DOMAIN §6)."""
        return self.voting // 2 + 1


def quorum_of(body: str, body_size: int | None, lines: list[AttendanceLine]) -> Quorum:
    """From an attendance sheet, saved or still being filled in."""
    present = sum(line.present for line in lines)
    exempt = sum(line.exempt for line in lines)
    if body == CHI_BO:
        voting = sum(line.membership == v.FULL and not line.stayed_away for line in lines)
        return Quorum(len(lines), exempt, present, voting, sum(line.stayed_away for line in lines))
    members = body_size or len(lines)
    return Quorum(members, exempt, present, members)


def quorum(meeting_id: int) -> Quorum | None:
    meeting = get_meeting(meeting_id)
    lines = attendance(meeting_id)
    if not lines and not meeting.body_size:
        return None
    return quorum_of(meeting.body, meeting.body_size, lines)


def meeting_warnings(meeting_id: int, lines: list[AttendanceLine] | None = None) -> list[str]:
    """Plain words: no attendance taken, no quorum, a resolution without a majority of the body.
    `lines`: the attendance as the form shows it, not yet saved (the form's own verdict beside
    a stored "Chưa điểm danh" contradicted itself)."""
    meeting = get_meeting(meeting_id)
    lines = attendance(meeting_id) if lines is None else lines
    if not lines and not meeting.body_size:
        return ["Chưa điểm danh: chưa biết hội nghị có đủ số lượng hay không."]
    check = quorum_of(meeting.body, meeting.body_size, lines)
    warnings = []
    who = "đảng viên" if meeting.body == CHI_BO else "thành viên"
    if check.members and not lines:
        warnings.append(f"Chưa điểm danh {check.members} {who} của cơ quan họp.")
    elif not check.ok:
        warnings.append(f"Chỉ có {check.present}/{check.convened} {who} được triệu tập có mặt, cần ít nhất "
                        f"{check.needed} (2/3): hội nghị không đủ số lượng để họp.")
    voters = "đảng viên chính thức" if meeting.body == CHI_BO else "thành viên"
    for resolution in resolutions(meeting_id):
        label = f"{RESOLUTION_KINDS[resolution.kind]} {resolution.number}".strip()
        if resolution.votes_for is None:
            continue
        if resolution.votes_for < check.majority:
            warnings.append(f"{label}: {resolution.votes_for} phiếu tán thành, chưa quá một nửa của "
                            f"{check.voting} {voters} (cần ít nhất {check.majority}) — chưa được thông qua.")
        votes = [n for n in (resolution.votes_for, resolution.votes_against, resolution.abstentions) if n]
        if sum(votes) > check.present:
            warnings.append(f"{label}: {sum(votes)} phiếu nhưng chỉ có {check.present} người có mặt.")
    return warnings


# --- Resolutions --------------------------------------------------------------------------

def resolutions(meeting_id: int) -> list[MeetingResolution]:
    return list(MeetingResolution.select().where(MeetingResolution.meeting == meeting_id)
                .order_by(MeetingResolution.date, MeetingResolution.id))


def _resolution_data(meeting: Meeting, fields: dict) -> dict:
    kind = fields.get("kind")
    if kind not in RESOLUTION_KINDS:
        raise ValidationError("kind", "Chọn nghị quyết hay kết luận.")
    text = checked_multiline(fields.get("text"), "text", "Nội dung", LONG_TEXT_MAX)
    if not text:
        raise ValidationError("text", "Nhập nội dung nghị quyết, kết luận.")
    day = fields.get("date") or meeting.date
    if day < meeting.date:
        raise ValidationError("date", f"Ngày ban hành trước ngày họp ({fmt_date(meeting.date)}).")
    check_plausible(day, "date", "Ngày ban hành")
    data = {"kind": kind, "number": clean(fields.get("number") or ""), "date": day, "text": text}
    for key, label in (("votes_for", "Tán thành"), ("votes_against", "Không tán thành"),
                       ("abstentions", "Không biểu quyết")):
        value = fields.get(key)
        data[key] = None if value is None else whole_number(value, key, label, 0, 10_000)
    return data


def add_resolution(meeting_id: int, fields: dict) -> MeetingResolution:
    meeting = get_meeting(meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    data = _resolution_data(meeting, fields)
    with database.atomic():
        row = MeetingResolution.create(meeting=meeting_id, **data)
        log_insert(row)
    return row


def update_resolution(resolution_id: int, fields: dict) -> MeetingResolution:
    row = MeetingResolution.get_or_none(MeetingResolution.id == record_number(resolution_id))
    if row is None:
        raise NotFound(f"Không tìm thấy nghị quyết số {resolution_id}.")
    meeting = get_meeting(row.meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    data = _resolution_data(meeting, fields)
    with database.atomic():
        save_changes(row, data)
    return row


def remove_resolution(resolution_id: int) -> None:
    row = MeetingResolution.get_or_none(MeetingResolution.id == record_number(resolution_id))
    if row is None:
        raise NotFound(f"Không tìm thấy nghị quyết số {resolution_id}.")
    meeting = get_meeting(row.meeting_id)
    require_meeting_rights(meeting.body, meeting.org_id)
    with database.atomic():
        log_delete(row)
        row.delete_instance()

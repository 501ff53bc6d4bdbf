"""Recording a member's events. Every write replays the member's whole history through the
status machine (lifecycle.py) and rewrites the derived states, in one transaction, so a
backdated entry is checked against everything that came after it."""

from dataclasses import dataclass
from datetime import date

from models.accounts.audit import INSERT, log_delete, log_insert, log_update, save_changes, values_of
from models.accounts.audit_batches import batches_holding
from models.accounts.session import WRITE_RECORDS, require
from models.accounts.tables import AuditEntry
from models.core import clock
from models.core import vocab as v
from models.core.checks import record_number
from models.core.dates import age_on, check_plausible, fmt_date
from models.core.db import database
from models.core.errors import NotFound, ValidationError
from models.core.text import checked_multiline, clean
from models.members.lifecycle import EMPTY, EventInput, apply, replay
from models.members.record import check_full_date, check_party_dates, get_member, validate
from models.members.tables import Member, MemberEvent
from models.orgs.tree import check_in_scope, full_names, get_org

TEXT_MAX = 200


@dataclass(frozen=True)
class HistoryRow:
    id: int
    date: date
    kind: str
    decision_no: str
    org_name: str
    place: str
    status_after: str
    note: str
    recorded_by: str = ""  # the account that entered the event, from the audit trail

    @property
    def kind_label(self) -> str:
        return v.EVENT_KINDS[self.kind]


def _check_org(org_id: int | None, on: date) -> None:
    if org_id is None:
        return
    org = get_org(org_id)
    if org.level not in v.CELLS:
        raise ValidationError(
            "org", f"“{org.name}” là {v.ORG_LEVELS[org.level].lower()}; đảng viên sinh hoạt ở chi bộ."
        )
    if org.dissolved_on and on > org.dissolved_on:
        raise ValidationError("org", f"“{org.name}” đã giải thể ngày {fmt_date(org.dissolved_on)}.")


def event_input(event: MemberEvent) -> EventInput:
    return EventInput(event.kind, event.date, event.org_id, event.membership)


def _rewrite(member: Member, events: list[MemberEvent], stored: dict[int, dict] | None = None) -> None:
    """Replay the chain; store each event's before/after state and the member's state.
    An event without id is inserted; the others are written only where something changed,
    each write with its audit entry — against `stored` (id → values as stored) for an event
    the caller has already changed in memory. The member row is left for the caller to save."""
    events.sort(key=lambda e: (e.date, e.position, e.id or 0))
    states = replay([event_input(e) for e in events])
    stored = stored or {}
    for position, (event, (before, after)) in enumerate(zip(events, states, strict=True)):
        old = (stored.get(event.id) or values_of(event)) if event.id is not None else None
        event.position = position
        event.org_before = before.org_id
        event.membership_before = before.membership
        event.counted_before = before.counted
        event.org_after = after.org_id
        event.membership_after = after.membership
        event.counted_after = after.counted
        event.status_after = after.status
        if old is None:
            event.save(force_insert=True)
            log_insert(event)
        elif values_of(event) != old:
            event.save()
            log_update(event, old)
    final = states[-1][1] if states else None
    member.org = final.org_id if final else None
    member.membership = final.membership if final else None
    member.status = final.status if final else None


def _check_member_scope(member: Member, org_id: int | None) -> None:
    require(WRITE_RECORDS)
    if member.org_id is not None:
        check_in_scope(member.org_id)
    if org_id is not None:
        check_in_scope(org_id)


def record_event(
    member_id: int,
    kind: str,
    date: date | None,
    decision_no: str = "",
    org_id: int | None = None,
    place: str = "",
    membership: str | None = None,
    note: str = "",
) -> MemberEvent:
    with database.atomic():
        member = get_member(member_id)
        return _record(member, values_of(member), kind, date, decision_no, org_id, place,
                       membership, note)


# What an event that takes a member off the list must name (DOMAIN §2): where they went and
# the decision (or introduction letter) that sent them — a transfer saved without either left
# a member gone without a trace. Striking off and leaving follow the cell's own resolution,
# whose number the clerk may not have; the note holds the reason.
# A transfer says where to and by which paper: a number of the office's own register
# ("15-GGT/ĐUK") becomes the number of the introduction letter printed from it.
LEAVING_PAPERS = {
    v.TRANSFER_OUT: ("place", "decision_no"),
    v.TEMP_OUT_START: ("place", "decision_no"),
    v.EXPELLED_EVENT: ("decision_no",),
}


def check_leaving_papers(kind: str, decision_no: str, place: str) -> None:
    """Refuse an event off the list that does not say where to and by which decision."""
    decision_no, place = clean(decision_no), clean(place)
    needed = LEAVING_PAPERS.get(kind, ())
    if "place" in needed and not place:
        raise ValidationError("place", "Nhập nơi đến: tổ chức đảng hoặc địa phương nhận đảng viên.")
    if "decision_no" in needed and not decision_no:
        raise ValidationError("decision_no", f"Nhập số quyết định hoặc giấy giới thiệu của việc "
                                             f"{v.EVENT_KINDS[kind].lower()}.")


def _particulars(member: Member, kind: str, date: date | None, decision_no: str, place: str,
                 org_id: int | None) -> tuple[str, str]:
    """An event's day, number and place checked; the number and place as cleaned."""
    if date is None:
        raise ValidationError("date", "Nhập ngày của biến động.")
    check_plausible(date, "date", "Ngày biến động")
    decision_no, place = clean(decision_no), clean(place)
    if len(decision_no) > TEXT_MAX or len(place) > TEXT_MAX:
        raise ValidationError("decision_no", f"Số quyết định, nơi đi/đến tối đa {TEXT_MAX} ký tự.")
    check_leaving_papers(kind, decision_no, place)
    if age_on(member.birth_date, date) < 16:
        raise ValidationError("date", f"Ngày {fmt_date(date)} khi đó đảng viên chưa đủ 16 tuổi.")
    _check_org(org_id, date)
    return decision_no, place


def _next_position(events: list[MemberEvent], on: date) -> int:
    """Same-day entries go after those already there."""
    return max((e.position for e in events if e.date == on), default=-1) + 1


def _record(member: Member, member_before: dict | None, kind: str, date: date | None,
            decision_no: str = "", org_id: int | None = None, place: str = "",
            membership: str | None = None, note: str = "") -> MemberEvent:
    """Add one event to a member inside the caller's transaction. `member_before` None
    means the member row is new: it is audited as one insert, with its final state."""
    if kind not in v.EVENT_KINDS:
        raise ValidationError("kind", "Chọn loại biến động.")
    if kind not in v.EVENTS_WITH_ORG:
        org_id = None
    _check_member_scope(member, org_id)
    decision_no, place = _particulars(member, kind, date, decision_no, place, org_id)
    events = list(MemberEvent.select().where(MemberEvent.member == member.id))
    position = _next_position(events, date)
    new = MemberEvent(
        member=member.id, kind=kind, date=date, decision_no=decision_no, org=org_id,
        place=place, membership=membership if membership in v.MEMBERSHIPS else None,
        note=checked_multiline(note, "note", "Ghi chú"), position=position,
    )
    _rewrite(member, events + [new])
    if kind in (v.ADMITTED, v.READMITTED) and not member.admission_date:
        member.admission_date = date
    if kind == v.RECOGNISED and not member.full_member_date:
        member.full_member_date = date
    member.save()
    if member_before is None:
        log_insert(member)
    else:
        log_update(member, member_before)
    return new


def _stored_event(event_id) -> MemberEvent:
    event = MemberEvent.get_or_none(MemberEvent.id == record_number(event_id))
    if event is None:
        raise NotFound("Biến động này không còn nữa.")
    return event


def correct_event(event_id: int, on: date | None, decision_no: str) -> MemberEvent:
    """Put right the day or the number of an event typed wrong, the whole history replayed
    with it (a day that breaks the order of what followed is refused); the member's day of
    admission or of full membership follows its event."""
    with database.atomic():
        event = _stored_event(event_id)
        member = get_member(event.member_id)
        _check_member_scope(member, None)
        number, _place = _particulars(member, event.kind, on, decision_no, event.place, event.org_id)
        member_before, stored, old_day = values_of(member), values_of(event), event.date
        events = list(MemberEvent.select().where(MemberEvent.member == member.id))
        target = next(item for item in events if item.id == event.id)
        if on != target.date:
            target.position = _next_position([item for item in events if item.id != event.id], on)
        target.date, target.decision_no = on, number
        _rewrite(member, events, {event.id: stored})
        if event.kind in (v.ADMITTED, v.READMITTED) and member.admission_date == old_day:
            member.admission_date = on
        if event.kind == v.RECOGNISED and member.full_member_date == old_day:
            member.full_member_date = on
        if values_of(member) != member_before:
            check_party_dates(member)
            member.save()
            log_update(member, member_before)
        return target


def set_letter_number(event_id: int, number_text: str) -> MemberEvent:
    """A transfer out carries the number of the introduction letter issued for it ("05-GGT/ĐUK"):
    written when the letter takes its number from the register, in the same transaction."""
    event = _stored_event(event_id)
    if event.kind not in (v.TRANSFER_OUT, v.TEMP_OUT_START):
        raise ValidationError("kind", "Số giấy giới thiệu chỉ ghi vào biến động chuyển sinh hoạt đi.")
    _check_member_scope(get_member(event.member_id), None)
    save_changes(event, {"decision_no": clean(number_text)})
    return event


def remove_event(event_id: int) -> None:
    """Take back an event entered by mistake, if the history stays valid without it."""
    with database.atomic():
        event = _stored_event(event_id)
        member = get_member(event.member_id)
        _check_member_scope(member, None)
        rest = list(
            MemberEvent.select().where((MemberEvent.member == member.id) & (MemberEvent.id != event.id))
        )
        if not rest:
            raise ValidationError("kind", "Đây là biến động duy nhất của hồ sơ; không thể bỏ.")
        before = values_of(member)
        log_delete(event)
        event.delete_instance()
        _rewrite(member, rest)
        member.save()
        log_update(member, before)


def history(member_id: int) -> list[HistoryRow]:
    query = (
        MemberEvent.select(
            MemberEvent.id, MemberEvent.date, MemberEvent.kind, MemberEvent.decision_no,
            MemberEvent.org_after, MemberEvent.place, MemberEvent.status_after, MemberEvent.note,
        )
        .where(MemberEvent.member == member_id)
        .order_by(MemberEvent.position)
        .tuples()
    )
    rows = list(query)
    table, ids = MemberEvent._meta.table_name, [str(row[0]) for row in rows]
    entered = dict(
        AuditEntry.select(AuditEntry.record_id, AuditEntry.username)
        .where((AuditEntry.table_name == table) & (AuditEntry.action == INSERT)
               & AuditEntry.record_id.in_(ids))
        .tuples()
    )
    if unfound := [record for record in ids if record not in entered]:  # entered in bulk: an import
        entered.update((held.record_id, held.username) for held in batches_holding(table, unfound))
    names = full_names()  # a cell with its đảng bộ: many share a name
    return [HistoryRow(*row[:4], names.get(row[4], ""), *row[5:], recorded_by=entered.get(str(row[0]), ""))
            for row in rows]


def check_dated_after_changes(member_ids: list[int], printed_on: date, what: str) -> None:
    """A sheet or list of members prints each as they stand now: dated before the latest change
    it shows (a list dated 01/01/2000 of a member admitted in 2014) it is refused, naming the
    change and its member."""
    latest: tuple[date, int] | None = None
    for member_id, day in (MemberEvent.select(MemberEvent.member, MemberEvent.date)
                           .where(MemberEvent.member.in_(member_ids)).tuples()):
        if day > printed_on and (latest is None or day > latest[0]):
            latest = (day, member_id)
    if latest is not None:
        day, member_id = latest
        raise ValidationError("on", f"{what} ngày {fmt_date(printed_on)} ở trước thay đổi ngày "
                                    f"{fmt_date(day)} của đồng chí {get_member(member_id).full_name} mà nó "
                                    f"ghi; chọn ngày từ {fmt_date(day)}.")


def allowed_kinds(member_id: int | None, on: date | None = None) -> list[str]:
    """Event kinds the status machine accepts next, for the event form's choices."""
    on = on or clock.today()
    state = EMPTY
    if member_id is not None:
        events = MemberEvent.select().where(MemberEvent.member == member_id).order_by(
            MemberEvent.position
        )
        states = replay([event_input(e) for e in events])
        state = states[-1][1] if states else EMPTY
    allowed = []
    for kind in v.EVENT_KINDS:
        probe = EventInput(kind, on, org_id=-1, membership=state.membership or v.FULL)
        try:
            apply(state, probe)
        except ValidationError as error:
            if error.field == "kind":
                continue
        allowed.append(kind)
    return allowed


def create_member(fields: dict, opening: dict) -> Member:
    """A new record with its first event (admitted, transferred in…), both or neither."""
    require(WRITE_RECORDS)
    data = validate(fields)
    with database.atomic():
        member = Member.create(**data)
        _record(member, None, **opening)
        member = get_member(member.id)
        check_full_date(member.membership, member.full_member_date, opening.get("kind"))
        return member

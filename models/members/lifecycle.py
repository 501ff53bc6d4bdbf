"""The member status machine (DOMAIN §2) as a pure function over event histories.

`replay(events)` walks a member's events in order and returns the state before and after
each one, or raises ValidationError naming the first event that is not allowed. The database
layer (events.py) calls it on every write, so stored states can never contradict history.
"""

from dataclasses import dataclass, replace
from datetime import date

from models.core import vocab as v
from models.core.dates import add_months, fmt_date
from models.core.errors import ValidationError

READMISSION_WAIT_MONTHS = 36  # QĐ 232 pt. 3.5.1
PROBATION_MONTHS = 12


@dataclass(frozen=True)
class State:
    org_id: int | None = None
    membership: str | None = None
    status: str | None = None
    admitted_on: date | None = None
    left_on: date | None = None
    readmitted: bool = False

    @property
    def counted(self) -> bool:
        return self.status in v.COUNTED


@dataclass(frozen=True)
class EventInput:
    kind: str
    date: date
    org_id: int | None = None
    membership: str | None = None


EMPTY = State()


def _refuse(kind: str, why: str) -> ValidationError:
    return ValidationError("kind", f"Không thể ghi “{v.EVENT_KINDS[kind]}”: {why}.")


def _status_words(state: State) -> str:
    return v.STATUSES[state.status].lower() if state.status else "chưa có trong danh sách"


def apply(state: State, ev: EventInput) -> State:
    kind = ev.kind
    if kind not in v.EVENT_KINDS:
        raise ValidationError("kind", "Loại biến động không hợp lệ.")
    if state.status is None and kind not in v.OPENING_EVENTS:
        raise _refuse(kind, "đảng viên chưa có trong danh sách của Đảng bộ")
    if kind in v.EVENTS_WITH_ORG and ev.org_id is None:
        raise ValidationError("org", "Chọn chi bộ nơi đảng viên sinh hoạt.")

    if kind == v.ADMITTED:
        if state.status is not None:
            raise _refuse(kind, "người này đã là đảng viên; nếu đã ra khỏi Đảng, ghi “Kết nạp lại”")
        return State(ev.org_id, v.PROBATIONARY, v.ACTIVE, admitted_on=ev.date)

    if kind == v.READMITTED:
        if state.status is None:
            return State(ev.org_id, v.PROBATIONARY, v.ACTIVE, admitted_on=ev.date, readmitted=True)
        if state.status not in (v.STRUCK_OFF, v.RESIGNED, v.EXPELLED):
            raise _refuse(kind, f"đảng viên đang ở trạng thái “{_status_words(state)}”")
        if state.readmitted:
            raise _refuse(kind, "đảng viên chỉ được kết nạp lại một lần")
        earliest = add_months(state.left_on, READMISSION_WAIT_MONTHS)
        if ev.date < earliest:
            raise _refuse(
                kind,
                f"phải sau ít nhất {READMISSION_WAIT_MONTHS} tháng kể từ ngày ra khỏi Đảng "
                f"({fmt_date(state.left_on)}), tức từ {fmt_date(earliest)}",
            )
        return State(ev.org_id, v.PROBATIONARY, v.ACTIVE, admitted_on=ev.date, readmitted=True)

    if kind == v.TRANSFER_IN:
        if state.status not in (None, v.TRANSFERRED_OUT, v.TEMP_IN, v.TEMP_ENDED):
            raise _refuse(kind, f"đảng viên đang ở trạng thái “{_status_words(state)}”")
        membership = ev.membership or state.membership
        if membership not in v.MEMBERSHIPS:
            raise ValidationError("membership", "Cho biết đảng viên dự bị hay chính thức.")
        return replace(state, org_id=ev.org_id, membership=membership, status=v.ACTIVE)

    if kind == v.TEMP_IN_START:
        if state.status not in (None, v.TEMP_ENDED, v.TRANSFERRED_OUT):
            raise _refuse(kind, f"đảng viên đang ở trạng thái “{_status_words(state)}”")
        membership = ev.membership or state.membership
        if membership not in v.MEMBERSHIPS:
            raise ValidationError("membership", "Cho biết đảng viên dự bị hay chính thức.")
        return replace(state, org_id=ev.org_id, membership=membership, status=v.TEMP_IN)

    if kind == v.TEMP_IN_END:
        _require(state, kind, (v.TEMP_IN,))
        return replace(state, status=v.TEMP_ENDED, left_on=ev.date)

    if kind == v.RECOGNISED:
        if state.membership != v.PROBATIONARY:
            raise _refuse(kind, "đảng viên không phải là đảng viên dự bị")
        _require(state, kind, (v.ACTIVE, v.TEMP_OUT))
        if state.admitted_on and ev.date < add_months(state.admitted_on, PROBATION_MONTHS):
            raise _refuse(
                kind,
                f"chưa đủ {PROBATION_MONTHS} tháng dự bị kể từ ngày kết nạp "
                f"{fmt_date(state.admitted_on)}",
            )
        return replace(state, membership=v.FULL)

    if kind == v.MOVED:
        _require(state, kind, v.COUNTED + (v.TEMP_IN,))
        if ev.org_id == state.org_id:
            raise ValidationError("org", "Đảng viên đang sinh hoạt ở chi bộ này rồi.")
        return replace(state, org_id=ev.org_id)

    simple = {
        v.TEMP_OUT_START: ((v.ACTIVE,), v.TEMP_OUT),
        v.TEMP_OUT_RETURN: ((v.TEMP_OUT,), v.ACTIVE),
        v.EXEMPTED: ((v.ACTIVE,), v.EXEMPT),
        v.SUSPENDED_EVENT: ((v.ACTIVE,), v.SUSPENDED),
        v.RESUMED: ((v.EXEMPT, v.SUSPENDED), v.ACTIVE),
    }
    if kind in simple:
        allowed, new_status = simple[kind]
        _require(state, kind, allowed)
        return replace(state, status=new_status)

    leaving = {
        v.TRANSFER_OUT: ((v.ACTIVE, v.TEMP_OUT, v.EXEMPT), v.TRANSFERRED_OUT),
        v.STRUCK_OFF_EVENT: (v.COUNTED, v.STRUCK_OFF),
        v.RESIGNED_EVENT: (v.COUNTED, v.RESIGNED),
        v.EXPELLED_EVENT: (v.COUNTED, v.EXPELLED),
        v.DECEASED_EVENT: (v.COUNTED + (v.TEMP_IN,), v.DECEASED),
    }
    allowed, new_status = leaving[kind]
    _require(state, kind, allowed)
    if kind == v.EXPELLED_EVENT and state.membership != v.FULL:
        raise _refuse(kind, "đảng viên dự bị không bị khai trừ; nếu không đủ tư cách thì xóa tên")
    return replace(state, status=new_status, left_on=ev.date)


def _require(state: State, kind: str, allowed: tuple[str, ...]) -> None:
    if state.status not in allowed:
        raise _refuse(kind, f"đảng viên đang ở trạng thái “{_status_words(state)}”")


def replay(events: list[EventInput]) -> list[tuple[State, State]]:
    """States (before, after) for each event, in the order given (date, then entry order)."""
    state = EMPTY
    out = []
    for index, ev in enumerate(events):
        if index and ev.date < events[index - 1].date:
            raise ValueError("events must be sorted by date")
        after = apply(state, ev)
        out.append((state, after))
        state = after
    return out

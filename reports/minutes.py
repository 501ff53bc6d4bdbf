"""The minutes (biên bản) of a recorded meeting in the Party document frame: who was convened,
present and absent with reasons, who chaired and who took the minutes, the course of the
meeting and the resolutions with their votes; signed by the minute-taker (left) and the
chair (right)."""

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from models.accounts import OfficeDetails, office_details
from models.core import vocab as v
from models.meetings import (
    CHI_BO,
    RESOLUTION_KINDS,
    MeetingFilter,
    Quorum,
    attendance,
    meeting_rows,
    meeting_warnings,
    quorum,
    readable_meeting,
    resolutions,
)
from models.orgs import get_org
from reports.document import Body, Header, Signature, build_document
from reports.numbers import inline_date, integer


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes print, read from the records once."""
    office: OfficeDetails
    superior_body: str
    issuing_body: str
    heading: str
    date: date
    time: str
    place: str
    chairs: str
    secretary: str
    guests: list[str]
    presenters: list[str]
    agenda: str
    course: str
    is_cell: bool
    full_members: int
    probationary: int
    check: Quorum | None
    away: list[tuple[str, str]]  # not convened: away on the day (name, reason)
    absent: list[tuple[str, str]]  # convened and not come
    resolutions: list[tuple[str, str, str, tuple]]  # label, date, text, votes
    warnings: list[str]


def minutes_of(meeting_id: int) -> Minutes:
    meeting = readable_meeting(meeting_id)
    office = office_details()
    superior, issuing = office.superior_body, office.bloc_name
    if meeting.org_id is not None:
        org = get_org(meeting.org_id)
        issuing = org.name
        superior = get_org(org.parent_id).name if org.parent_id else office.bloc_name
    same_day = meeting_rows(MeetingFilter(start=meeting.date, end=meeting.date))
    row = next(r for r in same_day if r.id == meeting_id)
    lines = attendance(meeting_id)
    return Minutes(
        office, superior, issuing, row.heading, meeting.date, meeting.time, meeting.place, meeting.chairs,
        meeting.secretary, meeting.guests.splitlines(), meeting.presenters.splitlines(), meeting.agenda,
        meeting.minutes, meeting.body == CHI_BO, sum(line.membership == v.FULL for line in lines),
        sum(line.membership == v.PROBATIONARY for line in lines), quorum(meeting_id),
        [(line.name, line.absence_reason) for line in lines if line.stayed_away],
        [(line.name, line.absence_reason) for line in lines if not line.present and not line.stayed_away],
        [(f"{RESOLUTION_KINDS[r.kind]} {r.number}".strip(), inline_date(r.date), r.text,
          (r.votes_for, r.votes_against, r.abstentions)) for r in resolutions(meeting_id)],
        meeting_warnings(meeting_id),
    )


def _attendance_sentence(m: Minutes) -> str:
    check = m.check
    if check is None:
        return "Chưa ghi điểm danh: chưa biết hội nghị có đủ số lượng hay không."
    if m.is_cell:
        text = (f"Tổng số đảng viên của chi bộ: {integer(check.members)} đồng chí (chính thức "
                f"{integer(m.full_members)}, dự bị {integer(m.probationary)}); ")
        if m.away:
            text += f"không phải triệu tập {integer(len(m.away))} ({_named(m.away)}); "
        text += f"phải triệu tập {integer(check.convened)}; có mặt {integer(check.present)}"
    else:
        text = (f"Tổng số thành viên: {integer(check.members)} đồng chí; có mặt {integer(check.present)}")
    if m.absent:
        text += f"; vắng mặt {integer(len(m.absent))} ({_named(m.absent)})"
    return text + "."


def _named(people: list[tuple[str, str]]) -> str:
    return "; ".join(f"{name} — {reason}" for name, reason in people)


def _sentence(text: str) -> str:
    """The clerk's text ends as a sentence before the vote is added (reported: "Nghị quyết hội
    nghị Biểu quyết: tán thành 28")."""
    text = text.strip()
    return text if not text or text[-1] in ".!?;:…" else text + "."


def _votes(votes: tuple) -> str:
    words = [f"{label} {integer(n)}" for label, n in zip(("tán thành", "không tán thành", "không biểu quyết"),
                                                         votes, strict=True) if n is not None]
    return f" Biểu quyết: {', '.join(words)}." if words else ""


# "đồng chí Nguyễn Đức Thành - Bí thư Đảng ủy Khối": the address before the name, the title after.
_ADDRESS = re.compile(r"^(đồng chí|đ/c)\s+", re.IGNORECASE)
_TITLE = re.compile(r"\s+[-–—]\s+|,")


def _signer(chairs: str) -> str:
    """The name under the chair's signature: the first chair of the "Chủ trì" line, without the
    "đồng chí" that introduces them or the title after the name (the whole line was printed)."""
    first = chairs.strip().splitlines()[0] if chairs.strip() else ""
    return _TITLE.split(_ADDRESS.sub("", first.strip()), maxsplit=1)[0].strip()


def render_minutes(path: Path, m: Minutes) -> Path:
    header = Header(m.superior_body, m.issuing_body, "", m.office.place, m.date, "Biên bản", m.heading)
    body = Body()
    when = f"{m.time.replace(':', ' giờ ')}, " if m.time else ""
    body.paragraph(f"Thời gian: {when}ngày {inline_date(m.date)}.")
    if m.place:
        body.paragraph(f"Địa điểm: {m.place}.")
    if m.chairs:
        body.paragraph(f"Chủ trì: {m.chairs.replace(chr(10), '; ')}.")
    if m.secretary:
        body.paragraph(f"Thư ký: {m.secretary}.")
    if m.guests:
        body.paragraph("Đại biểu dự và chỉ đạo: " + "; ".join(m.guests) + ".")
    body.paragraph(_attendance_sentence(m))
    if m.check is not None and m.check.ok:
        body.paragraph(f"Số đồng chí có mặt đủ 2/3 số được triệu tập ({integer(m.check.needed)}); hội nghị "
                       "đủ điều kiện tiến hành.")
    if m.presenters:
        body.paragraph("Trình bày báo cáo: " + "; ".join(m.presenters) + ".")
    if m.agenda:
        body.subheading("Nội dung")
        body.paragraph(m.agenda)
    if m.course:
        body.subheading("Diễn biến hội nghị")
        body.paragraph(m.course)
    if m.resolutions:
        body.subheading("Nghị quyết, kết luận")
        for label, day, text, votes in m.resolutions:
            body.paragraph(f"{label} ngày {day}: {_sentence(text)}{_votes(votes)}")
    # With no attendance the sentence above has said it; the note would say it again.
    for warning in m.warnings if m.check is not None else []:
        body.paragraph(f"Lưu ý: {warning}")
    return build_document(path, header, body, Signature("CHỦ TRÌ HỘI NGHỊ", "", _signer(m.chairs)), [],
                          left_signature=Signature("THƯ KÝ", "", m.secretary))

"""Who has sent what: each organisation asked, against the deadline; the clerk's decision on a
return (accept, or send back with a note); the reminders the home page shows."""

import json
from collections import namedtuple
from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import save_changes
from models.core import clock
from models.core.checks import stored_record
from models.core.dates import stored_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline
from models.orgs.tree import check_in_scope, full_names, scope_ids
from models.returns import vocab as r
from models.returns.known import Difference, differences, known_figures
from models.returns.requests import addressees, form_of, get_request, request_rows, working_days_between
from models.returns.tables import GrassrootsReturn, ReturnRequest

# How an organisation stands with a request, for the page and the letter.
MISSING, OVERDUE, ON_TIME, LATE = "CHUA_GUI", "QUA_HAN", "DUNG_HAN", "CHAM"
STANDING = {MISSING: "Chưa gửi", OVERDUE: "Quá hạn, chưa gửi", ON_TIME: "Gửi đúng hạn", LATE: "Gửi chậm"}


@dataclass(frozen=True)
class StatusRow:
    org_id: int
    org_name: str
    standing: str  # STANDING
    received_on: date | None
    late_days: int
    state: str  # vocab.STATES, "" when nothing came
    return_id: int | None
    differences: int  # figures that disagree with the bloc's records
    decision_note: str
    report_name: str


_Received = namedtuple("_Received", "id received_on state decision_note report_name figures")


def _returns(request_id: int, figures: bool) -> dict[int, _Received]:
    """Each organisation's return to the request, its figures only when they are compared: the
    home page reads five requests' status, 3,000 returns for a bloc of 600 organisations."""
    query = GrassrootsReturn.select(
        GrassrootsReturn.org, GrassrootsReturn.id, GrassrootsReturn.received_on, GrassrootsReturn.state,
        GrassrootsReturn.decision_note, GrassrootsReturn.report_name,
        *([GrassrootsReturn.figures] if figures else []),
    ).where(GrassrootsReturn.request == request_id)
    rows = database.execute(query).fetchall()
    return {org_id: _Received(return_id, stored_date(received_on), state, note, report,
                              json.loads(rest[0]) if figures else {})
            for org_id, return_id, received_on, state, note, report, *rest in rows}


@dataclass(frozen=True)
class Answer:
    org_id: int
    org_name: str
    state: str  # vocab.STATES, "" when nothing came


def answers(request_id: int) -> list[Answer]:
    """Every organisation asked (those the account may see) with the state of its return: what a
    report adds up, without the lateness status_rows() works out in working days (the holiday
    calendar it reads first was 0.2 s of a year-end report)."""
    names, allowed = full_names(), scope_ids()
    received = _returns(request_id, False)
    return [Answer(org_id, names.get(org_id, ""), received[org_id].state if org_id in received else "")
            for org_id in addressees(request_id) if allowed is None or org_id in allowed]


def status_rows(request_id: int, today: date | None = None, compare: bool = True) -> list[StatusRow]:
    """Every organisation asked (those the account may see), in name order; `compare` counts
    the figures that disagree with the records (a pass over the period's events). Counts, not
    personal data: the home page reads them for whoever is at the window."""
    request = get_request(request_id)
    today = today or clock.today()
    names = full_names()
    allowed = scope_ids()
    received = _returns(request.id, compare)
    end = min(request.period_end, today)
    known = known_figures(request.period_start, end) \
        if compare and received and end >= request.period_start else {}
    checked = [line.key for line in form_of(request) if line.key in r.CHECKED]
    rows = []
    for org_id in addressees(request.id):
        if allowed is not None and org_id not in allowed:
            continue
        row = received.get(org_id)
        if row is not None and row.received_on > today:
            row = None  # not yet come on the day asked about (a paper dated earlier than its printing)
        if row is None:
            standing = OVERDUE if today > request.due_on else MISSING
            rows.append(StatusRow(org_id, names.get(org_id, ""), standing, None, 0, "", None, 0, "", ""))
            continue
        late = working_days_between(request.due_on, row.received_on)
        mine = known.get(org_id, {})
        disagree = sum(1 for key in checked if key in row.figures and row.figures[key] != mine.get(key, 0))
        rows.append(StatusRow(org_id, names.get(org_id, ""), LATE if late else ON_TIME, row.received_on, late,
                              row.state, row.id, disagree, row.decision_note, row.report_name))
    return sorted(rows, key=lambda row: row.org_name.casefold())


def late_orgs(request_id: int, today: date | None = None) -> list[StatusRow]:
    """Organisations the deadline has passed for with nothing sent, or whose return was sent
    back: the list a reminder letter names."""
    return [row for row in status_rows(request_id, today)
            if row.standing == OVERDUE or row.state == r.SENT_BACK]


def decide(return_id: int, accept: bool, note: str = "") -> GrassrootsReturn:
    """Accept a received return, or send it back with a note saying what to correct."""
    session.require(session.WRITE_RECORDS)
    row = stored_record(GrassrootsReturn, return_id, "báo cáo của tổ chức cơ sở")
    check_in_scope(row.org_id)
    note = checked_multiline(note, "note", "Ghi chú", 2_000)
    if not accept and not note:
        raise ValidationError("note", "Trả lại thì ghi rõ cần sửa gì, để tổ chức cơ sở biết.")
    with database.atomic():
        save_changes(row, {"state": r.ACCEPTED if accept else r.SENT_BACK, "decision_note": note}, touch=True)
    return row


def differences_of_return(return_id: int) -> list[Difference]:
    """A stored return's figures that disagree with the bloc's records of the period (counted
    up to the day it was received, as the clerk saw them then)."""
    session.require(session.READ_RECORDS)
    row = stored_record(GrassrootsReturn, return_id, "báo cáo của tổ chức cơ sở")
    check_in_scope(row.org_id)
    request = get_request(row.request_id)
    end = min(request.period_end, row.received_on)
    counted = known_figures(request.period_start, end) if end >= request.period_start else {}
    known = counted.get(row.org_id, {})
    return differences(json.loads(row.figures), known, {line.key: line.label for line in form_of(request)})


@dataclass(frozen=True)
class ReturnLine:
    label: str
    reported: object  # a number, words, or None when the return leaves it blank
    recorded: int | None  # the bloc's own count, for the lines it keeps


def return_lines(return_id: int) -> list[ReturnLine]:
    """A stored return line by line, the bloc's own count beside each line it keeps — what the
    clerk reads before accepting or sending back. Figures of an organisation, no personal data;
    an account limited to some organisations reads only theirs."""
    row = stored_record(GrassrootsReturn, return_id, "báo cáo của tổ chức cơ sở")
    check_in_scope(row.org_id)
    request = get_request(row.request_id)
    end = min(request.period_end, row.received_on)
    counted = known_figures(request.period_start, end) if end >= request.period_start else {}
    known, figures = counted.get(row.org_id, {}), json.loads(row.figures)
    return [ReturnLine(line.label, figures.get(line.key),
                       known.get(line.key, 0) if line.key in r.CHECKED else None)
            for line in form_of(request)]


@dataclass(frozen=True)
class Reminder:
    request_id: int
    title: str
    overdue: int
    waiting: int  # received, not yet accepted or sent back
    sent_back: int = 0  # to be sent again, corrected

    def text(self) -> str:
        parts = []
        if self.overdue:
            parts.append(f"{self.overdue} tổ chức quá hạn chưa gửi")
        if self.sent_back:
            parts.append(f"{self.sent_back} báo cáo trả lại chờ gửi lại")
        if self.waiting:
            parts.append(f"{self.waiting} báo cáo chờ xem xét")
        return f"{self.title}: {', '.join(parts)}"


def reminders(today: date | None = None) -> list[Reminder]:
    """Requests of the last year with something to chase or to look at."""
    today = today or clock.today()
    found = []
    for request in request_rows():
        if (today - request.due_on).days > 366:
            continue
        rows = status_rows(request.id, today, compare=False)
        overdue = sum(1 for row in rows if row.standing == OVERDUE)
        sent_back = sum(1 for row in rows if row.state == r.SENT_BACK)
        waiting = sum(1 for row in rows if row.state == r.RECEIVED)
        if overdue or waiting or sent_back:
            found.append(Reminder(request.id, request.title, overdue, waiting, sent_back))
    return found


def accepted_figures(request_id: int) -> dict[int, dict]:
    """{organisation: its figures} of the accepted returns of a request."""
    rows = (GrassrootsReturn.select(GrassrootsReturn.org, GrassrootsReturn.figures)
            .where((GrassrootsReturn.request == request_id) & (GrassrootsReturn.state == r.ACCEPTED)))
    return {org_id: json.loads(figures) for org_id, figures in rows.tuples()}


def requests_for_period(start: date, end: date) -> list[ReturnRequest]:
    return list(ReturnRequest.select().where((ReturnRequest.period_start >= start)
                                             & (ReturnRequest.period_end <= end)))

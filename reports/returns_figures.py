"""The figures of a request as the grassroots organisations reported them: who sent what and
when, and the sums of the accepted returns — each sum with its source (how many returns it
adds up) and what the bloc's own records count for the same line. Read-only."""

from dataclasses import dataclass, field
from datetime import date

from models.returns import (
    CHECKED,
    COUNT,
    MONEY,
    ON_TIME,
    OVERDUE,
    SENT_BACK,
    accepted_figures,
    form_of,
    get_request,
    known_figures,
    status_rows,
)


@dataclass(frozen=True)
class SummedLine:
    key: str
    label: str
    total: int
    returns: int  # accepted returns that state this line
    recorded: int | None  # the bloc's own count, for the lines it keeps


@dataclass(frozen=True)
class OrgLine:
    org_name: str
    received_on: date | None
    standing: str
    state: str
    figures: dict


@dataclass(frozen=True)
class ReturnsSummary:
    request_id: int
    title: str
    period_start: date
    period_end: date
    due_on: date
    issued_on: date
    counted_on: date
    asked: int
    received: int
    on_time: int
    accepted: int
    overdue: list[str]  # names of organisations past the deadline with nothing sent
    sent_back: list[str]
    lines: dict[str, SummedLine] = field(default_factory=dict)
    orgs: list[OrgLine] = field(default_factory=list)
    texts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> [(org, words)]


def returns_summary(request_id: int, today: date) -> ReturnsSummary:
    request = get_request(request_id)
    rows = status_rows(request.id, today)
    accepted = accepted_figures(request.id)
    # Those the account may see, and only returns that had come by `today` (the paper's date).
    there = {row.org_id for row in rows if row.received_on is not None}
    accepted = {org_id: figures for org_id, figures in accepted.items() if org_id in there}
    end = min(request.period_end, today)
    known = known_figures(request.period_start, end) if end >= request.period_start else {}
    lines, texts = {}, {}
    names = {row.org_id: row.org_name for row in rows}
    for line in form_of(request):
        stated = [figures[line.key] for figures in accepted.values() if line.key in figures]
        if line.kind in (COUNT, MONEY):
            recorded = sum(known.get(org_id, {}).get(line.key, 0) for org_id in accepted) \
                if line.key in CHECKED else None
            lines[line.key] = SummedLine(line.key, line.label, sum(stated), len(stated), recorded)
        else:
            texts[line.key] = [(names[org_id], figures[line.key]) for org_id, figures in accepted.items()
                               if figures.get(line.key)]
    received = [row for row in rows if row.received_on is not None]
    return ReturnsSummary(
        request.id, request.title, request.period_start, request.period_end, request.due_on,
        request.issued_on, today, len(rows), len(received),
        sum(1 for row in received if row.standing == ON_TIME),
        len(accepted), [row.org_name for row in rows if row.standing == OVERDUE],
        [row.org_name for row in rows if row.state == SENT_BACK], lines,
        [OrgLine(row.org_name, row.received_on, row.standing, row.state, accepted.get(row.org_id, {}))
         for row in rows], texts)

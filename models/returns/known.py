"""What the bloc's own records say of each grassroots organisation for a period — the figures a
return is prefilled with and compared against. Counted in one pass over the period's events and
meetings for all organisations at once (one movement table per organisation would read the
events 75–200 times)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from models.core import vocab as v
from models.core.db import database
from models.meetings.tables import Meeting
from models.meetings.vocab import CHI_BO, CHUYEN_DE, THUONG_KY
from models.members.counts import headcount
from models.members.tables import MemberEvent
from models.orgs.tree import grassroots_of, org_rows
from models.returns import vocab as r

_REMOVAL_LINES = {v.DECEASED_EVENT: r.DECEASED, v.STRUCK_OFF_EVENT: r.LEFT, v.EXPELLED_EVENT: r.LEFT,
                  v.RESIGNED_EVENT: r.LEFT}
_ADDITION_LINES = {v.ADMITTED: r.ADMITTED, v.READMITTED: r.ADMITTED}


def known_figures(start: date, end: date, headcount_at_end: bool = True) -> dict[int, dict[str, int]]:
    """{grassroots organisation: {form key: count}} for every line in vocab.CHECKED (the
    headcount lines left at 0 without `headcount_at_end`: a sum over several periods has none)."""
    owner = {org_id: row.id for org_id, row in grassroots_of(org_rows()).items()}
    figures: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(r.CHECKED, 0))
    count = headcount(end) if headcount_at_end else None
    for cell, (probationary, full) in (count.by_org.items() if count else ()):
        if cell in owner:
            line = figures[owner[cell]]
            line[r.HEADCOUNT] += probationary + full
            line[r.PROBATIONARY] += probationary
    # The driver's rows: ids, codes and flags as stored (a year of a large bloc's events).
    events = database.execute(MemberEvent.select(MemberEvent.kind, MemberEvent.counted_before,
                                                 MemberEvent.org_before, MemberEvent.counted_after,
                                                 MemberEvent.org_after)
                              .where((MemberEvent.date >= start) & (MemberEvent.date <= end))).fetchall()
    for kind, counted_before, org_before, counted_after, org_after in events:
        was = owner.get(org_before) if counted_before else None
        now = owner.get(org_after) if counted_after else None
        if kind == v.RECOGNISED and now is not None:
            figures[now][r.RECOGNISED] += 1
        if was == now:
            continue
        if now is not None:
            figures[now][_ADDITION_LINES.get(kind, r.TRANSFER_IN)] += 1
        if was is not None:
            figures[was][_REMOVAL_LINES.get(kind, r.TRANSFER_OUT)] += 1
    cell_meetings = (Meeting.date >= start) & (Meeting.date <= end) & (Meeting.body == CHI_BO) \
        & Meeting.kind.in_([THUONG_KY, CHUYEN_DE])
    meetings = database.execute(Meeting.select(Meeting.org, Meeting.kind).where(cell_meetings)).fetchall()
    for org_id, kind in meetings:
        if org_id in owner:
            figures[owner[org_id]][r.REGULAR_MEETINGS if kind == THUONG_KY else r.THEMATIC_MEETINGS] += 1
    return dict(figures)


@dataclass(frozen=True)
class Difference:
    label: str
    reported: int
    recorded: int


def differences(figures: dict, known: dict[str, int], labels: dict[str, str]) -> list[Difference]:
    """The lines of a return (`figures`) that disagree with the records' count (`known`)."""
    return [Difference(labels[key], figures[key], known.get(key, 0))
            for key in r.CHECKED if key in figures and key in labels and figures[key] != known.get(key, 0)]

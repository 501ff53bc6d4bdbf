"""The demo's reporting system: a request for each of the last four quarters that have ended and
for the quarter under way, each sent to every grassroots organisation, and the returns that came
back — most on time and accepted, some late, a few missing from the latest quarter, one sent back
and one whose headcount disagrees with the records, awaiting the clerk. Nothing is dated after
the clock's today."""

import json
import random
from collections import Counter
from datetime import date, datetime, time, timedelta

from models.accounts.audit import insert_logged
from models.core.dates import add_months
from models.core.workdays import add_working_days, working_day_from, working_day_until
from models.members.counts import members_at
from models.orgs.tree import grassroots_live_on, grassroots_of, org_rows
from models.residence.tables import ResidenceComment
from models.returns import vocab as r
from models.returns.forms import standard_form
from models.returns.known import known_figures
from models.returns.requests import DEFAULT_WORKING_DAYS, default_title
from models.returns.tables import GrassrootsReturn, ReturnAddressee, ReturnRequest

QUARTERS_BACK = 4
# The shares the demo's office has set (models/demo/dues.py): the office's data, which a real
# office types from the rules in force; the program holds no share of its own.
DEMO_KEPT_PERCENT, DEMO_BLOC_KEPT_PERCENT = 30, 50
NOTES = ("Hoàn thành tốt các nhiệm vụ trọng tâm của quý.",
         "Tổ chức sinh hoạt chuyên đề về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
         "Làm tốt công tác phát triển đảng viên.")
SHORTCOMINGS = ("Một số đảng viên chưa nộp đảng phí đúng hạn.",
                "Nội dung sinh hoạt chi bộ có lúc chưa phong phú.")


def _quarters(today: date) -> list[tuple[int, int]]:
    """(year, quarter) of the quarter under way and the four before it, newest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    found = []
    for _ in range(QUARTERS_BACK + 1):
        found.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return found


def _remitted(collected: int, known: dict) -> int:
    """What an organisation paid the bloc: what it owed under the demo's share (it keeps 30%), or
    for about one in seventeen half of it — the arrears the dues books show. Chosen by the
    figures, not the random stream, so the rest of the demo stays as it was."""
    owed = collected - (collected * DEMO_KEPT_PERCENT + 50) // 100
    return owed // 2 if (collected // 1000 + known.get(r.HEADCOUNT, 0)) % 17 == 0 else owed


def _comments_received(start: date, end: date) -> Counter:
    """{grassroots organisation: its members whose residence's comment came in during the
    period}, from the residence records: a random count each quarter added up, in a year-end
    draft, to 514 members commented on in a bloc of 402."""
    received = {member for (member,) in ResidenceComment.select(ResidenceComment.member)
                .where(ResidenceComment.received_on.between(start, end)).tuples()}
    owner = {org_id: row.id for org_id, row in grassroots_of(org_rows()).items()}
    return Counter(owner[org] for member_id, org, _membership in members_at(end)
                   if member_id in received and org in owner)


def _figures(rng: random.Random, known: dict, comments: int) -> dict:
    figures = {key: known.get(key, 0) for key in r.CHECKED}
    headcount = figures[r.HEADCOUNT]
    collected = headcount * 3 * rng.randrange(40_000, 90_000, 1_000)
    figures.update({
        r.INSPECTIONS: rng.randint(0, 2), r.SUPERVISIONS: rng.randint(0, 2),
        r.DISCIPLINED: 1 if rng.random() < 0.03 else 0, r.DUES_COLLECTED: collected,
        r.DUES_REMITTED: _remitted(collected, known), r.RESIDENCE_COMMENTS: comments,
        r.ACHIEVEMENTS: rng.choice(NOTES) if rng.random() < 0.4 else "",
        r.SHORTCOMINGS: rng.choice(SHORTCOMINGS) if rng.random() < 0.2 else "",
    })
    return figures


def build_returns(rng: random.Random, today: date) -> int:
    form = json.dumps([[item.key, item.label, item.kind] for item in standard_form()], ensure_ascii=False)
    made = 0
    quarters = _quarters(today)
    for (year, quarter) in reversed(quarters):
        start = date(year, 3 * quarter - 2, 1)
        end = add_months(start, 3) - timedelta(days=1)
        due = add_working_days(end, DEFAULT_WORKING_DAYS)
        orgs = [row.id for row in grassroots_live_on(start)]
        issued = working_day_until(start)  # the quarter's first day may be 1 January or a Sunday
        insert_logged(ReturnRequest, [{
            "kind": r.QUARTER, "year": year, "period": quarter,
            "title": default_title(r.QUARTER, year, quarter),
            "period_start": start, "period_end": end, "issued_on": issued, "due_on": due, "form": form,
            "note": "", "created_at": datetime.combine(issued, time(8))}])
        request_id = ReturnRequest.select(ReturnRequest.id).order_by(ReturnRequest.id.desc()).scalar()
        insert_logged(ReturnAddressee, [{"request": request_id, "org": org_id} for org_id in orgs])
        if end >= today:
            continue  # the quarter under way: nothing can have come back yet
        known, comments = known_figures(start, end), _comments_received(start, end)
        latest = (year, quarter) == quarters[1]
        # The clerk's two cases are there even on the quarter's first days: on the last working
        # day so far, or the day after the quarter when none has come yet.
        latest_received = max(working_day_until(today), end + timedelta(days=1))
        rows = []
        for position, org_id in enumerate(orgs):
            if latest and rng.random() < 0.08 and position > 1:
                continue  # not sent yet; never the clerk's two cases below (the draw kept, so the
                # rest of the demo stays as it was)
            late = rng.random() < 0.12
            spread = (due - end).days + (rng.randint(1, 15) if late else 0)
            after = rng.randint(1, max(spread, 1))
            figures, state, note = _figures(rng, known.get(org_id, {}), comments[org_id]), r.ACCEPTED, ""
            if latest and position == 0:
                state, note = r.SENT_BACK, "Chưa điền số cuộc kiểm tra, giám sát; xin bổ sung và gửi lại."
            elif latest and position == 1:
                figures[r.HEADCOUNT] += 2  # counted two members who had already left
                state = r.RECEIVED
            received = working_day_from(end + timedelta(days=after))  # the office opens it
            if received > today:
                if not (latest and position < 2):
                    continue  # its day has not come: not sent yet
                received = latest_received
            rows.append({"request": request_id, "org": org_id, "received_on": received,
                         "figures": json.dumps(figures, ensure_ascii=False, sort_keys=True), "state": state,
                         "decision_note": note, "source_name": f"bao-cao-quy-{quarter}-{year}-{org_id}.xlsx",
                         "report_name": "", "report_size": 0, "report_sha256": "",
                         "updated_at": datetime.combine(received, time(9))})
        insert_logged(GrassrootsReturn, rows)
        made += len(rows)
    return made

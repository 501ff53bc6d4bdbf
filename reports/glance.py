"""The bloc at a glance, for the home page: today's figures, this year's admissions against
the target, what needs attention now, and members and admissions over the last years.

Every line of attention names the page that deals with it, so the home page can open it."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from models.admissions import REMINDER_KINDS, admitted_count, attention, progress
from models.awards import badge_list, occasions_of
from models.core import clock
from models.core import vocab as v
from models.core.dates import add_months, fmt_date
from models.core.read_once import reading_once
from models.meetings import cells_without_monthly_meeting
from models.members import bloc_totals, headcount
from models.orgs import org_rows
from models.returns import reminders as returns_to_chase
from models.workplan import due_this_month
from reports.numbers import integer

YEARS_SHOWN = 5
ADMISSIONS, MEETINGS, AWARDS, PROGRAMME, RETURNS = "admissions", "meetings", "awards", "programme", "returns"
# The lists a line opens (reported: "Xét chính thức: 24 hồ sơ →" opened the unfiltered list).
REMINDERS, CELL_MEETINGS, WORK_ITEMS, BADGES = "reminders", "cell_meetings", "work_items", "badges"
REQUEST = "request"


@dataclass(frozen=True)
class AttentionLine:
    text: str
    page: str  # which page deals with it: ADMISSIONS, MEETINGS, AWARDS, PROGRAMME
    part: str = ""  # which list of that page shows the cases: REMINDERS, CELL_MEETINGS, …


@dataclass(frozen=True)
class YearPoint:
    year: int
    members: int  # counted on 31 December (today for the current year)
    admitted: int
    until: date | None = None  # the current year: counted up to today, and labelled so


@dataclass(frozen=True)
class Glance:
    today: date
    members: int
    probationary: int
    grassroots: int
    cells: int
    admitted: int
    target: int | None
    attention: list[AttentionLine] = field(default_factory=list)
    years: list[YearPoint] = field(default_factory=list)


def bloc_at_a_glance(today: date | None = None) -> Glance:
    with reading_once():  # the tree and today's headcount are asked for more than once
        return _glance(today or clock.today())


def _glance(today: date) -> Glance:
    count = headcount(today)
    rows = [row for row in org_rows() if not row.dissolved]
    aim = progress(None, today.year)
    return Glance(
        today=today, members=count.total, probationary=count.probationary,
        grassroots=sum(row.level in (v.DBCS, v.CBCS) for row in rows),
        cells=sum(row.level in v.CELLS for row in rows),
        admitted=aim.actual, target=aim.target,
        attention=attention_lines(today), years=year_points(today),
    )


def attention_lines(today: date) -> list[AttentionLine]:
    lines = []
    reminders = Counter(reminder.kind for reminder in attention(today))
    for kind, label in REMINDER_KINDS.items():
        if reminders[kind]:
            lines.append(AttentionLine(f"{label}: {integer(reminders[kind])} hồ sơ", ADMISSIONS, REMINDERS))
    last_month = add_months(date(today.year, today.month, 1), -1)
    gaps = cells_without_monthly_meeting(last_month.year, last_month.month)
    if gaps:
        lines.append(AttentionLine(f"{integer(len(gaps))} chi bộ chưa ghi sinh hoạt thường kỳ tháng "
                                   f"{last_month.month}/{last_month.year}", MEETINGS,
                                   f"{CELL_MEETINGS}:{last_month:%Y-%m}"))
    due = due_this_month(today)
    if due:
        lines.append(AttentionLine(f"{integer(len(due))} nội dung chương trình công tác tháng {today.month}/"
                                   f"{today.year} chưa thực hiện", PROGRAMME, WORK_ITEMS))
    occasion = next_presentation_day(today)
    if occasion is not None:
        day, name = occasion
        due = len(badge_list(day, with_early=False))  # as many as the proposal will name
        if due:
            lines.append(AttentionLine(f"{integer(due)} đảng viên trong danh sách đề nghị Huy hiệu Đảng dịp "
                                       f"{name} ({fmt_date(day)})", AWARDS, BADGES))
    # The grassroots returns to chase or to look at, each opening its request's list.
    lines += [AttentionLine(reminder.text(), RETURNS, f"{REQUEST}:{reminder.request_id}")
              for reminder in returns_to_chase(today)]
    return lines


def next_presentation_day(today: date) -> tuple[date, str] | None:
    """The next badge presentation day within a year."""
    days = occasions_of(today.year) + occasions_of(today.year + 1)
    return next(((day, name) for day, name in days if today <= day <= today + timedelta(days=366)), None)


def year_points(today: date) -> list[YearPoint]:
    years = range(today.year - YEARS_SHOWN + 1, today.year + 1)
    ends = {year: min(date(year, 12, 31), today) for year in years}
    members = bloc_totals(list(ends.values()))  # five days from one reading of the history
    return [YearPoint(year, members[end], admitted_count(date(year, 1, 1), end),
                      until=end if end < date(year, 12, 31) else None) for year, end in ends.items()]

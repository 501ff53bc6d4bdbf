"""Each grassroots organisation's Party dues for a quarter, as the office keeps them: what it
collected and what it remitted to the bloc, typed by the clerk or taken from the accepted
returns of the reporting system (which says where each figure came from)."""

import json
from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import log_insert, save_changes
from models.core import clock
from models.core import vocab as v
from models.core.checks import amount, whole_number
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline, opening
from models.dues.tables import DuesEntry
from models.orgs.tree import check_in_scope, full_names, org_rows, scope_ids
from models.returns import vocab as r
from models.returns.requests import period_of
from models.returns.tables import GrassrootsReturn, ReturnRequest

MONEY_MAX = 2_000_000_000  # đồng: far above any organisation's quarter, and what the server's column holds
ROMAN = r.QUARTER_NAMES


def quarter_bounds(year, quarter) -> tuple[date, date]:
    """The quarter's first and last day, as a quarterly report request counts them."""
    return period_of(r.QUARTER, year, whole_number(quarter, "quarter", "Quý", 1, 4))


def last_quarter_ended(today: date) -> tuple[int, int]:
    """(year, quarter) of the last quarter that has ended: the one a clerk most likely works on."""
    quarter = (today.month - 1) // 3
    return (today.year, quarter) if quarter else (today.year - 1, 4)


def first_quarter_using(valid_from: date) -> tuple[int, int]:
    """(year, quarter) of the first quarter whose books use a share in force from `valid_from`:
    the books take the share in force on a quarter's first day."""
    year, quarter = valid_from.year, (valid_from.month - 1) // 3 + 1
    if quarter_bounds(year, quarter)[0] == valid_from:
        return year, quarter
    return (year, quarter + 1) if quarter < 4 else (year + 1, 1)


def quarter_name(year: int, quarter: int) -> str:
    return f"quý {ROMAN[quarter]} năm {year}"


def quarterly_source(year: int, quarter: int) -> str:
    """How an entry taken from a quarterly return names where it came from."""
    return f"Báo cáo quý {ROMAN[quarter]}/{year}"


def _started(year: int, quarter: int) -> tuple[date, date]:
    start, end = quarter_bounds(year, quarter)
    if start > clock.today():
        raise ValidationError("quarter", f"{opening(quarter_name(year, quarter))} chưa bắt đầu.")
    return start, end


def _grassroots_in(start: date, end: date) -> dict[int, str]:
    """Grassroots organisations that existed at some time in the quarter, with their names, of
    those the account may see."""
    allowed = scope_ids()
    rows = org_rows()  # read once: a bloc of 200 organisations has some 1,800 with its cells
    names = full_names()
    return {row.id: names.get(row.id, "") for row in rows
            if row.level in v.GRASSROOTS and (allowed is None or row.id in allowed)
            and not (row.founded_on and row.founded_on > end)
            and not (row.dissolved_on and row.dissolved_on <= start)}


def _amount(value, field: str, label: str) -> int:
    return amount(value, field, label, MONEY_MAX)


def set_entry(org_id: int, year: int, quarter: int, collected, remitted, remitted_on: date | None = None,
              note: str = "", source: str | None = None) -> DuesEntry:
    """Record (or correct) one organisation's quarter. `source`: the returns the figures came
    from; None when the clerk typed them — a date or a note corrected keeps the entry's source,
    a figure typed over one taken from a return makes the entry typed, and the next take from
    the returns leaves it alone."""
    session.require(session.WRITE_RECORDS)
    start, end = _started(year, quarter)
    check_in_scope(org_id)
    if org_id not in _grassroots_in(start, end):
        raise ValidationError("org", "Chỉ ghi đảng phí của tổ chức cơ sở đảng có trong quý.")
    check_plausible(remitted_on, "remitted_on", "Ngày nộp")
    if remitted_on is not None and remitted_on < start:
        raise ValidationError("remitted_on", f"Ngày nộp ({fmt_date(remitted_on)}) ở trước đầu quý "
                                             f"({fmt_date(start)}).")
    values = {"collected": _amount(collected, "collected", "Đảng phí thu được"),
              "remitted": _amount(remitted, "remitted", "Đảng phí đã nộp Đảng ủy Khối"),
              "remitted_on": remitted_on, "note": checked_multiline(note, "note", "Ghi chú")}
    if values["remitted"] > values["collected"]:
        raise ValidationError("remitted", "Số đã nộp lớn hơn số thu được: kiểm tra lại hai số.")
    with database.atomic():
        row = DuesEntry.get_or_none((DuesEntry.org == org_id) & (DuesEntry.year == year)
                                    & (DuesEntry.quarter == quarter))
        same_figures = row is not None and (row.collected, row.remitted) == (values["collected"],
                                                                             values["remitted"])
        values["source"] = source if source is not None else row.source if same_figures else ""
        if row is None:
            row = DuesEntry.create(org=org_id, year=year, quarter=quarter, **values)
            log_insert(row)
        else:
            save_changes(row, values, touch=True)
    return row


@dataclass(frozen=True)
class TakenLine:
    org_id: int
    org_name: str
    outcome: str  # TAKEN, UPDATED, SAME, KEPT_TYPED, NOT_READY
    detail: str = ""


TAKEN, UPDATED, SAME, KEPT_TYPED, NOT_READY = "moi", "cap_nhat", "nhu_cu", "giu_so_da_nhap", "chua_du"
OUTCOMES = {TAKEN: "Lấy mới", UPDATED: "Cập nhật theo báo cáo", SAME: "Không đổi",
            KEPT_TYPED: "Giữ số đã nhập tay", NOT_READY: "Chưa lấy được"}


def _accepted(year: int, quarter: int, start: date, end: date) -> dict[int, list[tuple[str, int, dict]]]:
    """{organisation: [(kind, period, figures)]} of the accepted quarterly and monthly returns
    whose period lies in the quarter."""
    rows = (GrassrootsReturn.select(GrassrootsReturn.org, ReturnRequest.kind, ReturnRequest.period,
                                    GrassrootsReturn.figures)
            .join(ReturnRequest, on=(GrassrootsReturn.request == ReturnRequest.id))
            .where((GrassrootsReturn.state == r.ACCEPTED) & (ReturnRequest.kind.in_([r.QUARTER, r.MONTH]))
                   & (ReturnRequest.period_start >= start) & (ReturnRequest.period_end <= end))
            .order_by(ReturnRequest.period_start, ReturnRequest.id))
    found: dict[int, list[tuple[str, int, dict]]] = {}
    for org_id, kind, period, figures in rows.tuples():
        found.setdefault(org_id, []).append((kind, period, json.loads(figures)))
    return found


def _from_returns(year: int, quarter: int, returns: list[tuple[str, int, dict]]):
    """(collected, remitted, source) from one organisation's accepted returns, or the reason
    they do not give the quarter."""
    quarterly = [figures for kind, _period, figures in returns if kind == r.QUARTER]
    if quarterly:
        chosen, source = [quarterly[-1]], quarterly_source(year, quarter)
    else:
        months = {period: figures for kind, period, figures in returns if kind == r.MONTH}
        wanted = [3 * quarter - 2, 3 * quarter - 1, 3 * quarter]
        missing = [month for month in wanted if month not in months]
        if missing:
            return None, "thiếu báo cáo " + ", ".join(f"tháng {month}" for month in missing) + " đã chấp nhận"
        chosen = [months[month] for month in wanted]
        source = f"Báo cáo tháng {wanted[0]}, {wanted[1]}, {wanted[2]}/{year}"
    totals = []
    for key in (r.DUES_COLLECTED, r.DUES_REMITTED):
        values = [figures.get(key) for figures in chosen]
        if any(not isinstance(value, int) for value in values):
            return None, "báo cáo không ghi số đảng phí thu, nộp"
        totals.append(sum(values))
    return (totals[0], totals[1], source), ""


def take_from_returns(year: int, quarter: int, write: bool = True) -> list[TakenLine]:
    """Fill the quarter's dues from the accepted returns: a figure typed by hand is kept (and
    its difference said); one taken earlier follows a return accepted since. With `write`
    False nothing is written: the clerk sees first what would change."""
    session.require(session.WRITE_RECORDS if write else session.READ_RECORDS)
    start, end = _started(year, quarter)
    orgs = _grassroots_in(start, end)
    returns = _accepted(year, quarter, start, end)
    stored = {row.org_id: row for row in DuesEntry.select().where(
        (DuesEntry.year == year) & (DuesEntry.quarter == quarter))}
    lines = []
    with database.atomic():
        for org_id, name in sorted(orgs.items(), key=lambda item: item[1].casefold()):
            if org_id not in returns:
                continue
            taken, reason = _from_returns(year, quarter, returns[org_id])
            if taken is None:
                lines.append(TakenLine(org_id, name, NOT_READY, reason))
                continue
            collected, remitted, source = taken
            row = stored.get(org_id)
            if row is not None and (row.collected, row.remitted) == (collected, remitted):
                lines.append(TakenLine(org_id, name, SAME, source))
                continue
            if row is not None and not row.source:
                lines.append(TakenLine(org_id, name, KEPT_TYPED,
                                       f"đã nhập thu {collected_words(row.collected)}, nộp "
                                       f"{collected_words(row.remitted)}; {source}: thu "
                                       f"{collected_words(collected)}, nộp {collected_words(remitted)}"))
                continue
            if remitted > collected or collected > MONEY_MAX:
                lines.append(TakenLine(org_id, name, NOT_READY, f"{source}: số nộp lớn hơn số thu"
                                       if collected <= MONEY_MAX else f"{source}: số thu quá lớn"))
                continue
            lines.append(TakenLine(org_id, name, TAKEN if row is None else UPDATED, source))
            if write:
                set_entry(org_id, year, quarter, collected, remitted,
                          row.remitted_on if row is not None else None,
                          row.note if row is not None else "", source)
    return lines


def collected_words(dong: int) -> str:
    return f"{dong:,}".replace(",", ".") + " đ"

"""What the office asks the grassroots organisations to report: the kind and period, the form,
the deadline counted in working days, and the organisations asked."""

import json
from datetime import date, timedelta

from models.accounts import session
from models.accounts.audit import log_delete, log_insert
from models.core.checks import stored_record, whole_number, year_in
from models.core.dates import add_months, check_plausible, fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.core.workdays import add_working_days, is_working_day
from models.orgs.tree import grassroots_live_on
from models.returns import vocab as r
from models.returns.forms import FormLine, checked_form, office_form
from models.returns.tables import GrassrootsReturn, ReturnAddressee, ReturnRequest

DEFAULT_WORKING_DAYS = 5  # after the period ends, unless the office says otherwise


def period_of(kind: str, year: int, period: int = 0) -> tuple[date, date]:
    """The first and last day a report of the kind covers."""
    year = year_in(year, "year", "Năm", 2000, 2100)
    if kind == r.MONTH:
        month = whole_number(period, "period", "Tháng", 1, 12)
        start = date(year, month, 1)
        return start, add_months(start, 1) - timedelta(days=1)
    if kind == r.QUARTER:
        quarter = whole_number(period, "period", "Quý", 1, 4)
        start = date(year, 3 * quarter - 2, 1)
        return start, add_months(start, 3) - timedelta(days=1)
    if kind == r.HALF:
        return date(year, 1, 1), date(year, 6, 30)
    if kind == r.YEAR:
        return date(year, 1, 1), date(year, 12, 31)
    raise ValidationError("kind", "Chọn loại báo cáo trong danh sách.")


def default_title(kind: str, year: int, period: int = 0) -> str:
    if kind == r.MONTH:
        return f"Báo cáo tháng {period} năm {year}"
    if kind == r.QUARTER:
        return f"Báo cáo quý {r.QUARTER_NAMES.get(period, period)} năm {year}"
    if kind == r.HALF:
        return f"Báo cáo 6 tháng đầu năm {year}"
    if kind == r.YEAR:
        return f"Báo cáo năm {year}"
    return ""


def working_days_between(due: date, day: date) -> int:
    """How many working days `day` is after `due` (0 when on or before it)."""
    late, current = 0, due
    while current < day:
        current += timedelta(days=1)
        if is_working_day(current):
            late += 1
    return late


def create_request(kind: str, year: int, period: int = 0, *, issued_on: date, due_on: date | None = None,
                   working_days: int | None = None, title: str = "", start: date | None = None,
                   end: date | None = None, lines: list[FormLine] | None = None,
                   org_ids: list[int] | None = None, note: str = "") -> ReturnRequest:
    """A request and the organisations it is sent to (every grassroots organisation live on the
    day it is issued, or those named). The deadline is a date, or a number of working days
    after the period ends (after the issue for an ad hoc request)."""
    session.require_whole_bloc(session.WRITE_RECORDS, "Yêu cầu báo cáo")
    if kind not in r.KINDS:
        raise ValidationError("kind", "Chọn loại báo cáo trong danh sách.")
    check_plausible(issued_on, "issued_on", "Ngày gửi yêu cầu")
    if kind == r.AD_HOC:
        year = year_in(year, "year", "Năm", 2000, 2100)
        if start is None or end is None:
            raise ValidationError("start", "Báo cáo đột xuất: nhập ngày đầu và ngày cuối của kỳ báo cáo.")
        if end < start:
            raise ValidationError("end", "Ngày cuối kỳ ở trước ngày đầu kỳ.")
        if year not in (start.year, end.year):
            raise ValidationError("year", f"Kỳ báo cáo {fmt_date(start)}–{fmt_date(end)} không thuộc năm "
                                          f"{year}.")
        period, title = 0, clean(title)
        if not title:
            raise ValidationError("title", "Nhập tên của báo cáo đột xuất.")
    else:
        start, end = period_of(kind, year, period)
        period = period if kind in (r.MONTH, r.QUARTER) else 0
        title = clean(title) or default_title(kind, year, period)
    if due_on is None:
        days = whole_number(DEFAULT_WORKING_DAYS if working_days is None else working_days,
                            "working_days", "Số ngày làm việc", 1, 120)
        due_on = add_working_days(max(end, issued_on) if kind != r.AD_HOC else issued_on, days)
    if due_on < start:  # within the period stays possible: a monthly report due on the 20th
        raise ValidationError("due_on", f"Hạn gửi ({fmt_date(due_on)}) ở trước đầu kỳ báo cáo "
                                        f"({fmt_date(start)}).")
    if due_on < issued_on:
        raise ValidationError("due_on", f"Hạn gửi ({fmt_date(due_on)}) ở trước ngày gửi yêu cầu.")
    form = checked_form(lines if lines is not None else office_form())
    live = {row.id: row for row in grassroots_live_on(issued_on)}
    chosen = sorted(live) if org_ids is None else sorted(set(org_ids))
    unknown = [org_id for org_id in chosen if org_id not in live]
    if unknown:
        raise ValidationError("org_ids", f"Mã tổ chức {unknown[0]} không phải tổ chức cơ sở đảng đang hoạt "
                                         f"động ngày {fmt_date(issued_on)}.")
    if not chosen:
        raise ValidationError("org_ids", "Chưa có tổ chức cơ sở đảng nào để gửi yêu cầu.")
    if ReturnRequest.select().where((ReturnRequest.title == title) & (ReturnRequest.year == year)).exists():
        raise ValidationError("title", f"Đã có yêu cầu “{title}”.")
    with database.atomic():
        request = ReturnRequest.create(
            kind=kind, year=year, period=period, title=title, period_start=start, period_end=end,
            issued_on=issued_on, due_on=due_on, note=clean_multiline(note),
            form=json.dumps([[line.key, line.label, line.kind] for line in form], ensure_ascii=False))
        log_insert(request)
        for org_id in chosen:
            log_insert(ReturnAddressee.create(request=request.id, org=org_id))
        return request


def get_request(request_id) -> ReturnRequest:
    return stored_record(ReturnRequest, request_id, "yêu cầu báo cáo")


def form_of(request: ReturnRequest) -> list[FormLine]:
    return [FormLine(*line) for line in json.loads(request.form)]


def addressees(request_id: int) -> list[int]:
    return [org for (org,) in ReturnAddressee.select(ReturnAddressee.org)
            .where(ReturnAddressee.request == request_id).order_by(ReturnAddressee.org).tuples()]


def request_rows(year: int | None = None) -> list[ReturnRequest]:
    query = ReturnRequest.select().order_by(ReturnRequest.period_end.desc(), ReturnRequest.id.desc())
    if year is not None:
        query = query.where(ReturnRequest.year == year)
    return list(query)


def delete_request(request_id: int) -> None:
    """Only a request nothing has come back for: returns received are records of their own."""
    session.require_whole_bloc(session.WRITE_RECORDS, "Yêu cầu báo cáo")
    request = get_request(request_id)
    received = GrassrootsReturn.select().where(GrassrootsReturn.request == request.id).count()
    if received:
        raise ValidationError("request", f"Đã nhận {received} báo cáo theo yêu cầu này; không xóa được.")
    with database.atomic():
        for addressee in ReturnAddressee.select().where(ReturnAddressee.request == request.id):
            log_delete(addressee)
            addressee.delete_instance()
        log_delete(request)
        request.delete_instance()

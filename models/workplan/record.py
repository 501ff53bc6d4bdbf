"""Entering the committees' work programme of a year or the term: its items with their month,
the body in charge and the document that carried them out; key tasks, schemes, thematic
resolutions. The bloc's own records: every write audited."""

from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, save_changes
from models.core.checks import stored_record, whole_number, year_in
from models.core.dates import check_plausible
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.workplan.tables import WorkItem
from models.workplan.vocab import BODIES, DONE, ITEM, KEY_TASK, KINDS, PLANNED, RESOLUTION, SCHEME, STATUSES


def _require_bloc() -> None:
    session.require_whole_bloc(session.WRITE_RECORDS, "Chương trình công tác của Đảng ủy Khối")


def _values(fields: dict) -> dict:
    values = {"year_from": year_in(fields.get("year_from"), "year_from", "Năm", 1990, 2100)}
    values["year_to"] = year_in(fields.get("year_to") or values["year_from"], "year_to", "Đến năm",
                                     1990, 2100)
    if values["year_to"] < values["year_from"]:
        raise ValidationError("year_to", "Năm cuối ở trước năm đầu.")
    month = fields.get("month")
    values["month"] = None if month in (None, "", 0) else whole_number(month, "month", "Tháng", 1, 12)
    for key, vocab, message in (("body", BODIES, "Chọn cơ quan ban hành chương trình."),
                                ("kind", KINDS, "Chọn loại việc."), ("status", STATUSES, "Chọn tình trạng.")):
        values[key] = fields.get(key) or (PLANNED if key == "status" else None)
        if values[key] not in vocab:
            raise ValidationError(key, message)
    values["content"] = clean_multiline(fields.get("content"))
    if not values["content"]:
        raise ValidationError("content", "Nhập nội dung.")
    values["in_charge"] = clean(fields.get("in_charge"))
    values["carried_out_by"] = clean(fields.get("carried_out_by"))
    values["done_on"] = fields.get("done_on")
    if values["status"] == DONE:
        if values["done_on"] is None:
            raise ValidationError("done_on", "Nhập ngày thực hiện xong.")
        check_plausible(values["done_on"], "done_on", "Ngày thực hiện")
    else:
        values["done_on"] = None
    return values


def _get(item_id: int) -> WorkItem:
    return stored_record(WorkItem, item_id, "nội dung chương trình")


def create_work_item(fields: dict) -> WorkItem:
    _require_bloc()
    values = _values(fields)
    with database.atomic():
        row = WorkItem.create(**values)
        log_insert(row)
    return row


def update_work_item(item_id: int, fields: dict) -> WorkItem:
    _require_bloc()
    values = _values(fields)
    with database.atomic():
        row = _get(item_id)
        save_changes(row, values)
    return row


def delete_work_item(item_id: int) -> None:
    _require_bloc()
    with database.atomic():
        row = _get(item_id)
        log_delete(row)
        row.delete_instance()


def work_items(year: int) -> list[WorkItem]:
    """The year's programme and what of the term's covers the year, in month order."""
    query = WorkItem.select().where((WorkItem.year_from <= year) & (WorkItem.year_to >= year))
    return sorted(query, key=lambda row: (row.kind != ITEM, row.month or 13, row.id))


def due_this_month(today: date) -> list[WorkItem]:
    """The programme's items of this month not carried out yet (the home page)."""
    return [row for row in work_items(today.year)
            if row.kind == ITEM and row.month == today.month and row.status != DONE]


@dataclass(frozen=True)
class WorkFigures:
    planned: int  # programme items falling in the period
    done: int
    key_tasks: int
    schemes: int
    resolutions: int


def work_figures(start: date, end: date) -> WorkFigures:
    rows = work_items(end.year)
    items = [r for r in rows if r.kind == ITEM and r.month is not None
             and start <= date(end.year, r.month, 1) <= end]
    return WorkFigures(len(items), sum(r.status == DONE for r in items),
                       sum(r.kind == KEY_TASK for r in rows), sum(r.kind == SCHEME for r in rows),
                       sum(r.kind == RESOLUTION for r in rows))

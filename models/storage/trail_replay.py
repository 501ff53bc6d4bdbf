"""The data against its trail: replaying every audit entry of a table gives what each of its
rows must hold now; a row that differs was changed behind the program's back (an SQLite
editor, a script). Each difference is said with its table, record and field — never the
values, which may be personal data.
"""

import json
import re
from collections.abc import Callable, Iterator

from peewee import BlobField, BooleanField, DateField, DateTimeField

from models.accounts.audit import DELETE, INSERT, SECRET_FIELDS, secret_fingerprint
from models.accounts.audit_batches import INSERT_MANY, batch_rows
from models.accounts.audit_browse import TABLE_LABELS, field_label
from models.accounts.tables import AppUser, AuditEntry, OfficeSetting, UserOrg
from models.accounts.trail_values import plain
from models.admissions.tables import AdmissionCase, AdmissionTarget
from models.awards.tables import Award, BadgeAward
from models.core.db import database
from models.documents.tables import DocumentTemplate, OutgoingDocument, ReportDraft
from models.dues.tables import DuesEntry, DuesShare
from models.inspections.tables import Discipline, InspectionCase, InspectionSubject
from models.meetings.tables import Meeting, MeetingAttendance, MeetingFile, MeetingResolution
from models.members.tables import Member, MemberEvent, MemberPhoto
from models.movements.tables import Movement, MovementEntry, MovementItem, SocialOrg
from models.orgs.tables import PartyOrg
from models.ratings.tables import MemberRating, OrgRating, RatingTotals
from models.residence.tables import ResidenceComment, ResidenceContact
from models.returns.tables import GrassrootsReturn, ReturnAddressee, ReturnRequest
from models.targets.tables import MainTarget
from models.workplan.tables import WorkItem

AUDITED = [PartyOrg, Member, MemberEvent, MemberPhoto, AppUser, UserOrg, OfficeSetting, AdmissionCase,
           AdmissionTarget, InspectionCase, InspectionSubject, Discipline, OutgoingDocument, ReportDraft,
           MemberRating, OrgRating, RatingTotals, Award, BadgeAward, Meeting, MeetingAttendance,
           MeetingResolution, MeetingFile, DocumentTemplate, MainTarget, ResidenceContact,
           ResidenceComment, SocialOrg, Movement, MovementEntry, MovementItem, WorkItem, ReturnRequest,
           ReturnAddressee, GrassrootsReturn, DuesShare, DuesEntry]
SHOWN = 10  # differences of one kind listed per table before a count
_STAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _values(new_values) -> dict | None:
    """An entry's recorded values; None when they are not what the program writes (reported: one
    row with text that is not JSON stopped the whole check with "Expecting value")."""
    try:
        values = json.loads(new_values or "{}")
    except (TypeError, ValueError):
        return None
    return values if isinstance(values, dict) else None


def _expected(model, unreadable: list[int]) -> dict[str, dict | None]:
    """Each record as the trail leaves it: its values, or None once deleted. The numbers of
    entries whose values cannot be read go to `unreadable`, and the replay goes on."""
    by_name = {field.name: field.column_name for field in model._meta.sorted_fields}
    state: dict[str, dict | None] = {}
    entries = (AuditEntry.select(AuditEntry.id, AuditEntry.record_id, AuditEntry.action,
                                 AuditEntry.new_values)
               .where(AuditEntry.table_name == model._meta.table_name).order_by(AuditEntry.id).tuples())
    for entry_id, record_id, action, new_values in entries.iterator():
        if action == DELETE:
            state[record_id] = None
            continue
        if action == INSERT_MANY:
            rows = batch_rows(new_values)
            if rows is None:
                unreadable.append(entry_id)
            for record, recorded in rows or []:
                state[record] = {by_name.get(key, key): value for key, value in recorded.items()}
            continue
        recorded = _values(new_values)
        if recorded is None:
            unreadable.append(entry_id)
            continue
        values = {by_name.get(key, key): value for key, value in recorded.items()}
        if action == INSERT or state.get(record_id) is None:
            state[record_id] = values
        else:
            state[record_id].update(values)
    return state


def _default(field):
    """What a column holds when the trail never named it: its constant default, or nothing
    to compare (a time stamp of when the row was written)."""
    if callable(field.default):
        return ...
    if field.default is None:
        return None
    return plain(field.db_value(field.default) if not isinstance(field.default, bool) else field.default)


def _recorded_form(field) -> Callable | None:
    """How a value as the database hands it becomes what the trail recorded (values_of): None
    where it already is. Rows read as plain tuples, not models: peewee's making of an object
    per row and a Python value per cell was 15 of the replay's 35 s at 30,000 members. A time
    stamp or a day stored as the program stores it is taken as it is; anything else goes
    through the field, exactly as a model would have read it."""
    if isinstance(field, DateTimeField):
        def stamp(value):
            if isinstance(value, str) and (len(value) == 19 or (len(value) == 26 and value[19] == "."
                                                                 and value[20:].isdigit())) \
                    and _STAMP.fullmatch(value[:19]):
                return value[:19]  # the trail records a stamp to the second
            return plain(field.python_value(value))
        return stamp
    if isinstance(field, DateField):
        def day(value):
            if isinstance(value, str) and len(value) == 10 and _DAY.fullmatch(value):
                return value  # read or not (30/02 is not), a model would give this text back
            return plain(field.python_value(value))
        return day
    if isinstance(field, BooleanField | BlobField):
        return lambda value: plain(field.python_value(value))
    return None


def _stored_rows(model, fields: list) -> Iterator[tuple[str, dict]]:
    """(record id, {column: value in the trail's form}) for every row of the table."""
    forms = [(column, _recorded_form(field)) for column, field in fields]
    key = [column for column, _field in fields].index(model._meta.primary_key.column_name)
    query = model.select(*(field for _column, field in fields))
    for row in database.execute(query):
        values = {column: value if form is None else form(value)
                  for (column, form), value in zip(forms, row, strict=True)}
        for column in SECRET_FIELDS & values.keys():  # a fingerprint, as the trail records it
            if values[column] is not None:
                values[column] = secret_fingerprint(values[column])
        yield str(row[key]), values


def table_differences(model, unreadable: list[int] | None = None,
                      present: set[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(kind, record, field) for every way the table differs from its trail; only the columns
    `present` in a file of an older schema (all when None)."""
    expected = _expected(model, [] if unreadable is None else unreadable)
    fields = [(field.column_name, field) for field in model._meta.sorted_fields
              if present is None or field.column_name in present]
    seen = set()
    for record, actual in _stored_rows(model, fields):
        seen.add(record)
        if record not in expected:
            yield "unlogged", record, ""
            continue
        wanted = expected[record]
        if wanted is None:
            yield "deleted_but_present", record, ""
            continue
        for column, field in fields:
            if column in SECRET_FIELDS and column not in wanted:
                continue
            want = wanted[column] if column in wanted else _default(field)
            if want is not ... and actual.get(column) != want:
                yield "changed", record, column
    for record, wanted in expected.items():
        if wanted is not None and record not in seen:
            yield "missing", record, ""


def _columns_present() -> dict[str, set[str]]:
    """Each audited table's columns in the file as it is, for a file of an older schema. Those
    an older schema lacks cannot be compared; all the others are (reported: unrecording the
    newest migration made `check` skip every table and pass any edit)."""
    tables = set(database.get_tables())
    return {model._meta.table_name: {column.name for column in database.get_columns(model._meta.table_name)}
            for model in AUDITED if model._meta.table_name in tables}


def trail_problems(older_schema: bool = False) -> list[str]:
    problems = []
    columns = _columns_present() if older_schema else None
    for model in AUDITED:
        table = TABLE_LABELS.get(model._meta.table_name, model._meta.table_name)
        present = None if columns is None else columns.get(model._meta.table_name)
        if columns is not None and (not present or model._meta.primary_key.column_name not in present):
            continue
        found: dict[str, list[tuple[str, str]]] = {}
        unreadable: list[int] = []
        for kind, record, column in table_differences(model, unreadable, present):
            found.setdefault(kind, []).append((record, column))
        for kind, items in found.items():
            problems.append(_said(kind, model._meta.table_name, items))
        if unreadable:
            listed = ", ".join(str(number) for number in unreadable[:SHOWN])
            more = f" và {len(unreadable) - SHOWN} mục khác" if len(unreadable) > SHOWN else ""
            problems.append(f"{table}: nhật ký thay đổi có mục ghi giá trị không đọc được (đã bị sửa ngoài "
                            f"phần mềm) — mục số {listed}{more}.")
    return problems


def _said(kind: str, table_name: str, items: list[tuple[str, str]]) -> str:
    table = TABLE_LABELS.get(table_name, table_name)
    shown = items[:SHOWN]
    more = f" và {len(items) - SHOWN} bản ghi khác" if len(items) > SHOWN else ""
    if kind == "changed":
        places = "; ".join(f"mã {record}, {field_label(table_name, column)}" for record, column in shown)
        return f"{table}: dữ liệu khác với nhật ký thay đổi (đã bị sửa ngoài phần mềm) — {places}{more}."
    records = ", ".join(record for record, _ in shown)
    words = {
        "unlogged": "có bản ghi không có trong nhật ký thay đổi (thêm ngoài phần mềm)",
        "missing": "nhật ký có bản ghi nay không còn (đã bị xóa ngoài phần mềm)",
        "deleted_but_present": "nhật ký ghi đã xóa nhưng bản ghi vẫn còn",
    }[kind]
    return f"{table}: {words} — mã {records}{more}."

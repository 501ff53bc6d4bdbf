"""A bulk of inserts (an import, the demo, a large grid) in the trail: one entry per thousand
rows, holding their columns once and then each row's values. One entry per row repeated every
column name and the entry's own fields — the trail was two thirds of a 100,000-member bloc's
930 MB file — and signing 300,000 of them was a fifth of the time an import of that bloc took.
A batch is signed and chained like any entry; the check replays each of its rows as an insert.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from types import NoneType

from models.accounts.tables import AuditEntry
from models.accounts.trail_values import plain, plain_remembered
from models.core.checks import record_number

INSERT_MANY = "insert_many"
ENTRY_ROWS = 1_000  # rows per entry: about 370 kB of text for members, read back in milliseconds
_SPAN = ".."  # record_id of a batch: its lowest and highest id, "1..1000"


def span(rows: list[dict]) -> str:
    ids = [row["id"] for row in rows]
    return f"{min(ids)}{_SPAN}{max(ids)}"


def _within(record_span: str, number: int) -> bool:
    low, _, high = record_span.partition(_SPAN)
    try:
        return int(low) <= number <= int(high)
    except ValueError:  # not a span the program writes: the rows themselves say
        return True


def batch_text(rows: list[dict]) -> str:
    """The rows (one shape, each with its "id") as {"columns": [...], "rows": [[...], ...]}, each
    value as plain() gives it, worked out column by column: a column JSON writes as it is is not
    touched, and a column of dates goes through the remembered answers — the encoder calling
    back into Python for each date was half of the encoding's time."""
    columns = tuple(rows[0])
    if "id" not in columns:
        raise ValueError("a batch's rows need their ids")
    if any(len(row) != len(columns) for row in rows):
        raise ValueError("a batch's rows must all have the same columns")
    values = [_plain_column(list(map(itemgetter(column), rows))) for column in columns]
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"), default=plain)
    return encoder.encode({"columns": columns, "rows": list(zip(*values, strict=True))})


_JSON_TYPES = {str, int, float, bool, NoneType}


def _plain_column(values: list) -> list:
    kinds = set(map(type, values))
    if kinds <= _JSON_TYPES:
        return values
    if kinds - _JSON_TYPES <= {date, datetime}:
        return list(map(plain_remembered, values))
    return [plain(value) for value in values]


def batch_rows(new_values) -> list[tuple[str, dict]] | None:
    """(record id, values) for each row of a batch entry; None when its text is not what the
    program writes (edited outside it): the check names the entry and goes on."""
    try:
        data = json.loads(new_values or "")
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    columns, rows = data.get("columns"), data.get("rows")
    if not isinstance(columns, list) or not isinstance(rows, list) or "id" not in columns \
            or not all(isinstance(column, str) for column in columns):
        return None
    at = columns.index("id")
    out = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(columns):
            return None
        out.append((str(row[at]), dict(zip(columns, row, strict=True))))
    return out


@dataclass(frozen=True)
class Held:
    entry_id: int
    table_name: str
    record_id: str
    username: str


def batches_holding(table: str | None, record_ids: Iterable[str]) -> list[Held]:
    """The batch entries that inserted these records (of `table`, or of any table): who entered
    a member's history in an import, what the change log shows for a record's number."""
    wanted = {str(record) for record in record_ids}
    numbers = [number for number in map(record_number, wanted) if number >= 0]
    if not numbers:
        return []
    query = AuditEntry.select(AuditEntry.id, AuditEntry.record_id).where(AuditEntry.action == INSERT_MANY)
    if table:
        query = query.where(AuditEntry.table_name == table)
    covering = [entry_id for entry_id, record_span in query.tuples()
                if any(_within(record_span, number) for number in numbers)]
    held = []
    fields = (AuditEntry.id, AuditEntry.table_name, AuditEntry.username, AuditEntry.new_values)
    entries = AuditEntry.select(*fields).where(AuditEntry.id.in_(covering)).order_by(AuditEntry.id).tuples()
    for entry_id, table_name, username, new_values in entries:
        held.extend(Held(entry_id, table_name, record, username)
                    for record, _values in batch_rows(new_values) or [] if record in wanted)
    return held


def records_of(action: str, record_id: str, new_values) -> list[str]:
    """The records an entry is about: its own, or each row of a batch."""
    if action != INSERT_MANY:
        return [record_id]
    return [record for record, _values in batch_rows(new_values) or []]

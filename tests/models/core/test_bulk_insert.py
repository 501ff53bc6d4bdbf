"""insert_rows stores what peewee's own insert_many would: values already of the stored type
go in as they are, a column holding anything else goes through the field's db_value, and the
columns the rows leave out take their defaults. The cycle collector paused for bulk work is
left as it was found."""

import gc
from datetime import date, datetime

import pytest

from models.core.bulk import collector_paused, insert_rows
from models.core.errors import ValidationError
from models.members.import_plan import plan_import
from models.members.tables import MemberEvent
from models.orgs.tables import PartyOrg

NOW = datetime(2026, 12, 5, 9, 30, 15, 250000)


def org_rows(start: int) -> list[dict]:
    # Dates as dates in most rows and as text in one; a flag given as 0/1 in one row.
    return [{"id": start + n, "name": f"Chi bộ {n}", "name_folded": f"chi bo {n}", "level": "CBTT",
             "parent_id": None, "founded_on": "2020-03-05" if n == 1 else date(2020, 3, 5 + n),
             "created_at": NOW, "updated_at": NOW} for n in range(3)]


def stored(start: int) -> list[tuple]:
    return list(PartyOrg.select(PartyOrg.name, PartyOrg.founded_on, PartyOrg.created_at, PartyOrg.version,
                                PartyOrg.dissolved_on)
                .where(PartyOrg.id.between(start, start + 9)).order_by(PartyOrg.id).tuples())


def test_rows_are_stored_as_insert_many_stores_them(db):
    insert_rows(PartyOrg, org_rows(1))
    PartyOrg.insert_many(org_rows(11)).execute()
    assert stored(1)[:3] == stored(11)
    assert [row[1] for row in stored(1)] == [date(2020, 3, 5), date(2020, 3, 5), date(2020, 3, 7)]
    assert stored(1)[0][2:] == (NOW, 1, None)


def test_a_column_of_another_type_goes_through_its_field(make_member):
    insert_rows(PartyOrg, org_rows(1001))
    event = {"id": 1001, "member_id": make_member().id, "kind": "ADMITTED", "date": datetime(2021, 1, 2, 8),
             "org_id": 1001, "created_at": NOW, "counted_after": 1, "position": "0"}
    insert_rows(MemberEvent, [event])
    row = MemberEvent.get_by_id(1001)
    assert (row.counted_after, row.position, row.date) == (True, 0, date(2021, 1, 2))
    # A moment in a date column is stored as its day, as the field stores it, not as the moment.
    assert MemberEvent.select(MemberEvent.date.cast("text")).where(MemberEvent.id == 1001).scalar() == \
        "2021-01-02"


def test_the_cycle_collector_is_left_as_it_was_found_even_when_the_work_fails():
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # one paused by someone else stays paused
    finally:
        gc.enable()


def test_a_file_refused_while_planned_leaves_the_collector_running(db, tmp_path):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a workbook")
    with pytest.raises(ValidationError):
        plan_import(broken)
    assert gc.isenabled()

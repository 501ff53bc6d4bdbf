"""A large import into a small file: the indexes of the tables it fills are set aside while the
rows go in and made again at the end, exactly as they were; a cancel brings them back with
the rest, and the trail it writes through the quick signing path checks like any other."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.accounts.audit import log_bulk_inserts, verify_chain
from models.accounts.tables import AuditEntry
from models.core import bulk
from models.core.db import database, engine
from models.core.lookup import looked_up
from models.members.import_plan import ADD, plan_import
from models.members.import_write import ImportCancelled, import_members
from models.members.tables import Member, MemberEvent
from tests.models.members.test_member_import import workbook

TABLES = ("member", "member_event", "audit_entry")


def rows(count: int) -> list[list]:
    return [[f"Nguyễn Văn Thử {chr(0x41 + n // 26)}{chr(0x61 + n % 26)}", "Nam", date(1980, 1, 1 + n % 28),
             "05/03/2008", "05/03/2009", f"{10_000_000 + n:08d}", "Chi bộ Phòng Ngân sách",
             "Đảng bộ Sở Tài chính"]
            for n in range(count)]


def indexes() -> dict:
    return {table: sorted((index.name, index.sql, index.unique) for index in database.get_indexes(table))
            for table in TABLES}


def schema_version() -> int | None:
    """SQLite's count of schema changes; on a server nothing is set aside, nothing to count."""
    if engine() != "sqlite":
        return None
    return database.execute_sql("PRAGMA schema_version").fetchone()[0]


@pytest.fixture
def set_aside_from_ten(monkeypatch):
    monkeypatch.setattr(bulk, "SET_ASIDE_FROM", 10)


def test_a_large_import_puts_every_index_back_as_it_was(bloc_tree, tmp_path, set_aside_from_ten):
    before, version = indexes(), schema_version()
    result = import_members(plan_import(workbook(tmp_path / "ds.xlsx", rows(40))), same_person=ADD)
    assert result.created == 40
    assert engine() != "sqlite" or schema_version() != version  # dropped and made again on a file
    assert indexes() == before
    assert verify_chain().intact
    assert AuditEntry.select().where(AuditEntry.table_name == "member").count() == 40
    # The unique index is back, and holds.
    assert Member.select().where(Member.card_number == "10000007").count() == 1


def test_a_cancelled_large_import_leaves_indexes_and_nothing_else(bloc_tree, tmp_path, set_aside_from_ten):
    before, version = indexes(), schema_version()
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows(120)))
    with pytest.raises(ImportCancelled):
        import_members(plan, same_person=ADD, cancelled=lambda: True)
    assert (indexes(), schema_version()) == (before, version)
    assert Member.select().count() == 0 and MemberEvent.select().count() == 0


def test_an_import_into_a_larger_registry_keeps_its_indexes(bloc_tree, tmp_path, set_aside_from_ten):
    import_members(plan_import(workbook(tmp_path / "dau.xlsx", rows(40))), same_person=ADD)
    version = schema_version()
    more = [[f"Trần Thị Thêm {chr(0x41 + n)}", "Nữ", date(1985, 2, 3), "05/03/2008", "05/03/2009",
             f"{20_000_000 + n:08d}", "Chi bộ Phòng Ngân sách", "Đảng bộ Sở Tài chính"] for n in range(12)]
    import_members(plan_import(workbook(tmp_path / "them.xlsx", more)), same_person=ADD)
    assert schema_version() == version  # 12 rows into 40: placed row by row, nothing dropped
    assert Member.select().count() == 52


def test_the_registry_is_searched_the_same_whether_asked_in_chunks_or_read_whole(bloc_tree, tmp_path):
    import_members(plan_import(workbook(tmp_path / "ds.xlsx", rows(30))), same_person=ADD)
    wanted = [f"{10_000_000 + n:08d}" for n in (3, 7, 29)] + ["99999999"]
    chunked = sorted(looked_up(Member, 10_000, wanted, Member.card_number, Member.full_name))
    whole = sorted(looked_up(Member, 0, wanted, Member.card_number, Member.full_name))
    assert chunked == whole and [card for card, _ in whole] == wanted[:3]


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(st.none(), TEXT, st.integers(-10**12, 10**12), st.dates(), st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.dictionaries(TEXT, VALUES, max_size=6), min_size=1, max_size=5))
def test_entries_signed_in_bulk_check_as_the_check_reads_them(db, rows):
    # Quotes, backslashes, control characters, U+2028, dates: the bulk writes the signed text
    # piece by piece, the check rebuilds it through the encoder; the two must agree.
    start = AuditEntry.select().count()
    log_bulk_inserts("member", [{**row, "id": start + n} for n, row in enumerate(rows)])
    assert verify_chain().intact

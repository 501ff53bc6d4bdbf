"""A bulk of inserts kept as batch entries: each row once, with the values it stores; the check
replays each row, finds a row changed, removed or added behind the program's back, names a batch
whose text is not the program's, and breaks the chain on any edit of a batch. The change log
finds a record inside a batch, and a member's history says who imported it."""

import json
from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.accounts import audit
from models.accounts.audit import BATCH_FROM, values_of, verify_chain
from models.accounts.audit_batches import ENTRY_ROWS, INSERT_MANY, batch_rows, batch_text, batches_holding
from models.accounts.audit_browse import AuditFilter, audit_rows, batch_entry_rows, export_audit_csv
from models.accounts.tables import AuditEntry
from models.core.db import database
from models.core.text_tables import read_text_table
from models.members.events import history
from models.members.import_plan import plan_import
from models.members.import_write import import_members
from models.members.tables import Member, MemberEvent
from models.storage.trail_replay import table_differences, trail_problems
from tests.models.members.test_import_audit import rows
from tests.models.members.test_member_import import workbook

COUNT = 1_600  # two in three rows name a cell the tree has: more members than one batch holds


def imported(tmp_path) -> list[int]:
    import_members(plan_import(workbook(tmp_path / "ds.xlsx", rows(COUNT))))
    return [member.id for member in Member.select().order_by(Member.id)]


def batches(table: str) -> list[AuditEntry]:
    return list(AuditEntry.select().where(AuditEntry.table_name == table, AuditEntry.action == INSERT_MANY)
                .order_by(AuditEntry.id))


def test_an_import_of_a_thousand_rows_and_more_is_kept_in_batches_of_its_rows(bloc_tree, tmp_path):
    ids = imported(tmp_path)
    assert len(ids) > ENTRY_ROWS
    entries = batches("member")
    assert 2 <= len(entries) < len(ids) / 100
    assert not AuditEntry.select().where(AuditEntry.action == "insert",
                                         AuditEntry.table_name == "member").exists()
    written = [batch_rows(entry.new_values) for entry in entries]
    assert all(len(held) <= ENTRY_ROWS for held in written)
    assert [int(record) for held in written for record, _ in held] == ids  # each row once
    for held in written:
        for record, values in held:
            assert values == values_of(Member.get_by_id(int(record)))
    assert entries[0].record_id == f"{written[0][0][0]}..{written[0][-1][0]}"
    assert list(table_differences(Member)) == [] and list(table_differences(MemberEvent)) == []
    assert verify_chain().intact


def test_a_row_changed_removed_or_added_behind_the_program_is_found_inside_a_batch(bloc_tree, tmp_path):
    ids = imported(tmp_path)
    with database.atomic():
        Member.update(full_name="Người Khác").where(Member.id == ids[5]).execute()
        MemberEvent.delete().where(MemberEvent.member == ids[-1]).execute()
        Member.delete().where(Member.id == ids[-1]).execute()
        Member.insert(**{**Member.get_by_id(ids[6]).__data__, "id": ids[-1] + 100, "card_number": None,
                         "dossier_number": None}).execute()
    found = set(table_differences(Member))
    assert ("changed", str(ids[5]), "full_name") in found
    assert ("missing", str(ids[-1]), "") in found
    assert ("unlogged", str(ids[-1] + 100), "") in found
    assert any(str(ids[5]) in problem and "Họ và tên" in problem for problem in trail_problems())
    assert verify_chain().intact  # the trail itself was not touched: the replay is what finds it


def test_a_batch_edited_to_match_a_changed_row_breaks_the_chain(bloc_tree, tmp_path):
    ids = imported(tmp_path)
    entry = batches("member")[0]
    data = json.loads(entry.new_values)
    data["rows"][0][data["columns"].index("full_name")] = "Người Khác"
    with database.atomic():
        Member.update(full_name="Người Khác").where(Member.id == ids[0]).execute()
        AuditEntry.update(new_values=json.dumps(data, ensure_ascii=False)).where(
            AuditEntry.id == entry.id).execute()
    assert list(table_differences(Member)) == []  # the replay alone is fooled…
    assert verify_chain().first_broken_id == entry.id  # …the signature is not


def test_a_batch_whose_text_is_not_the_programs_is_named_and_the_check_goes_on(bloc_tree, tmp_path):
    imported(tmp_path)
    broken, shapeless = batches("member")[:2]
    with database.atomic():
        AuditEntry.update(new_values="{không phải JSON").where(AuditEntry.id == broken.id).execute()
        AuditEntry.update(new_values=json.dumps({"columns": ["id", "full_name"], "rows": [[1]]})).where(
            AuditEntry.id == shapeless.id).execute()
    unreadable: list[int] = []
    list(table_differences(Member, unreadable))
    assert unreadable == [broken.id, shapeless.id]
    assert any(f"mục số {broken.id}, {shapeless.id}" in problem for problem in trail_problems())


def test_the_change_log_finds_a_record_inside_a_batch_and_exports_its_row(bloc_tree, tmp_path):
    ids = imported(tmp_path)
    wanted = str(ids[ENTRY_ROWS + 3])
    found = audit_rows(AuditFilter(table_name="member", record_id=wanted))
    assert [row.action for row in found] == [INSERT_MANY]
    assert found[0].new_values is None  # the list does not carry a thousand rows per entry
    holder = next(entry for entry in batches("member") if wanted in dict(batch_rows(entry.new_values)))
    assert found[0].id == holder.id and found[0].record_label == holder.record_id.replace("..", "–")
    [(record, values)] = batch_entry_rows(found[0].id, wanted)
    assert record == wanted and values["full_name"] == Member.get_by_id(int(wanted)).full_name
    path = tmp_path / "nhat-ky.csv"
    export_audit_csv(AuditFilter(table_name="member", record_id=wanted), path)
    lines = read_text_table(path)[1:]
    assert len(lines) == 1 and lines[0][5] == wanted and json.loads(lines[0][7]) == values
    everything = tmp_path / "tat-ca.csv"
    export_audit_csv(AuditFilter(table_name="member"), everything)
    assert sorted(int(line[5]) for line in read_text_table(everything)[1:]) == ids  # a line per row


def test_a_members_history_says_who_imported_it(bloc_tree, tmp_path):
    ids = imported(tmp_path)
    steps = history(ids[-1])
    assert steps and all(step.recorded_by for step in steps)
    held = batches_holding("member_event", [str(step.id) for step in steps])
    assert {item.record_id for item in held} == {str(step.id) for step in steps}


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(st.none(), TEXT, st.integers(-10**12, 10**12), st.dates(), st.booleans(),
                   st.datetimes().map(lambda moment: moment.replace(microsecond=0)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(VALUES, min_size=3, max_size=3), st.lists(st.lists(VALUES, min_size=3, max_size=3),
                                                          min_size=1, max_size=6))
def test_any_values_in_a_batch_read_back_as_plain_gives_them_and_sign_as_the_check_reads(
        db, monkeypatch, first, others):
    monkeypatch.setattr(audit, "BATCH_FROM", 1)
    start = AuditEntry.select().count() * 10
    shaped = [{"id": start + n, "a": a, "b": b, "c": c} for n, (a, b, c) in enumerate([first, *others])]
    text = batch_text(shaped)
    assert [values for _record, values in batch_rows(text)] == \
        [{key: audit.plain(value) for key, value in row.items()} for row in shaped]
    audit.log_bulk_inserts("member", shaped)
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).first().action == INSERT_MANY
    assert verify_chain().intact


def test_a_few_rows_keep_an_entry_each(db):
    audit.log_bulk_inserts("member", [{"id": n, "full_name": f"Người {n}"} for n in range(1, BATCH_FROM)])
    assert AuditEntry.select().where(AuditEntry.action == "insert").count() == BATCH_FROM - 1
    assert verify_chain().intact


def test_a_column_mixing_flags_numbers_and_dates_keeps_each_as_it_was():
    # True == 1 and hash alike: a column's dates turned to text once must leave them apart.
    mixed = [True, 1, date(2020, 1, 1), False, 0, None, datetime(2020, 1, 1, 7, 5), date(2020, 1, 1)]
    shaped = [{"id": n, "a": value} for n, value in enumerate(mixed)]
    read = [values["a"] for _record, values in batch_rows(batch_text(shaped))]
    assert read == [True, 1, "2020-01-01", False, 0, None, "2020-01-01 07:05:00", "2020-01-01"]
    assert [type(value) for value in read[:5]] == [bool, int, str, bool, int]


def test_a_record_number_typed_with_other_digits_finds_nothing_and_never_fails(db):
    """The change log's "Mã hồ sơ" box: "²" counts as a digit to isdigit() and crashed int()."""
    from models.accounts.audit_batches import batches_holding

    assert batches_holding(None, ["²", "١٢", "1\x1f", ""]) == []

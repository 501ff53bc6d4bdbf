"""An import writes its rows in bulk, and its trail records each row written or changed once —
a batch entry holds up to a thousand inserted rows — with the values the row stores, in an
intact chain, across the batches the writer flushes, with updates and created cells in the
same run."""

import json
from datetime import datetime

from models.accounts.audit import values_of, verify_chain
from models.accounts.audit_batches import INSERT_MANY, batch_rows
from models.accounts.tables import AuditEntry
from models.core import vocab as v
from models.members.events import create_member
from models.members.import_plan import UPDATE, plan_import, rematch_orgs
from models.members.import_write import BATCH, create_missing_orgs, import_members
from models.members.tables import Member, MemberEvent
from models.orgs.tables import PartyOrg
from tests.models.accounts.test_audit import audited
from tests.models.members.test_member_import import workbook

TABLES = {"member": Member, "member_event": MemberEvent, "party_org": PartyOrg}


FAMILY, MIDDLE, GIVEN = ["Nguyễn", "Trần", "Lê", "Phạm"], ["Văn", "Thị", "Hữu", "Minh", "Ngọc"], [
    "An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc", "Quang",
    "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Thảo", "Hùng", "Linh", "Trung"]


def name(index: int) -> str:
    return f"{FAMILY[index % 4]} {MIDDLE[index // 4 % 5]} {GIVEN[index // 20 % 23]}"


def rows(count: int) -> list[list]:
    cells = ["Phòng Ngân sách", "Chi bộ Sở Tư pháp", "Chi bộ Mới Lập"]
    return [[name(index), "Nữ" if index % 3 else "Nam", datetime(1960 + index % 20, 1 + index % 12, 5),
             "01/03/2008", None if index % 4 else "5/3/2009", f"{9_000_000 + index:08d}",
             cells[index % 3], ""] for index in range(count)]


def test_an_import_records_each_row_once_as_stored(bloc_tree, tmp_path):
    holder = create_member({"full_name": name(0), "sex": "M", "birth_date": datetime(1960, 1, 5).date(),
                            "card_number": "09000000"},
                           {"kind": v.ADMITTED, "date": datetime(2008, 3, 1).date(),
                            "org_id": bloc_tree["cell_a"].id})
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows(BATCH + 37)))
    assert {problem.kind for problem in plan.problems} == {"ORG"}  # only the cell the tree lacks

    def run():
        create_missing_orgs(plan)
        import_members(rematch_orgs(plan), cards=UPDATE)

    first_entry = AuditEntry.select().count()
    changed, entries = audited(run)
    assert sorted(changed) == sorted(entries)  # one entry per changed row, none missing, none extra
    assert len([key for key in changed if key[0] == "member"]) == BATCH + 37  # 436 new, the holder updated

    for entry in AuditEntry.select().order_by(AuditEntry.id).offset(first_entry):
        if entry.action == INSERT_MANY:
            for record, written in batch_rows(entry.new_values):
                stored = TABLES[entry.table_name].get_by_id(int(record))
                assert written == values_of(stored), (entry.table_name, record)
            continue
        stored = TABLES[entry.table_name].get_by_id(int(entry.record_id))
        written = json.loads(entry.new_values)
        if entry.action == "insert":
            assert written == values_of(stored), (entry.table_name, entry.record_id)
        else:
            assert entry.record_id == str(holder.id)
            assert all(values_of(stored)[key] == value for key, value in written.items())
    assert verify_chain().intact

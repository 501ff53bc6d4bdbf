"""Several clerks writing at once — separate processes, as separate workstations are — keep
one unbroken audit chain, lose no change, and never get one register number twice: on the
server (one advisory lock per write transaction) as on a file (BEGIN IMMEDIATE)."""

import json
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from models.accounts.audit import verify_chain
from models.accounts.tables import AuditEntry
from models.core import vocab as v
from models.core.db import close_database, open_database
from models.documents.tables import OutgoingDocument
from models.members.record import get_member
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg

ROOT = Path(__file__).resolve().parents[3]
WRITERS, EACH = 4, 15

CLERK = """
import sys, time
from datetime import date
from pathlib import Path
from models.core import vocab as v
from models.core.db import open_database
from models.documents.register import register_document
from models.orgs.changes import create_org
where, start, clerk = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
count, bloc = int(sys.argv[4]), int(sys.argv[5])
open_database(where)
while not start.exists():
    time.sleep(0.01)
for n in range(count):
    create_org(name=f"Chi bộ {clerk}-{n}", level=v.CBCS, parent_id=bloc)
    register_document("CV", f"Công văn {clerk}-{n}", date(2026, 3, 2))
print("xong", flush=True)
"""


def clerks_at_once(script: str, db_location: str, tmp_path, record_id: int) -> list[tuple[str, str]]:
    """WRITERS processes run `script` on the database, started together; their (out, err)."""
    start = tmp_path / "bat-dau"
    clerks = [subprocess.Popen([sys.executable, "-c", script, db_location, str(start), f"M{i}", str(EACH),
                                str(record_id)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for i in range(WRITERS)]
    time.sleep(1.0)  # every clerk connected and waiting
    start.touch()
    return [clerk.communicate(timeout=120) for clerk in clerks]


def test_clerks_writing_together_keep_one_chain_and_distinct_numbers(db, db_location, tmp_path):
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    before = AuditEntry.select().count()
    close_database()
    outcomes = clerks_at_once(CLERK, db_location, tmp_path, bloc.id)
    assert all(out.strip() == "xong" for out, _err in outcomes), outcomes
    open_database(db_location)
    chain = verify_chain()
    assert chain.intact and chain.entries == before + 2 * WRITERS * EACH
    assert PartyOrg.select().where(PartyOrg.name.startswith("Chi bộ M")).count() == WRITERS * EACH
    numbers = [row.number for row in OutgoingDocument.select().where(OutgoingDocument.type_code == "CV")]
    assert sorted(numbers) == list(range(1, WRITERS * EACH + 1))
    assert {row.issued_on for row in OutgoingDocument.select()} == {date(2026, 3, 2)}


EDITOR = """
import sys, time
from pathlib import Path
from models.accounts.audit import EditedMeanwhile
from models.core.db import open_database
from models.members.record import get_member, member_fields, update_member
where, start, clerk = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
count, member_id = int(sys.argv[4]), int(sys.argv[5])
open_database(where)
while not start.exists():
    time.sleep(0.01)
saved = refused = 0
while saved < count:
    member = get_member(member_id)  # the form opens
    try:
        seen = f"{clerk}-{saved} sau lần sửa {member.version}"  # what the clerk's form was opened on
        update_member(member_id, {**member_fields(member), "note": seen}, member.version)
        saved += 1
    except EditedMeanwhile:
        refused += 1  # told, typing kept: the clerk reloads and saves again
print(saved, refused, flush=True)
"""


def test_clerks_editing_one_record_together_lose_no_update(make_member, db_location, tmp_path):
    member = make_member(full_name="Nguyễn Văn Chung")
    first_version = get_member(member.id).version
    close_database()
    outcomes = clerks_at_once(EDITOR, db_location, tmp_path, member.id)
    assert all(err == "" or "Traceback" not in err for _out, err in outcomes), outcomes
    saved = sum(int(out.split()[0]) for out, _err in outcomes)
    assert saved == WRITERS * EACH
    open_database(db_location)
    # Every save was made on top of the record its clerk saw: each entry's version before the save
    # is the one its form was opened on — a save over a version it never saw is a lost update.
    entries = (AuditEntry.select().where((AuditEntry.table_name == "member")
                                         & (AuditEntry.record_id == str(member.id))
                                         & (AuditEntry.action == "update")).order_by(AuditEntry.id))
    changes = [(json.loads(e.old_values), json.loads(e.new_values)) for e in entries]
    assert len(changes) == saved and get_member(member.id).version == first_version + saved
    assert all(new["note"].endswith(f"sau lần sửa {old['version']}") for old, new in changes)
    assert get_member(member.id).note == changes[-1][1]["note"]
    assert verify_chain().intact

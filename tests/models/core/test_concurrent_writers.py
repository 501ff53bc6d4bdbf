"""Several clerks writing at once — separate processes, as separate workstations are — keep
one unbroken audit chain, lose no change, and never get one register number twice: on the
server (one advisory lock per write transaction) as on a file (BEGIN IMMEDIATE)."""

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


def test_clerks_writing_together_keep_one_chain_and_distinct_numbers(db, db_location, tmp_path):
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    before = AuditEntry.select().count()
    close_database()
    start = tmp_path / "bat-dau"
    clerks = [subprocess.Popen([sys.executable, "-c", CLERK, db_location, str(start), f"M{i}", str(EACH),
                                str(bloc.id)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for i in range(WRITERS)]
    time.sleep(1.0)  # every clerk connected and waiting
    start.touch()
    outcomes = [clerk.communicate(timeout=120) for clerk in clerks]
    assert all(out.strip() == "xong" for out, _err in outcomes), outcomes
    open_database(db_location)
    chain = verify_chain()
    assert chain.intact and chain.entries == before + 2 * WRITERS * EACH
    assert PartyOrg.select().where(PartyOrg.name.startswith("Chi bộ M")).count() == WRITERS * EACH
    numbers = [row.number for row in OutgoingDocument.select().where(OutgoingDocument.type_code == "CV")]
    assert sorted(numbers) == list(range(1, WRITERS * EACH + 1))
    assert {row.issued_on for row in OutgoingDocument.select()} == {date(2026, 3, 2)}

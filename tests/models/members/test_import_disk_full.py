"""An import that fills the disk is undone whole and said in Vietnamese (it was "cannot
rollback" before)."""

import pytest

from models.core.db import database
from models.core.errors import ValidationError
from models.members.import_plan import plan_import
from models.members.import_write import import_members
from models.members.tables import Member
from tests.models.members.test_member_import import MESSY, workbook


@pytest.mark.file_only  # a file's size limit stands in for a full disk
def test_an_import_onto_a_full_disk_writes_nothing(bloc_tree, tmp_path):
    rows = [[f"Nguyễn Văn Thứ {chr(0x41 + n % 26)}{'a' * (n % 7)}", *MESSY[0][1:5], None, *MESSY[0][6:]]
            for n in range(400)]
    plan = plan_import(workbook(tmp_path / "ds.xlsx", rows))
    assert len(plan.clean_rows) > 300
    pages = database.execute_sql("pragma page_count").fetchone()[0]
    database.execute_sql(f"pragma max_page_count = {pages + 3}")  # the disk has room for 3 pages more
    with pytest.raises(ValidationError) as refused:
        import_members(plan)
    assert "Ổ đĩa đã đầy" in refused.value.message
    database.execute_sql("pragma max_page_count = 1073741823")
    assert Member.select().count() == 0

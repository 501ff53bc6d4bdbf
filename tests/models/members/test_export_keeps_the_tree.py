"""An exported list names each member's cell with every committee above it, in the columns
their names say, and comes back into the same cells — into this database or an empty one.
Found: a cell under a đảng bộ bộ phận was exported with that committee in the column "Đảng bộ
cơ sở"; imported into an empty database it became a đảng bộ cơ sở of its own (the report then
counted one grassroots organisation too many), and twin cells under committees of one name in
two đảng bộ could not be told apart."""

from datetime import date

from openpyxl import load_workbook

from models.core import vocab as v
from models.core.db import close_database, open_database
from models.members.counts import roster_at
from models.members.export import export_members
from models.members.import_plan import plan_import
from models.members.import_write import create_missing_orgs, import_members
from models.orgs.changes import create_org
from models.orgs.tree import full_names, org_rows

COMMITTEE = "Đảng bộ bộ phận Khối chuyên môn"


def _twin_cells(bloc_tree, make_member) -> dict[int, str]:
    """Under each of two đảng bộ a committee of one name, each with a "Chi bộ Văn phòng"."""
    second = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=bloc_tree["bloc"].id)
    people = {}
    twins = ((bloc_tree["base"], "Trần Văn Tài"), (second, "Trần Văn Y"))
    for number, (grassroots, name) in enumerate(twins):
        unit = create_org(name=COMMITTEE, level=v.DBBP, parent_id=grassroots.id)
        cell = create_org(name="Chi bộ Văn phòng", level=v.CBTT, parent_id=unit.id)
        member = make_member(org=cell, full_name=name, card_number=f"0990000{number}")
        people[member.id] = full_names()[cell.id]
    make_member(org=bloc_tree["cell_a"], full_name="Lê Thị Trực Thuộc", card_number="09900009")
    return people


def _placed() -> set[tuple[str, str]]:
    from models.members.tables import Member

    names = full_names()
    counted = {member_id: org for member_id, org, _m, _s in roster_at(date(2026, 1, 1))}
    return {(member.full_name, names[counted[member.id]]) for member in Member.select()
            if member.id in counted}


def test_the_export_names_the_grassroots_and_the_committee_between(bloc_tree, make_member, tmp_path):
    _twin_cells(bloc_tree, make_member)
    export_members(tmp_path / "ds.xlsx", date(2026, 1, 1))
    rows = list(load_workbook(tmp_path / "ds.xlsx").active.iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "STT")
    columns = {label: header.index(label) for label in ("Chi bộ", "Đảng bộ bộ phận", "Đảng bộ cơ sở")}
    placed = {(row[columns["Chi bộ"]], row[columns["Đảng bộ bộ phận"]] or "", row[columns["Đảng bộ cơ sở"]])
              for row in rows[rows.index(header) + 1:] if row[0]}
    assert placed == {("Chi bộ Văn phòng", COMMITTEE, "Đảng bộ Sở Tài chính"),
                      ("Chi bộ Văn phòng", COMMITTEE, "Đảng bộ Sở Y tế"),
                      ("Chi bộ Phòng Ngân sách", "", "Đảng bộ Sở Tài chính")}


def test_twin_cells_come_back_to_their_own_cell(bloc_tree, make_member, tmp_path):
    people = _twin_cells(bloc_tree, make_member)
    export_members(tmp_path / "ds.xlsx", date(2026, 1, 1))
    plan = plan_import(tmp_path / "ds.xlsx")
    names = full_names()
    assert plan.problems == []
    assert {names[row.org_id] for row in plan.rows if row.fields["card_number"] in ("09900000", "09900001")} \
        == set(people.values())


def test_into_an_empty_database_the_committees_are_made_at_their_level(bloc_tree, make_member, tmp_path):
    _twin_cells(bloc_tree, make_member)
    export_members(tmp_path / "ds.xlsx", date(2026, 1, 1))
    before = _placed()
    close_database()
    open_database(tmp_path / "moi.db")
    plan = plan_import(tmp_path / "ds.xlsx")
    create_missing_orgs(plan)
    plan = plan_import(tmp_path / "ds.xlsx")
    assert plan.problems == []
    import_members(plan)
    assert _placed() == before
    levels = sorted((row.level, row.name) for row in org_rows() if row.level != v.BLOC)
    assert levels.count((v.DBBP, COMMITTEE)) == 2
    assert [name for level, name in levels if level == v.DBCS] == ["Đảng bộ Sở Tài chính", "Đảng bộ Sở Y tế"]


def test_a_file_naming_only_the_committee_between_places_new_cells_under_it(bloc_tree, tmp_path):
    """A list with "Chi bộ" and "Đảng bộ bộ phận" but no "Đảng bộ cơ sở" column: a cell to create
    goes under that committee when the tree has one of that name; with none, or several, it is
    left for the clerk (it was made a chi bộ cơ sở of the bloc, the committee ignored)."""
    from openpyxl import Workbook

    unit = create_org(name=COMMITTEE, level=v.DBBP, parent_id=bloc_tree["base"].id)
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Ngày vào Đảng", "Chi bộ", "Đảng bộ bộ phận"])
    sheet.append([1, "Trần Văn Mới", "Nam", "01/01/1980", "05/03/2008", "Chi bộ Phòng Mới", COMMITTEE])
    sheet.append([2, "Lê Văn Lạc", "Nam", "01/01/1981", "05/03/2008", "Chi bộ Lạc", "Đảng bộ bộ phận X"])
    book.save(tmp_path / "ds.xlsx")
    plan = plan_import(tmp_path / "ds.xlsx")
    create_missing_orgs(plan)
    made = {row.name: (row.level, row.parent_id) for row in org_rows()}
    assert made["Chi bộ Phòng Mới"] == (v.CBTT, unit.id)
    assert "Chi bộ Lạc" not in made
    plan = plan_import(tmp_path / "ds.xlsx")
    assert [problem.row for problem in plan.problems] == [3]

"""Import as the office runs it from the command line (issue: papers a secretary signs — the
import's part): a "Đảng bộ …" made by --create-orgs is a đảng bộ cơ sở; the dry run counts
what the real run takes and writes every problem; an export imported back loses no one."""

from datetime import date

from openpyxl import load_workbook

import main
from models.core import vocab as v
from models.core.db import close_database, open_database
from models.members.events import create_member
from models.members.tables import Member
from models.orgs.tree import org_rows
from tests.conftest import person
from tests.models.members.test_member_import import workbook


def _rows(count: int, cell: str, base: str = "") -> list[list]:
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan"]
    family = "Nguyễn" if cell.startswith("Chi") else "Trần"
    return [[f"{family} Văn {given[n % 10]}", "Nam", date(1980, 1, 1 + n), date(2008, 3, 1 + n), None, None,
             cell, base] for n in range(count)]


def test_create_orgs_makes_a_dang_bo_and_the_dry_run_counts_as_the_real_run(db, bloc_tree, tmp_path, capsys):
    """Reported: --create-orgs filed "Đảng bộ Sở Tài chính" as a chi bộ cơ sở; the dry run said
    "0 dòng có thể nhập" where the real run took 299, and hid the bad rows behind "… và 109 lỗi khác"."""
    rows = _rows(12, "Chi bộ Sở Xây dựng") + _rows(3, "Đảng bộ Sở Công Thương")
    rows += [["Lê Văn Sai", "Nam", "31/02/1980", date(2008, 3, 1), None, None, "Chi bộ Sở Xây dựng", ""]] * 25
    path = workbook(tmp_path / "ds.xlsx", rows)
    where = str(db.database)
    errors = tmp_path / "loi.xlsx"
    assert main.main(["import", "members", str(path), "--db", where, "--dry-run", "--create-orgs",
                      "--errors", str(errors)]) == 4
    said = capsys.readouterr()
    assert "Chạy thử: 12 dòng có thể nhập" in said.out
    # What will be made, by name; the rows refused for their own values make nothing.
    assert ("Khi nhập thật sẽ tạo 2 tổ chức đảng còn thiếu:\n  Chi bộ Sở Xây dựng (12 dòng)\n"
            "  Đảng bộ Sở Công Thương (3 dòng)\n") in said.out
    assert Member.select().count() == 0 and "Chi bộ Sở Xây dựng" not in {r.name for r in org_rows()}
    problems = list(load_workbook(errors).active.iter_rows(min_row=5, values_only=True))
    assert len(problems) == 28  # 25 impossible dates, 3 rows to place in a cell of the đảng bộ
    assert main.main(["import", "members", str(path), "--db", where, "--create-orgs"]) == 4
    assert "Đã nhập 12 đảng viên mới" in capsys.readouterr().out
    levels = {r.name: r.level for r in org_rows()}
    assert levels["Đảng bộ Sở Công Thương"] == v.DBCS and levels["Chi bộ Sở Xây dựng"] == v.CBCS


def test_an_export_imported_into_an_empty_file_loses_no_one(db, bloc_tree, tmp_path):
    """Reported: eight members sharing a name and birth date with another were skipped unless
    --same-person add was given; their card or dossier numbers tell them apart."""
    twins = [("01234567", "000101QN"), ("07654321", "000102QN")]
    for card, dossier in twins:
        create_member(person(card_number=card, dossier_number=dossier, full_member_date=None),
                      {"kind": v.ADMITTED, "date": date(2010, 3, 1), "org_id": bloc_tree["cell_a"].id})
    export = tmp_path / "xuat.xlsx"
    assert main.main(["export", "members", "--db", str(db.database), "-o", str(export)]) == 0
    close_database()
    empty = tmp_path / "moi.db"
    try:
        assert main.main(["import", "members", str(export), "--db", str(empty), "--create-orgs"]) == 0
        open_database(empty)
        assert sorted(m.card_number for m in Member.select()) == ["01234567", "07654321"]
    finally:
        close_database()

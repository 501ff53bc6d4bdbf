"""The import dialog: columns shown and changeable, every problem listed before writing, the
import written at once."""

from datetime import datetime

from models.members.tables import Member
from tests.conftest import finish
from tests.models.members.test_member_import import MESSY, workbook
from ui.members import import_dialog
from ui.members.import_dialog import ImportMembersDialog


def test_dialog_shows_problems_then_imports_the_clean_rows(qtbot, bloc_tree, tmp_path, monkeypatch):
    bad = ["Phạm Văn An", "Nam", "31/02/1990", datetime(2015, 1, 1), None, None, "Phòng Ngân sách", ""]
    rows = [*MESSY, bad]
    path = workbook(tmp_path / "ds.xlsx", rows)
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.load(path))
    assert "3 dòng nhập được, 1 dòng có lỗi" in dialog.summary.text()
    assert dialog.problems.index(0, 3).data() == "Ngày sinh 31/02/1990 không có trên lịch."
    assert dialog.columns.cellWidget(1, 2).currentData() == "full_name"
    # The clerk says the "Giới tính" column is not to be used: the sex is then missing everywhere.
    dialog.columns.cellWidget(2, 2).setCurrentIndex(0)
    finish(qtbot, dialog.recheck())
    assert "Chưa xác định được cột: Giới tính." in dialog.errors.message_for("file")
    assert not dialog.import_button.isEnabled()
    dialog.columns.cellWidget(2, 2).setCurrentIndex(dialog.columns.cellWidget(2, 2).findData("sex"))
    finish(qtbot, dialog.recheck())
    monkeypatch.setattr(import_dialog, "confirm", lambda *_a, **_k: True)
    told = []
    monkeypatch.setattr(import_dialog, "inform", lambda _p, title, text, warning=False: told.append(text))
    finish(qtbot, dialog.run_import())
    assert Member.select().count() == 3
    assert "Đã thêm 3 đảng viên" in told[-1] and "1 dòng có lỗi không nhập" in told[-1]


def test_a_file_that_is_not_a_spreadsheet_is_said_beside_the_file(qtbot, db, tmp_path):
    (tmp_path / "anh.xlsx").write_bytes(b"\x89PNG not a sheet")
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.load(tmp_path / "anh.xlsx"))
    assert "không phải bảng tính Excel" in dialog.errors.message_for("file")
    assert not dialog.import_button.isEnabled()


def test_a_field_chosen_for_two_columns_is_said(qtbot, bloc_tree, tmp_path):
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.load(workbook(tmp_path / "ds.xlsx", MESSY)))
    sex_column = dialog.columns.cellWidget(2, 2)
    sex_column.setCurrentIndex(sex_column.findData("full_name"))
    finish(qtbot, dialog.recheck())
    assert "“Họ và tên” được chọn cho hai cột" in dialog.errors.message_for("file")


def test_rows_naming_a_grassroots_party_are_placed_in_the_cell_the_clerk_picks(qtbot, bloc_tree, tmp_path,
                                                                                monkeypatch):
    named = ["Đinh Văn Một", "Nam", "01/01/1980", "05/03/2008", None, None, "Đảng bộ Sở Tài chính", ""]
    rows = [*MESSY, named,
            ["Tổng cộng", None, None, None, None, None, None, None]]
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.load(workbook(tmp_path / "ds.xlsx", rows)))
    assert "1 dòng ghi tên đảng bộ cơ sở" in dialog.summary.text()
    assert "Bỏ qua dòng 10 (dòng tổng cộng)" in dialog.summary.text()
    assert dialog.choose_cells.isVisibleTo(dialog)
    offered = []
    monkeypatch.setattr(import_dialog.QInputDialog, "getItem",
                        lambda _p, _t, _l, items, *_a: offered.append(items) or ("Chi bộ Văn phòng Sở", True))
    dialog.place_rows_in_cells()
    assert offered == [["Chi bộ Phòng Ngân sách", "Chi bộ Văn phòng Sở"]]
    assert "4 dòng nhập được, 0 dòng có lỗi" in dialog.summary.text()
    assert not dialog.choose_cells.isVisibleTo(dialog)


def test_the_choices_for_duplicates_say_what_they_are_before_a_file_is_read(qtbot, db):
    """On a real display the new dialog showed two unlabelled boxes "Bỏ qua các dòng này" one
    above the other: their labels came only with a file's counts."""
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    assert dialog.card_label.text().startswith("Số thẻ, số lý lịch") and dialog.person_label.text()
    assert not dialog.cards.isEnabled() and not dialog.same_person.isEnabled()


def test_each_problem_is_read_whole_in_its_row(qtbot, bloc_tree, tmp_path):
    """On a real display at 1366×768 the Lỗi column showed "Ngày sinh 31/02/19…" and "không có
    chi bộ này…": what was wrong, cut off in the one column the clerk needs."""
    bad = ["Phạm Văn An", "Nam", "31/02/1990", datetime(2015, 1, 1), None, None, "Phòng Ngân sách", ""]
    elsewhere = ["Lý Thị Bình", "Nữ", "12/03/1988", datetime(2015, 1, 1), None, None, "Chi bộ Không Có", ""]
    dialog = ImportMembersDialog()
    qtbot.addWidget(dialog)
    dialog.resize(1366, 728)
    dialog.show()
    finish(qtbot, dialog.load(workbook(tmp_path / "ds.xlsx", [*MESSY, bad, elsewhere])))
    view = dialog.problem_view
    assert view.wordWrap() and view.model().rowCount() >= 1
    for row in range(view.model().rowCount()):
        assert view.rowHeight(row) >= view.sizeHintForRow(row)
    message = view.model().index(0, 3).data()
    said = [view.model().index(row, 3).data() for row in range(view.model().rowCount())]
    assert all(text[:1].isupper() for text in said), said  # "không có chi bộ này…" began in lower case
    needed = view.fontMetrics().horizontalAdvance(message)
    lines = view.rowHeight(0) // view.fontMetrics().lineSpacing()
    assert view.columnWidth(3) * max(lines, 1) >= needed * 0.9, (view.columnWidth(3), lines, needed)

"""Every table exports to xlsx as shown: filters and sort applied, dates as dates, counts as
numbers, a tree flattened with its levels."""

from datetime import date

from openpyxl import load_workbook

from models.meetings.lists import cells_without_monthly_meeting
from tests.conftest import finish, settle
from ui.meetings.tables import CellGapTableModel
from ui.widgets import export_table, file_dialog
from ui.widgets.export_table import cell_value, shown_rows
from ui.widgets.table_view import list_view


def test_cell_values_are_typed_for_excel():
    assert cell_value("05/03/2024") == date(2024, 3, 5)
    assert cell_value("2.627") == 2627 and cell_value("46") == 46
    assert cell_value("01234567") == "01234567"  # a card number keeps its zero
    assert cell_value("61,3%") == "61,3%" and cell_value("31/02/2024") == "31/02/2024"


def test_member_page_exports_what_the_filter_shows(qtbot, bloc_tree, make_member, tmp_path, monkeypatch):
    from ui.members.page import MembersPage

    make_member(full_name="Nguyễn Văn Đức")
    make_member(full_name="Trần Thị Hoa", sex="F")
    page = MembersPage()
    qtbot.addWidget(page)
    page.search.setText("hoa")
    page.search.flush()
    target = tmp_path / "dv.xlsx"
    monkeypatch.setattr(file_dialog, "get_save_file_name", lambda *_a, **_k: (str(target), ""))
    monkeypatch.setattr(export_table, "inform", lambda *_a, **_k: None)
    finish(qtbot, export_table.export_view(page.view))
    sheet = load_workbook(target).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "ĐẢNG VIÊN"
    assert values[3][0] == "STT" and [row[0] for row in values[4:]] == list(range(1, len(values) - 3))
    assert load_workbook(target).active.freeze_panes == "A5"  # the headings stay in view
    names = [row[1] for row in values[4:]]
    assert names == ["Trần Thị Hoa"]


def test_tree_and_list_tables(qtbot, bloc_tree):
    from ui.orgs.page import OrgsPage

    page = OrgsPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    headers, rows = shown_rows(page.tree)
    names = [row[0] for row in rows]
    assert names[0] == "Đảng bộ Khối các cơ quan tỉnh" and "        Chi bộ Phòng Ngân sách" in names
    model = CellGapTableModel()
    model.set_rows(cells_without_monthly_meeting(2024, 3))
    view = list_view(model)
    qtbot.addWidget(view)
    headers, rows = shown_rows(view)
    assert headers == ["Chi bộ", "Trực thuộc"] and len(rows) == 3


def test_a_tables_right_click_menu_opens_copies_and_exports(qtbot, db, make_member):
    """Reported: a table's right-click menu offered only the export."""
    from PySide6.QtWidgets import QApplication

    from ui.widgets.rows_model import RowsTableModel
    from ui.widgets.table_view import list_view, open_on_activate

    class Rows(RowsTableModel):
        headers = ["Họ và tên", "Ngày sinh"]

        def cells(self, row):
            return list(row)

    model = Rows()
    model.set_rows([("Nguyễn Văn Đức", "15/05/1980"), ("Trần Thị Hoa", "07/09/1985")])
    view = list_view(model)
    qtbot.addWidget(view)
    opened = []
    open_on_activate(view, lambda: opened.append(view.currentIndex().row()))
    assert [action.text() for action in view.actions()] == ["Mở (Enter)", "Sao chép các dòng đã chọn",
                                                            "Xuất bảng ra Excel…"]
    view.setCurrentIndex(model.index(1, 0))
    view.selectRow(1)
    view.actions()[0].trigger()
    view.actions()[1].trigger()
    assert opened == [1] and QApplication.clipboard().text() == "Trần Thị Hoa\t07/09/1985"


def test_a_long_table_is_read_with_progress_and_can_be_stopped(qtbot, bloc_tree, make_member, monkeypatch):
    """The right-click export of the whole member list read 30,000 rows on the UI thread in
    4.5 s (100,000: about 15 s) with the window frozen and nothing said: the reading now goes
    in steps that show how far it is, and the clerk may stop it."""
    from ui.members.page import MembersPage
    from ui.tasks import Cancelled

    for index in range(5):
        make_member(full_name=f"Nguyễn Văn {chr(65 + index)}")
    page = MembersPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    monkeypatch.setattr(export_table, "READ_STEP", 2)
    seen = []
    headers, rows = shown_rows(page.view, lambda done, total: seen.append((done, total)))
    assert len(rows) == 5 and seen == [(2, 5), (4, 5)]

    def stop(done, total):
        raise Cancelled()

    try:
        shown_rows(page.view, stop)
        raise AssertionError("not stopped")
    except Cancelled:
        pass

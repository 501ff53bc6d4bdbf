from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from models.ratings.figures import rating_figures
from models.ratings.grid import grid_rows
from models.ratings.tables import MemberRating, RatingTotals
from tests.conftest import finish
from ui.ratings.page import RatingsPage
from ui.ratings.tables import RatingGridModel


def test_grid_model_passes_modeltester(qtmodeltester, bloc_tree, make_member):
    make_member(admitted=date(2010, 1, 1))
    model = RatingGridModel()
    model.load(2023, grid_rows(2023, bloc_tree["base"].id))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Nguyễn Văn Đức"


def test_rating_from_the_keyboard_like_a_spreadsheet(qtbot, bloc_tree, make_member):
    first = make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    second = make_member(full_name="Trần Văn Bình", admitted=date(2010, 1, 1))
    page = RatingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    page.org.set_org_id(bloc_tree["base"].id)
    assert page.grid.rowCount() == 2
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_2)  # hoàn thành tốt, then the next row
    qtbot.keyClick(page.view, Qt.Key.Key_M)  # miễn sinh hoạt
    assert page.grid.index(0, 2).data() == "Hoàn thành tốt nhiệm vụ"
    assert page.grid.index(1, 4).data() == "Miễn sinh hoạt"
    assert len(page.grid.changed_entries()) == 2
    page.save_grid()
    saved = {r.member_id: (r.level, r.not_rated_reason) for r in MemberRating.select()}
    assert saved == {first.id: ("HTTNV", None), second.id: (None, "EXEMPT")}
    assert page.grid.changed_entries() == []
    figures = rating_figures(2023)
    assert (figures.rated, figures.total_members) == (1, 2)


def test_totals_and_results_tab(qtbot, bloc_tree):
    page = RatingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    page.org.set_org_id(bloc_tree["small"].id)
    for key, value in {"total_members": 20, "rated": 19, "excellent": 2, "good": 15, "adequate": 1,
                       "failed": 0, "not_rated": 1}.items():
        page.totals[key].setValue(value)
    page.save_totals()
    assert RatingTotals.get().rated == 19
    finish(qtbot, page.show_results())
    text = page.results.toPlainText()
    assert "Có 19 đảng viên được đánh giá" in text
    assert "các mức cộng lại 18, khác số được đánh giá 19" in text


def test_sick_leave_key_and_comparison_with_last_year(qtbot, bloc_tree, make_member):
    make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    page = RatingsPage()
    qtbot.addWidget(page)
    for year, key in ((2022, Qt.Key.Key_3), (2023, Qt.Key.Key_2)):
        page.year.setValue(year)
        page.org.set_org_id(bloc_tree["base"].id)
        page.view.selectRow(0)
        if year == 2023:
            qtbot.keyClick(page.view, Qt.Key.Key_O)  # long sick leave, on the same member
            page.view.selectRow(0)
        qtbot.keyClick(page.view, key)
        page.save_grid()
    assert MemberRating.get(MemberRating.year == 2023).long_sick_leave
    finish(qtbot, page.show_results())
    text = page.results.toPlainText()
    assert "So với năm 2022:" in text
    assert "Hoàn thành tốt nhiệm vụ: 1 (năm 2022: 0; tăng 1)" in text
    assert "Lê Văn An: nghỉ ốm từ 3 tháng" in text


def test_workbooks_out_and_back_from_the_page(qtbot, bloc_tree, make_member, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from models.ratings.exchange import FIRST_ROW, MEMBERS_SHEET
    from ui.ratings import page as ratings_page
    from ui.widgets import file_dialog

    make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    page = RatingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    told = []
    monkeypatch.setattr(ratings_page, "inform", lambda _p, title, text, warning=False: told.append(text))
    monkeypatch.setattr(ratings_page, "confirm", lambda *_a, **_k: True)
    monkeypatch.setattr(file_dialog, "get_existing_directory", lambda *_a, **_k: str(tmp_path))
    finish(qtbot, page.export_workbooks())
    assert "Đã ghi 2 mẫu" in told[-1]
    path = next(tmp_path.glob("*tai-chinh*.xlsx"))
    book = load_workbook(path)
    book[MEMBERS_SHEET].cell(row=FIRST_ROW, column=6).value = "Hoàn thành xuất sắc nhiệm vụ"
    book.save(path)
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *_a, **_k: ([str(path)], ""))
    page.import_workbooks()
    assert MemberRating.get().level == "HTXSNV"


def test_a_workbook_with_an_uncomputed_level_is_named_on_the_page_and_nothing_is_written(
        qtbot, bloc_tree, make_member, tmp_path, monkeypatch):
    """The page's import tells the clerk which cell holds a formula without its result, and how
    to fix it; the file is not written."""
    from openpyxl import load_workbook

    from models.ratings.exchange import FIRST_ROW, MEMBERS_SHEET, export_rating_workbooks
    from ui.ratings import page as ratings_page
    from ui.widgets import file_dialog

    make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    path = next(p for p in export_rating_workbooks(2023, tmp_path) if "tai-chinh" in p.name)
    book = load_workbook(path)
    book[MEMBERS_SHEET].cell(row=FIRST_ROW, column=6).value = '=IF(G5>=90,"Hoàn thành xuất sắc nhiệm vụ","")'
    book[MEMBERS_SHEET].cell(row=FIRST_ROW, column=7).value = 95
    book.save(path)
    page = RatingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    told = []
    monkeypatch.setattr(ratings_page, "inform", lambda _p, title, text, **_k: told.append((title, text)))
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *_a, **_k: ([str(path)], ""))
    qtbot.mouseClick(_button(page, "Nhập mẫu đã điền…"), Qt.MouseButton.LeftButton)
    (title, text), = told
    assert title == "Chưa nhập được tệp nào"
    assert "Dòng 5 (Lê Văn An), ô “Xếp loại”: ô có công thức nhưng không có kết quả" in text
    assert MemberRating.select().count() == 0


def _button(page, text: str):
    return next(button for button in page.findChildren(QPushButton) if button.text() == text)


def test_the_saved_organisation_level_is_shown(qtbot, bloc_tree):
    from models.ratings.grid import rate_org, set_totals

    rate_org(2023, bloc_tree["small"].id, "HTXSNV")
    set_totals(2023, bloc_tree["small"].id, {"total_members": 20, "rated": 19, "excellent": 2, "good": 15,
                                              "adequate": 2, "failed": 0, "not_rated": 1})
    page = RatingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2023)
    page.org.set_org_id(bloc_tree["small"].id)
    assert page.org_level.currentData() == "HTXSNV"
    assert page.totals["rated"].value() == 19 and page.totals["good"].value() == 15


def test_the_page_opens_on_the_first_grassroots_organisation(qtbot, bloc_tree, make_member):
    """Reported: the page opened with no organisation chosen and an empty grid, with no hint."""
    make_member()
    page = RatingsPage()
    qtbot.addWidget(page)
    page.on_shown()
    assert page.org.org_id() == bloc_tree["base"].id
    assert page.grid.rowCount() == 1
    assert page.org.placeholderText() == "Chọn tổ chức cơ sở đảng…"

"""Defects reported from a first day in the window, each tried through the window itself on
the demo (the actions and helpers of test_window_actions.py)."""


from PySide6.QtWidgets import QApplication

from tests.ui.window_driver import press, settled


def test_unsaved_ratings_are_asked_about_before_leaving_the_page_or_closing(office, qtbot):
    """Reported: in the ratings grid (Ctrl+7) 1 pressed on a row turned it yellow; Ctrl+Q closed
    at once and the change was gone; switching pages did not warn either."""
    from PySide6.QtCore import Qt

    from models.ratings.tables import MemberRating

    window, seen = office
    press(window, "Xem", "Đánh giá, xếp loại")
    ratings = window.stack.currentWidget()
    ratings.year.setValue(ratings.year.value() - 1)
    ratings.view.setFocus()
    ratings.view.selectRow(0)
    qtbot.keyClick(ratings.view, Qt.Key.Key_1)
    assert ratings.grid.changed_entries() and ratings.has_unsaved_changes()
    stored = MemberRating.select().count()

    press(window, "Xem", "Đảng viên")  # answered "Hủy": the page and the typing stay
    assert seen.shown[-1][:2] == ("box", "Chưa lưu") and "Đánh giá, xếp loại" in seen.shown[-1][2]
    assert window.stack.currentWidget() is ratings and window.sidebar.currentRow() == 6
    assert ratings.grid.changed_entries()
    press(window, "Tệp", "Thoát")  # answered "Hủy": the window stays open
    assert window.isVisible() and seen.shown[-1][:2] == ("box", "Chưa lưu")
    seen.answer = "yes"
    press(window, "Xem", "Đảng viên")  # "Bỏ thay đổi": dropped, nothing written
    assert window.stack.currentWidget().title == "Đảng viên"
    assert not ratings.has_unsaved_changes() and MemberRating.select().count() == stored


def test_enter_after_adding_a_member_opens_that_member(office, qtbot, monkeypatch):
    """Reported: the new row was highlighted, and Enter opened the first row of the list."""
    from PySide6.QtCore import Qt

    from models.core import vocab as v
    from models.orgs.tree import org_rows
    from tests.conftest import type_text
    from ui.members.dialogs import MemberDialog

    window, seen = office
    cell = next(row.id for row in org_rows() if row.level in v.CELLS and not row.dissolved)

    def fill_and_save(dialog) -> int:
        type_text(dialog.inputs["full_name"], "Vũ Thị Yến")
        dialog.inputs["sex"].setCurrentIndex(dialog.inputs["sex"].findData("F"))
        dialog.inputs["birth_date"].setText("05/03/1985")
        dialog.opening.date.setText("02/03/2026")
        dialog.opening.org.set_org_id(cell)
        assert dialog.save(), dialog.errors.message_for("full_name")
        made.append(dialog.member_id)
        return 1

    made, opened = [], []
    press(window, "Xem", "Đảng viên")
    members = window.stack.currentWidget()
    members.view.setFocus()
    members.view.setCurrentIndex(members.model.index(0, 0))  # the clerk was on the first row
    seen.on_dialog = fill_and_save
    press(window, "Đảng viên", "Thêm đảng viên")
    monkeypatch.setattr(MemberDialog, "open_existing",
                        classmethod(lambda cls, member_id, parent: opened.append(member_id) or False))
    members.search.setFocus()
    members.view.setFocus()  # the focus comes back to the list as the form closes
    qtbot.keyClick(members.view, Qt.Key.Key_Return)
    assert opened == made


def test_keyboard_reaches_the_page_after_its_shortcut_and_the_toolbar_by_tab(office):
    """Reported: after Ctrl+8, Ctrl+N did nothing until Tab was pressed once; toolbar buttons
    were not in the Tab order."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolBar, QToolButton

    window, _seen = office
    window.activateWindow()
    press(window, "Xem", "Khen thưởng, huy hiệu")
    awards = window.stack.currentWidget()
    focused = QApplication.focusWidget()
    assert focused is not None and focused.isVisible() and awards.isAncestorOf(focused)
    for page in window.pages:
        for bar in page.findChildren(QToolBar):
            for button in bar.findChildren(QToolButton):
                if button.defaultAction() is not None and button.defaultAction().text():
                    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, (page.title, button.text())


def test_home_page_lines_open_the_list_they_speak_of(office, qtbot):
    """Reported: “Xét chính thức: 24 hồ sơ →” opened the unfiltered admissions list."""
    from PySide6.QtWidgets import QPushButton

    from ui.home.page import HomePage

    window, _seen = office
    press(window, "Xem", "Trang chủ")
    home = window.page(HomePage)

    def lines() -> dict:
        qtbot.waitUntil(lambda: home.glance is not None and not home.loading(), timeout=30_000)
        return {button.text(): button for button in home.findChildren(QPushButton)
                if button.text().endswith("→") and button.isVisible()}

    opened = {}
    for text in list(lines()):
        press(window, "Xem", "Trang chủ")
        lines()[text].click()
        settled()
        page = window.stack.currentWidget()
        tabs = getattr(page, "tabs", None)
        opened[text] = (page.title, tabs.tabText(tabs.currentIndex()) if tabs else "")
    admissions = [where for text, where in opened.items() if where[0] == "Kết nạp đảng viên"]
    assert admissions and all(where == ("Kết nạp đảng viên", "Cần chú ý") for where in admissions), opened
    assert all(where[1] != "Danh sách, lịch" for where in opened.values()), opened


def test_the_organisation_tree_shows_every_column_at_1366(office):
    """Reported: the tree hid its “Tạm thời” column off to the right."""
    window, _seen = office
    window.resize(1366, 728)
    press(window, "Xem", "Tổ chức đảng")
    tree = window.stack.currentWidget().tree
    header = tree.header()
    used = sum(header.sectionSize(column) for column in range(header.count())
               if not header.isSectionHidden(column))
    assert used <= tree.viewport().width()
    assert header.sectionSize(0) >= 200  # the names keep room to be read


def test_a_cell_too_narrow_ends_on_one_line(office):
    """Seen on the member list at 1366: “Chi bộ Phòng Kế hoạch -” over the top sliver of a second
    line, Qt wrapping the name at its hyphen in a row one line high. A cell too narrow is elided
    on one line, on every page's tables."""
    from PySide6.QtWidgets import QCalendarWidget, QHeaderView, QTableView

    window, _seen = office
    wrapping = []
    for index, page_class in enumerate(window.page_classes):
        window.sidebar.setCurrentRow(index)
        settled()
        page = window.page(page_class)
        days = [view for calendar in page.findChildren(QCalendarWidget)
                for view in calendar.findChildren(QTableView)]
        for view in page.findChildren(QTableView):
            if view in days:
                continue
            grows = view.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
            if view.wordWrap() and not grows:
                wrapping.append((page_class.title, type(view.model()).__name__))
    assert not wrapping


def test_each_page_that_adds_records_adds_one_with_ctrl_n(office):
    """On a real display: Người dùng › Ctrl+N did nothing; "Thêm tài khoản" had no key, where
    every other page's "Thêm…" answers Ctrl+N."""
    from PySide6.QtGui import QAction, QKeySequence

    window, _seen = office
    new = QKeySequence(QKeySequence.StandardKey.New)
    for page in window.pages:
        actions = page.findChildren(QAction)
        if any(action.text().startswith("Thêm") for action in actions):
            assert any(new in action.shortcuts() for action in actions), page.title

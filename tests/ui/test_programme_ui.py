"""Chỉ tiêu, chương trình: the main targets entered through the form and judged in the list."""

from datetime import date

from tests.conftest import settle
from ui.programme.page import ProgrammePage
from ui.programme.target_dialog import TargetDialog


def test_a_target_entered_in_the_form_is_judged_in_the_list(qtbot, bloc_tree, make_member, qtmodeltester):
    for name in ("Lê Văn Một", "Trần Văn Hai", "Phạm Thị Ba"):
        make_member(full_name=name, admitted=date(2024, 5, 1))
    dialog = TargetDialog(year=2024)
    qtbot.addWidget(dialog)
    assert not dialog.result.isEnabled()  # the records give admissions
    assert dialog.save() is False and "Nhập nội dung chỉ tiêu" in dialog.errors.message_for("wording")
    dialog.wording.setPlainText("Kết nạp 2 đảng viên mới")
    dialog.short_name.setText("kết nạp đảng viên mới")
    dialog.threshold.setText("2")
    assert dialog.save() is True
    page = ProgrammePage()
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2024)
    settle(qtbot, page)
    assert page.targets.rowCount() == 1
    assert page.targets.index(0, 4).data() == "Vượt 50%" and page.targets.index(0, 3).data() == "3"
    assert "1 chỉ tiêu chủ yếu năm 2024 đều hoàn thành" in page.sentence.text()
    qtmodeltester.check(page.targets)


def test_a_typed_result_needs_its_source(qtbot, db):
    dialog = TargetDialog(year=2024)
    qtbot.addWidget(dialog)
    dialog.wording.setPlainText("100% chi bộ sinh hoạt chuyên đề hằng quý")
    dialog.short_name.setText("chi bộ sinh hoạt chuyên đề")
    dialog.measure.setCurrentIndex(dialog.measure.findData("MANUAL_SHARE"))
    assert dialog.result.isEnabled()
    dialog.threshold.setText("100")
    dialog.result.setText("100")
    assert dialog.save() is False
    assert "Ghi kết quả lấy từ đâu" in dialog.errors.message_for("source")


def test_movements_tab_lists_registrations_and_items_and_adds_an_item(qtbot, bloc_tree):
    from models.movements import CAMPAIGN, create_movement, register
    from ui.programme.movement_dialogs import ItemDialog
    from ui.programme.movements_tab import MovementsTab

    new_year = date(date.today().year, 1, 1)  # this year's, and never after today
    movement = create_movement({"name": "Dân vận khéo làm theo lời Bác", "kind": CAMPAIGN,
                                "start_date": new_year})
    register(movement.id, new_year, org_id=bloc_tree["base"].id)
    tab = MovementsTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.load(movement.id)
    assert tab.movements.rowCount() == 1 and tab.entries.rowCount() == 1
    dialog = ItemDialog(movement.id)
    qtbot.addWidget(dialog)
    dialog.name.setText("Vườn rau tình nghĩa")
    dialog.who.setCurrentIndex(dialog.who.findData(f"org:{bloc_tree['base'].id}"))
    dialog.dates["completed_on"].setText("01/01/2000")
    assert dialog.save() is False and dialog.errors.message_for("completed_on")
    dialog.dates["completed_on"].setText("")
    dialog.value.setText("60.000.000")
    assert dialog.save() is True
    tab.load(movement.id)
    assert tab.items.index(0, 5).data() == "60.000.000"
    assert "“Dân vận khéo làm theo lời Bác”" in tab.sentences.text()


def test_workplan_tab_adds_an_item_and_refuses_done_without_a_date(qtbot, db):
    from ui.programme.workplan_tab import WorkItemDialog, WorkplanTab

    dialog = WorkItemDialog(year=2023)
    qtbot.addWidget(dialog)
    dialog.content.setPlainText("Hội nghị Ban Chấp hành sơ kết 6 tháng")
    dialog.month.setValue(7)
    dialog.status.setCurrentIndex(dialog.status.findData("DONE"))
    assert dialog.save() is False and "ngày thực hiện" in dialog.errors.message_for("done_on").lower()
    dialog.done_on.setText("15/07/2023")
    assert dialog.save() is True
    tab = WorkplanTab()
    qtbot.addWidget(tab)
    tab.year.setValue(2023)
    tab.load()
    assert tab.model.index(0, 0).data() == "7/2023" and "Đã thực hiện" in tab.model.index(0, 5).data()


def test_the_home_pages_programme_line_opens_the_programme_page(qtbot, db):
    from models.workplan import ITEM, create_work_item
    from reports.glance import PROGRAMME, attention_lines
    from tests.ui.test_main_window import make_window

    today = date.today()
    create_work_item({"year_from": today.year, "month": today.month, "body": "BTV_DUK", "kind": ITEM,
                      "content": "Hội nghị Ban Thường vụ thường kỳ"})
    line = next(line for line in attention_lines(today) if line.page == PROGRAMME)
    assert line.text == f"1 nội dung chương trình công tác tháng {today.month}/{today.year} chưa thực hiện"
    window = make_window(qtbot, db)
    window.open_area(PROGRAMME)
    assert window.stack.currentWidget().title == "Chỉ tiêu, chương trình"


def test_ctrl_n_adds_in_the_programme_tab(qtbot, db, monkeypatch):
    from PySide6.QtGui import QKeySequence, QShortcut

    from models.accounts import session
    from ui.programme import workplan_tab
    from ui.programme.workplan_tab import WorkplanTab

    session.set_current(session.LOCAL_ADMIN)  # the administrator of a file with no accounts yet
    opened = []
    monkeypatch.setattr(workplan_tab.WorkItemDialog, "accepted_after_exec",
                        lambda self: opened.append(self) or False)
    tab = WorkplanTab()
    qtbot.addWidget(tab)
    keys = {shortcut.key(): shortcut for shortcut in tab.findChildren(QShortcut)}
    # (The offscreen platform gives no active window, so the key itself cannot be pressed here.)
    keys[QKeySequence(QKeySequence.StandardKey.New)].activated.emit()
    assert len(opened) == 1
    assert QKeySequence(QKeySequence.StandardKey.Delete) in keys

"""The reporting page: the organisations asked and where each return stands, a return beside the
records, accepted or sent back through the page's own buttons; the home page's line opens it."""

import json
from datetime import date, datetime

import pytest

from models.returns import vocab as r
from models.returns.requests import create_request
from models.returns.tables import GrassrootsReturn
from tests.conftest import settle
from ui.returns.page import ReturnsPage
from ui.returns.tables import ReturnLinesModel, StatusTableModel


@pytest.fixture
def request_with_return(bloc_tree, make_member):
    make_member(full_name="Lê Văn An", admitted=date(2010, 1, 1))
    request = create_request(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 7, 1),
                             due_on=date(2025, 10, 7))
    figures = {r.HEADCOUNT: 3, r.PROBATIONARY: 1, r.DUES_COLLECTED: 900_000}  # the member is dự bị
    row = GrassrootsReturn.create(request=request.id, org=bloc_tree["base"].id, received_on=date(2025, 10, 9),
                                  figures=json.dumps(figures), state=r.RECEIVED,
                                  updated_at=datetime(2025, 10, 9))
    return request, row


def test_the_tables_pass_the_model_tester(qtmodeltester, request_with_return):
    from models.returns import return_lines, status_rows

    request, row = request_with_return
    status = StatusTableModel()
    status.set_rows(status_rows(request.id, date(2025, 10, 20)))
    qtmodeltester.check(status)
    lines = ReturnLinesModel()
    lines.set_rows(return_lines(row.id))
    qtmodeltester.check(lines)
    labels = [lines.index(i, 0).data() for i in range(lines.rowCount())]
    headcount = labels.index("Tổng số đảng viên cuối kỳ")
    assert [lines.index(headcount, c).data() for c in range(3)] == ["Tổng số đảng viên cuối kỳ", "3", "1"]


def test_a_return_is_read_beside_the_records_and_sent_back_then_accepted(qtbot, request_with_return,
                                                                          monkeypatch):
    request, row = request_with_return
    page = ReturnsPage()
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    settle(qtbot, page)
    names = [page.model.index(i, 0).data() for i in range(page.model.rowCount())]
    assert names == ["Chi bộ Sở Tư pháp", "Đảng bộ Sở Tài chính"]
    assert page.model.index(0, 1).data() == "Quá hạn, chưa gửi"
    assert "Đã nhận 1/2 báo cáo; quá hạn chưa gửi 1; chờ xem xét 1" in page.summary.text()
    page.view.setCurrentIndex(page.model.index(1, 0))
    assert "1 số liệu khác hồ sơ" in page.detail.text()
    assert page.model.index(1, 4).data() == "2"  # two working days late
    monkeypatch.setattr("ui.returns.page.QInputDialog.getMultiLineText",
                        lambda *args, **kwargs: ("Tổng số đảng viên là 1.", True))
    page.send_back_button.click()
    settle(qtbot, page)
    assert GrassrootsReturn.get_by_id(row.id).state == r.SENT_BACK
    page.view.setCurrentIndex(page.model.index(1, 0))
    assert "Ghi chú: Tổng số đảng viên là 1." in page.detail.text()
    page.accept_button.click()
    settle(qtbot, page)
    assert GrassrootsReturn.get_by_id(row.id).state == r.ACCEPTED


def test_the_home_page_line_opens_the_request(demo_clock, qtbot, db, request_with_return):
    from pathlib import Path

    from models.accounts import session
    from ui.home.page import HomePage
    from ui.main_window import MainWindow

    older, _row = request_with_return  # due 07/10/2025: more than a year before the clock's 04/12/2026
    request = create_request(kind=r.MONTH, year=2026, period=8, issued_on=date(2026, 8, 3))
    window = MainWindow(Path(db.database), session.current() or session.LOCAL_ADMIN)
    qtbot.addWidget(window)
    window.show()
    home = window.page(HomePage)
    qtbot.waitUntil(lambda: home.glance is not None)
    lines = [line for line in home.glance.attention if line.page == "returns"]
    assert [line.text for line in lines] == ["Báo cáo tháng 8 năm 2026: 2 tổ chức quá hạn chưa gửi"]
    home.go_to.emit(lines[0].page, lines[0].part)
    page = window.page(ReturnsPage)
    assert window.stack.currentWidget() is page and page.request_id() == request.id != older.id


def test_the_form_editor_adds_a_line_and_refuses_a_duplicate_key_beside_the_table(qtbot, bloc_tree):
    from PySide6.QtWidgets import QTableWidgetItem

    from models.returns.forms import is_standard, office_form
    from ui.returns.form_editor import KEY, LABEL, FormEditorDialog

    dialog = FormEditorDialog()
    qtbot.addWidget(dialog)
    standard = dialog.table.rowCount()
    dialog.table.setCurrentCell(standard - 1, LABEL)
    dialog.add_line()
    dialog.table.setItem(standard, KEY, QTableWidgetItem("ket_nap"))  # a standard line's key again
    dialog.table.setItem(standard, LABEL, QTableWidgetItem("Số công trình thanh niên"))
    assert not dialog.save()
    assert "trùng với một dòng trên" in dialog.errors.message_for("form")
    assert is_standard()
    dialog.table.setItem(standard, KEY, QTableWidgetItem("cong_trinh"))
    dialog.table.setCurrentCell(standard, LABEL)
    dialog.move_line(-1)  # one line up: above the last standard line
    assert dialog.save()
    keys = [line.key for line in office_form()]
    assert keys[-2:] == ["cong_trinh", "han_che"] and len(keys) == standard + 1


def test_the_form_editor_asks_before_its_lines_are_dropped_and_keeps_them_as_a_draft(qtbot, bloc_tree,
                                                                                    monkeypatch):
    """A label reworded or a line taken out, then Esc: the editor closed without asking and the
    work was gone (the table's cells are not inputs the question looked at)."""
    import ui.widgets.form_drafts as form_drafts
    import ui.widgets.guarded_dialog as guarded
    from models.accounts import drafts_left
    from ui.returns.form_editor import LABEL, FormEditorDialog

    monkeypatch.setattr(form_drafts, "KEEP_EVERY_MS", 50)
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *a, **k: pytest.fail("asked with nothing typed"))
    dialog = FormEditorDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.has_unsaved_changes()
    standard = dialog.table.rowCount()
    dialog.table.item(0, LABEL).setText("Tổng số đảng viên cuối kỳ (kể cả dự bị)")
    assert dialog.has_unsaved_changes()
    asked = []
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *a, **k: asked.append(1) or guarded.CONTINUE)
    dialog.reject()
    assert asked and dialog.isVisible()
    dialog.table.setCurrentCell(standard - 1, LABEL)
    dialog.remove_line()
    qtbot.waitUntil(lambda: len(drafts_left()) == 1, timeout=5000)
    dialog._drafts.timer.stop()  # the power goes
    dialog.hide()

    monkeypatch.setattr(form_drafts, "ask_to_restore", lambda owner, draft: form_drafts.RESTORE)
    again = FormEditorDialog()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.table.rowCount() == standard - 1, timeout=5000)
    assert again.table.item(0, LABEL).text() == "Tổng số đảng viên cuối kỳ (kể cả dự bị)"
    assert again.has_unsaved_changes()


def test_the_page_opens_on_the_newest_request_whose_period_has_ended(qtbot, bloc_tree):
    """On 02/01/2027 the page opened on quarter III, all accepted, while quarter IV's returns were
    coming in (one sent back, one awaiting a decision; due 08/01): the newest request whose
    deadline had passed. The one a clerk works on is the newest whose period has ended."""
    from tests.clock import clock_at

    third = create_request(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 7, 1),
                           due_on=date(2025, 10, 7))
    fourth = create_request(kind=r.QUARTER, year=2025, period=4, issued_on=date(2025, 10, 1),
                            due_on=date(2026, 1, 8))
    create_request(kind=r.QUARTER, year=2026, period=1, issued_on=date(2025, 12, 31),
                   due_on=date(2026, 4, 7))
    with clock_at(date(2026, 1, 2)):
        page = ReturnsPage()
        qtbot.addWidget(page)
        page.show()
        page.on_shown()
        settle(qtbot, page)
        assert page.request_id() == fourth.id != third.id


def test_a_zip_with_no_workbook_in_it_is_said_so(qtbot, bloc_tree, monkeypatch, tmp_path):
    """A .zip of the wrong attachments: "Chưa nhận được báo cáo nào" over an empty message."""
    import zipfile

    import ui.returns.page as page_module
    from ui.widgets import file_dialog

    create_request(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 7, 1), due_on=date(2025, 10, 7))
    archive = tmp_path / "tep-dinh-kem.zip"
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("giay-moi.txt", "không phải báo cáo")
    monkeypatch.setattr(file_dialog, "get_open_file_names", lambda *a, **k: ([str(archive)], ""))
    said = []
    monkeypatch.setattr(page_module, "inform", lambda _parent, title, text, **_k: said.append((title, text)))
    page = ReturnsPage()
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    settle(qtbot, page)
    page.bring_back()
    assert said == [("Chưa nhận được báo cáo nào",
                     "✗ tep-dinh-kem.zip: không có mẫu báo cáo nào (tệp .xlsx hoặc .ods).")]

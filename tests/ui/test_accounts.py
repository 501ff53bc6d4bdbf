from pathlib import Path

import pytest

from models.accounts import session
from models.accounts.session import ADMIN, CLERK, VIEWER
from models.accounts.tables import AppUser
from models.accounts.users import authenticate, create_user
from tests.conftest import finish, settle, type_text
from ui.audit.page import AuditPage, describe_change
from ui.main_window import MainWindow
from ui.members.dialogs import MemberDialog
from ui.members.page import MembersPage
from ui.orgs.page import OrgsPage
from ui.users.dialogs import FirstStartDialog, SignInDialog, UserDialog
from ui.users.page import UsersPage
from ui.users.tables import UserTableModel

PASSWORD = "mat-khau-du-dai"


def test_first_start_dialog_creates_office_and_admin(qtbot, db):
    assert FirstStartDialog.needed()
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    for key, text in (("bloc_name", "Đảng ủy Khối các cơ quan tỉnh"), ("superior_body", "Đảng bộ tỉnh"),
                      ("code", "ĐUK"), ("place", "Hạ Long")):
        dialog.details[key].setFocus()
        type_text(dialog.details[key], text)
    dialog.username.setText("quantri")
    type_text(dialog.full_name, "Nguyễn Văn Quản")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    assert dialog.save() is False
    assert "không giống nhau" in dialog.errors.message_for("repeat")
    dialog.repeat.setText(PASSWORD)
    assert dialog.save() is True
    assert not FirstStartDialog.needed()
    assert AppUser.get().full_name == "Nguyễn Văn Quản"


def test_sign_in_wrong_password_is_cleared_and_explained(qtbot, db):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.username.setText("quantri")
    dialog.password.setText("sai-mat-khau")
    assert dialog.sign_in() is False
    assert "không đúng" in dialog.errors.message_for("password")
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    assert dialog.sign_in() is True and dialog.actor.username == "quantri"


def _window(qtbot, db, username):
    actor = authenticate(username, PASSWORD)
    session.set_current(actor)
    window = MainWindow(Path(db.database), actor)
    qtbot.addWidget(window)
    return window


def test_viewer_reads_only_and_sees_personal_data_masked(qtbot, db, make_member):
    member = make_member(identity_number="001080012345", residence="Tổ 1, phường Hồng Hà")
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("xem", "Người Xem", VIEWER, PASSWORD)
    window = _window(qtbot, db, "xem")
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert "Người dùng" not in titles and "Nhật ký thay đổi" not in titles
    assert not window.page(MembersPage).add_action.isEnabled()
    assert not window.page(OrgsPage).add_action.isEnabled()
    assert "Người Xem" in window.windowTitle()
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    assert dialog.read_only and not any(button.isEnabled() for button in dialog.edit_buttons)
    assert dialog.inputs["identity_number"].text() == "••••••"
    assert dialog.inputs["residence"].text() == "••••••"
    assert dialog.save() is False  # refused in models/, shown on the form
    assert "chỉ được xem" in dialog.errors._fallback.text()


def test_admin_adds_a_limited_clerk(qtbot, db, bloc_tree):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    window = _window(qtbot, db, "quantri")
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[-2:] == ["Người dùng", "Nhật ký thay đổi"]
    dialog = UserDialog()
    qtbot.addWidget(dialog)
    dialog.username.setText("coso")
    type_text(dialog.full_name, "Trần Thị Cơ Sở")
    dialog.role.setCurrentIndex(dialog.role.findData(CLERK))
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD)
    from PySide6.QtCore import Qt

    names = [dialog.orgs.item(i).text() for i in range(dialog.orgs.count())]
    dialog.orgs.item(names.index("Đảng bộ Sở Tài chính")).setCheckState(Qt.CheckState.Checked)
    assert dialog.save()
    actor = authenticate("coso", PASSWORD)
    assert actor.role == CLERK and actor.org_ids == frozenset({bloc_tree["base"].id})


def test_user_and_audit_models_pass_modeltester(qtmodeltester, qtbot, db, make_member):
    make_member()
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    users = UserTableModel()
    users.refresh()
    qtmodeltester.check(users)
    page = AuditPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    qtmodeltester.check(page.model)
    assert page.model.rowCount() > 3
    page.table.setCurrentIndex(page.table.findData("member"))
    finish(qtbot, page.refresh())
    assert {page.model.index(r, 4).data() for r in range(page.model.rowCount())} == {"Đảng viên"}
    assert "Họ và tên: 'Nguyễn Văn Đức'" in describe_change(page.model.entry(0))
    page.end.setText("31/02/2026")
    page.refresh()
    assert "không có trên lịch" in page.errors.message_for("end")


def test_a_batch_entry_shows_its_rows_and_the_record_asked_for(qtbot, db):
    from models.accounts.audit import log_bulk_inserts

    log_bulk_inserts("member", [{"id": n, "full_name": f"Người Số {n}"} for n in range(1, 131)])
    page = AuditPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    page.view.selectRow(0)
    shown = page.detail.toPlainText()
    assert page.model.entry(0).record_label == "1–130"
    assert shown.startswith("130 bản ghi được thêm cùng lúc") and "Họ và tên: 'Người Số 100'" in shown
    assert "Người Số 101" not in shown and "… và 30 bản ghi khác" in shown
    type_text(page.record, "117")
    finish(qtbot, page.refresh())
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    shown = page.detail.toPlainText()
    assert "Họ và tên: 'Người Số 117'" in shown and "Người Số 116" not in shown


def test_sign_out_closes_the_window_for_the_next_user(qtbot, db):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    window = _window(qtbot, db, "quantri")
    window.show()
    with qtbot.waitSignal(window.closed):
        window.sign_out()
    assert window.signed_out and not window.isVisible()


def test_sign_in_offers_the_account_just_made_then_the_last_one_used(qtbot, db, monkeypatch):
    """Reported: sign-in did not pre-fill the account just created."""
    def fill_and_save(dialog) -> bool:
        for key, text in (("bloc_name", "Đảng ủy Khối các cơ quan tỉnh"), ("superior_body", "Đảng bộ tỉnh"),
                          ("code", "ĐUK"), ("place", "Hạ Long")):
            dialog.details[key].setText(text)
        dialog.username.setText("QuanTri")
        dialog.full_name.setText("Nguyễn Văn Quản")
        dialog.password.setText(PASSWORD)
        dialog.repeat.setText(PASSWORD)
        return dialog.save()

    monkeypatch.setattr(FirstStartDialog, "accepted_after_exec", fill_and_save)
    created = FirstStartDialog.ask()
    assert created == "quantri"
    dialog = SignInDialog(username=created)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == "quantri" and dialog.focusWidget() is dialog.password
    dialog.password.setText(PASSWORD)
    assert dialog.sign_in()
    again = SignInDialog()
    qtbot.addWidget(again)
    assert again.username.text() == "quantri"


def test_users_page_on_the_workstations_server_account_says_who_may_change_accounts(qtbot, db, monkeypatch):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        page = UsersPage()
        qtbot.addWidget(page)
        page.on_shown()
        assert page.owner_only.isHidden()  # a file: the administrator manages accounts here
        assert all(action.isEnabled() for action in page.changing_actions)
        monkeypatch.setattr("ui.users.page.accounts_kept_here", lambda: False)
        page.on_shown()
        assert not page.owner_only.isHidden() and "tài khoản chủ" in page.owner_only.text()
        assert not any(action.isEnabled() for action in page.changing_actions)
        assert page.model.rowCount() == 1  # the list is still there to read


def test_the_users_list_says_which_organisations_an_account_is_limited_to(db, bloc_tree):
    """An administrator sees at a glance whom each account may work on: the whole bloc, or the
    organisations named (the first two, then how many more)."""
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    create_user("coso", "Cán Bộ Cơ Sở", CLERK, PASSWORD, [bloc_tree["base"].id])
    create_user("nhieu", "Cán Bộ Nhiều Nơi", CLERK, PASSWORD,
                [bloc_tree["base"].id, bloc_tree["small"].id, bloc_tree["cell_a"].id])
    users = UserTableModel()
    users.refresh()
    scope = {users.index(r, 0).data(): users.index(r, 4).data() for r in range(users.rowCount())}
    from PySide6.QtCore import Qt

    assert users.headerData(4, Qt.Orientation.Horizontal) == "Phạm vi"
    assert scope["quantri"] == "Toàn khối"
    assert scope["coso"] == bloc_tree["base"].name
    # In the tree's order, each named so that it is known (a cell with its đảng bộ).
    assert scope["nhieu"] == ("Đảng bộ Sở Tài chính; Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính "
                              "và 1 tổ chức khác")


def test_a_limited_clerk_finds_the_blocs_documents_greyed_with_the_reason(qtbot, db, bloc_tree):
    """The bloc's reports and letters count the whole bloc: for a clerk limited to one đảng bộ
    the buttons that print them are greyed, with the reason on them (the command refuses too)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QPushButton

    from ui.dues.page import DuesPage
    from ui.page import BLOC_ONLY
    from ui.reports.page import ReportsPage
    from ui.returns.page import ReturnsPage

    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("thuky", "Thư Ký", CLERK, PASSWORD, [bloc_tree["base"].id])
    window = _window(qtbot, db, "thuky")
    reports = window.page(ReportsPage)
    printing = [b for b in reports.findChildren(QPushButton)
                if b.text().startswith(("Lưu dự thảo", "In bản dự thảo", "Lấy số văn bản", "Xuất Word"))]
    assert len(printing) == 4 and not any(b.isEnabled() for b in printing)
    assert all(b.toolTip() == BLOC_ONLY for b in printing) and reports.status.text() == BLOC_ONLY
    for page_class, texts in ((ReturnsPage, ("In công văn đôn đốc…", "In báo cáo tổng hợp…", "Yêu cầu mới…",
                                             "Mẫu báo cáo…")),
                              (DuesPage, ("In báo cáo quý…",))):
        actions = {a.text(): a for a in window.page(page_class).findChildren(QAction)}
        assert all(not actions[text].isEnabled() for text in texts), page_class


def test_a_file_nobody_can_sign_in_to_is_explained_instead_of_a_sign_in_that_never_works(
        qtbot, tmp_path, monkeypatch):
    """Found: a file without accounts, prepared on another workstation, opened on a sign-in
    dialog no name and password could pass, with nothing said."""
    import ui.app as app_module
    from models.core.db import close_database, open_database
    from models.orgs.changes import create_org

    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "may-khac"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    path = tmp_path / "dangvu.db"
    open_database(path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    close_database()
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "may-nay"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    open_database(path)
    told = []
    monkeypatch.setattr(app_module, "_tell", lambda title, text: told.append((title, text)))
    monkeypatch.setattr(SignInDialog, "ask", lambda *a, **k: pytest.fail("a sign-in nobody can pass"))
    assert app_module._sign_in_loop(app_module.make_application(), path) == 1
    assert told and told[0][0] == "Không đăng nhập được" and "tạo tài khoản quản trị ở đó" in told[0][1]


def test_the_organisations_of_a_limited_clerk_are_found_by_typing(qtbot, db, bloc_tree):
    """On a real display at 1366×768: 75 grassroots organisations in a list 250 px wide, names
    wrapped over two lines, found only by scrolling. Typing part of a name, without its accents,
    narrows the list; what was ticked stays ticked, and the count of those ticked is said."""
    from PySide6.QtCore import Qt

    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    dialog = UserDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    shown = lambda: [dialog.orgs.item(i).text() for i in range(dialog.orgs.count())  # noqa: E731
                     if not dialog.orgs.item(i).isHidden()]
    everything = shown()
    type_text(dialog.org_filter, "tai chinh")
    assert shown() == ["Đảng bộ Sở Tài chính"]
    assert not dialog.has_unsaved_changes()  # looking is not typing: Esc closes without asking
    dialog.orgs.item(everything.index("Đảng bộ Sở Tài chính")).setCheckState(Qt.CheckState.Checked)
    assert "Đã chọn 1 tổ chức" in dialog.org_count.text()
    dialog.org_filter.clear()
    assert shown() == everything and dialog.chosen_orgs() == [bloc_tree["base"].id]
    assert dialog.has_unsaved_changes()
    assert dialog.orgs.width() >= 400

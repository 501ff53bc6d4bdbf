"""The server in the window: the connection dialog (each problem next to its field, the
choice remembered without its password) and lists that show other clerks' changes when the
window comes back to the front."""

import socket

import pytest
from PySide6.QtCore import Qt

from models.core.where import Server, parse_server
from tests.conftest import settle
from tests.ui.test_main_window import make_window
from ui import settings
from ui.members.page import MembersPage
from ui.users.server_dialog import ServerDialog


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the socket is closed


def test_a_missing_host_and_a_server_that_refuses_are_said_next_to_their_fields(qtbot):
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.host.clear()
    assert dialog.save() is False
    assert dialog.errors.message_for("host") == "Nhập máy chủ."
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(closed_port())
    assert dialog.try_connection() is False
    assert "máy chủ không nhận kết nối" in dialog.errors.message_for("port")
    assert settings.DATA_SERVER.get() == ""  # nothing chosen while it cannot be reached


def test_a_reachable_server_is_chosen_without_its_password_in_the_settings(qtbot, monkeypatch):
    tried = []
    monkeypatch.setattr("ui.users.server_dialog.probe_server", tried.append)
    dialog = ServerDialog(Server("192.168.1.10", 5432, "dangvu", "dangvu", "bi-mat"))
    qtbot.addWidget(dialog)
    assert dialog.try_connection() is True and "Kết nối được" in dialog.status.text()
    assert dialog.save() is True
    assert tried[-1].password == "bi-mat"
    assert settings.DATA_SERVER.get() == "postgresql://dangvu@192.168.1.10:5432/dangvu"
    dialog.use_local_file()
    assert settings.DATA_SERVER.get() == "" and dialog.local_chosen


def test_back_at_the_window_the_list_shows_what_another_clerk_saved(qtbot, db, make_member):
    make_member(full_name="Nguyễn Văn Đức")
    window = make_window(qtbot, db)
    window.sidebar.setCurrentRow(window.page_classes.index(MembersPage))
    page = settle(qtbot, window.page(MembersPage))
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    chosen = page.selected_member_id()
    make_member(full_name="Trần Thị Hoa", sex="F")  # saved elsewhere: this window was not told
    window.came_back(Qt.ApplicationState.ApplicationInactive)
    assert page.model.rowCount() == 1
    window.came_back(Qt.ApplicationState.ApplicationActive)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert page.selected_member_id() == chosen  # the clerk's place in the list is kept


class Answer:
    def __init__(self, chosen=None, local_chosen=False):
        self.chosen, self.local_chosen = chosen, local_chosen


def test_an_unreachable_server_at_start_offers_the_dialog_then_the_local_file(qtbot, tmp_path, monkeypatch):
    import ui.app as app_module

    asked, opened = [], []
    monkeypatch.setattr(app_module.ServerDialog, "at_start",
                        lambda server, problem: asked.append(problem.message) or Answer(local_chosen=True))
    monkeypatch.setattr(app_module, "_sign_in_loop", lambda app, where: opened.append(where) or 0)
    monkeypatch.setattr(app_module, "backup_on_exit", lambda where: None)
    unreachable = Server("127.0.0.1", closed_port(), "dangvu", "dangvu")
    assert app_module.run_gui(unreachable, tmp_path / "dangvu.db") == 0
    assert "máy chủ không nhận kết nối" in asked[0]
    assert opened == [tmp_path / "dangvu.db"]  # the workstation's own file, set up afresh


def test_a_server_put_right_in_the_dialog_at_start_is_opened(qtbot, monkeypatch):
    import ui.app as app_module
    from tests.server_cluster import URL, drop_database, new_database

    if not URL:
        pytest.skip("needs DANGVU_TEST_PG, a PostgreSQL server for the tests (.ci/run starts one)")
    name, url = new_database()
    good = parse_server(url)
    wrong = Server(good.host, good.port, "khong_co_csdl", good.user)
    answers = [Answer(chosen=good)]
    monkeypatch.setattr(app_module.ServerDialog, "at_start", lambda server, problem: answers.pop())
    opened = []
    monkeypatch.setattr(app_module, "_sign_in_loop", lambda app, where: opened.append(where) or 0)
    monkeypatch.setattr(app_module, "backup_on_exit", lambda where: None)
    try:
        assert app_module.run_gui(wrong) == 0
        assert opened == [good] and answers == []
    finally:
        drop_database(name)


def test_the_password_is_kept_in_the_credential_store_only_when_asked(qtbot, monkeypatch, memory_store):
    import ui.credentials as credentials

    monkeypatch.setattr("ui.users.server_dialog.probe_server", lambda server: None)
    dialog = ServerDialog(Server("may-chu", 5432, "dangvu", "dangvu", "bi-mat"))
    qtbot.addWidget(dialog)
    assert dialog.remember.isEnabled()
    dialog.remember.setChecked(True)
    assert dialog.save()
    server = Server("may-chu", 5432, "dangvu", "dangvu")
    assert credentials.with_stored_password(server).password == "bi-mat"
    assert "bi-mat" not in str(settings.DATA_SERVER.get())
    dialog.remember.setChecked(False)
    assert dialog.save()
    assert credentials.with_stored_password(server).password == ""  # forgotten when unticked

"""The audit page at a large bloc: a trail of a million entries is read and written off the
UI thread — the page shows at once, the entries follow; the CSV export runs as a task with
progress, can be stopped, and leaves no half-written file."""


import pytest

from models.accounts import session
from models.accounts.session import ADMIN
from models.accounts.users import authenticate, create_user
from models.core.text_tables import read_text_table
from tests.conftest import finish, settle
from ui.audit.page import AuditPage
from ui.tasks import Cancelled

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def page(qtbot, db, make_member):
    for _ in range(3):
        make_member()
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    session.set_current(authenticate("quantri", PASSWORD))
    page = AuditPage()
    qtbot.addWidget(page)
    return page


def test_the_entries_follow_from_a_task(qtbot, page):
    page.on_shown()
    assert page.loading() and page.model.rowCount() == 0  # nothing read on the UI thread
    qtbot.waitUntil(lambda: not page.loading(), timeout=30_000)
    assert page.model.rowCount() > 3
    assert page.user.count() > 1  # who wrote them, besides "Mọi người dùng"
    assert "mục" in page.count.text()


def test_the_csv_export_is_a_task_and_writes_every_entry(qtbot, page, tmp_path, monkeypatch):
    settle(qtbot, page)
    target = tmp_path / "nhat-ky.csv"
    monkeypatch.setattr("ui.audit.page.ask_save_path", lambda *_args, **_kwargs: target)
    monkeypatch.setattr("ui.audit.page.inform", lambda *_args, **_kwargs: None)
    task = finish(qtbot, page.export())
    assert task.error is None
    rows = read_text_table(target)
    assert rows[0][:3] == ["Số", "Thời điểm", "Người dùng"] and len(rows) - 1 == task.result


def test_a_stopped_export_leaves_the_old_file_and_no_partial(qtbot, page, tmp_path, monkeypatch):
    settle(qtbot, page)
    target = tmp_path / "nhat-ky.csv"
    target.write_text("bản cũ", encoding="utf-8")
    told = []
    monkeypatch.setattr("ui.audit.page.ask_save_path", lambda *_args, **_kwargs: target)
    monkeypatch.setattr("ui.audit.page.inform", lambda *args, **_kwargs: told.append(args))
    monkeypatch.setattr("models.accounts.audit_browse.EXPORT_STEP", 1)

    def stop_pressed(_progress):
        raise Cancelled

    monkeypatch.setattr("ui.tasks.Progress.check", stop_pressed)
    finish(qtbot, page.export())
    assert told and told[0][1] == "Đã dừng"
    assert target.read_text(encoding="utf-8") == "bản cũ"
    assert [path.name for path in tmp_path.iterdir() if "nhat-ky" in path.name] == ["nhat-ky.csv"]


def test_the_log_names_people_and_settings_as_a_clerk_reads_them(qtbot, page):
    """Reported: the change log showed "may-tai-cho" and "demo_last_entry"."""
    from models.accounts.audit import log_insert
    from models.accounts.tables import OfficeSetting

    log_insert(OfficeSetting.create(key="demo_last_entry", value="7"))
    page.on_shown()
    qtbot.waitUntil(lambda: not page.loading(), timeout=30_000)
    shown = {page.model.index(row, column).data() for row in range(page.model.rowCount())
             for column in (2, 5)}
    users = {page.user.itemText(index) for index in range(page.user.count())}
    assert "may-tai-cho" not in shown | users and "Quản trị tại máy (chưa có tài khoản)" in shown & users
    assert "demo_last_entry" not in shown and "Dấu kết thúc dữ liệu mẫu" in shown
